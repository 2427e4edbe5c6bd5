"""numeric-conflict@1 (corpus detector): figures for the same event that disagree across documents.

Rule: collect every document's event figures (see ``events``: "52 political prisoners freed" has key
"prisoner:release" and interval [52, 52]; "over a dozen" has [12, ∞)). Within one key, figures are
grouped by interval; the groups are ranked by how many documents they come from (then by first
appearance), and each figure is compared with the representative (first figure) of every group ranked
above its own. Two figures
conflict when they come from different documents, their intervals do not overlap, and their times (the
month of a date in the same sentence) are equal or at least one is unknown. A figure is linked to the
first representative it conflicts with: both become ``artifact/cross-document-inconsistency`` proposals
and a ``contradicts`` link joins them (head: the figure, tail: the representative).

Known limits: an event key is only noun + verb, so different events of the same kind (two rounds of
prisoner releases) conflict unless their sentences carry different months; figures compatible with the
majority but not with each other are not linked; within-document conflicts are not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .base import CorpusFindings, DocumentView, LinkProposal, Proposal, span_key
from .events import EventFigure, event_figures
from .figures import format_number

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


def _ranked_groups(figures: list[EventFigure]) -> list[_Group]:
    groups: dict[GroupKey, _Group] = {}
    for figure in figures:
        groups.setdefault((figure.low, figure.high), _Group()).members.append(figure)
    return sorted(groups.values(), key=lambda group: -group.documents)


def _describe(figure: EventFigure) -> str:
    if figure.low == figure.high:
        return format_number(figure.low)
    high = "∞" if figure.high == float("inf") else format_number(figure.high)
    return f"{format_number(figure.low)}–{high}"


def _proposal(figure: EventFigure, other: EventFigure) -> Proposal:
    explanation = (f"'{figure.written}' ({figure.key}) disagrees with '{other.written}' in document "
                   f"{other.doc_id} ({_describe(figure)} vs {_describe(other)}).")
    return Proposal(layer="artifact", type="cross-document-inconsistency", start=figure.start, end=figure.end,
                    attributes={"explanation": explanation}, note=f"event key {figure.key}")


def _conflicting_pairs(figures: list[EventFigure]) -> list[tuple[EventFigure, EventFigure]]:
    """(figure, representative it conflicts with) pairs for one event key."""
    ranked = _ranked_groups(figures)
    pairs = []
    for rank, group in enumerate(ranked):
        for figure in group.members:
            for better in ranked[:rank]:
                if conflicts(figure, better.representative):
                    pairs.append((figure, better.representative))
                    break
    return pairs


class NumericConflict:
    name = "numeric-conflict"
    version = 1

    def detect_corpus(self, documents: Sequence[DocumentView]) -> CorpusFindings:
        by_key: dict[str, list[EventFigure]] = {}
        for document in documents:
            for figure in event_figures(document):
                by_key.setdefault(figure.key, []).append(figure)
        proposals: dict[tuple[str, int, int], Proposal] = {}
        links: list[LinkProposal] = []
        for figures in by_key.values():
            for figure, other in _conflicting_pairs(figures):
                head = proposals.setdefault((figure.doc_id, figure.start, figure.end), _proposal(figure, other))
                tail = proposals.setdefault((other.doc_id, other.start, other.end), _proposal(other, figure))
                links.append(LinkProposal("contradicts", span_key(figure.doc_id, head), span_key(other.doc_id, tail)))
        found = tuple((doc_id, proposal) for (doc_id, _, _), proposal in proposals.items())
        return CorpusFindings(proposals=found, links=tuple(links))


DETECTOR = NumericConflict()
