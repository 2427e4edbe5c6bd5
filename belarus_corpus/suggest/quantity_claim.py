"""quantity-claim@2: sentences that state a figure.

Rule: every figure ``figures`` recognizes (digits with comma, space or thin-space thousands, decimal commas,
number words, fractions in words, percentages, "12/100" scores, ranges, vague amounts such as "dozens") outside a
date makes its claim unit a ``claim/quantity`` proposal (the unit is the sentence less datelines and prefixes, see
``claim_units``; questions, headings, quotations and datelines make none). ``value`` holds the normalized figures
("52", "1100-1300", "87%", "12/100", "1/3"); vague amounts add no value; an approximator before a figure marks it
("~1100" after about/nearly/roughly, ">40" after over/more than/not less than/at least, "<=1500" after up to/as
many as).

Incidental figures make no claim (the guidelines' central-figure test, as far as a rule can tell): a small count in
words before a generic noun ("two sources", "the two countries", "three banks"), an age between commas ("a
teacher, 71, who"), a duration after "within", "after", "for" or "in" ("within five years", "for three decades"),
and figures on a line with contact details (phone numbers). Confidence: 0.85, 0.7 for a lone vague amount or
fraction.

Known limits: years are never quantities; "one" alone is skipped; the central-figure test is approximated by the
word lists above.
"""

from __future__ import annotations

import functools

from .base import DocumentView, Proposal
from .claims import figures_in, sentence_claims
from .figures import Figure
from .lexicon import LazyPattern

_GENERIC_NOUNS = ("sources", "source", "countries", "governments", "sides", "leaders", "parties", "nations",
                  "states", "men", "women", "officials", "diplomats", "capitals", "ministers", "presidents", "groups",
                  "banks", "parks", "sessions", "rounds", "ways", "reasons", "words", "options")
_SMALL_WORD = LazyPattern(r"(?i)(?:the\s+|both\s+)?(?:one|two|three|four)\s+(?:[a-z]+\s+)?(?:"
                          + "|".join(_GENERIC_NOUNS) + r")(?!\w)")
_DURATION_AFTER = LazyPattern(r"(?i)\s*(?:years?|months?|decades?|weeks?|days?|hours?)(?!\w)")
_DURATION_BEFORE = LazyPattern(r"(?<!\w)(?:[Ww]ithin|[Aa]fter|[Ii]n|For)\s+$")
_CONTACT = LazyPattern(r"(?i)@|\bcontact\b|\btel\b|\bphone\b|\+\d")
_APPROXIMATE = {"~": LazyPattern(r"(?i)(?:about|nearly|almost|roughly|around|approximately|some|an estimated)\s+$"),
                ">": LazyPattern(r"(?i)(?:over|more\s+than|not\s+less\s+than|at\s+least|above|no\s+fewer\s+than)"
                                 r"(?:\s+by)?\s+$"),
                "<=": LazyPattern(r"(?i)(?:up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than)\s+$")}


def _line(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def is_incidental(text: str, figure: Figure) -> bool:
    """Whether the figure is incidental to its sentence (see the module docstring)."""
    small = figure.kind == "count" and figure.low <= 4 and not text[figure.start].isdigit()
    if small and _SMALL_WORD.match(text, figure.start):
        return True
    if text[figure.start].isdigit() and text[figure.start - 2 : figure.start] == ", " and \
            text[figure.end : figure.end + 1] == "," and figure.high < 120:
        return True
    if _DURATION_AFTER.match(text, figure.end) and _DURATION_BEFORE.search(text, max(0, figure.start - 8),
                                                                             figure.start):
        return True
    return bool(_CONTACT.search(_line(text, figure.start)))


def _value(text: str, figure: Figure) -> str | None:
    if figure.value is None:
        return None
    for mark, pattern in _APPROXIMATE.items():
        if pattern.search(text, max(0, figure.start - 24), figure.start):
            return mark + figure.value
    return figure.value


@functools.lru_cache(maxsize=1024)
def quantity_triggers(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, value) of the figures that make a quantity claim."""
    return tuple((f.start, f.end, _value(text, f)) for f in figures_in(text) if not is_incidental(text, f))


class QuantityClaim:
    name = "quantity-claim"
    version = 2
    confidence = 0.85

    def detect(self, document: DocumentView) -> list[Proposal]:
        proposals = sentence_claims(document, quantity_triggers(document.text), "quantity")
        return [Proposal(p.layer, p.type, p.start, p.end, p.attributes, p.note,
                         self.confidence if p.attributes.get("value") else 0.7) for p in proposals]


def clear_caches() -> None:
    quantity_triggers.cache_clear()


DETECTOR = QuantityClaim()
