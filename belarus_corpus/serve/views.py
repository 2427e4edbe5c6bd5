"""What the pages read, as JSON-ready typed records: the overview, one document with its spans in UTF-16
offsets, the taxonomy, and search results. Reads only; writes are in ``writes``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from ..annotate.blind import BlindView, read_progress
from ..annotate.review import reviewable
from ..fsio import file_version
from ..layout import check_doc_id
from ..model import Relation, Span
from .offsets import OffsetMap

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from ..taxonomy import Taxonomy


class SpanView(TypedDict):
    id: str
    layer: str
    type: str
    start: int
    end: int
    start16: int
    end16: int
    text: str
    status: str
    annotator: str
    method: str
    created: str
    reviewed_by: str | None
    suggested_by: str | None
    edited: bool
    attributes: dict[str, Any]
    note: str | None
    confidence: float | None
    sources: list[str] | None
    curation: str | None
    reviewable: bool


class RelationView(TypedDict):
    id: str
    type: str
    head: str
    tail: str
    head_doc: str
    tail_doc: str
    head_text: str | None  # the ends' text (None: the span is not there any more)
    tail_text: str | None
    cross_document: bool
    annotator: str
    method: str
    status: str
    created: str


class DocumentView(TypedDict):
    doc_id: str
    title: str | None
    text: str
    version: str
    cross_version: str  # the cross-document store's: a cross-document relation is written there
    progress_version: str
    progress: str
    annotator: str
    spans: list[SpanView]
    relations: list[RelationView]


@dataclass(frozen=True)
class Viewer:
    """Who is looking (the server's annotator) and, in blind mode, what else they asked to see."""

    annotator: str
    blind: bool = False
    others: bool = False
    suggestions: bool = False

    def view(self) -> BlindView | None:
        return BlindView(self.annotator, self.others, self.suggestions) if self.blind else None


CONFIDENCE_NOTE = re.compile(r"confidence ([0-9]*\.?[0-9]+)(?:;|$)")


def confidence_of(span: Span) -> float | None:
    """A suggestion's confidence: a ``confidence`` attribute, else the ``confidence 0.85`` that suggest writes at
    the start of the note (``suggest.base.with_confidence``); None when the record states none."""
    value = span.attributes.get("confidence")
    if value is None and span.note:
        found = CONFIDENCE_NOTE.match(span.note)
        value = found[1] if found else None
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def span_view(span: Span, offsets: OffsetMap, reviewer: str) -> SpanView:
    return SpanView(id=span.id, layer=span.layer, type=span.type, start=span.start, end=span.end,
                    start16=offsets.to_utf16(min(span.start, len(offsets.text))),
                    end16=offsets.to_utf16(min(span.end, len(offsets.text))), text=span.text, status=span.status,
                    annotator=span.annotator, method=span.method, created=span.created,
                    reviewed_by=span.reviewed_by, suggested_by=span.suggested_by, edited=span.edited,
                    attributes=span.attributes, note=span.note, confidence=confidence_of(span),
                    sources=span.sources, curation=span.curation, reviewable=reviewable(span, reviewer))


def relation_view(relation: Relation, texts: dict[str, str]) -> RelationView:
    return RelationView(id=relation.id, type=relation.type, head=relation.head, tail=relation.tail,
                        head_doc=relation.head_doc, tail_doc=relation.tail_doc, head_text=texts.get(relation.head),
                        tail_text=texts.get(relation.tail), cross_document=relation.cross_document,
                        annotator=relation.annotator, method=relation.method, status=relation.status,
                        created=relation.created)


def cross_relations(corpus: CorpusReader, doc_id: str, shown: set[str]) -> tuple[list[Relation], dict[str, str]]:
    """The cross-document relations with an end among this document's shown spans, and the text of their ends
    in the other documents."""
    found = [r for r in corpus.cross_document().relations if r.head in shown or r.tail in shown]
    texts: dict[str, str] = {}
    for other in sorted({d for r in found for d in (r.head_doc, r.tail_doc)} - {doc_id}):
        if other in corpus.doc_ids():
            texts.update((s.id, s.text) for s in corpus.annotations(other).spans)
    return found, texts


def store_version(corpus: CorpusReader, doc_id: str) -> str:
    return file_version(corpus.layout.store(check_doc_id(doc_id)))


def document_view(corpus: CorpusReader, doc_id: str, viewer: Viewer) -> DocumentView:
    from ..annotate.blind import progress_path

    check_doc_id(doc_id)
    version = store_version(corpus, doc_id)  # read before the records: a write in between makes it stale, not lost
    cross_version = file_version(corpus.layout.cross_document_store)
    document = corpus.document(doc_id)
    content = corpus.annotations(doc_id)
    offsets = OffsetMap(document.text)
    view = viewer.view()
    spans = [s for s in content.spans if view is None or view.shows(s)]
    shown = {s.id for s in spans}
    relations = [r for r in content.relations if r.head in shown and r.tail in shown]
    crossing, texts = cross_relations(corpus, doc_id, shown)
    texts.update((s.id, s.text) for s in content.spans)
    return DocumentView(doc_id=doc_id, title=document.title, text=document.text, version=version,
                        cross_version=cross_version,
                        progress_version=file_version(progress_path(corpus, viewer.annotator)),
                        progress=read_progress(corpus, viewer.annotator).get(doc_id, "not started"),
                        annotator=viewer.annotator, spans=[span_view(s, offsets, viewer.annotator) for s in spans],
                        relations=[relation_view(r, texts) for r in [*relations, *crossing]])


def taxonomy_view(taxonomy: Taxonomy) -> dict[str, Any]:
    layers = {name: {"description": layer.description, "types": list(layer.types),
                     "required": list(layer.required_attributes),
                     "attributes": {a: {"enum": list(spec.enum) if spec.enum else None, "pattern": spec.pattern,
                                        "description": spec.description} for a, spec in layer.attributes.items()}}
              for name, layer in taxonomy.layers.items()}
    relations = {name: {"head_layers": list(spec.head_layers), "tail_layers": list(spec.tail_layers),
                        "cross_document": spec.cross_document, "description": spec.description}
                 for name, spec in taxonomy.relations.items()}
    return {"version": taxonomy.version, "layers": layers, "relations": relations}


def annotators_of(corpus: CorpusReader) -> list[str]:
    """People with a progress file or with records in a store (detectors and the curated gold left out)."""
    folder = corpus.root / "metadata" / "progress"
    names = {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()
    for doc_id in corpus.doc_ids():
        names.update(s.annotator for s in corpus.annotations(doc_id).spans)
    return sorted(n for n in names if not n.startswith("rule:") and n != "curated")


def overview(corpus: CorpusReader) -> dict[str, Any]:
    annotators = annotators_of(corpus)
    progress = {name: read_progress(corpus, name) for name in annotators}
    documents = []
    for doc_id in corpus.doc_ids():
        spans = corpus.annotations(doc_id).spans
        statuses: dict[str, int] = {}
        for span in spans:
            statuses[span.status] = statuses.get(span.status, 0) + 1
        documents.append({"doc_id": doc_id, "title": corpus.document(doc_id).title, "spans": len(spans),
                          "statuses": statuses, "progress": {name: progress[name][doc_id] for name in annotators}})
    from ..checks import validate_corpus

    report = validate_corpus(corpus.root)
    problems = [{"file": p.file, "line": p.line, "code": p.code, "severity": p.severity, "message": p.message,
                 "hint": p.hint} for p in report.sorted_problems()]
    return {"documents": documents, "annotators": annotators, "problems": problems, "valid": report.valid}


def search(corpus: CorpusReader, query: str, layer: str | None = None, limit: int = 200) -> dict[str, Any]:
    """Spans whose text or type contains the query, and passages of documents that contain it (case-insensitive)."""
    wanted = query.casefold().strip()
    spans: list[dict[str, Any]] = []
    passages: list[dict[str, Any]] = []
    if not wanted:
        return {"query": query, "spans": spans, "passages": passages}
    pattern = re.compile(re.escape(query.strip()), re.IGNORECASE)
    for doc_id in corpus.doc_ids():
        text = corpus.document(doc_id).text
        for found in pattern.finditer(text):
            if len(passages) >= limit:
                break
            passages.append({"doc_id": doc_id, "start": found.start(), "before": text[max(0, found.start() - 40):
                                                                                      found.start()],
                             "match": found.group(), "after": text[found.end():found.end() + 40]})
        for span in corpus.annotations(doc_id).spans:
            if (layer is None or span.layer == layer) and (wanted in span.text.casefold() or wanted == span.type
                                                           or wanted == span.id):
                spans.append({"doc_id": doc_id, "id": span.id, "layer": span.layer, "type": span.type,
                              "status": span.status, "annotator": span.annotator, "text": span.text})
    return {"query": query, "spans": spans[:limit], "passages": passages}
