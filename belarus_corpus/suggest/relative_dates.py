"""Dates relative to the article's own date: "on Thursday", "yesterday", "this morning", "last year", "in September".

The article date is the first full date (day, month and year) in the article's opening characters on a line of
at most ten words (a dateline, a byline, "Updated 13 November 2025"). A weekday means the latest such day on or
before it ("on Thursday" in an article of Friday 14 November 2025 → 2025-11-13); "yesterday" the day before;
"today" (before a verb in the past tense), "this morning", "this afternoon" and "this evening" the day itself;
"last year" and "this year" the year before and the year itself; a month or a day without a year ("in
September", "on 14 August") takes the article's year. Without an article date, weekdays and days stay
unresolved (``XXXX``) and "today" is not a date.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable

from .claims import dates_in
from .dates import DateMention
from .lexicon import LazyPattern

OPENING = 400  # how far into the article its date is looked for
DATE_LINE_WORDS = 10
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE_DAY = LazyPattern(
    r"(?<![\w-])(?:(?:on|last|this|next)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?![\w-])"
    r"|(?<![\w-])(?P<yesterday>[Yy]esterday)(?!\w)|(?<![\w-])(?P<today>[Tt]oday)(?=\s+\w+ed\b)"
    r"|(?<![\w-])(?P<this>(?:[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night))(?!\w)")


@functools.lru_cache(maxsize=1024)
def article_date(text: str) -> datetime.date | None:
    """The first full date in the article's opening characters, or None."""
    for mention in dates_in(text):
        if mention.start > OPENING:
            break
        if mention.year and mention.month and mention.day and _on_a_date_line(text, mention.start):
            try:
                return datetime.date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None


def _on_a_date_line(text: str, position: int) -> bool:
    """Whether the line holding ``position`` is a dateline or byline: at most ten words."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return len(text[start : end if end >= 0 else len(text)].split()) <= DATE_LINE_WORDS


def _day_mention(start: int, end: int, day: datetime.date | None) -> DateMention:
    if day is None:
        return DateMention(start, end, None)
    return DateMention(start, end, day.isoformat(), day.year, day.month, day.day)


_CUES = (*_WEEKDAYS, "esterday", "oday", "his morning", "his afternoon", "his evening", "ast night")


def _matches(text: str) -> list[re.Match[str]]:
    """``_RELATIVE_DAY`` matches, tried only around the cue words (found by substring search: far faster than
    running the pattern over the whole text)."""
    found: dict[int, re.Match[str]] = {}
    for cue in _CUES:
        position = text.find(cue)
        while position >= 0:
            low = max(0, position - 6)
            match = _RELATIVE_DAY.search(text, low, position + len(cue) + 16)
            while match and match.start() <= position:
                if match.end() > position:
                    found.setdefault(match.start(), match)
                    break
                match = _RELATIVE_DAY.search(text, match.end(), position + len(cue) + 16)
            position = text.find(cue, position + 1)
    return [found[start] for start in sorted(found)]


@functools.lru_cache(maxsize=1024)
def relative_days(text: str) -> tuple[DateMention, ...]:
    """Weekdays, "yesterday", "today" and the like, resolved against the article date when there is one."""
    published = article_date(text)
    found: list[DateMention] = []
    for match in _matches(text):
        after = text[match.end() : match.end() + 2]
        if match.start() <= OPENING and published and match.group("weekday") and "," in after:
            continue  # "Friday, November 14, 2025" is the article date itself
        if match.group("weekday"):
            if match.group().lower().startswith("next"):
                continue
            day = None
            if published:
                back = (published.weekday() - _WEEKDAYS.index(match.group("weekday"))) % 7
                day = published - datetime.timedelta(days=back)
            found.append(_day_mention(match.start(), match.end(), day))
        elif match.group("yesterday"):
            found.append(_day_mention(match.start(), match.end(),
                                      published - datetime.timedelta(days=1) if published else None))
        elif published:
            found.append(_day_mention(match.start(), match.end(), published))
    return tuple(found)


_YEARLESS = re.compile(r"XXXX(?P<rest>(?:-\d\d){1,2})")


def resolved(mentions: Iterable[DateMention], text: str) -> list[DateMention]:
    """The mentions with an unknown year given the article's year, and "last year" / "this year" their years."""
    published = article_date(text)
    if published is None:
        return list(mentions)
    found = []
    for mention in mentions:
        value = mention.value
        if value and (yearless := _YEARLESS.fullmatch(value)):
            found.append(DateMention(mention.start, mention.end, f"{published.year}{yearless['rest']}",
                                     published.year, mention.month, mention.day))
        elif value is None and text.startswith(("last year", "Last year"), mention.start):
            found.append(DateMention(mention.start, mention.end, str(published.year - 1), published.year - 1))
        elif value is None and text.startswith(("this year", "This year"), mention.start):
            found.append(DateMention(mention.start, mention.end, str(published.year), published.year))
        else:
            found.append(mention)
    return found


def clear_caches() -> None:
    article_date.cache_clear()
    relative_days.cache_clear()
