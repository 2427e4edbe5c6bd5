"""hypothetical-framing@2: real events framed as hypothetical, and out-of-date titles.

``artifact/hypothetical-framing``: a cue that frames as hypothetical or counterfactual something the
article reports as fact: "hypothetical (second) term / presidency / administration / scenario", "in this
hypothetical scenario", "would-be (second) term / presidency", "potential second Trump term", "if Trump
were (re)elected", "should Trump win", "in the hypothetical scenario of a second Trump administration". The
span is the cue. A cue is proposed only when the document reports that term's events as real (it names an office
holder of ``entities.json`` and carries a date inside the term): otherwise it is a genuine hypothetical, which the
author openly supposes, and no artifact. Office holders' names come from the
``offices`` of ``data/entities.json``.

``artifact/temporal-inconsistency``: "former President X" (or "ex-President X", "former U.S. President
X") for an office holder of ``entities.json`` whose term (``from``, ``to``) covers events the same
document reports: the document must also call X by the title without "former" ("President X", "X
administration", "X's administration") and carry a date that falls on or after the term start (the
latest day a date can mean is used: "August 2025" counts, "2020" does not). The span is the out-of-date
title without the name ("former President", as the guidelines narrow it).

Known limits: only the cue phrases here and the offices listed are known; a genuine hypothetical in an
article that also reports the term's real events is flagged; dates are not tied to the sentences that mention
the person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .claims import dates_in
from .entities import Office, offices
from .lexicon import phrase_pattern
from .scan import hits_for, matches_at_anchors

_OFFICE_TERM = r"(?:(?:second|third|new|next|future)\s+)?(?:term|presidency|administration|mandate|tenure)"
_CUE_TEMPLATES = (
    rf"hypothetical\s+(?:{{surname}}['’]s\s+)?{_OFFICE_TERM}",
    r"(?:in\s+(?:this|a|the|such\s+a)\s+)?hypothetical\s+(?:scenario|world|situation|case)"
    rf"(?:\s+of\s+(?:a|an|the)\s+(?:(?:second|third|new|future)\s+)?(?:{{surname}}\s+)?{_OFFICE_TERM})?",
    rf"would-be\s+(?:{{surname}}\s+)?{_OFFICE_TERM}",
    r"(?:possible|potential|prospective|theoretical|imagined|hypothetically)\s+(?:second|third)\s+"
    r"(?:{surname}\s+)?(?:term|presidency|administration)",
    r"if\s+{surname}\s+(?:were|was|is)\s+(?:to\s+(?:be\s+)?)?(?:re-?elected|elected|to\s+win|returned|to\s+return)",
    r"if\s+{surname}\s+(?:wins|won|were\s+to\s+win|returns|returned|were\s+to\s+return)",
    r"should\s+{surname}\s+(?:win|return|be\s+re-?elected)",
    r"in\s+the\s+event\s+(?:of\s+a\s+)?{surname}\s+(?:victory|win|return)",
    r"(?:alternate|alternative)\s+(?:history|timeline|reality)",
)
_FORMER = r"(?:former|ex-|erstwhile|one-time|onetime)\s*"


@functools.cache
def framing_regex() -> re.Pattern[str]:
    surnames = phrase_pattern(office.surname for office in offices()) if offices() else "(?!)"
    cues = "|".join(template.replace("{surname}", surnames) for template in _CUE_TEMPLATES)
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


def _name(office: Office) -> str:
    given = rf"(?:{re.escape(office.given)}\s+)?" if office.given else ""
    return rf"{given}{re.escape(office.surname)}"


FRAMING_WORDS = ("hypothetical", "hypothetically", "second", "third", "alternate", "alternative", "if", "should",
                 "event")
_WOULD_BE = ("would-be", "Would-be")
_FORMER_HINTS = ("ormer", "ex-", "Ex-", "rstwhile", "ne-time", "netime")
WINDOW = 60
# How many words before its anchor a cue can start ("in such a hypothetical scenario", "in the event of").
REACH = {"hypothetical": 3, "second": 1, "third": 1, "event": 2}


def vocabulary() -> tuple[str, ...]:
    """Words framing cues are looked for around, for the shared word scan (see ``scan``)."""
    return FRAMING_WORDS


@functools.cache
def _surname_regex(office: Office) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(office.surname)}(?!\w)")


@functools.cache
def _former_before(office: Office) -> re.Pattern[str]:
    titles = phrase_pattern(office.office_words)
    return re.compile(rf"(?<!\w)(?P<title>{_FORMER}{titles})\s+{_name(office)}$", re.IGNORECASE)


@functools.cache
def _current_before(office: Office) -> re.Pattern[str]:
    titles = phrase_pattern(office.office_words)
    return re.compile(rf"(?<![\w-]){titles}\s+{_name(office)}$", re.IGNORECASE)


@functools.cache
def _administration_at(office: Office) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(office.surname)}(?:['’]s)?\s+administration(?!\w)", re.IGNORECASE)


def surname_positions(text: str, office: Office) -> list[int]:
    return [match.start() for match in _surname_regex(office).finditer(text)
            if not match.start() or not text[match.start() - 1].isalnum()]


def _in_term(document: DocumentView, office: Office) -> bool:
    """Whether the document carries a date that falls on or after the start of the office holder's term."""
    for mention in dates_in(document.text):
        latest = mention.latest()
        if latest and latest >= office.start and (office.end is None or latest <= office.end):
            return True
    return False


