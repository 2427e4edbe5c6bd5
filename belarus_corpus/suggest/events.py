"""Figures about events: "52 political prisoners freed" → key "prisoner:release", interval [52, 52].

Rule, driven by ``data/events.json``: a count (digits or number words; not a percentage or a score) is
an event figure when one of the listed nouns follows it within three words ("52 freed political
prisoners", "three political prisoners") and one of the listed verbs is in its sentence within 80
characters (the nearest wins). The sentence here is the stretch between the nearest ". ", "? ", "! " or
line breaks, which is cheaper than full segmentation and good enough around a figure. In a table row
("Political prisoners released | 52") the row label before the figure supplies noun and verb. A generic
noun ("individuals") takes the class of a specific noun elsewhere in the sentence. A figure followed by
"other", "more" or "additional" is a partial count and skipped. Approximators before the figure widen
its interval: "nearly n" → [0.9n, n], "about n" → [0.85n, 1.15n], "over n" / "at least n" → [n, ∞), "up
to n" / "fewer than n" → [0, n] ("not less than n" → [n, ∞)). The month of the first dated mention in the
sentence, if any, is kept as the event time, days relative to the article's date included ("on Thursday"). A
running total ("in total", "so far", "to date", "since the first …") is not an event figure.

Known limits: sub-counts in enumerations ("one American and two Belarusians") get their own nationality
keys only when the noun is listed; abbreviations ("Dr. ") can cut the sentence short.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from .base import DocumentView
from .claims import dates_in, figures_in
from .dates import DateMention
from .figures import Figure
from .lexicon import load_table, phrase_key, phrase_pattern

WINDOW = 80
_RUNNING_TOTAL = re.compile(r"(?i)\b(?:in\s+total|so\s+far|altogether|a\s+total\s+of|to\s+date|cumulative(?:ly)?"
                            r"|since\s+the\s+(?:first|start|beginning))\b")
_SENTENCE_MARKS = (". ", "? ", "! ", "\n")
_APPROXIMATORS = {
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0), "as many as": (0.8, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15), "approximately": (0.85, 1.15),
    "roughly": (0.85, 1.15), "an estimated": (0.85, 1.15), "over": (1.0, math.inf), "more than": (1.0, math.inf),
    "at least": (1.0, math.inf), "upwards of": (1.0, math.inf), "well over": (1.0, math.inf),
    "no fewer than": (1.0, math.inf), "not less than": (1.0, math.inf), "no less than": (1.0, math.inf),
    "up to": (0.0, 1.0), "fewer than": (0.0, 1.0), "less than": (0.0, 1.0),
    "under": (0.0, 1.0), "at most": (0.0, 1.0), "no more than": (0.0, 1.0),
}


@functools.cache
def _approximator_before() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w)(?P<cue>{phrase_pattern(_APPROXIMATORS)})\s+$")


@dataclass(frozen=True)
class EventFigure:
    doc_id: str
    start: int  # including the approximator
    end: int
    key: str
    low: float
    high: float
    time: tuple[int | None, int] | None  # (year or None, month)
    written: str
    phrase_end: int = -1  # where the counted noun ends ("18 people"); -1: at ``end``


@dataclass(frozen=True)
class EventTables:
    noun: re.Pattern[str]
    noun_after: re.Pattern[str]
    verb: re.Pattern[str]
    noun_class: dict[str, str]
    verb_class: dict[str, str]
    generic: frozenset[str]
    partial: frozenset[str]


def _classes(table: dict[str, list[str]]) -> dict[str, str]:
    return {phrase_key(phrase): name for name, phrases in table.items() for phrase in phrases}


@functools.cache
def tables() -> EventTables:
    raw = load_table("events.json")
    nouns = phrase_pattern(phrase for phrases in raw["nouns"].values() for phrase in phrases)
    verbs = phrase_pattern(phrase for phrases in raw["verbs"].values() for phrase in phrases)
    return EventTables(
        noun=re.compile(rf"(?i)(?<!\w){nouns}(?!\w)"),
        noun_after=re.compile(rf"(?i)\s+(?P<between>(?:[\w-]+\s+){{0,3}}?)(?P<noun>{nouns})(?!\w)"),
        verb=re.compile(rf"(?i)(?<!\w){verbs}(?!\w)"),
        noun_class=_classes(raw["nouns"]), verb_class=_classes(raw["verbs"]),
        generic=frozenset(raw.get("generic", [])), partial=frozenset(raw.get("partial_markers", [])))


def _noun_class(text: str, figure: Figure, sentence: tuple[int, int]) -> tuple[str, int] | None:
    """The class of the noun the figure counts, and where that noun ends; None when it counts nothing listed."""
    found = tables().noun_after.match(text, figure.end, sentence[1])
    if found:
        between = found.group("between").split()
        if between and phrase_key(between[0]) in tables().partial:
            return None
        return _specific(text, tables().noun_class[phrase_key(found.group("noun"))], sentence), found.end()
    row_start = text.rfind("\n", 0, figure.start) + 1
    label = text[row_start : figure.start]
    if "|" in label:
        nouns = tables().noun.findall(label)
        if nouns:
            return tables().noun_class[phrase_key(nouns[0])], figure.end
    return None


def _specific(text: str, noun_class: str, sentence: tuple[int, int]) -> str:
    if noun_class not in tables().generic:
        return noun_class
    for match in tables().noun.finditer(text, *sentence):
        candidate = tables().noun_class[phrase_key(match.group())]
        if candidate not in tables().generic:
            return candidate
    return noun_class


def _verb_class(text: str, figure: Figure, noun_end: int, sentence: tuple[int, int]) -> str | None:
    low, high = max(sentence[0], figure.start - WINDOW), min(sentence[1], noun_end + WINDOW)
    best: tuple[int, str] | None = None
    for match in tables().verb.finditer(text, low, high):
        distance = figure.start - match.end() if match.end() <= figure.start else match.start() - figure.end
        if best is None or distance < best[0]:
            best = (distance, tables().verb_class[phrase_key(match.group())])
    return best[1] if best else None


def _interval(text: str, figure: Figure) -> tuple[int, float, float]:
    """Start of the figure with its approximator, and its value interval."""
    cue = _approximator_before().search(text, max(0, figure.start - 20), figure.start)
    if not cue:
        return figure.start, figure.low, figure.high
    low_factor, high_factor = _APPROXIMATORS[phrase_key(cue.group("cue"))]
    return cue.start(), figure.low * low_factor, figure.high * high_factor


def _time(mentions: tuple[DateMention, ...], starts: list[int],
          sentence: tuple[int, int]) -> tuple[int | None, int] | None:
    """The (year, month) of the first dated mention inside the sentence (``starts``: of the mentions, which
    are in text order)."""
    for mention in mentions[bisect.bisect_left(starts, sentence[0]) :]:
        if mention.start >= sentence[1]:
            break  # it ends after the sentence, and so do all the mentions after it
        if mention.end <= sentence[1] and mention.month:
            return (mention.year, mention.month)
    return None


_ANY_MARK = "|".join(map(re.escape, _SENTENCE_MARKS))
# The end of the last mark before a point (the greedy run backs off from the point to it), and the first mark.
_LAST_MARK_END = re.compile(rf"[\s\S]*(?:{_ANY_MARK})")
_FIRST_MARK = re.compile(_ANY_MARK)
# How far marks are looked for first; up to 400 characters only when there is none that near. (A mark wholly
# inside the nearer stretch ends after, or starts before, any mark that is not, so it is the nearest of all.)
_NEAR = 80


def local_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around ``text[start:end]`` up to the nearest sentence ends or line breaks (at most 400
    characters each way); cheaper than full segmentation, which the corpus detector cannot keep cached."""
    low, high = max(0, start - 400), min(len(text), end + 400)
    before = _LAST_MARK_END.match(text, max(low, start - _NEAR), start) or _LAST_MARK_END.match(text, low, start)
    after = _FIRST_MARK.search(text, end, min(high, end + _NEAR)) or _FIRST_MARK.search(text, end, high)
    return (before.end() if before else low, after.start() + 1 if after else high)


