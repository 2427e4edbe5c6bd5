"""Curating spans of several annotators into gold, one layer of one document at a time.

Spans of one layer that overlap (across annotators) form a *unit*. A unit whose spans all say the same thing
(type, offsets, structured attributes) is *agreed* when enough annotators made it (the strategy), else
*incomplete*; a unit with different variants is *disputed* until a decision chooses its variants (or none).
A decision may also settle an incomplete unit (keep or drop the one annotator's record) and drop or correct an
agreed one. Each gold record lists its sources (``annotator:record id``) and how it was made (``curation``);
relations follow their spans (relations.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..gold import CURATED
from ..model import Span, span_id
from .decisions import Decision
from .edits import added_span, edited
from .queues import COUNTED, Curation, Settled, Unit
from .relations import curate_relations
from .strategies import Strategy

if TYPE_CHECKING:
    from pathlib import Path

    from ..reader import CorpusReader



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


def _gold(unit: Unit, chosen: list[Span], curation: str, order: tuple[str, ...], version: str) -> Span:
    """The chosen variant, with free-text attributes (explanation, holder) from the first annotator in ``order``."""
    first = min(chosen, key=lambda s: order.index(s.annotator))
    sources = sorted(f"{s.annotator}:{s.id}" for s in chosen)
    method = "curate:" + curation.partition(" ")[0]
    return first.with_changes(id=span_id(unit.doc_id, first.layer, first.type, first.start, first.end, CURATED,
                                         method, first.attributes), annotator=CURATED, method=method,
                              status="gold", sources=sources, curation=curation, reviewed_by=None, edited=False,
                              suggested_by=None, note=first.note, guidelines_version=version)


@dataclass
class _Index:
    by_record: dict[str, list[Decision]]
    by_dispute: dict[str, list[Decision]]

    def of(self, unit: Unit) -> list[Decision]:
        found = [d for s in unit.spans for d in self.by_record.get(s.id, [])]
        found += [d for d in self.by_dispute.get(unit.id, []) if d not in found]
        return sorted(found, key=lambda d: d.line)


def _index(decisions: list[Decision]) -> _Index:
    index = _Index({}, {})
    for decision in decisions:
        if decision.add is not None or decision.add_relation is not None:
            continue
        if decision.choose is not None:
            index.by_record.setdefault(decision.choose, []).append(decision)
        else:
            index.by_dispute.setdefault(decision.dispute, []).append(decision)
    return index


def curate(corpus: CorpusReader, annotators: tuple[str, ...], strategy: Strategy, decisions: list[Decision],
           doc_ids: list[str] | None = None, decisions_file: str = "decisions") -> Curation:
    if len(set(annotators)) < 2:
        raise UsageError(Problem("--annotator", None, Code.CURATE_ONE_ANNOTATOR, "curation needs two or more "
                                 f"annotators, got {len(set(annotators))}", "give --annotator at least twice"))
    result = Curation(strategy.label, annotators)
    compared = {name: frozenset(a for a, spec in layer.attributes.items() if spec.enum or spec.pattern)
                for name, layer in corpus.taxonomy.layers.items()}
    index = _index(decisions)
    seen_records: set[str] = set()
    seen_units: set[str] = set()
    chosen_docs = doc_ids or corpus.doc_ids()
    for doc_id in chosen_docs:
        spans = [s for s in corpus.annotations(doc_id).spans
                 if s.annotator in annotators and s.status in COUNTED and _confident(s, strategy)]
        seen_records.update(s.id for s in spans)
        gold: list[Span] = []
        agreed, rest = _units(doc_id, spans, compared, strategy, len(annotators))
        for unit in [*agreed, *rest]:
            seen_units.add(unit.id)
            queue = "agreed" if unit in agreed else "incomplete" if len(unit.variants()) == 1 else "disputed"
            _place(corpus, unit, queue, index.of(unit), result, gold, decisions_file)
        for decision in decisions:
            if decision.add is not None and decision.add.get("doc_id") == doc_id:
                gold.append(added_span(corpus, decision, decisions_file))
                result.added.append(decision)
        result.gold[doc_id] = gold
    _check_decisions(decisions, seen_records, seen_units, decisions_file, set(corpus.doc_ids()))
    curate_relations(corpus, result, strategy, decisions, decisions_file)
    return result


def _place(corpus: CorpusReader, unit: Unit, queue: str, decisions: list[Decision], result: Curation,
           gold: list[Span], file: str) -> None:
    version = corpus.taxonomy.guidelines_version
    if not decisions:
        if queue == "agreed":
            result.agreed.append(unit)
            made = _gold(unit, unit.spans, result.strategy, result.annotators, version)
            gold.append(made)
            result.gold_of.update((s.id, made) for s in unit.spans)
        else:
            getattr(result, queue).append(unit)
        return
    result.decided.append(Settled(unit, queue, decisions))
    variants = unit.variants()
    made_here: list[Span] = []
    for decision in decisions:
        if decision.choose is None:
            continue
        chosen_span = next(s for s in unit.spans if s.id == decision.choose)
        chosen = variants[unit.key(chosen_span)]
        made = _gold(unit, chosen, f"decision by {decision.by or 'unknown'}: {decision.reason}",
                     result.annotators, version)
        if decision.edit:
            made = edited(corpus, made, decision, file)
        gold.append(made)
        made_here.append(made)
        result.gold_of.update((s.id, made) for s in chosen)
    _follow(unit, made_here, result)


def _follow(unit: Unit, made: list[Span], result: Curation) -> None:
    """A record whose variant was not chosen stands for the gold record made in its unit at the same offsets and
    type, else the same offsets, else the only one made there; so the relations its annotator drew on it follow
    the gold."""
    for span in unit.spans:
        if span.id in result.gold_of:
            continue
        same = [g for g in made if (g.start, g.end, g.type) == (span.start, span.end, span.type)]
        same = same or [g for g in made if (g.start, g.end) == (span.start, span.end)]
        if len(same) == 1 or (not same and len(made) == 1):
            result.gold_of[span.id] = (same or made)[0]


def _check_decisions(decisions: list[Decision], records: set[str], units: set[str], file: str,
                     docs: set[str]) -> None:
    def unknown(d: Decision) -> bool:
        if d.add is not None:
            return d.add.get("doc_id") not in docs
        if d.add_relation is not None:
            return False  # checked with the relations
        if d.choose is not None:
            return d.choose not in records and not d.choose.startswith("r_")
        return d.dispute not in units and not d.dispute.startswith("q_")

    problems = [Problem(file, d.line, Code.UNKNOWN_CURATION_RECORD, f"decision refers to {d.choose or d.dispute}"
                        ", which is no record or unit of these annotators", "fix or remove the line")
                for d in decisions if unknown(d)]
    if problems:
        raise CorpusError(problems)


def write_gold(corpus: CorpusReader, result: Curation, into: str = CURATED) -> tuple[int, int]:
    """Replace ``into``'s records (spans and relations) in each curated document's store, and its cross-document
    relations, by the new gold (nothing else changes). All or nothing: every store's lock is held (in the one
    lock order) before the first is read, and all changed stores are written together (``store.update_many``),
    so a store another writer changed meanwhile is either seen whole or, when a version was expected of it
    (``fsio.expecting``), refuses the write before anything is written."""
    from ..store import StoreContent, update_many

    layout = corpus.layout
    by_store = {layout.store(doc_id): doc_id for doc_id in result.gold}
    cross = layout.cross_document_store
    paths = {path: layout.relative(path) for path in [*by_store, cross]}
    curated_docs = set(result.gold)
    crossing = [r for r in result.relations if r.cross_document]
    spans = relations_written = 0

    def change(contents: dict[Path, StoreContent]) -> dict[Path, StoreContent]:
        nonlocal spans, relations_written
        for path, doc_id in by_store.items():
            content, gold = contents[path], result.gold[doc_id]
            relations = [r for r in result.relations if r.head_doc == doc_id and not r.cross_document]
            kept = [s for s in content.spans if s.annotator != into]
            kept_relations = [r for r in content.relations if r.annotator != into]
            contents[path] = StoreContent([*kept, *gold], [*kept_relations, *relations])
            spans += len(gold)
            relations_written += len(relations)
        content = contents[cross]
        others = [r for r in content.relations if r.annotator != into or not {r.head_doc, r.tail_doc} <= curated_docs]
        contents[cross] = StoreContent(content.spans, [*others, *crossing])
        return contents

    update_many(paths, change)
    return spans, relations_written + len(crossing)
