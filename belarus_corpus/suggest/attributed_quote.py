"""attributed-quote@2: quotations with a speech verb nearby, and their speaker when one can be found.

Rule: take each outermost quotation of a paragraph (see ``quotes``) with at least three words inside.
It is a ``claim/quote`` when, in the same clause, a speech verb follows the closing mark (“…,” said X /
“…” – the diplomat commented / “…” – emphasizes he / “…,” Prime Minister X told / “…” – underlined the head of
the port X) or precedes the opening mark (X said: “…” / X, who described a “…” / X told reporters that the talks
had been “…”: reported speech takes up a quotation even when the sentence runs on after it), or when the quote
follows "X's statement:" or "according to X,", or a colon after a clause whose subject is a name. The span is the
text inside the marks, without the marks. Quotations of two words count only after a verb of naming ("called him a
“strong leader”"), of one word never: shorter ones are mostly scare quotes.

``holder`` is the speaker as written: the name, pronoun or "the <role>" next to the verb, else the first
name of the clause before the quote (full names preferred). Known limits: quotes attributed in another
paragraph, and quotes of one or two words (mostly scare quotes) are not proposed; the subject heuristic
can pick the wrong name in long clauses; pronoun holders are not resolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .names import NAME, NAME_TOKEN, UPPER, clean_name, names_in
from .quotes import Quotation, paired, quote_marks
from .segment import SpanIndex, is_abbreviation, paragraphs_of, trim

MIN_WORDS = 3
WINDOW = 200
TAIL = 80

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "declared", "declares", "declaring",
    "wrote", "writes", "noted", "notes", "commented", "comments", "emphasized", "emphasizes", "emphasised",
    "emphasises", "stressed", "stresses", "warned", "warns", "explained", "explains", "argued", "argues", "insisted",
    "insists", "replied", "replies", "remarked", "remarks", "asked", "asks", "announced", "announces", "thanked",
    "thanks", "tweeted", "posted", "recalled", "recalls", "continued", "concluded", "admitted", "acknowledged",
    "claimed", "claims", "described", "describes", "called", "calls", "labeled", "labelled", "referred to",
    "refers to", "responded", "responds", "joked", "quipped", "saying", "adding", "telling", "writing",
    "declaring", "promised", "vowed", "urged", "predicted", "observed", "suggested", "confirmed", "denied",
    "underlined", "underlines", "informed", "informs", "reminded", "reminds", "assured", "assures", "pointed out",
    "points out", "wrote in", "said in", "announced that", "believes", "believed", "cautioned", "insisted that",
)
_VERB = "(?:" + "|".join(sorted({re.escape(verb).replace(r"\ ", r"\s+") for verb in SPEECH_VERBS},
                                key=len, reverse=True)) + r")(?!\w)"
_ROLE = (r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]his)\s+(?:[\w-]+\s+){0,2}?(?:diplomat|official|spokesperson|spokesman"
         r"|spokeswoman|minister|analyst|expert|source|president|envoy|leader|ambassador|senator|lawmaker|adviser"
         r"|advisor|activist|dissident|politician|general|author|journalist|statement|mayor|governor|councillor"
         r"|correspondent|editor|director|representative)")
_WHO = rf"(?P<who>{NAME}|[Hh]e|[Ss]he|[Tt]hey|{_ROLE})"
_LEAD = r"^[\s,.!?;:–—-]*"

_AFTER_VERB_FIRST = LazyPattern(rf"{_LEAD}(?P<verb>{_VERB})\s+{_WHO}")
_AFTER_WHO_FIRST = LazyPattern(rf"{_LEAD}{_WHO}\s+(?:\w+ly\s+)?(?P<verb>{_VERB})")
# A title before the name: "Armenian Prime Minister Nikol Pashinyan told", "State Department spokesperson X said".
_AFTER_TITLED_WHO = LazyPattern(
    rf"{_LEAD}(?:[{UPPER}][\w'’.-]*\s+|(?:spokesperson|spokesman|spokeswoman|minister|adviser|advisor|envoy"
    rf"|head|chief|director|secretary|leader|official|mayor|governor|analyst|expert)\s+){{1,5}}"
    rf"(?P<who>{NAME_TOKEN}\s+{NAME_TOKEN})\s+(?:\w+ly\s+)?(?P<verb>{_VERB})")
# The verb first, then a description ending in a name: "– underlined the head of the Izmail port Serhii Koval".
_AFTER_VERB_DESCRIBED = LazyPattern(
    rf"{_LEAD}(?P<verb>{_VERB})\s+(?:the|a)\s+[^.!?“”\"«»„]{{0,80}}?(?P<who>{NAME_TOKEN}\s+{NAME_TOKEN})"
    rf"(?=\s*(?:[.,;!?]|$|\s+(?:at|on|in|during|to)\s))")
# Reported speech that takes up the quotation: "told reporters that the talks had been “…”", "said Moscow “…”".
_REPORTED = LazyPattern(rf"(?<![\w-])(?P<verb>{_VERB})\s+(?:\w+\s+){{0,3}}?(?:that\s+)?[^.!?“”\"«»„]{{0,80}}$")
# A one- or two-word quotation is somebody's words only after a verb of naming: "called him a “strong leader”".
_NAMING = LazyPattern(r"(?<![\w-])(?:called|calls|labelled|labeled|described|describes|dubbed|named)\s+(?:\w+\s+){0,3}?"
                      r"(?:a|an|the|as)?\s*$")
_BEFORE_WHO_VERB = LazyPattern(
    rf"{_WHO}(?:\s+(?:himself|herself|themselves))?(?:,?\s+who)?(?:\s+(?:has|had|have|also|then|once))?"
    rf"(?:\s+\w+ly)?\s+(?P<verb>{_VERB})[^.!?“”\"«»„]{{0,100}}$"
)
# Starts with the verbs themselves (no look-behind) so that the regex engine skips ahead fast.
_BEFORE_VERB = LazyPattern(rf"(?P<verb>{_VERB})[^.!?“”\"«»„]{{0,100}}$")
_BEFORE_POSSESSIVE = LazyPattern(
    rf"(?P<who>{NAME})['’]s?\s+(?:statement|words|remarks|message|comment|reply|response|answer|post)\s*:?\s*$")
_BEFORE_ACCORDING = LazyPattern(rf"according\s+to\s+{_WHO}\s*,?\s*$", re.IGNORECASE)
_RUNS_ON = LazyPattern(r"\s+[a-z]")
_SENTENCE_ENDS = (". ", "? ", "! ", ".” ", ".\" ")
_AFTER_STOPS = (". ", "? ", "! ", "“", "„", "«", "\"")


def _before_window(text: str, quotation: Quotation, paragraph_start: int) -> str:
    """The clause before the opening mark: back to the last sentence end (not an abbreviation) in the window."""
    low = max(paragraph_start, quotation.open - WINDOW)
    cursor = quotation.open
    while cursor > low:
        end = max(text.rfind(mark, low, cursor) for mark in _SENTENCE_ENDS)
        if end < 0:
            break
        if text[end] != "." or not is_abbreviation(text, low, end):
            return text[text.find(" ", end) + 1 : quotation.open]
        cursor = end
    return text[low : quotation.open]


def _after_window(text: str, quotation: Quotation, paragraph_end: int) -> str:
    """The clause after the closing mark: up to the next sentence end (not an abbreviation) or quotation."""
    start, high = quotation.close + 1, min(paragraph_end, quotation.close + 1 + WINDOW)
    stop = high
    for mark in _AFTER_STOPS:
        found = text.find(mark, start + 1, stop)
        while found >= 0 and mark == ". " and is_abbreviation(text, start, found):
            found = text.find(mark, found + 1, stop)
        if found >= 0:
            stop = found
    return text[start:stop]


def _last_verb(before: str) -> re.Match[str] | None:
    """The first speech verb (a whole word) from which no sentence punctuation runs to the end of ``before``."""
    found = _BEFORE_VERB.search(before)
    while found and found.start() and (before[found.start() - 1].isalnum() or before[found.start() - 1] == "_"):
        found = _BEFORE_VERB.search(before, found.start() + 1)
    return found


def _subject(clause: str) -> str | None:
    """The first name of the clause, preferring a full name (two tokens or more)."""
    names = names_in(clause)
    full = [name for name in names if " " in name]
    preferred = full or names
    return preferred[0] if preferred else None


def _holder(match: re.Match[str]) -> str | None:
    who = match.group("who")
    return clean_name(who) if who and who[0].isupper() else who


def _from_after(after: str) -> tuple[bool, str | None]:
    for pattern in (_AFTER_VERB_DESCRIBED, _AFTER_TITLED_WHO, _AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
        match = pattern.match(after)
        if match:
            return True, _holder(match)
    return False, None


def _from_before(before: str) -> tuple[bool, str | None]:
    tail = max(0, len(before) - TAIL)
    for pattern in (_BEFORE_POSSESSIVE, _BEFORE_ACCORDING):
        match = pattern.search(before, tail)
        if match:
            return True, _holder(match)
    verb = _last_verb(before)
    if not verb:
        return _colon_introduced(before)
    match = _BEFORE_WHO_VERB.search(before, max(0, verb.start() - TAIL))
    if match:
        return True, _holder(match)
    return True, _subject(before[: verb.start()])


def _ends_with_colon(before: str) -> bool:
    return before.rstrip().endswith(":")


def _colon_introduced(before: str) -> tuple[bool, str | None]:
    if _ends_with_colon(before):
        subject = _subject(before)
        return subject is not None, subject
    return False, None


def _is_phrase_in_running_text(text: str, quotation: Quotation, inner_end: int) -> bool:
    """A quote without final punctuation that the sentence runs on from (a “peace through strength” agenda)."""
    ends_with_punctuation = text[inner_end - 1] in ".,!?;:…"
    return not ends_with_punctuation and bool(_RUNS_ON.match(text, quotation.close + 1))


def attribute(text: str, quotation: Quotation, paragraph: tuple[int, int]) -> tuple[bool, str | None]:
    """Whether the quotation is attributed by a speech cue, and the holder found (or None)."""
    attributed, holder = _from_after(_after_window(text, quotation, paragraph[1]))
    if attributed and holder:
        return True, holder
    before = _before_window(text, quotation, paragraph[0])
    if not _ends_with_colon(before) and _is_phrase_in_running_text(text, quotation, quotation.close):
        reported = _REPORTED.search(before)
        if not reported:
            return False, None
        return _from_before(before)
    found_before, holder_before = _from_before(before)
    return attributed or found_before, holder or holder_before


def _marks_by_paragraph(document: DocumentView) -> dict[tuple[int, int], list[int]]:
    """Offsets of quotation marks, grouped by the paragraph they are in (in text order)."""
    index = SpanIndex(tuple((start, end) for start, end, _ in paragraphs_of(document)))
    grouped: dict[tuple[int, int], list[int]] = {}
    paragraph: tuple[int, int] | None = None
    for position in quote_marks(document.text):
        if paragraph is None or not paragraph[0] <= position < paragraph[1]:
            paragraph = index.containing(position)
        if paragraph:
            grouped.setdefault(paragraph, []).append(position)
    return grouped


class AttributedQuote:
    name = "attributed-quote"
    version = 2
    confidence = 0.8

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        for (start, end), marks in _marks_by_paragraph(document).items():
            for quotation in paired(text, marks):
                if quotation.depth:
                    continue
                inner = trim(text, *quotation.inner)
                if not inner:
                    continue
                words = len(text[inner[0] : inner[1]].split())
                if words < MIN_WORDS and not (words > 1 and _NAMING.search(text, max(start, quotation.open - 60),
                                                                         quotation.open)):
                    continue
                attributed, holder = attribute(text, quotation, (start, end))
                if attributed:
                    attributes = {"holder": holder} if holder else {}
                    yield Proposal(layer="claim", type="quote", start=inner[0], end=inner[1], attributes=attributes)


DETECTOR = AttributedQuote()
