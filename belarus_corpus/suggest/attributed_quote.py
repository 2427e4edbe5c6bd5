"""attributed-quote@1: quotations with a speech verb nearby, and their speaker when one can be found.

Rule: take each outermost quotation of a paragraph (see ``quotes``) with at least three words inside.
It is a ``claim/quote`` when, in the same clause, a speech verb follows the closing mark (“…,” said X /
“…” – the diplomat commented / “…” – emphasizes he) or precedes the opening mark (X said: “…” / X, who
described a “…”), or when the quote follows "X's statement:" or "according to X,", or a colon after a
clause whose subject is a name. The span is the text inside the marks, without the marks.

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
from .names import NAME, NAME_RE, clean_name
from .quotes import QUOTE_MARK, Quotation, quotations
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
)
_VERB = "(?:" + "|".join(sorted({re.escape(verb).replace(r"\ ", r"\s+") for verb in SPEECH_VERBS},
                                key=len, reverse=True)) + r")(?!\w)"
_ROLE = (r"(?:the|a|an|one|this)\s+(?:[\w-]+\s+){0,2}?(?:diplomat|official|spokesperson|spokesman|spokeswoman"
         r"|minister|analyst|expert|source|president|envoy|leader|ambassador|senator|lawmaker|adviser|advisor"
         r"|activist|dissident|politician|general|author|journalist|statement)")
_WHO = rf"(?P<who>{NAME}|[Hh]e|[Ss]he|[Tt]hey|{_ROLE})"
_LEAD = r"^[\s,.!?;:–—-]*"

_AFTER_VERB_FIRST = LazyPattern(rf"{_LEAD}(?P<verb>{_VERB})\s+{_WHO}")
_AFTER_WHO_FIRST = LazyPattern(rf"{_LEAD}{_WHO}\s+(?:\w+ly\s+)?(?P<verb>{_VERB})")
_BEFORE_WHO_VERB = LazyPattern(
    rf"{_WHO}(?:\s+(?:himself|herself|themselves))?(?:,?\s+who)?(?:\s+(?:has|had|have|also|then|once))?"
    rf"(?:\s+\w+ly)?\s+(?P<verb>{_VERB})[^.!?“”\"«»„]{{0,100}}$"
)
_BEFORE_VERB = LazyPattern(rf"(?<!\w)(?P<verb>{_VERB})[^.!?“”\"«»„]{{0,100}}$")
_BEFORE_POSSESSIVE = LazyPattern(
    rf"(?P<who>{NAME})['’]s?\s+(?:statement|words|remarks|message|comment|reply|response|answer|post)\s*:?\s*$")
_BEFORE_ACCORDING = LazyPattern(rf"according\s+to\s+{_WHO}\s*,?\s*$", re.IGNORECASE)
_BEFORE_COLON = LazyPattern(r":\s*$")
_NOT_ABBREVIATION = r"(?<!Dr)(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Prof)(?<!Gen)(?<!Sen)(?<!St)(?<!\b[A-Z])"
_RUNS_ON = LazyPattern(r"\s+[a-z]")
_AFTER_STOP = LazyPattern(rf"{_NOT_ABBREVIATION}[.!?…](?:\s|$)|[“„«\"]")


def _before_window(text: str, quotation: Quotation, paragraph_start: int) -> str:
    """The clause before the opening mark: back to the last sentence end (not an abbreviation) in the window."""
    low = max(paragraph_start, quotation.open - WINDOW)
    cursor = quotation.open
    while cursor > low:
        end = max(text.rfind(mark, low, cursor) for mark in (". ", "? ", "! ", ".” ", ".\" "))
        if end < 0:
            break
        if text[end] != "." or not is_abbreviation(text, low, end):
            return text[text.find(" ", end) + 1 : quotation.open]
        cursor = end
    return text[low : quotation.open]


def _after_window(text: str, quotation: Quotation, paragraph_end: int) -> str:
    window = text[quotation.close + 1 : min(paragraph_end, quotation.close + 1 + WINDOW)]
    stop = _AFTER_STOP.search(window, 1)
    return window[: stop.start()] if stop else window


def _subject(clause: str) -> str | None:
    """The first name of the clause, preferring a full name (two tokens or more)."""
    names = [name for name in (clean_name(match.group()) for match in NAME_RE.finditer(clause)) if name]
    full = [name for name in names if " " in name]
    preferred = full or names
    return preferred[0] if preferred else None


def _holder(match: re.Match[str]) -> str | None:
    who = match.group("who")
    return clean_name(who) if who and who[0].isupper() else who


def _from_after(after: str) -> tuple[bool, str | None]:
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
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
    verb = _BEFORE_VERB.search(before)
    if not verb:
        return _colon_introduced(before)
    match = _BEFORE_WHO_VERB.search(before, max(0, verb.start() - TAIL))
    if match:
        return True, _holder(match)
    return True, _subject(before[: verb.start()])


def _colon_introduced(before: str) -> tuple[bool, str | None]:
    if _BEFORE_COLON.search(before):
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
    if not _BEFORE_COLON.search(before) and _is_phrase_in_running_text(text, quotation, quotation.close):
        return False, None
    found_before, holder_before = _from_before(before)
    return attributed or found_before, holder or holder_before


def _paragraphs_with_quotes(document: DocumentView) -> list[tuple[int, int]]:
    text = document.text
    index = SpanIndex(tuple((start, end) for start, end, _ in paragraphs_of(document)))
    found = {index.containing(match.start()) for match in QUOTE_MARK.finditer(text)}
    return sorted(span for span in found if span)


class AttributedQuote:
    name = "attributed-quote"
    version = 1

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        for start, end in _paragraphs_with_quotes(document):
            for quotation in quotations(text, start, end):
                if quotation.depth:
                    continue
                inner = trim(text, *quotation.inner)
                if not inner or len(text[inner[0] : inner[1]].split()) < MIN_WORDS:
                    continue
                attributed, holder = attribute(text, quotation, (start, end))
                if attributed:
                    attributes = {"holder": holder} if holder else {}
                    yield Proposal(layer="claim", type="quote", start=inner[0], end=inner[1], attributes=attributes)


DETECTOR = AttributedQuote()
