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
import string
from dataclasses import dataclass

from .lexicon import LazyPattern
from .scan import hits_for

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov",
                "Dec")
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
TIME_WORDS = frozenset(["this", "last", "next", "early", "late", "mid", "in", "since", "until", "by", "on", "from",
                        "during", "before", "after", "of", "through", "between"])
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_END = r"(?![\w-])"
# One pass finds every month name with what may follow it: a day and a year ("August 17, 2025"), a day
# ("August 17"), a year ("June 2025", "June of 2025"); the last group is the year of "17 August 2025".
# The look-aheads consume nothing, so the scan goes on right after the month name.
_MONTH_SCAN = LazyPattern(
    rf"{_MONTH}(?![\w-])"
    rf"(?=\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR}){_END}|\s+(?P<md_d>{_DAY}){_END}"
    rf"|,?\s+(?:of\s+)?(?P<my_y>{_YEAR}){_END}|)"
    rf"(?=,?\s+(?P<year>{_YEAR}){_END}|)"
)
_DAY_BEFORE = LazyPattern(rf"(?<![\w-])(?P<day>{_DAY})\s+(?:of\s+)?$")
_AT_DIGITS = (
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]){_END}"
    rf"|(?P<dot_d>{_DAY})\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR}){_END}"
    rf"|(?P<us_m>0?[1-9]|1[0-2])/(?P<us_d>[12]\d|3[01]|0?[1-9])/(?P<us_y>{_YEAR}){_END}"
    rf"|(?P<year>{_YEAR})(?![\w-]|\s*%|\s*per\s*cent|[.,]\d)"
)
# Where a numeric date or a year starts: a digit (a single character class first, which the regex engine
# skips to fast) with no word character, hyphen, point, comma, slash or currency sign before it; then, from
# that digit (the look-behind steps back over it), the date itself.
_DIGIT_DATE = LazyPattern(rf"[0-9](?<![\w\-.,/$€£].)(?<=(?=(?P<date>{_AT_DIGITS})).)")
_SEPARATORS = " \t\n-"
_ASCII_LETTERS = string.ascii_letters
_LONGEST_TIME_WORD = max(map(len, TIME_WORDS))
_SEASON_BEFORE = LazyPattern(rf"(?i)(?<!\w)(?:the\s+)?(?P<season>{_SEASON})\s+of\s+$")
RELATIVE_UNITS = ("week", "weeks", "month", "months", "year", "years", "spring", "summer", "autumn", "fall", "winter")


