"""``suggest``: run registered detectors and store their proposals as ``suggested`` spans.

Never touches gold, rejected or orphaned spans: a proposal whose (layer, type, start, end) is already in the
store, whatever its status, is skipped, so a second run adds nothing.

Order of work: corpus detectors (which need every document's text at once) run first, on views made by the
workers; then each worker, for its chunk of documents, runs the document detectors, makes spans of every
proposal and reads and writes each store once (under its lock), with its new spans and the relations within it.
Cross-document relations go to ``_cross_document.jsonl`` last. Memory holds the views and the corpus detectors'
findings, never every span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..layout import CROSS_DOCUMENT_STORE
from ..model import Span
from ..store import StoreContent, update
from ..taxonomy import Taxonomy
from .detecting import (
    DocumentResult,
    choose_detectors,
    detect_document,
    in_chunks,
    views_chunk,
)
from .operations import change_store
from .records import make_relation

if TYPE_CHECKING:
    from ..engine import EngineOptions
    from ..reader import CorpusReader
    from ..suggest.base import DocumentView, LinkProposal, Proposal

__all__ = ["SuggestReport", "suggest"]

SpanKey = tuple[str, int, int, str, str]
CROSS_DOCUMENT_DISPLAY = f"annotations/{CROSS_DOCUMENT_STORE}"


@dataclass
class SuggestReport:
    proposed: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)
    invalid: list[Problem] = field(default_factory=list)
    relations_added: int = 0
    characters: int = 0

    def lines(self) -> list[str]:
        rows = [f"{name}: {self.proposed[name]} proposed, {self.added[name]} new"
                for name in sorted(self.proposed.keys() | self.added.keys())]
        return [*rows, f"relations: {self.relations_added} new"]


@dataclass
class CorpusFindings:
    """What the corpus detectors found, waiting for the document pass that stores it."""

    # doc id → (detector id, proposal, confidence)
    proposals: dict[str, list[tuple[str, Proposal, float]]] = field(default_factory=dict)
    local: dict[str, list[tuple[str, LinkProposal]]] = field(default_factory=dict)  # doc id → (method, link)
    cross: list[tuple[str, LinkProposal]] = field(default_factory=list)
    known: dict[SpanKey, Span] = field(default_factory=dict)  # spans now at the cross links' ends
    views: dict[str, DocumentView] = field(default_factory=dict)  # made for the corpus detectors, reused after

    @property
    def cross_ends(self) -> set[SpanKey]:
        """The ends of cross-document links (their spans are stored by the workers, then related here)."""
        return {end for _, link in self.cross for end in (link.head, link.tail)}


@dataclass
class StoredDocument:
    """What storing one document's proposals did (made in a worker process or in this one)."""

    characters: int
    proposed: Counter[str]
    added: Counter[str]
    invalid: list[Problem]
    relations_added: int
    known: dict[SpanKey, Span]  # the spans now at the cross-document links' ends in this document


def suggest(corpus: CorpusReader, doc_ids: Sequence[str] | None = None, detectors: Sequence[str] | None = None,
            workers: int | None = None, min_score: float | None = None,
            engine: EngineOptions | None = None) -> SuggestReport:
    """Run the detectors and store new proposals scored at least ``min_score`` (every one when None); the engine's
    tasks (``engine``, or the local executor with) ``workers``
    processes (default: the CPU count). Corpus detectors compare every document of the corpus, and their proposals
    are kept in the chosen documents."""
    _, corpus_detectors = choose_detectors(detectors)
    report = SuggestReport()
    names = tuple(detectors) if detectors else None
    chosen = list(doc_ids or corpus.doc_ids())
    from ..engine import EngineOptions

    engine = engine or EngineOptions(workers=workers)
    findings = _run_corpus_detectors(corpus, corpus_detectors, chosen, report, engine, min_score)
    ends: dict[str, set[SpanKey]] = {}
    for end in findings.cross_ends:
        ends.setdefault(end[0], set()).add(end)
    root = str(corpus.root)

    def arguments(chunk: list[str]) -> tuple[Any, ...]:
        return (root, names, {d: findings.proposals[d] for d in chunk if d in findings.proposals},
                {d: findings.local[d] for d in chunk if d in findings.local}, {d: ends[d] for d in chunk if d in ends},
                {d: findings.views[d] for d in chunk if d in findings.views}, min_score)

    from ..progress import track

    for stored in track(in_chunks(suggest_chunk, chosen, arguments, engine, "suggest"), "suggest", len(chosen)):
        report.characters += stored.characters
        report.proposed.update(stored.proposed)
        report.added.update(stored.added)
        report.invalid += stored.invalid
        report.relations_added += stored.relations_added
        findings.known.update(stored.known)
    if findings.cross:
        _store_cross(corpus, corpus.taxonomy, findings, report)
    return report


