"""Curating spans of several annotators into gold, one layer of one document at a time.

Spans of one layer that overlap (across annotators) form a *unit*. A unit whose spans all say the same thing
(type, offsets, attributes) is *agreed* when enough annotators made it (the strategy), else *incomplete*; a unit
with different variants is *disputed* until a decision chooses one variant's record (or none). Each gold record
lists its sources (``annotator:record id``) and how it was made (``curation``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..model import Span, span_id
from .decisions import Decision
from .strategies import Strategy

if TYPE_CHECKING:
    from ..reader import CorpusReader

COUNTED = ("gold", "suggested")
CURATED = "curated"


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
class Curation:
    strategy: str
    annotators: tuple[str, ...]
    agreed: list[Unit] = field(default_factory=list)
    incomplete: list[Unit] = field(default_factory=list)
    disputed: list[Unit] = field(default_factory=list)
    decided: list[tuple[Unit, Decision]] = field(default_factory=list)
    gold: dict[str, list[Span]] = field(default_factory=dict)


def _overlapping(doc_id: str, layer: str, spans: list[Span], compared: frozenset[str]) -> list[Unit]:
    units: list[Unit] = []
    current: list[Span] = []
    reach = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.id)):
        if current and span.start >= reach:
            units.append(Unit(doc_id, layer, current, compared))
            current = []
        reach = max(reach, span.end) if current else span.end
        current.append(span)
    return [*units, Unit(doc_id, layer, current, compared)] if current else units


def _units(doc_id: str, spans: list[Span], compared: dict[str, frozenset[str]], strategy: Strategy,
           annotators: int) -> tuple[list[Unit], list[Unit]]:
    """(agreed units, the rest): identical records made by enough annotators are agreed; the other records of a
    layer are grouped by overlap, so a unit of the rest is incomplete (one variant) or disputed (several)."""
    agreed: list[Unit] = []
    rest: list[Unit] = []
    for layer in sorted({s.layer for s in spans}):
        probe = Unit(doc_id, layer, [s for s in spans if s.layer == layer], compared[layer])
        leftover: list[Span] = []
        for group in probe.variants().values():
            if strategy.enough(len({s.annotator for s in group}), annotators):
                agreed.append(Unit(doc_id, layer, group, compared[layer]))
            else:
                leftover += group
        rest += _overlapping(doc_id, layer, leftover, compared[layer])
    return agreed, rest


def _confident(span: Span, strategy: Strategy) -> bool:
    if strategy.name != "confidence":
        return True
    confidence = span.__dict__.get("confidence")
    return confidence is None or float(confidence) >= strategy.threshold


def _gold(unit: Unit, chosen: list[Span], curation: str, order: tuple[str, ...]) -> Span:
    """The chosen variant, with free-text attributes (explanation, holder) from the first annotator in ``order``."""
    first = min(chosen, key=lambda s: order.index(s.annotator))
    sources = sorted(f"{s.annotator}:{s.id}" for s in chosen)
    method = "curate:" + curation.partition(" ")[0]
    return first.with_changes(id=span_id(unit.doc_id, first.layer, first.type, first.start, first.end, CURATED,
                                         method, first.attributes), annotator=CURATED, method=method,
                              status="gold", sources=sources, curation=curation, reviewed_by=None, edited=False,
                              suggested_by=None, note=first.note)


def curate(corpus: CorpusReader, annotators: tuple[str, ...], strategy: Strategy, decisions: list[Decision],
           doc_ids: list[str] | None = None, decisions_file: str = "decisions") -> Curation:
    if len(set(annotators)) < 2:
        raise UsageError(Problem("--annotator", None, Code.CURATE_ONE_ANNOTATOR, "curation needs two or more "
                                 f"annotators, got {len(set(annotators))}", "give --annotator at least twice"))
    result = Curation(strategy.label, annotators)
    compared = {name: frozenset(a for a, spec in layer.attributes.items() if spec.enum or spec.pattern)
                for name, layer in corpus.taxonomy.layers.items()}
    by_record = {d.choose: d for d in decisions if d.choose is not None}
    by_dispute = {d.dispute: d for d in decisions}
    seen_records: set[str] = set()
    seen_disputes: set[str] = set()
    for doc_id in doc_ids or corpus.doc_ids():
        spans = [s for s in corpus.annotations(doc_id).spans
                 if s.annotator in annotators and s.status in COUNTED and _confident(s, strategy)]
        seen_records.update(s.id for s in spans)
        gold: list[Span] = []
        agreed, rest = _units(doc_id, spans, compared, strategy, len(annotators))
        for unit in agreed:
            result.agreed.append(unit)
            gold.append(_gold(unit, unit.spans, strategy.label, annotators))
        for unit in rest:
            seen_disputes.add(unit.id)
            _place(unit, annotators, result, gold, by_record, by_dispute)
        result.gold[doc_id] = gold
    _check_decisions(decisions, seen_records, seen_disputes, decisions_file)
    return result


def _place(unit: Unit, annotators: tuple[str, ...], result: Curation, gold: list[Span],
           by_record: dict[str, Decision], by_dispute: dict[str, Decision]) -> None:
    variants = unit.variants()
    if len(variants) == 1:
        result.incomplete.append(unit)
        return
    decision = next((by_record[s.id] for s in unit.spans if s.id in by_record), None) or by_dispute.get(unit.id)
    if decision is None:
        result.disputed.append(unit)
        return
    result.decided.append((unit, decision))
    if decision.choose is not None:
        chosen_span = next(s for s in unit.spans if s.id == decision.choose)
        gold.append(_gold(unit, variants[unit.key(chosen_span)],
                          f"decision by {decision.by or 'unknown'}: {decision.reason}", annotators))


def _check_decisions(decisions: list[Decision], records: set[str], disputes: set[str], file: str) -> None:
    problems = [Problem(file, d.line, Code.UNKNOWN_CURATION_RECORD, f"decision refers to {d.choose or d.dispute}"
                        ", which is no record or dispute of these annotators", "fix or remove the line")
                for d in decisions if (d.choose is not None and d.choose not in records)
                or (d.choose is None and d.dispute not in disputes)]
    if problems:
        raise CorpusError(problems)


def write_gold(corpus: CorpusReader, result: Curation, into: str = CURATED) -> int:
    """Replace ``into``'s records in each curated document's store by the new gold (nothing else changes)."""
    from ..annotate.operations import change_store
    from ..store import StoreContent

    written = 0
    for doc_id, gold in result.gold.items():
        def change(content: StoreContent, gold: list[Span] = gold) -> StoreContent:
            kept = [s for s in content.spans if s.annotator != into]
            return StoreContent([*kept, *gold], content.relations)

        change_store(corpus, doc_id, change)
        written += len(gold)
    return written
