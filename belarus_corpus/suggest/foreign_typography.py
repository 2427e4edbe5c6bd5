"""foreign-typography@1: typography foreign to English.

Rule: each of these is an ``artifact/foreign-typography`` proposal:
- a quotation opened by a low-9 mark („…” or „…“, Polish / German / Ukrainian style) or by guillemets
  («…», ‹…›, or reversed »…« as in German): the span runs from the opening to the closing mark; an
  opening mark that is never closed in its paragraph is proposed alone;
- a single low-9 quotation ‚…‘ / ‚…’ (span from mark to mark, or the mark alone);
- the numero sign №;
- a dash introducing the speaker right after a quotation (“…” – said he, “…” – the diplomat commented),
  a Slavic convention: the span is the dash;
- a space before ? ! ; or : as in French ("vraiment ?"): the span is the mark.

Known limits: spaced en dashes used as em dashes are not flagged (common in British English); decimal
commas ("1,5 million") are ambiguous with thousands separators and left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .quotes import quotations
from .segment import Span, paragraphs_of

_FOREIGN_OPENERS = frozenset("„«‹")
_CANDIDATES = LazyPattern(r"[„«‹»‚№]|[”\"»]\s*[–—]\s*(?=[a-z])|(?<=\w) [?!;:](?=\s|$)")
_REVERSED_GUILLEMETS = LazyPattern(r"»[^«»\n]{1,300}«")
_SINGLE_LOW = LazyPattern(r"‚[^‚‘’\n]{1,200}[‘’](?!\w)")

EXPLANATIONS = {
    "quote": "Low-high quotation marks or guillemets, as in Polish, German, Ukrainian or Russian typography.",
    "single": "A single low-high quotation mark, as in German or Polish typography.",
    "numero": "The numero sign, usual in Slavic typography, where English writes 'No.'.",
    "dash": "A dash introducing the speaker after a quotation, a Slavic convention.",
    "space": "A space before a punctuation mark, as in French typography.",
}


def _proposal(start: int, end: int, kind: str) -> Proposal:
    return Proposal(layer="artifact", type="foreign-typography", start=start, end=end,
                    attributes={"explanation": EXPLANATIONS[kind]})


def _paragraph_marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    covered: list[Span] = []
    for quotation in quotations(text, start, end):
        if quotation.opener in _FOREIGN_OPENERS and not any(a <= quotation.open < b for a, b in covered):
            covered.append((quotation.open, quotation.close + 1))
    for match in _REVERSED_GUILLEMETS.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in covered):
            covered.append(match.span())
    for match in _SINGLE_LOW.finditer(text, start, end):
        yield match.start(), match.end(), "single"
        covered.append(match.span())
    for span in covered:
        yield span[0], span[1], "quote"
    for match in _CANDIDATES.finditer(text, start, end):
        yield from _single_mark(match, covered)


def _single_mark(match: re.Match[str], covered: list[Span]) -> Iterator[tuple[int, int, str]]:
    """A proposal for one candidate of ``_CANDIDATES`` not already inside a proposed quotation."""
    mark, start = match.group(), match.start()
    if mark.startswith(" "):
        yield start + 1, match.end(), "space"
    elif len(mark) > 1:
        dash = start + len(mark.rstrip()) - 1
        yield dash, dash + 1, "dash"
    elif mark == "№":
        yield start, match.end(), "numero"
    elif any(a <= start < b for a, b in covered):
        return
    elif mark == "‚":
        yield start, match.end(), "single"
    elif mark in _FOREIGN_OPENERS:
        yield start, match.end(), "quote"


class ForeignTypography:
    name = "foreign-typography"
    version = 1

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        if not _CANDIDATES.search(text):
            return
        seen: set[tuple[int, int]] = set()
        for start, end, _role in paragraphs_of(document):
            for mark_start, mark_end, kind in _paragraph_marks(text, start, end):
                if (mark_start, mark_end) not in seen:
                    seen.add((mark_start, mark_end))
                    yield _proposal(mark_start, mark_end, kind)


DETECTOR = ForeignTypography()
