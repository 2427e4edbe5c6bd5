"""date-claim@2: sentences that date something.

Rule: every date expression ``dates`` recognizes ("August 17, 2025", "17 August 2025", "Oct 2025", "this
September", "in 2020", "the summer of 2025", "this week") and every day relative to the article's date that
``relative_dates`` finds ("on Thursday", "yesterday", "this morning", "today opened") makes its claim unit a
``claim/date`` proposal (the unit is the sentence less datelines and prefixes, see ``claim_units``: datelines,
bylines, headings, questions and quotations make none). ``value`` holds the normalized dates in ISO 8601 /
TimeML form, resolved against the article's date where it has one ("on Thursday" → "2025-11-13", "in September"
→ "2025-09", "last year" → "2024"); unresolved relative references add no value.

Dates that do not date the claim's main predicate make none (guidelines R1 and §11.11): a year used as a modifier
("the 2020 election", "the 2021 forced landing"), a year compared with ("lower than in 2022"), a founding year in an
opening phrase ("Founded in 2017, ..."), "next week/month/year", and future dates (after the article's date, or, in
a sentence about the future — "will", "plans to", "is due to", "aims to" — a date after "by", "in", "from" or "to
the year"). Confidence: 0.85 for a resolved date, 0.65 without a value.

Known limits: a bare year is taken as a date when it is part of a name ("Vision 2030"); a date of a background
event written otherwise than above still makes a date claim.
"""

from __future__ import annotations

import datetime
import functools

from .base import DocumentView, Proposal
from .claims import dates_in, sentence_claims
from .dates import DateMention
from .lexicon import LazyPattern
from .relative_dates import article_date, relative_days, resolved

_MODIFIER_YEAR = LazyPattern(r"(?:the|a|its|their|his|her|[’']s)\s+$", )
_NOUN_AFTER = LazyPattern(r"\s+(?!and\b|or\b|to\b|when\b|until\b|as\b)[a-z][a-z-]+")
_COMPARED = LazyPattern(r"(?i)\bthan\s+(?:in\s+)?$")
_FOUNDED = LazyPattern(r"(?i)(?:^|[.!?]\s+|\n)(?:founded|established|created|set\s+up|born)\s+in\s+$")
_FUTURE_SENTENCE = LazyPattern(r"(?i)\b(?:will|shall|plans?\s+to|planned|is\s+due\s+to|are\s+due\s+to|aims?\s+to"
                               r"|would|expects?\s+to|is\s+expected\s+to)\b")
_FUTURE_PREPOSITION = LazyPattern(r"(?i)(?:\bby(?:\s+the\s+end\s+of)?|\bin|\bfrom|\bto\s+the\s+year|\buntil)\s+$")
_NEXT = LazyPattern(r"(?i)next\s")


def _sentence_of(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    end = min((found for found in (text.find(". ", position), text.find("\n", position)) if found >= 0),
              default=len(text))
    return start, end


def _after(mention: DateMention, published: datetime.date | None) -> bool:
    latest = mention.latest()
    if published is None or latest is None:
        return False
    earliest = (mention.year or 0, mention.month or 1, mention.day or 1)
    return earliest > (published.year, published.month, published.day)


def _is_background(text: str, mention: DateMention, published: datetime.date | None) -> bool:
    """Whether the mention dates something other than the claim's main predicate (see the module docstring)."""
    start, end = mention.start, mention.end
    before = text[max(0, start - 24) : start]
    bare_year = mention.value is not None and mention.value.isdigit()
    if bare_year and _MODIFIER_YEAR.search(before) and _NOUN_AFTER.match(text, end):
        return True
    if bare_year and (_COMPARED.search(before) or _FOUNDED.search(text[max(0, start - 40) : start])):
        return True
    if _NEXT.match(text, start) or _after(mention, published):
        return True
    sentence = _sentence_of(text, start)
    return bool(_FUTURE_SENTENCE.search(text, *sentence) and _FUTURE_PREPOSITION.search(before))


@functools.lru_cache(maxsize=1024)
def date_triggers(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, value) of the date mentions that make a date claim, in text order."""
    published = article_date(text)
    mentions = resolved([*dates_in(text), *relative_days(text)], text)
    return tuple(sorted((m.start, m.end, m.value) for m in mentions if not _is_background(text, m, published)))


class DateClaim:
    name = "date-claim"
    version = 2
    confidence = 0.85

    def detect(self, document: DocumentView) -> list[Proposal]:
        proposals = sentence_claims(document, date_triggers(document.text), "date")
        return [Proposal(p.layer, p.type, p.start, p.end, p.attributes, p.note,
                         self.confidence if p.attributes.get("value") else 0.65) for p in proposals]


def clear_caches() -> None:
    date_triggers.cache_clear()


DETECTOR = DateClaim()
