"""What every format shares: the selection to export, the export report, import candidates and the import result.

Export works on a ``Selection`` (plain data: each document's normalized text with its spans and relations, plus
the cross-document relations) so that formats never read the corpus themselves; ``select`` builds one from a
``CorpusReader`` with the layer and status filters applied.

Problems follow one convention: severity ``error`` means the record was not exported or not imported;
``warning`` means it was, with something lost (``path`` says what: ``$`` for the whole record).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, Severity, UsageError
from ..model import Relation, Span
from ..taxonomy import Taxonomy

if TYPE_CHECKING:
    from ..reader import CorpusReader

EXPORT_LOSS = Code.EXPORT_LOSS


@dataclass(frozen=True)
class DocumentAnnotations:
    """One document's normalized text with the spans and within-document relations chosen for export."""

    doc_id: str
    text: str
    spans: list[Span]
    relations: list[Relation]

    @property
    def store(self) -> str:
        return f"annotations/{self.doc_id}.jsonl"


@dataclass(frozen=True)
class Selection:
    documents: list[DocumentAnnotations]
    cross_relations: list[Relation]
    taxonomy: Taxonomy
    layers: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)

    def span_count(self) -> int:
        return sum(len(doc.spans) for doc in self.documents)


@dataclass
class ExportReport:
    """The files written and every record (or part of one) the format could not carry."""

    files: list[Path]
    losses: list[Problem]
    spans: int = 0
    relations: int = 0


@dataclass(frozen=True)
class Where:
    """Where a candidate was read: file, line (when the format has lines) and a path inside it."""

    file: str
    line: int | None = None
    path: str = ""

    def problem(self, code: Code, message: str, hint: str = "", record_id: str | None = None,
                severity: Severity = "error") -> Problem:
        return Problem(self.file, self.line, code, message, hint, self.path, record_id, severity)


@dataclass
class SpanCandidate:
    """A span as a format file states it; ``ref`` is how relations in the same file name it (per document)."""

    ref: str
    doc_id: str
    layer: str
    type: str
    start: int
    end: int
    where: Where
    text: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    guidelines_version: str | None = None


@dataclass
class RelationCandidate:
    """A relation between two span refs, each qualified by its document: ``(doc_id, ref)``."""

    type: str
    head: tuple[str, str]
    tail: tuple[str, str]
    where: Where
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    guidelines_version: str | None = None


@dataclass
class ImportResult:
    """Records ready to be written (nothing is written by an import) and the problems met while reading."""

    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refs: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def export_loss(doc: DocumentAnnotations | None, record_id: str, message: str, hint: str, path: str = "$") -> Problem:
    """A record, or the part of it named by ``path``, that the format cannot carry (a warning: export goes on)."""
    store = doc.store if doc is not None else "annotations/_cross_document.jsonl"
    return Problem(store, None, EXPORT_LOSS, f"{record_id}: {message}", hint, path, record_id, "warning")


def mixed_statuses(selection: Selection, format_name: str) -> list[Problem]:
    """One warning when records of several statuses go into a format that cannot tell them apart."""
    counts: dict[str, int] = {}
    for doc in selection.documents:
        for status in [s.status for s in doc.spans] + [r.status for r in doc.relations]:
            counts[status] = counts.get(status, 0) + 1
    if len(counts) < 2:
        return []
    listed = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    return [Problem("annotations", None, EXPORT_LOSS, f"{format_name} has no status, and this export mixes {listed} "
                    "records", "export one status at a time, e.g. --status gold", "$.status", None, "warning")]


def as_dict(value: Any) -> dict[str, Any]:
    """A copy of ``value`` if it is a JSON object, else an empty one (for fields read from files)."""
    return dict(value) if isinstance(value, dict) else {}


def check_filters(taxonomy: Taxonomy, layers: Iterable[str] | None, statuses: Iterable[str] | None) -> None:
    for layer in layers or ():
        if layer not in taxonomy.layers:
            raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_LAYER, f"no layer {layer!r}",
                                     "layers are: " + ", ".join(taxonomy.layers)))
    for status in statuses or ():
        if status not in taxonomy.statuses:
            raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_STATUS, f"no status {status!r}",
                                     "statuses are: " + ", ".join(taxonomy.statuses)))


def select(corpus: CorpusReader, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> Selection:
    """Each document's text, spans and relations that pass the filters; relations need both endpoints selected."""
    taxonomy = corpus.taxonomy
    check_filters(taxonomy, layers, statuses)
    documents = []
    from ..progress import track

    for doc_id in track(corpus.doc_ids(), "export: reading"):
        content = corpus.annotations(doc_id)
        documents.append(DocumentAnnotations(doc_id, corpus.document(doc_id).text,
                                             sorted(content.spans, key=Span.sort_key),
                                             sorted(content.relations, key=Relation.sort_key)))
    cross = sorted(corpus.cross_document().relations, key=Relation.sort_key)
    everything = Selection(documents, cross, taxonomy, tuple(taxonomy.layers), _dangling(documents, cross))
    return filter_selection(everything, layers, statuses)


def _dangling(documents: list[DocumentAnnotations], cross: list[Relation]) -> list[Problem]:
    """Relations whose endpoint is in no store (the validator reports them too): never exported."""
    ids = {span.id for doc in documents for span in doc.spans}
    pairs = [(doc, r) for doc in documents for r in doc.relations] + [(None, r) for r in cross]
    return [export_loss(doc, r.id, f"{r.head if r.head not in ids else r.tail} is not a span of the corpus",
                        "run 'belarus-corpus validate'") for doc, r in pairs if r.head not in ids or r.tail not in ids]


def _keeps(relation: Relation, span_ids: set[str], statuses: Sequence[str] | None) -> bool:
    return relation.head in span_ids and relation.tail in span_ids and (not statuses or relation.status in statuses)


def as_selection(source: CorpusReader | Selection, layers: Sequence[str] | None,
                 statuses: Sequence[str] | None) -> Selection:
    if isinstance(source, Selection):
        if layers or statuses:
            return filter_selection(source, layers, statuses)
        return source
    return select(source, layers, statuses)


def filter_selection(selection: Selection, layers: Sequence[str] | None,
                     statuses: Sequence[str] | None) -> Selection:
    """The same filters as ``select``, applied to a selection already in memory."""
    check_filters(selection.taxonomy, layers, statuses)
    chosen = tuple(layers) if layers else selection.layers
    documents, kept = [], set()
    for doc in selection.documents:
        spans = [s for s in doc.spans if s.layer in chosen and (not statuses or s.status in statuses)]
        ids = {s.id for s in spans}
        kept |= ids
        documents.append(DocumentAnnotations(doc.doc_id, doc.text, spans,
                                             [r for r in doc.relations if _keeps(r, ids, statuses)]))
    cross = [r for r in selection.cross_relations if _keeps(r, kept, statuses)]
    return Selection(documents, cross, selection.taxonomy, chosen, list(selection.problems))


def span_index(selection: Selection) -> dict[str, Span]:
    return {span.id: span for doc in selection.documents for span in doc.spans}
