"""Find date expressions and normalize them to ISO 8601 / TimeML values.

Recognized, most specific first: "August 17, 2025" / "Aug. 17 2025" / "17 August 2025" (→ 2025-08-17),
"2025-08-17", "17.08.2025" (day first), "8/17/2025" (month first, US style), "August 17" (→ XXXX-08-17),
"June 2025" / "Oct 2025" (→ 2025-06), "the summer of 2025" (→ 2025-SU), a month after a time word
("this September", "in early June", "since May" → XXXX-09), a bare year ("in 2020", "the 2020 election"
→ 2020), and relative references without a value ("this week", "last year", "in recent months").
An unknown year is written ``XXXX`` as in TimeML. Month names must be capitalized ("march" is a verb).

Known limits: "May" is only a date with a day, a year or a time word before it; a year glued to a name
by a hyphen ("Zapad-2025") is not a date; weekday names and "today" are not dated.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .lexicon import LazyPattern

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_TIME_WORD = r"(?:this|last|next|early|late|mid|in|since|until|by|on|from|during|before|after|of|through|between)"
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

DATE = LazyPattern(
    rf"(?<![\w-])(?:"
    rf"(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})"
    rf"|(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>{_YEAR})"
    rf"|(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
    rf"|(?P<dot_d>{_DAY})\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR})"
    rf"|(?P<us_m>0?[1-9]|1[0-2])/(?P<us_d>[12]\d|3[01]|0?[1-9])/(?P<us_y>{_YEAR})"
    rf"|(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})"
    rf"|(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})"
    rf"|(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})"
    rf"|(?:the\s+)?(?P<sy_s>(?i:{_SEASON}))\s+of\s+(?P<sy_y>{_YEAR})"
    rf"|(?P<tm_w>(?i:{_TIME_WORD}))(?:\s+|-)(?:(?i:early|late|mid)[\s-]+)?(?P<tm_m>{_MONTH})(?!\s*\d)"
    rf"|(?P<rel>(?i:(?:this|last|next|earlier\s+this|later\s+this|in\s+recent)\s+"
    rf"(?:weeks?|months?|years?|spring|summer|autumn|fall|winter)))"
    rf"|(?P<year>{_YEAR})(?!\s*%|\s*per\s*cent)"
    rf")(?![\w-])"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def latest(self) -> tuple[int, int, int] | None:
        """The last day the mention can mean, as (year, month, day), when its year is known."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)


def month_number(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(
        name[:3].lower()) + 1


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    parts = [f"{year:04d}" if year else "XXXX"]
    if month:
        parts.append(f"{month:02d}")
    if day:
        parts.append(f"{day:02d}")
    return "-".join(parts)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _full_date(match: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    groups = match.groupdict()
    for prefix in ("mdy", "dmy", "md", "dm"):
        if groups.get(f"{prefix}_m"):
            year = groups.get(f"{prefix}_y")
            return (int(year) if year else None, month_number(groups[f"{prefix}_m"]), _day(groups[f"{prefix}_d"]))
    for prefix in ("iso", "dot", "us"):
        if groups.get(f"{prefix}_y"):
            return (int(groups[f"{prefix}_y"]), int(groups[f"{prefix}_m"]), int(groups[f"{prefix}_d"]))
    return None


def _mention(match: re.Match[str]) -> DateMention | None:
    start, end = match.span()
    full = _full_date(match)
    if full:
        year, month, day = full
        return DateMention(start, end, _iso(year, month, day), year, month, day)
    if match.group("my_m"):
        year, month = int(match.group("my_y")), month_number(match.group("my_m"))
        return DateMention(start, end, _iso(year, month), year, month)
    if match.group("sy_s"):
        year = int(match.group("sy_y"))
        return DateMention(start, end, f"{year}-{_SEASON_CODES[match.group('sy_s').lower()]}", year)
    if match.group("tm_m"):
        return DateMention(start, end, _iso(None, month_number(match.group("tm_m"))))
    if match.group("rel"):
        return DateMention(start, end, None)
    year = int(match.group("year"))
    return DateMention(start, end, str(year), year)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date mentions in ``text[start:end]``, in order."""
    stop = len(text) if end is None else end
    found: list[DateMention] = []
    for match in DATE.finditer(text, start, stop):
        mention = _mention(match)
        if mention:
            found.append(mention)
    return found
