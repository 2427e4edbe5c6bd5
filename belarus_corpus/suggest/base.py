"""What a detector is: a small named, versioned unit that proposes spans on a document's normalized text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class DocumentView:
    """What a detector may look at: the normalized text and its paragraphs (start, end, role)."""

    doc_id: str
    text: str
    paragraphs: Sequence[tuple[int, int, str]] = ()


@dataclass(frozen=True, init=False)
class Proposal:
    """A span a detector proposes: offsets are code points into ``DocumentView.text``, end-exclusive."""

    layer: str
    type: str
    start: int
    end: int
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    score: float | None = None  # confidence in [0, 1]; None: the detector's ``confidence``

    def __init__(self, layer: str, type: str, start: int, end: int,
                 attributes: dict[str, Any] | None = None, note: str | None = None,
                 score: float | None = None) -> None:
        # Detectors make tens of thousands: filling the instance dictionary directly skips the frozen
        # dataclass's per-field ``object.__setattr__`` (over twice as fast); the instance stays frozen.
        self.__dict__.update(layer=layer, type=type, start=start, end=end,
                             attributes={} if attributes is None else attributes, note=note, score=score)


DEFAULT_CONFIDENCE = 0.5
"""The confidence of a proposal whose detector states none (every registered detector states one)."""


def confidence_of(detector: object, proposal: Proposal) -> float:
    """The proposal's own score, else its detector's ``confidence``, else ``DEFAULT_CONFIDENCE``."""
    if proposal.score is not None:
        return proposal.score
    confidence = getattr(detector, "confidence", DEFAULT_CONFIDENCE)
    return float(confidence)


def with_confidence(note: str | None, score: float) -> str:
    """The note a suggested span is stored with: ``confidence 0.85``, then the detector's note."""
    stated = f"confidence {score:.2f}"
    return f"{stated}; {note}" if note else stated


SpanKey = tuple[str, int, int, str, str]
"""How a link names a proposed span: (doc_id, start, end, layer, type)."""


@dataclass(frozen=True)
class LinkProposal:
    """A relation between two proposed spans, each named by its ``SpanKey`` (documents may differ)."""

    type: str
    head: SpanKey
    tail: SpanKey


@dataclass(frozen=True)
class CorpusFindings:
    """What a corpus detector returns: proposals (with the document each belongs to) and links between them.

    Iterating over it yields the ``(doc_id, Proposal)`` pairs, so code that only wants spans can ignore links.
    """

    proposals: tuple[tuple[str, Proposal], ...] = ()
    links: tuple[LinkProposal, ...] = ()

    def __iter__(self) -> Iterator[tuple[str, Proposal]]:
        return iter(self.proposals)


def span_key(doc_id: str, proposal: Proposal) -> SpanKey:
    return (doc_id, proposal.start, proposal.end, proposal.layer, proposal.type)


class Detector(Protocol):
    name: str
    version: int

    def detect(self, document: DocumentView) -> Iterable[Proposal]: ...


class CorpusDetector(Protocol):
    """A detector that needs every document at once (cross-document conflicts)."""

    name: str
    version: int

    def detect_corpus(self, documents: Sequence[DocumentView]) -> CorpusFindings: ...
