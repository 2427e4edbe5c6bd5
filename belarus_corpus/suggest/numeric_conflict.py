"""numeric-conflict@2 (corpus detector): figures for the same event that disagree across documents.

Rule: collect every document's event figures (see ``events``: "52 political prisoners freed" has key
"prisoner:release" and interval [52, 52]; "over a dozen" has [12, ∞)). Within one key, figures are
grouped by interval; the groups are ranked by how many documents they come from (then by the earliest
article date among their documents, see ``relative_dates``, then by first appearance), and each figure is
compared with the representative (first figure) of every group ranked above its own. Two figures conflict
when they come from different documents, their intervals do not overlap, and their times (the month of a
date in the same sentence, days relative to the article's date included) are equal or at least one is
unknown; a running total ("in total", "so far") is no event figure (see ``events``). A figure is linked to
the first representative it conflicts with: the figure, the outlier, becomes an
``artifact/cross-document-inconsistency`` proposal on the figure and the noun it counts ("18 people"), and a
``contradicts`` link goes from it to the representative's ``claim/quantity`` sentence (or, when the
representative is in no claim sentence, to an artifact proposal on the representative). Confidence 0.6: the
event key is only noun and verb.

Known limits: an event key is only noun + verb, so different events of the same kind (two rounds of
prisoner releases) conflict unless their sentences carry different months; figures compatible with the
majority but not with each other are not linked; within-document conflicts are not reported.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from .base import CorpusFindings, DocumentView, LinkProposal, Proposal, SpanKey, span_key
from .claim_units import claim_units, unit_containing, unit_starts
from .events import EventFigure, event_figures
from .figures import format_number
from .relative_dates import article_date

GroupKey = tuple[float, float]


@dataclass
class _Group:
    members: list[EventFigure] = field(default_factory=list)

    @property
    def representative(self) -> EventFigure:
        return self.members[0]

    @property
    def documents(self) -> int:
        return len({member.doc_id for member in self.members})


def _times_agree(first: EventFigure, second: EventFigure) -> bool:
    if first.time is None or second.time is None:
        return True
    (year_a, month_a), (year_b, month_b) = first.time, second.time
    return month_a == month_b and (year_a is None or year_b is None or year_a == year_b)


def conflicts(first: EventFigure, second: EventFigure) -> bool:
    disjoint = first.high < second.low or second.high < first.low
    return first.doc_id != second.doc_id and disjoint and _times_agree(first, second)


_LATEST = datetime.date.max


def _ranked_groups(figures: list[EventFigure], dates: dict[str, datetime.date | None]) -> list[_Group]:
    groups: dict[GroupKey, _Group] = {}
    for figure in figures:
        groups.setdefault((figure.low, figure.high), _Group()).members.append(figure)

    def earliest(group: _Group) -> datetime.date:
        return min((dates.get(member.doc_id) or _LATEST) for member in group.members)

    return sorted(groups.values(), key=lambda group: (-group.documents, earliest(group)))


def _describe(figure: EventFigure) -> str:
    if figure.low == figure.high:
        return format_number(figure.low)
    high = "∞" if figure.high == float("inf") else format_number(figure.high)
    return f"{format_number(figure.low)}–{high}"


def _proposal(figure: EventFigure, other: EventFigure) -> Proposal:
    explanation = (f"'{figure.written}' ({figure.key}) disagrees with '{other.written}' in document "
                   f"{other.doc_id} ({_describe(figure)} vs {_describe(other)}).")
    end = figure.phrase_end if figure.phrase_end > 0 else figure.end
    return Proposal(layer="artifact", type="cross-document-inconsistency", start=figure.start, end=end,
                    attributes={"explanation": explanation}, note=f"event key {figure.key}", score=0.6)


def _conflicting_pairs(figures: list[EventFigure],
                       dates: dict[str, datetime.date | None]) -> list[tuple[EventFigure, EventFigure]]:
    """(figure, representative it conflicts with) pairs for one event key."""
    ranked = _ranked_groups(figures, dates)
    pairs = []
    for rank, group in enumerate(ranked):
        for figure in group.members:
            for better in ranked[:rank]:
                if conflicts(figure, better.representative):
                    pairs.append((figure, better.representative))
                    break
    return pairs


def _claim_of(document: DocumentView, figure: EventFigure) -> SpanKey | None:
    """The ``claim/quantity`` sentence (claim unit) holding the figure, or None."""
    units = claim_units(document)
    unit = unit_containing(units, unit_starts(units), figure.start)
    return None if unit is None else (document.doc_id, unit.start, unit.end, "claim", "quantity")


class NumericConflict:
    name = "numeric-conflict"
    version = 2
    confidence = 0.6

    def detect_corpus(self, documents: Sequence[DocumentView]) -> CorpusFindings:
        by_key: dict[str, list[EventFigure]] = {}
        views = {document.doc_id: document for document in documents}
        dates = {document.doc_id: article_date(document.text) for document in documents}
        for document in documents:
            for figure in event_figures(document):
                by_key.setdefault(figure.key, []).append(figure)
        proposals: dict[tuple[str, int, int], Proposal] = {}
        links: list[LinkProposal] = []
        for figures in by_key.values():
            for figure, other in _conflicting_pairs(figures, dates):
                head = proposals.setdefault((figure.doc_id, figure.start, figure.end), _proposal(figure, other))
                tail = _claim_of(views[other.doc_id], other)
                if tail is None:
                    proposal = proposals.setdefault((other.doc_id, other.start, other.end), _proposal(other, figure))
                    tail = span_key(other.doc_id, proposal)
                links.append(LinkProposal("contradicts", span_key(figure.doc_id, head), tail))
        found = tuple((doc_id, proposal) for (doc_id, _, _), proposal in proposals.items())
        return CorpusFindings(proposals=found, links=tuple(links))


DETECTOR = NumericConflict()
