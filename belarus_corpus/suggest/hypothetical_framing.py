"""hypothetical-framing@1: real events framed as hypothetical, and out-of-date titles.

``artifact/hypothetical-framing``: a cue that frames as hypothetical or counterfactual something the
article reports as fact: "hypothetical (second) term / presidency / administration / scenario", "in this
hypothetical scenario", "would-be (second) term / presidency", "potential second Trump term", "if Trump
were (re)elected", "should Trump win". The span is the cue. Office holders' names come from the
``offices`` of ``data/entities.json``.

``artifact/temporal-inconsistency``: "former President X" (or "ex-President X", "former U.S. President
X") for an office holder of ``entities.json`` whose term (``from``, ``to``) covers events the same
document reports: the document must also call X by the title without "former" ("President X", "X
administration", "X's administration") and carry a date that falls on or after the term start (the
latest day a date can mean is used: "August 2025" counts, "2020" does not). The span is the whole
out-of-date title with the name.

Known limits: only the cue phrases here and the offices listed are known; a genuinely hypothetical
passage (an op-ed written before an election) is flagged too; dates are not tied to the sentences that
mention the person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .claims import dates_in
from .entities import Office, offices
from .lexicon import phrase_pattern

_OFFICE_TERM = r"(?:(?:second|third|new|next|future)\s+)?(?:term|presidency|administration|mandate|tenure)"
_CUE_TEMPLATES = (
    rf"hypothetical\s+(?:{{surname}}['’]s\s+)?{_OFFICE_TERM}",
    r"(?:in\s+(?:this|a|the|such\s+a)\s+)?hypothetical\s+(?:scenario|world|situation|case)",
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


@functools.cache
def former_title_regex(office: Office) -> re.Pattern[str]:
    titles = phrase_pattern(office.office_words)
    return re.compile(rf"(?<!\w){_FORMER}{titles}\s+{_name(office)}(?!\w)", re.IGNORECASE)


@functools.cache
def current_title_regex(office: Office) -> re.Pattern[str]:
    titles = phrase_pattern(office.office_words)
    surname = re.escape(office.surname)
    return re.compile(
        rf"(?<![\w-]){titles}\s+{_name(office)}(?!\w)|(?<!\w){surname}(?:['’]s)?\s+administration",
        re.IGNORECASE)


def _in_term(document: DocumentView, office: Office) -> bool:
    """Whether the document carries a date that falls on or after the start of the office holder's term."""
    for mention in dates_in(document.text):
        latest = mention.latest()
        if latest and latest >= office.start and (office.end is None or latest <= office.end):
            return True
    return False


def _acts_in_office(document: DocumentView, office: Office) -> bool:
    text = document.text
    return any(not _preceded_by_former(text, match.start())
               for match in current_title_regex(office).finditer(text))


def _preceded_by_former(text: str, start: int) -> bool:
    return bool(re.search(rf"{_FORMER}$", text[max(0, start - 12) : start], re.IGNORECASE))


def _out_of_date_titles(document: DocumentView) -> Iterator[Proposal]:
    for office in offices():
        matches = list(former_title_regex(office).finditer(document.text))
        if not matches or not _acts_in_office(document, office) or not _in_term(document, office):
            continue
        for match in matches:
            explanation = (f"{office.name} holds the office of {office.office} from "
                           f"{'-'.join(f'{part:02d}' for part in office.start)}, "
                           "a period this document reports on, so 'former' is out of date.")
            yield Proposal(layer="artifact", type="temporal-inconsistency", start=match.start(), end=match.end(),
                           attributes={"explanation": explanation})


class HypotheticalFraming:
    name = "hypothetical-framing"
    version = 1

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        for match in framing_regex().finditer(document.text):
            yield Proposal(layer="artifact", type="hypothetical-framing", start=match.start(), end=match.end(),
                           attributes={"explanation": "Events the article reports as real are framed as "
                                                      "hypothetical."})
        yield from _out_of_date_titles(document)


DETECTOR = HypotheticalFraming()
