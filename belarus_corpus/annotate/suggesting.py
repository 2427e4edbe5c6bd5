"""``suggest``: run registered detectors and store their proposals as ``suggested`` spans.

Never touches gold, rejected or orphaned spans: a proposal whose (layer, type, start, end) is already in the
store, whatever its status, is skipped, so a second run adds nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Document
from ..errors import Problem, UsageError
from ..model import Relation, Span
from ..store import StoreContent
from .operations import add_relations, change_store
from .records import make_relation, make_span

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..suggest.base import DocumentView, Proposal

SOFTWARE_ANNOTATOR = "belarus-corpus-rules"
SpanKey = tuple[str, int, int, str, str]


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


def choose_detectors(names: Sequence[str] | None) -> tuple[list[Any], list[Any]]:
    from ..suggest import registry

    if not names:
        return list(registry.DETECTORS.values()), list(registry.CORPUS_DETECTORS.values())
    chosen = []
    for name in names:
        try:
            chosen.append(registry.get(name))
        except KeyError as exc:
            raise UsageError(Problem("--detector", None, "unknown-detector", str(exc.args[0]),
                                     "choose one of the names listed")) from exc
    document = [d for d in chosen if hasattr(d, "detect")]
    return document, [d for d in chosen if not hasattr(d, "detect")]


def view_of(document: Document) -> DocumentView:
    from ..suggest.base import DocumentView

    return DocumentView(document.doc_id, document.text, tuple((p.start, p.end, p.role) for p in document.paragraphs))


def _span(corpus: Corpus, document: Document, detector: Any, proposal: Proposal, report: SuggestReport) -> Span | None:
    try:
        return make_span(document, corpus.taxonomy, layer=proposal.layer, type_=proposal.type, start=proposal.start,
                         end=proposal.end, attributes=proposal.attributes, annotator=SOFTWARE_ANNOTATOR,
                         method=f"rule:{detector.name}@{detector.version}", status="suggested", note=proposal.note)
    except UsageError as error:
        report.invalid += [Problem(f"rule:{detector.name}", None, p.code, f"{document.doc_id}: {p.message}", p.hint,
                                   severity="warning") for p in error.problems]
        return None


def _store_new(corpus: Corpus, doc_id: str, spans: list[tuple[str, Span]], report: SuggestReport,
               known: dict[SpanKey, Span]) -> None:
    def change(content: StoreContent) -> StoreContent:
        existing = {(s.doc_id, s.start, s.end, s.layer, s.type): s for s in content.spans}
        for name, span in spans:
            key = (span.doc_id, span.start, span.end, span.layer, span.type)
            if key in existing:
                known[key] = existing[key]
                continue
            existing[key] = known[key] = span
            content.spans.append(span)
            report.added[name] += 1
        return content

    change_store(corpus, doc_id, change)


PARALLEL_MIN_DOCS = 64
CHUNK_DOCS = 32


@dataclass
class DocumentResult:
    """What the document detectors found in one document (made in a worker process or in this one)."""

    doc_id: str
    characters: int
    proposed: Counter[str]
    spans: list[tuple[str, Span]]
    invalid: list[Problem]
    view: DocumentView | None


def _detect_chunk(root: str, doc_ids: list[str], names: tuple[str, ...] | None,
                  keep_views: bool) -> list[DocumentResult]:
    from ..corpus import Corpus

    corpus = Corpus(root)
    document_detectors, _ = choose_detectors(names)
    results = []
    for doc_id in doc_ids:
        document = corpus.document(doc_id)
        view = view_of(document)
        partial = SuggestReport()
        spans: list[tuple[str, Span]] = []
        for detector in document_detectors:
            for proposal in detector.detect(view):
                partial.proposed[detector.name] += 1
                span = _span(corpus, document, detector, proposal, partial)
                if span is not None:
                    spans.append((detector.name, span))
        results.append(DocumentResult(doc_id, len(document.text), partial.proposed, spans, partial.invalid,
                                      view if keep_views else None))
    from ..suggest.registry import clear_caches

    clear_caches()
    return results


def _document_results(corpus: Corpus, doc_ids: list[str], names: tuple[str, ...] | None, keep_views: bool,
                      workers: int) -> Iterator[DocumentResult]:
    """Results in document order; spread over processes for large corpora (detectors are CPU-bound)."""
    chunks = [doc_ids[i : i + CHUNK_DOCS] for i in range(0, len(doc_ids), CHUNK_DOCS)]
    if workers <= 1 or len(doc_ids) < PARALLEL_MIN_DOCS:
        for chunk in chunks:
            yield from _detect_chunk(str(corpus.root), chunk, names, keep_views)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_detect_chunk, [str(corpus.root)] * len(chunks), chunks,
                                [names] * len(chunks), [keep_views] * len(chunks)):
            yield from results


def suggest(corpus: Corpus, doc_ids: Sequence[str] | None = None, detectors: Sequence[str] | None = None,
            workers: int | None = None) -> SuggestReport:
    """Run the detectors and store new proposals; ``workers`` processes (default: the CPU count)."""
    import os

    _, corpus_detectors = choose_detectors(detectors)
    report = SuggestReport()
    known: dict[SpanKey, Span] = {}
    views: list[DocumentView] = []
    names = tuple(detectors) if detectors else None
    chosen = list(doc_ids or corpus.doc_ids())
    for result in _document_results(corpus, chosen, names, bool(corpus_detectors), workers or os.cpu_count() or 1):
        report.characters += result.characters
        report.proposed.update(result.proposed)
        report.invalid += result.invalid
        _store_new(corpus, result.doc_id, result.spans, report, known)
        if result.view is not None:
            views.append(result.view)
    for detector in corpus_detectors:
        _run_corpus_detector(corpus, detector, views, report, known)
    return report


def _run_corpus_detector(corpus: Corpus, detector: Any, views: list[DocumentView], report: SuggestReport,
                         known: dict[SpanKey, Span]) -> None:
    findings = detector.detect_corpus(views)
    by_doc: dict[str, list[tuple[str, Span]]] = {}
    documents: dict[str, Document] = {}
    for doc_id, proposal in findings.proposals:
        report.proposed[detector.name] += 1
        if doc_id not in documents:
            documents[doc_id] = corpus.document(doc_id)
        span = _span(corpus, documents[doc_id], detector, proposal, report)
        if span is not None:
            by_doc.setdefault(doc_id, []).append((detector.name, span))
    for doc_id, spans in sorted(by_doc.items()):
        _store_new(corpus, doc_id, spans, report, known)
    relations: list[Relation] = []
    for link in findings.links:
        head, tail = _known_span(corpus, known, link.head), _known_span(corpus, known, link.tail)
        if head is not None and tail is not None:
            relations.append(make_relation(corpus.taxonomy, link.type, head, tail, annotator=SOFTWARE_ANNOTATOR,
                                           method=f"rule:{detector.name}@{detector.version}", status="suggested"))
    report.relations_added += len(add_relations(corpus, relations, skip_existing=True))


def _known_span(corpus: Corpus, known: dict[SpanKey, Span], key: SpanKey) -> Span | None:
    return known.get(key)
