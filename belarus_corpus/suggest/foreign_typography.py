"""foreign-typography@3: typography foreign to English.

Rule: each of these is an ``artifact/foreign-typography`` proposal:
- a quotation opened by a low-9 mark („…” or „…“, Polish / German / Ukrainian style) or by guillemets
  («…», ‹…›, or reversed »…« as in German): the span runs from the opening to the closing mark; an
  opening mark that is never closed in its paragraph is proposed alone;
- a single low-9 quotation ‚…‘ / ‚…’ (span from mark to mark, or the mark alone);
- the numero sign №;
- a dash introducing the speaker right after a quotation (“…” – said he, “…” – the diplomat commented),
  a Slavic convention (also after a comma: „…”, – said he): the span is the dash;
- a Polish academic title in lower case before a name ("dr Marta Nowak"): the span is the title;
- a space before ? ! ; or : as in French ("vraiment ?"): the span is the mark;
- a decimal comma in running text, as in Russian, Ukrainian, Polish or German: one to three digits, a comma and
  one or two digits (never three, which is a thousands separator), before a unit, a percent or a scale word
  ("2,5 percent", "1,8 billion", "17,4 %"): the span is the number (confidence 0.6: a list written "1,2 and 3"
  with a unit after it would be taken too).

Known limits: spaced en dashes used as em dashes are not flagged (common in British English); a decimal comma
with no unit after it ("rose to 2,5") is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .quotes import quotations
from .scan import find_all
from .segment import Span, SpanIndex, paragraphs_of

_FOREIGN_OPENERS = frozenset("„«‹")
_QUOTE_MARKS = "„«‹»‚"
_CLOSING_QUOTES = "”\"»“"
_REVERSED_GUILLEMETS = LazyPattern(r"»[^«»\n]{1,300}«")
_SINGLE_LOW = LazyPattern(r"‚[^‚‘’\n]{1,200}[‘’](?!\w)")
# Polish academic titles written in lower case without a point before a name ("dr Marta Nowak", "mgr inż. …").
_DECIMAL_COMMA = LazyPattern(
    r"(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])(?=\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|million\b|billion\b"
    r"|thousand\b|trillion\b|times\b|tonnes?\b|tons?\b|km\b|kilomet(?:re|er)s?\b|met(?:re|er)s?\b|hectares?\b"
    r"|degrees?\b|points?\b|years?\b|months?\b|hours?\b|kg\b|kilograms?\b|lit(?:re|er)s?\b|euros?\b|dollars?\b"
    r"|r[ou]bles?\b|hryvn\w*|zlot\w*|lei\b))")
_POLISH_TITLE = LazyPattern(r"(?<![\w.])(?:dr|mgr|prof\.|inż\.)(?=\s+[A-ZÀ-ÞŁŚŻŹĆŃ])")

EXPLANATIONS = {
    "quote": "Low-high quotation marks or guillemets, as in Polish, German, Ukrainian or Russian typography.",
    "single": "A single low-high quotation mark, as in German or Polish typography.",
    "numero": "The numero sign, usual in Slavic typography, where English writes 'No.'.",
    "dash": "A dash introducing the speaker after a quotation, a Slavic convention.",
    "space": "A space before a punctuation mark, as in French typography.",
    "decimal": "A decimal comma, as in Slavic and German typography, where English writes a decimal point.",
    "title": "A Polish academic title in lower case before a name ('dr'), where English writes 'Dr'.",
}
Mark = tuple[int, int, str]


def _inside(position: int, covered: list[Span]) -> bool:
    return any(start <= position < end for start, end in covered)


def _paragraph_quotes(text: str, start: int, end: int) -> Iterator[Mark]:
    """Foreign quotations of one paragraph, then foreign opening marks that were never closed."""
    covered: list[Span] = []
    for quotation in quotations(text, start, end):
        if quotation.opener in _FOREIGN_OPENERS and not _inside(quotation.open, covered):
            covered.append((quotation.open, quotation.close + 1))
    for match in _REVERSED_GUILLEMETS.finditer(text, start, end):
        if not _inside(match.start(), covered):
            covered.append(match.span())
    for span in covered:
        yield span[0], span[1], "quote"
    for match in _SINGLE_LOW.finditer(text, start, end):
        covered.append(match.span())
        yield match.start(), match.end(), "single"
    for mark in "„«‹‚":
        position = text.find(mark, start, end)
        while position >= 0:
            if not _inside(position, covered):
                yield position, position + 1, "single" if mark == "‚" else "quote"
            position = text.find(mark, position + 1, end)


def _quote_marks(document: DocumentView) -> Iterator[Mark]:
    text = document.text
    if not any(mark in text for mark in _QUOTE_MARKS):
        return
    index = SpanIndex(tuple((start, end) for start, end, _ in paragraphs_of(document)))
    marked = {index.containing(position) for mark in _QUOTE_MARKS for position in find_all(text, mark)}
    for paragraph in sorted(span for span in marked if span):
        yield from _paragraph_quotes(text, *paragraph)


def _dashes_after_quotes(text: str) -> Iterator[Mark]:
    """ “…” – said he: a dash right after a closing quotation mark, followed by a lower-case word."""
    for dash in "–—":
        for position in find_all(text, dash):
            before = text[max(0, position - 4) : position].rstrip().rstrip(",")
            after = text[position + 1 : position + 4].lstrip()
            if before and before[-1] in _CLOSING_QUOTES and after[:1].islower():
                yield position, position + 1, "dash"


def _spaces_before_punctuation(text: str) -> Iterator[Mark]:
    for mark in "?!;:":
        for position in find_all(text, " " + mark):
            follows = position + 2
            if position and text[position - 1].isalnum() and (follows == len(text) or text[follows].isspace()):
                yield position + 1, position + 2, "space"


def _marks(document: DocumentView) -> Iterator[Mark]:
    text = document.text
    yield from _quote_marks(document)
    yield from ((position, position + 1, "numero") for position in find_all(text, "№"))
    yield from _dashes_after_quotes(text)
    yield from _spaces_before_punctuation(text)
    yield from ((match.start(), match.end(), "title") for match in _POLISH_TITLE.finditer(text))
    if "," in text:
        yield from ((match.start(), match.end(), "decimal") for match in _DECIMAL_COMMA.finditer(text))


class ForeignTypography:
    name = "foreign-typography"
    version = 3
    confidence = 0.8

    def detect(self, document: DocumentView) -> list[Proposal]:
        found = {(start, end): kind for start, end, kind in _marks(document)}
        return [Proposal(layer="artifact", type="foreign-typography", start=start, end=end,
                         attributes={"explanation": EXPLANATIONS[kind]}, score=0.6 if kind == "decimal" else None)
                for (start, end), kind in sorted(found.items())]


DETECTOR = ForeignTypography()