def _hints_former(text: str, position: int) -> bool:
    low = max(0, position - WINDOW)
    return any(text.find(hint, low, position) >= 0 for hint in _FORMER_HINTS)


def _title_before(pattern: re.Pattern[str], text: str, position: int, office: Office) -> re.Match[str] | None:
    return pattern.search(text, max(0, position - WINDOW), position + len(office.surname))


def _acts_in_office(text: str, positions: list[int], office: Office) -> bool:
    """Whether some mention gives the office holder the title without "former", or names their administration."""
    for position in positions:
        titled = _title_before(_current_before(office), text, position, office)
        if titled and not (_hints_former(text, position) and _title_before(_former_before(office), text, position,
                                                                             office)):
            return True
        if _administration_at(office).match(text, position):
            return True
    return False


def _out_of_date_titles(document: DocumentView) -> Iterator[Proposal]:
    text = document.text
    for office in offices():
        positions = surname_positions(text, office)
        former = [found for position in positions if _hints_former(text, position)
                  and (found := _title_before(_former_before(office), text, position, office))]
        if not former or not _acts_in_office(text, positions, office) or not _in_term(document, office):
            continue
        explanation = (f"{office.name} holds the office of {office.office} from "
                       f"{'-'.join(f'{part:02d}' for part in office.start)}, "
                       "a period this document reports on, so 'former' is out of date.")
        for match in former:
            yield Proposal(layer="artifact", type="temporal-inconsistency", start=match.start("title"),
                           end=match.end("title"), attributes={"explanation": explanation}, score=0.8)


def _framing_anchors(text: str) -> list[tuple[int, str]]:
    anchors = hits_for(text, FRAMING_WORDS)
    for form in _WOULD_BE:
        position = text.find(form)
        while position >= 0:
            anchors.append((position, form))
            position = text.find(form, position + 1)
    return sorted(anchors)


def reports_a_term(document: DocumentView) -> bool:
    """Whether the document reports events of a listed office holder's term as real: it names the holder and
    carries a date inside the term."""
    text = document.text
    return any(surname_positions(text, office) and _in_term(document, office) for office in offices())


class HypotheticalFraming:
    name = "hypothetical-framing"
    version = 2
    confidence = 0.7

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        matches = matches_at_anchors(functools.partial(framing_regex().match, text), text, _framing_anchors(text),
                                     REACH)
        real = None
        for match in matches:
            if not match.group().lower().startswith(("alternate", "alternative")):
                real = reports_a_term(document) if real is None else real
                if not real:
                    continue  # a genuine hypothetical: nothing the article reports happened in the term
            yield Proposal(layer="artifact", type="hypothetical-framing", start=match.start(), end=match.end(),
                           attributes={"explanation": "Events the article reports as real are framed as "
                                                      "hypothetical."})
        yield from _out_of_date_titles(document)


DETECTOR = HypotheticalFraming()