@dataclass(frozen=True, init=False)
class DateMention:
    start: int
    end: int
    value: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __init__(self, start: int, end: int, value: str | None, year: int | None = None, month: int | None = None,
                 day: int | None = None) -> None:
        # Faster than the frozen dataclass's per-field ``object.__setattr__`` (see ``base.Proposal``).
        self.__dict__.update(start=start, end=end, value=value, year=year, month=month, day=day)

    def latest(self) -> tuple[int, int, int] | None:
        """The last day the mention can mean, as (year, month, day), when its year is known."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)


_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def month_number(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].lower()]


# Every way ``_MONTH`` writes a month ("Sept", "Sept."), with its number.
_MONTH_BY_NAME = {written: month_number(name) for name in _MONTH_NAMES for written in (name, name + ".")}


_TWO_DIGITS = tuple(f"-{number:02d}" for number in range(100))


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    iso = (str(year) if 999 < year < 10_000 else f"{year:04d}") if year else "XXXX"
    if month:
        iso += _TWO_DIGITS[month] if 0 < month < 100 else f"-{month:02d}"
    if day:
        iso += _TWO_DIGITS[day] if 0 < day < 100 else f"-{day:02d}"
    return iso


def _day(text: str) -> int:
    """The number of a day as the patterns write it: "17", "07", "3rd" (digits, then maybe two letters)."""
    return int(text[:-2] if text[-1].isalpha() else text)


def vocabulary() -> tuple[str, ...]:
    """Words a relative date ends with, for the shared word scan (see ``scan``)."""
    return RELATIVE_UNITS


def _dated(start: int, end: int, year_text: str | None, month: int, day_text: str | None) -> DateMention:
    year = int(year_text) if year_text else None
    day = _day(day_text) if day_text else None
    return DateMention(start, end, _iso(year, month, day), year, month, day)


def _may_follow_a_day(text: str, start: int) -> bool:
    """Whether ``_DAY_BEFORE`` can match before ``start``: white space there, and before it the end of a day
    ("17", "3rd") or "of"."""
    if not start or not text[start - 1].isspace():
        return False
    before = start - 2
    while before >= 0 and text[before].isspace():
        before -= 1
    return before >= 0 and (text[before] in "dfht" or text[before].isdecimal())


def _month_mention(text: str, match: re.Match[str]) -> DateMention | None:
    """A date around a month name: "17 August 2025", "August 17", "this September"; None for a bare month.
    ``match`` is a ``_MONTH_SCAN`` match: its groups are mdy_d, mdy_y, md_d, my_y and year, in this order."""
    start = match.start()
    name = match.group()
    number = _MONTH_BY_NAME.get(name) or month_number(name)
    mdy_day, mdy_year, md_day, my_year, year_after = match.groups()
    if _may_follow_a_day(text, start):
        day = _DAY_BEFORE.search(text, max(0, start - 10), start)
        if day:
            end = match.end(5) if year_after else match.end()
            return _dated(day.start(), end, year_after, number, day.group("day"))
    if mdy_day:
        return _dated(start, match.end(2), mdy_year, number, mdy_day)
    if md_day:
        return _dated(start, match.end(3), None, number, md_day)
    if my_year:
        return _dated(start, match.end(4), my_year, number, None)
    opening = _time_word_start(text, start)
    return None if opening is None else DateMention(opening, match.end(), _iso(None, number), None, number)


def word_before(text: str, position: int) -> tuple[int, str] | None:
    """The word that ends right before ``position`` with only white space or a hyphen between, and its start."""
    end = position
    while end > 0 and end > position - 3 and text[end - 1] in " \t\n-":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return (start, text[start:end].lower()) if start < end < position else None


def _time_word_before(text: str, position: int) -> tuple[int, str] | None:
    """What ``word_before`` finds, when it is one of ``TIME_WORDS``, else None. Time words are ASCII letters,
    and only ASCII letters lower-case to them (but "K", whose "k" is in none): the word is the run of ASCII
    letters before the separators, unless another letter precedes it."""
    end = position
    while end > 0 and end > position - 3 and text[end - 1] in _SEPARATORS:
        end -= 1
    if end == position:
        return None
    window = text[max(0, end - _LONGEST_TIME_WORD - 1) : end]
    rest = window.rstrip(_ASCII_LETTERS)
    if rest[-1:].isalpha() or (not rest and end > len(window)):
        return None  # a longer word: it runs on before the ASCII letters
    word = window[len(rest) :].lower()
    return (end - len(word), word) if word in TIME_WORDS else None


def _time_word_start(text: str, position: int) -> int | None:
    """Where "this", "in early", "mid-" and the like start before a month name, or None."""
    first = _time_word_before(text, position)
    if first is None:
        return None
    if first[1] in ("early", "late", "mid"):
        second = _time_word_before(text, first[0])
        return second[0] if second else first[0]
    return first[0]


def _digit_mention(text: str, match: re.Match[str]) -> DateMention | None:
    """A numeric date ("2025-08-17", "17.08.2025", "8/17/2025") or a year, with a season before it."""
    start, end = match.start(), match.end("date")
    year_text = match.group("year")
    if not year_text:
        for prefix in ("iso", "dot", "us"):
            month = match.group(f"{prefix}_m")
            if month:
                return _dated(start, end, match.group(f"{prefix}_y"), int(month), match.group(f"{prefix}_d"))
        return None
    year = int(year_text)
    season = _SEASON_BEFORE.search(text, max(0, start - 16), start) if text[start - 3 : start] == "of " else None
    if season:
        code = _SEASON_CODES[season.group("season").lower()]
        return DateMention(season.start(), end, f"{year}-{code}", year)
    return DateMention(start, end, str(year), year)


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
    mentions = [mention for match in _MONTH_SCAN.finditer(text) if (mention := _month_mention(text, match))]
    month_spans = [(mention.start, mention.end) for mention in mentions]
    position = 0
    for match in _DIGIT_DATE.finditer(text):
        start = match.start()
        while position < len(month_spans) and month_spans[position][1] <= start:
            position += 1
        if position < len(month_spans) and month_spans[position][0] <= start:
            continue
        mention = _digit_mention(text, match)
        if mention:
            mentions.append(mention)
    return _without_overlaps(mentions + _relative_mentions(text))