def _run_corpus_detectors(corpus: CorpusReader, detectors: list[Any], doc_ids: list[str], report: SuggestReport,
                          engine: EngineOptions, min_score: float | None = None) -> CorpusFindings:
    """Corpus detectors over every document of the corpus (a conflict with a document outside ``doc_ids`` is still
    found); proposals are kept in ``doc_ids`` only, and links only when both ends are kept there or elsewhere."""
    from ..suggest.base import confidence_of, span_key

    findings = CorpusFindings()
    if not detectors:
        return findings
    root = str(corpus.root)
    wanted = set(doc_ids)
    every = sorted(wanted | set(corpus.doc_ids()))
    from ..progress import track

    views = list(track(in_chunks(views_chunk, every, lambda _: (root,), engine, "suggest-views"), "suggest: reading",
                       len(every)))
    findings.views = {view.doc_id: view for view in views if view.doc_id in wanted}
    for detector in detectors:
        detector_id = f"{detector.name}@{detector.version}"
        found = detector.detect_corpus(views)
        kept: set[SpanKey] = set()
        for doc_id, proposal in found.proposals:
            score = confidence_of(detector, proposal)
            if doc_id not in wanted or (min_score is not None and score < min_score):
                continue
            report.proposed[detector.name] += 1
            kept.add(span_key(doc_id, proposal))
            findings.proposals.setdefault(doc_id, []).append((detector_id, proposal, score))
        for link in found.links:
            if link.head not in kept and link.tail not in kept:
                continue
            item = (f"rule:{detector_id}", link)
            if link.head[0] == link.tail[0]:
                findings.local.setdefault(link.head[0], []).append(item)
            else:
                findings.cross.append(item)
    return findings


def suggest_chunk(doc_ids: list[str], root: str, names: tuple[str, ...] | None,
                  extra: dict[str, list[tuple[str, Proposal, float]]],
                  local: dict[str, list[tuple[str, LinkProposal]]], ends: dict[str, set[SpanKey]],
                  views: dict[str, DocumentView], min_score: float | None = None) -> list[StoredDocument]:
    """Detect in and store each document of the chunk (each store read and written once, under its lock)."""
    from ..reader import CorpusReader
    from ..suggest.registry import clear_caches

    corpus = CorpusReader(root)
    taxonomy = corpus.taxonomy
    detectors, _ = choose_detectors(names)
    stored = []
    for doc_id in doc_ids:
        result = detect_document(corpus, taxonomy, detectors, doc_id, extra.get(doc_id, ()), views.get(doc_id),
                                 min_score)
        stored.append(_store(corpus, taxonomy, result, local.get(doc_id, ()), ends.get(doc_id, set())))
    clear_caches()
    return stored


def _store(corpus: CorpusReader, taxonomy: Taxonomy, result: DocumentResult, links: Sequence[tuple[str, LinkProposal]],
           wanted: set[SpanKey]) -> StoredDocument:
    """One read-modify-write of the document's store: new spans (a span already at the same place wins, and so
    does a record with the proposal's id: the suggestion was made before and edited since), then the relations
    within the document; remember the spans at the cross-document links' ends."""
    stored = StoredDocument(result.characters, result.proposed, Counter(), result.invalid, 0, {})

    def change(content: StoreContent) -> StoreContent:
        existing = {_key(s): s for s in content.spans}
        ids = {s.id for s in content.spans}
        for name, span in result.spans:
            key = _key(span)
            if key not in existing and span.id not in ids:
                existing[key] = span
                ids.add(span.id)
                content.spans.append(span)
                stored.added[name] += 1
        stored.known.update((key, existing[key]) for key in wanted.intersection(existing))
        stored.relations_added += _add_links(content, [*links, *result.links], existing.get, taxonomy)
        return content

    if result.spans or links:  # the ends of cross links in other stores are read when they are needed
        change_store(corpus, result.doc_id, change)
    return stored


def _key(span: Span) -> SpanKey:
    return (span.doc_id, span.start, span.end, span.layer, span.type)


def _add_links(content: StoreContent, links: Sequence[tuple[str, LinkProposal]],
               find: Callable[[SpanKey], Span | None], taxonomy: Taxonomy) -> int:
    """Relations for the links whose ends are spans; a relation already in the store is kept as it is."""
    ids = {relation.id for relation in content.relations}
    added = 0
    for method, link in links:
        head, tail = find(link.head), find(link.tail)
        if head is None or tail is None:
            continue
        relation = make_relation(taxonomy, link.type, head, tail, annotator=method, method=method,
                                 status="suggested")
        if relation.id not in ids:
            ids.add(relation.id)
            content.relations.append(relation)
            added += 1
    return added


def _store_cross(corpus: CorpusReader, taxonomy: Taxonomy, findings: CorpusFindings, report: SuggestReport) -> None:
    def find(key: SpanKey) -> Span | None:
        if key not in findings.known and key[0] not in looked_up:  # a document outside this run: read its store
            looked_up.add(key[0])
            for key_here, span in {_key(s): s for s in corpus.annotations(key[0]).spans}.items():
                findings.known.setdefault(key_here, span)
        return findings.known.get(key)

    looked_up: set[str] = set()

    def change(content: StoreContent) -> StoreContent:
        report.relations_added += _add_links(content, findings.cross, find, taxonomy)
        return content

    update(corpus.layout.cross_document_store, change, CROSS_DOCUMENT_DISPLAY)
