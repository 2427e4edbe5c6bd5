"""What curation produces: units of overlapping spans, the units decisions settled, relation groups, and the
queues and gold of one run (``Curation``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..model import Relation, Span
from .decisions import Decision

COUNTED = ("gold", "suggested")


@dataclass
class Unit:
    doc_id: str
    layer: str
    spans: list[Span]
    compared: frozenset[str] = frozenset()  # the structured attributes (enum or pattern) a variant is told by

    @property
    def id(self) -> str:
        joined = "\x1f".join(sorted(s.id for s in self.spans))
        return "d_" + hashlib.sha256(joined.encode()).hexdigest()[:16]

    def variants(self) -> dict[tuple[object, ...], list[Span]]:
        grouped: dict[tuple[object, ...], list[Span]] = {}
        for span in sorted(self.spans, key=lambda s: (s.annotator, s.id)):
            grouped.setdefault(self.key(span), []).append(span)
        return grouped

    def key(self, span: Span) -> tuple[object, ...]:
        told = {k: v for k, v in span.attributes.items() if k in self.compared}
        return (span.type, span.start, span.end, json.dumps(told, sort_keys=True))


@dataclass
class Settled:
    """A unit a decision settled, and the queue it would otherwise be in."""

    unit: Unit
    queue: str  # agreed | incomplete | disputed
    decisions: list[Decision]


@dataclass
class Curation:
    strategy: str
    annotators: tuple[str, ...]
    agreed: list[Unit] = field(default_factory=list)
    incomplete: list[Unit] = field(default_factory=list)
    disputed: list[Unit] = field(default_factory=list)
    decided: list[Settled] = field(default_factory=list)
    added: list[Decision] = field(default_factory=list)
    gold: dict[str, list[Span]] = field(default_factory=dict)
    gold_of: dict[str, Span] = field(default_factory=dict)  # an annotator's record id → the gold made from it
    relations: list[Relation] = field(default_factory=list)
    relation_queues: dict[str, int] = field(default_factory=dict)
    open_relations: list[RelationGroup] = field(default_factory=list)

    def count(self, queue: str) -> int:
        """How many units were in ``queue`` before decisions (settled ones included)."""
        return len(getattr(self, queue)) + sum(1 for s in self.decided if s.queue == queue)


@dataclass
class RelationGroup:
    type: str
    head: Span
    tail: Span
    relations: list[Relation]

    @property
    def id(self) -> str:
        joined = "\x1f".join(sorted(r.id for r in self.relations))
        return "q_" + hashlib.sha256(joined.encode()).hexdigest()[:16]