def _event_figure(document: DocumentView, figure: Figure, mentions: tuple[DateMention, ...],
                  starts: list[int]) -> EventFigure | None:
    text = document.text
    sentence = local_sentence(text, figure.start, figure.end)
    noun = _noun_class(text, figure, sentence)
    verb = _verb_class(text, figure, noun[1], sentence) if noun else None
    if not noun or not verb:
        return None
    if _RUNNING_TOTAL.search(text, *sentence):
        return None  # a running total of several events is not one event
    start, low, high = _interval(text, figure)
    return EventFigure(document.doc_id, start, figure.end, f"{noun[0]}:{verb}", low, high,
                       _time(mentions, starts, sentence), text[start : figure.end], max(noun[1], figure.end))


def event_figures(document: DocumentView) -> list[EventFigure]:
    """The document's figures that count a listed kind of event, with their keys."""
    from .relative_dates import relative_days, resolved

    text = document.text
    mentions = tuple(sorted(resolved([*dates_in(text), *relative_days(text)], text), key=lambda m: m.start))
    starts = [mention.start for mention in mentions]
    found = []
    for figure in figures_in(document.text):
        if figure.kind in ("count", "vague"):
            event = _event_figure(document, figure, mentions, starts)
            if event:
                found.append(event)
    return found
