"""``validate(root) -> Report``: every check of a corpus's files, streamed one document at a time.

DATASHEET.md, generated from the facts of a build (a later layer), is checked by `belarus_corpus.checks`, which
composes both; `Corpus.validate` and `release` call that.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..layout import CROSS_DOCUMENT_STORE, Layout
from ..taxonomy import load_taxonomy
from .cross import CrossDocumentIndex
from .provenance import check_orphan_raw_files
from .report import Report
from .repository import check_repository_files
from .units import CHUNK_UNITS, Context, plan_units, run_units

__all__ = ["Report", "validate"]


def validate(root: str | Path, paths: Iterable[str | Path] | None = None, workers: int | None = None) -> Report:
    """Check the corpus at ``root`` (or only the given store files) and collect every problem.

    ``workers`` processes check the documents (default: the CPU count; a small corpus uses one); the report is
    the same whatever their number.
    """
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
    context = Context(layout.root, taxonomy, frozenset(doc_ids))
    from ..progress import track

    chunks = -(-len(units) // CHUNK_UNITS)
    for result in track(run_units(context, units, cross.wanted_span_ids(), workers), "validate", chunks):
        report.extend(result.problems)
        report.stats.update(result.stats)
        for doc_id in result.checked:
            cross.resolve(doc_id, result.endpoints.get(doc_id, {}))
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
