"""``suggest``: run registered detectors and store their proposals as ``suggested`` spans.

Never touches gold, rejected or orphaned spans: a proposal whose (layer, type, start, end) is already in the
store, whatever its status, is skipped, so a second run adds nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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
               known: dict[SpanKey, str]) -> None:
    def change(content: StoreContent) -> StoreContent:
        existing = {(s.doc_id, s.start, s.end, s.layer, s.type): s.id for s in content.spans}
        for name, span in spans:
            key = (span.doc_id, span.start, span.end, span.layer, span.type)
            if key in existing:
                known[key] = existing[key]
                continue
            existing[key] = known[key] = span.id
            content.spans.append(span)
            report.added[name] += 1
        return content

    change_store(corpus, doc_id, change)


def suggest(corpus: Corpus, doc_ids: Sequence[str] | None = None,
            detectors: Sequence[str] | None = None) -> SuggestReport:
    document_detectors, corpus_detectors = choose_detectors(detectors)
    report = SuggestReport()
    known: dict[SpanKey, str] = {}
    views: list[DocumentView] = []
    documents: dict[str, Document] = {}
    for doc_id in doc_ids or corpus.doc_ids():
        document = corpus.document(doc_id)
        view = view_of(document)
        report.characters += len(document.text)
        new: list[tuple[str, Span]] = []
        for detector in document_detectors:
            for proposal in detector.detect(view):
                report.proposed[detector.name] += 1
                span = _span(corpus, document, detector, proposal, report)
                if span is not None:
                    new.append((detector.name, span))
        _store_new(corpus, doc_id, new, report, known)
        if corpus_detectors:
            views.append(view)
            documents[doc_id] = document
    for detector in corpus_detectors:
        _run_corpus_detector(corpus, detector, views, documents, report, known)
    return report


def _run_corpus_detector(corpus: Corpus, detector: Any, views: list[DocumentView], documents: dict[str, Document],
                         report: SuggestReport, known: dict[SpanKey, str]) -> None:
    findings = detector.detect_corpus(views)
    by_doc: dict[str, list[tuple[str, Span]]] = {}
    for doc_id, proposal in findings.proposals:
        report.proposed[detector.name] += 1
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


def _known_span(corpus: Corpus, known: dict[SpanKey, str], key: SpanKey) -> Span | None:
    span_id = known.get(key)
    if span_id is None:
        return None
    return next((s for s in corpus.annotations(key[0]).spans if s.id == span_id), None)
