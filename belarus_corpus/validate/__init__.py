"""``validate(root) -> Report``: every check of a corpus's files, streamed one document at a time.

DATASHEET.md, generated from the facts of a build (a later layer), is checked by `belarus_corpus.checks`, which
composes both; `Corpus.validate` and `release` call that.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..layout import CROSS_DOCUMENT_STORE, Layout
from ..taxonomy import load_taxonomy
from .cross import CrossDocumentIndex
from .provenance import check_orphan_raw_files
from .report import Report
from .repository import check_repository_files
from .units import Collector, Context, plan_units, run_units

if TYPE_CHECKING:
    from ..engine import EngineOptions

__all__ = ["Collector", "Report", "validate", "validate_collecting"]


def validate_collecting(root: str | Path, collector: Collector, workers: int | None = None,
                        engine: EngineOptions | None = None) -> tuple[Report, Any]:
    """``validate(root)`` of the whole corpus, running ``collector`` on every document in the same pass: the
    report, and the merge (``collector.merge``) of what it gathered, in document order."""
    gathered: list[Any] = []
    report = validate(root, workers=workers, engine=engine, _collector=collector, _gathered=gathered)
    return report, collector.merge(gathered)


def validate(root: str | Path, paths: Iterable[str | Path] | None = None, workers: int | None = None,
             engine: EngineOptions | None = None, documents: Collection[str] | None = None,
             _collector: Collector | None = None, _gathered: list[Any] | None = None) -> Report:
    """Check the corpus at ``root`` (or only the given store files) and collect every problem.

    The documents are checked by the engine's tasks (``engine``, or the local executor with ``workers``
    processes; default: the CPU count, and one for a small corpus); the report is the same whatever they are.
    With ``documents``, only those documents are checked (and every store without a document, and the documents
    the cross-document relations point into), beside the repository files and the cross-document store: what an
    incremental build checks when the other documents' files are those a previous, valid build was made from.
    """
    if engine is None and workers is not None:
        from ..engine import EngineOptions

        engine = EngineOptions(workers=workers)
    layout = Layout.at(root)
    report = Report()
    load_problems: list[Problem] = []
    try:
        taxonomy = load_taxonomy(layout.root)
    except CorpusError as error:
        load_problems = error.problems
        taxonomy = load_taxonomy(None)
    paths = list(paths) if paths else None
    missing = [str(p) for p in paths or [] if not Path(p).exists()]
    if missing:
        raise UsageError([Problem(p, None, Code.FILE_NOT_FOUND, "no such file, so nothing could be checked",
                                  "give the path of an annotation store, e.g. annotations/<doc_id>.jsonl")
                          for p in missing])
    only = {Path(p).resolve() for p in paths} if paths else None
    doc_ids = layout.doc_ids()
    if only is None:
        repository = check_repository_files(layout, taxonomy)
        report.extend(repository)
        if not any(p.code == "taxonomy-invalid" for p in repository):
            report.extend(load_problems)
        report.extend(check_orphan_raw_files(layout, set(doc_ids)))
    cross = CrossDocumentIndex(layout, taxonomy)
    if only is None or layout.cross_document_store.resolve() in only:
        cross.read(report)
    stores = {path.stem: path for path in _store_files(layout, report) if only is None or path.resolve() in only}
    units = plan_units(doc_ids, stores, check_files=only is None)
    if documents is not None:
        chosen = set(documents) | set(cross.wanted_span_ids()) | (set(stores) - set(doc_ids))
        units = [unit for unit in units if unit.doc_id in chosen]
    context = Context(layout.root, taxonomy, frozenset(doc_ids), _collector if only is None else None)
    from ..progress import track

    for result in track(run_units(context, units, cross.wanted_span_ids(), engine), "validate",
                        weight=lambda result: len(result.checked) or 1, total=len(units) or None):
        report.extend(result.problems)
        report.stats.update(result.stats)
        for doc_id in result.checked:
            cross.resolve(doc_id, result.endpoints.get(doc_id, {}))
        if _gathered is not None and context.collector is not None:
            _gathered.append(result.collected)
    cross.finish(report, check_all=only is None)
    return report


def _store_files(layout: Layout, report: Report) -> list[Path]:
    if not layout.annotations_dir.is_dir():
        return []
    found = []
    for path in sorted(layout.annotations_dir.iterdir()):
        if path.name == CROSS_DOCUMENT_STORE or path.name.startswith(".") or path.name.endswith(".lock"):
            continue
        if path.suffix != ".jsonl":
            report.add(Problem(layout.relative(path), None, Code.STRAY_FILE, "not an annotation store (.jsonl)",
                               "move it out of annotations/", severity="warning"))
            continue
        found.append(path)
    return found
