"""Find date expressions and normalize them to ISO 8601 / TimeML values.

Recognized, most specific first: "August 17, 2025" / "Aug. 17 2025" / "17 August 2025" (→ 2025-08-17),
"2025-08-17", "17.08.2025" (day first), "8/17/2025" (month first, US style), "August 17" (→ XXXX-08-17),
"June 2025" / "Oct 2025" (→ 2025-06), "the summer of 2025" (→ 2025-SU), a month after a time word
("this September", "in early June", "since May" → XXXX-09), a bare year ("in 2020", "the 2020 election"
→ 2020), and relative references without a value ("this week", "last year", "in recent months").
An unknown year is written ``XXXX`` as in TimeML. Month names must be capitalized ("march" is a verb).

Known limits: "May" is only a date with a day, a year or a time word before it; a month abbreviation that
is a name after a time word ("from Jan Nowak") is taken as a month; a year glued to a name by a hyphen
("Zapad-2025") is not a date; weekday names and "today" are not dated. Relative units ("week", "year")
are found by the shared word scan (see ``scan``), so all-capitals text is missed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .lexicon import LazyPattern
from .scan import hits_for

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
TIME_WORDS = frozenset(["this", "last", "next", "early", "late", "mid", "in", "since", "until", "by", "on", "from",
                        "during", "before", "after", "of", "through", "between"])
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_END = r"(?![\w-])"
_MONTH_NAME = LazyPattern(rf"{_MONTH}{_END}")
_AT_MONTH = LazyPattern(
    rf"(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR}){_END}"
    rf"|(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY}){_END}"
    rf"|(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}){_END}"
)
_MONTH_YEAR_AFTER = LazyPattern(rf"{_MONTH},?\s+(?P<year>{_YEAR}){_END}")
_DAY_BEFORE = LazyPattern(rf"(?<![\w-])(?P<day>{_DAY})\s+(?:of\s+)?$")
# A single character class first lets the regex engine skip ahead fast ("[0-9]+" does not).
_DIGIT_RUN = LazyPattern(r"[0-9][0-9]*")
_AT_DIGITS = LazyPattern(
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]){_END}"
    rf"|(?P<dot_d>{_DAY})\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR}){_END}"
    rf"|(?P<us_m>0?[1-9]|1[0-2])/(?P<us_d>[12]\d|3[01]|0?[1-9])/(?P<us_y>{_YEAR}){_END}"
    rf"|(?P<year>{_YEAR})(?![\w-]|\s*%|\s*per\s*cent|[.,]\d)"
)
_SEASON_BEFORE = LazyPattern(rf"(?i)(?<!\w)(?:the\s+)?(?P<season>{_SEASON})\s+of\s+$")
RELATIVE_UNITS = ("week", "weeks", "month", "months", "year", "years", "spring", "summer", "autumn", "fall", "winter")


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
    return int("".join(char for char in text if char.isdigit()))


def vocabulary() -> tuple[str, ...]:
    """Words a relative date ends with, for the shared word scan (see ``scan``)."""
    return RELATIVE_UNITS


def _from_groups(groups: dict[str, str | None], start: int, end: int) -> DateMention | None:
    for prefix in ("mdy", "md", "iso", "dot", "us"):
        month = groups.get(f"{prefix}_m")
        if month:
            year_text, day = groups.get(f"{prefix}_y"), _day(groups[f"{prefix}_d"] or "")
            year = int(year_text) if year_text else None
            number = month_number(month) if month[0].isalpha() else int(month)
            return DateMention(start, end, _iso(year, number, day), year, number, day)
    if groups.get("my_m"):
        year, number = int(groups["my_y"] or 0), month_number(groups["my_m"] or "")
        return DateMention(start, end, _iso(year, number), year, number)
    return None


def _month_mention(text: str, match: re.Match[str]) -> DateMention | None:
    """A date around a month name: "17 August 2025", "August 17", "this September"; None for a bare month."""
    start = match.start()
    before = text[max(0, start - 10) : start]
    day = _DAY_BEFORE.search(text, max(0, start - 10), start) if any(c.isdigit() for c in before) else None
    if day:
        number, day_number = month_number(match.group()), _day(day.group("day"))
        year_match = _MONTH_YEAR_AFTER.match(text, start)
        year = int(year_match.group("year")) if year_match else None
        end = year_match.end() if year_match else match.end()
        return DateMention(day.start(), end, _iso(year, number, day_number), year, number, day_number)
    forward = _AT_MONTH.match(text, start)
    if forward:
        return _from_groups(forward.groupdict(), start, forward.end())
    opening = _time_word_start(text, start)
    if opening is not None:
        number = month_number(match.group())
        return DateMention(opening, match.end(), _iso(None, number), None, number)
    return None


def word_before(text: str, position: int) -> tuple[int, str] | None:
    """The word that ends right before ``position`` with only white space or a hyphen between, and its start."""
    end = position
    while end > 0 and end > position - 3 and text[end - 1] in " \t\n-":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return (start, text[start:end].lower()) if start < end < position else None


def _time_word_start(text: str, position: int) -> int | None:
    """Where "this", "in early", "mid-" and the like start before a month name, or None."""
    first = word_before(text, position)
    if first and first[1] in ("early", "late", "mid"):
        second = word_before(text, first[0])
        return second[0] if second and second[1] in TIME_WORDS else first[0]
    return first[0] if first and first[1] in TIME_WORDS else None


def _digit_mention(text: str, start: int) -> DateMention | None:
    """A numeric date ("2025-08-17", "17.08.2025", "8/17/2025") or a year, with a season before it."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "-_.,/$€£"):
        return None
    match = _AT_DIGITS.match(text, start)
    if not match:
        return None
    if not match.group("year"):
        return _from_groups(match.groupdict(), start, match.end())
    year = int(match.group("year"))
    season = _SEASON_BEFORE.search(text, max(0, start - 16), start) if text[start - 3 : start] == "of " else None
    if season:
        code = _SEASON_CODES[season.group("season").lower()]
        return DateMention(season.start(), match.end(), f"{year}-{code}", year)
    return DateMention(start, match.end(), str(year), year)


def _relative_mentions(text: str) -> list[DateMention]:
    found = []
    for position, word in hits_for(text, RELATIVE_UNITS):
        first = word_before(text, position)
        if not first or first[1] not in ("this", "last", "next", "recent"):
            continue
        second = word_before(text, first[0])
        if first[1] == "recent" and not (second and second[1] == "in"):
            continue
        extended = second and (second[1] == "in" or (first[1] == "this" and second[1] in ("earlier", "later")))
        found.append(DateMention(second[0] if second and extended else first[0], position + len(word), None))
    return found


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda item: (item.start, -item.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in ``text``, in order."""
    mentions = [mention for match in _MONTH_NAME.finditer(text) if (mention := _month_mention(text, match))]
    month_spans = [(mention.start, mention.end) for mention in mentions]
    position = 0
    for match in _DIGIT_RUN.finditer(text):
        while position < len(month_spans) and month_spans[position][1] <= match.start():
            position += 1
        if position < len(month_spans) and month_spans[position][0] <= match.start():
            continue
        mention = _digit_mention(text, match.start())
        if mention:
            mentions.append(mention)
    return _without_overlaps(mentions + _relative_mentions(text))
