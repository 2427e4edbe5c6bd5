"""The per-document part of validate: a document's raw file and provenance, then its store, as one unit of work.

Units are independent of each other, so a large corpus is checked by the engine's tasks (``engine``: datatrove),
each taking a run of units in document order; the results come back in that order, so the report is the same
whatever the executor, the number of workers or the number of tasks.
What a unit needs from the rest of the corpus (the set of known doc ids, the cross-document relations' wanted
endpoints) is handed in; what the cross-document check needs back (the wanted spans' layer and status) is returned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..document import Document, load_document
from ..errors import CorpusError, Problem
from ..layout import Layout, is_safe_doc_id
from ..taxonomy import Taxonomy
from .provenance import DocumentFiles, check_document_files
from .stores import DocText, Endpoint, StoreCheck, check_file, resolve_local_relations

if TYPE_CHECKING:
    from ..engine import EngineOptions

PARALLEL_MIN_UNITS = 200
"""Below this many documents a pool costs more than it saves (process start-up is about 50 ms)."""
CHUNK_UNITS = 50


@dataclass(frozen=True)
class Unit:
    doc_id: str
    check_files: bool  # check raw/<doc_id>.txt and its provenance record
    store: Path | None  # annotations/<doc_id>.jsonl, when there is one to check


@dataclass
class UnitResult:
    problems: list[Problem] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)
    endpoints: dict[str, dict[str, Endpoint]] = field(default_factory=dict)  # doc id → wanted span id → endpoint
    checked: list[str] = field(default_factory=list)  # doc ids whose store was read
    collected: Any = None  # the collector's merge of its values for the documents of this task


@dataclass(frozen=True)
class Checked:
    """What a unit read of one document, handed to a collector: the document and its store's records (file order;
    none without a store), and whether the checks found no problem at all in its files and store."""

    root: Path
    doc_id: str
    document: Document | None
    records: list[dict[str, Any]]
    clean: bool


@dataclass(frozen=True)
class Collector:
    """Work done in validate's own pass on every document of the corpus, beside the checks (module-level
    functions, so they pickle by name): ``gather`` per document, ``merge`` of values in document order (the
    values of one task, then the tasks' merged values). The layers above use it for the facts that DATASHEET.md is
    compared with, so that they need no second pass over the corpus."""

    gather: Callable[[Checked], Any]
    merge: Callable[[list[Any]], Any]


@dataclass(frozen=True)
class Context:
    """What every unit needs to know of the whole corpus; given to each worker once."""

    root: Path
    taxonomy: Taxonomy
    known: frozenset[str]
    collector: Collector | None = None


def plan_units(doc_ids: Sequence[str], stores: Mapping[str, Path], check_files: bool) -> list[Unit]:
    """One unit per document and per store, in name order (a store may lack a document and vice versa)."""
    names = sorted(set(doc_ids if check_files else ()) | set(stores))
    known = set(doc_ids)
    return [Unit(name, check_files and name in known, stores.get(name)) for name in names]


def run_units(context: Context, units: list[Unit], wanted: Mapping[str, set[str]],
              engine: EngineOptions | None = None) -> Iterator[UnitResult]:
    """Results per task of units, in unit order; tasks run by the engine (a large corpus: one per CPU)."""
    from ..engine import Stage, run_stage

    def arguments(chunk: list[Unit]) -> tuple[Context, dict[str, set[str]]]:
        return context, {u.doc_id: wanted[u.doc_id] for u in chunk if u.doc_id in wanted}

    stage: Stage[Unit, UnitResult] = Stage("validate", _check_task, CHUNK_UNITS, PARALLEL_MIN_UNITS)
    yield from run_stage(stage, units, arguments, engine)


def _check_task(chunk: list[Unit], context: Context, wanted: Mapping[str, set[str]]) -> list[UnitResult]:
    return [check_chunk(context, chunk, wanted)]


def check_chunk(context: Context, chunk: list[Unit], wanted: Mapping[str, set[str]]) -> UnitResult:
    layout = Layout(context.root)
    result = UnitResult()
    collector = context.collector
    gathered = []
    for unit in chunk:
        before = len(result.problems)
        files = check_document_files(layout, unit.doc_id) if unit.check_files else None
        if files is not None:
            result.problems += files.problems
            result.stats["documents"] += 1
        read: tuple[Document | None, list[dict[str, Any]]] = (None, [])
        if unit.store is not None:
            read = _check_store(layout, context, unit, files, wanted.get(unit.doc_id, set()), result,
                                keep=collector is not None)
        if collector is not None and files is not None:
            document = read[0] if unit.store is not None else _document(layout, unit.doc_id, files)
            clean = len(result.problems) == before and document is not None
            gathered.append(collector.gather(Checked(context.root, unit.doc_id, document, read[1], clean)))
    if collector is not None:
        result.collected = collector.merge(gathered)
    return result


def _check_store(layout: Layout, context: Context, unit: Unit, files: DocumentFiles | None, wanted: set[str],
                 result: UnitResult, keep: bool = False) -> tuple[Document | None, list[dict[str, Any]]]:
    """Check the unit's store; its document and (with ``keep``) its records, for a collector."""
    assert unit.store is not None
    path, doc_id = unit.store, unit.doc_id
    shown = f"annotations/{path.name}"
    if path.is_symlink() and layout.root not in path.resolve().parents:
        result.problems.append(Problem(shown, None, Code.PATH_ESCAPES_ROOT, f"is a symbolic link to {path.resolve()}, "
                                       "outside the corpus", "replace the link by the store itself"))
        return None, []
    if not path.is_file():
        result.problems.append(Problem(shown, None, Code.STORE_NOT_A_FILE, "the store is not a regular file",
                                       "remove it or replace it by a .jsonl file"))
        return None, []
    document = None
    if not is_safe_doc_id(doc_id) or doc_id not in context.known:
        result.problems.append(Problem(shown, None, Code.STORE_WITHOUT_DOCUMENT, f"no document {doc_id!r} in raw/",
                                       "ingest the document first, or remove this store"))
    else:
        document = _document(layout, doc_id, files)
    doc = DocText(doc_id, document.normalized, document.text_sha256) if document is not None else None
    check = StoreCheck(file=shown, doc_id=doc_id, taxonomy=context.taxonomy, doc=doc, records=[] if keep else None)
    check_file(check, path)
    resolve_local_relations(check)
    result.problems += check.problems
    result.endpoints[doc_id] = {span_id: check.spans[span_id] for span_id in wanted if span_id in check.spans}
    result.checked.append(doc_id)
    result.stats["spans"] += check.n_spans
    result.stats["relations"] += check.n_relations
    result.stats["stores"] += 1
    return document, check.records or []


def _document(layout: Layout, doc_id: str, files: DocumentFiles | None) -> Document | None:
    """The document, from the provenance record and raw bytes already read by the file checks."""
    try:
        if files is not None and files.record is not None and files.raw is not None:
            return load_document(layout, doc_id, provenance=files.record, raw=files.raw)
        return load_document(layout, doc_id)
    except CorpusError:
        return None  # reported by the document file checks
