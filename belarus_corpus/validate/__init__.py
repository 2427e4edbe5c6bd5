"""``validate(root) -> Report``: every check of a corpus, streamed one document at a time."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..document import load_document
from ..errors import CorpusError, Problem
from ..layout import CROSS_DOCUMENT_STORE, Layout, is_safe_doc_id
from ..taxonomy import Taxonomy, load_taxonomy
from .cross import CrossDocumentIndex
from .provenance import check_document_files, check_orphan_raw_files
from .report import Report
from .repository import check_repository_files
from .stores import DocText, StoreCheck, check_file, resolve_local_relations

__all__ = ["Report", "validate"]


def validate(root: str | Path, paths: Iterable[str | Path] | None = None) -> Report:
    """Check the corpus at ``root`` (or only the given store files) and collect every problem."""
    layout = Layout.at(root)
    report = Report()
    load_problems: list[Problem] = []
    try:
        taxonomy = load_taxonomy(layout.root)
    except CorpusError as error:
        load_problems = error.problems
        taxonomy = load_taxonomy(None)
    only = {Path(p).resolve() for p in paths} if paths else None
    doc_ids = layout.doc_ids()
    known = set(doc_ids)
    if only is None:
        repository = check_repository_files(layout, taxonomy)
        report.extend(repository)
        if not any(p.code == "taxonomy-invalid" for p in repository):
            report.extend(load_problems)
        for doc_id in doc_ids:
            report.extend(check_document_files(layout, doc_id))
            report.stats["documents"] += 1
        report.extend(check_orphan_raw_files(layout, set(doc_ids)))
    cross = CrossDocumentIndex(layout, taxonomy)
    if only is None or layout.cross_document_store.resolve() in only:
        cross.read(report)
    for path in _store_files(layout, report):
        if only is not None and path.resolve() not in only:
            continue
        _check_store(layout, taxonomy, path, known, cross, report)
    cross.finish(report, check_all=only is None)
    if only is None:
        report.extend(_check_generated_files(root))
    return report


def _check_generated_files(root: str | Path) -> list[Problem]:
    from ..corpus import Corpus
    from ..datasheet import check_datasheet

    try:
        return check_datasheet(Corpus(root))
    except CorpusError as error:
        return [Problem("DATASHEET.md", None, "stale-datasheet", "cannot compute the statistics: "
                        + error.problems[0].message, "fix the problems above first", severity="warning")]


def _store_files(layout: Layout, report: Report) -> list[Path]:
    if not layout.annotations_dir.is_dir():
        return []
    found = []
    for path in sorted(layout.annotations_dir.iterdir()):
        if path.name == CROSS_DOCUMENT_STORE or path.name.startswith(".") or path.name.endswith(".lock"):
            continue
        if path.suffix != ".jsonl":
            report.add(Problem(layout.relative(path), None, "stray-file", "not an annotation store (.jsonl)",
                               "move it out of annotations/", severity="warning"))
            continue
        found.append(path)
    return found


def _check_store(layout: Layout, taxonomy: Taxonomy, path: Path, doc_ids: set[str], cross: CrossDocumentIndex,
                 report: Report) -> None:
    shown = layout.relative(path)
    doc_id = path.stem
    if path.is_symlink() and layout.root not in path.resolve().parents:
        report.add(Problem(shown, None, "path-escapes-root", f"is a symbolic link to {path.resolve()}, outside "
                           "the corpus", "replace the link by the store itself"))
        return
    if not path.is_file():
        report.add(Problem(shown, None, "store-not-a-file", "the store is not a regular file",
                           "remove it or replace it by a .jsonl file"))
        return
    if not is_safe_doc_id(doc_id) or doc_id not in doc_ids:
        report.add(Problem(shown, None, "store-without-document", f"no document {doc_id!r} in raw/",
                           "ingest the document first, or remove this store"))
        doc = None
    else:
        doc = _doc_text(layout, doc_id, report)
    check = StoreCheck(file=shown, doc_id=doc_id, taxonomy=taxonomy, doc=doc)
    check_file(check, path)
    resolve_local_relations(check)
    cross.resolve(doc_id, check.spans)
    report.extend(check.problems)
    report.stats["spans"] += check.n_spans
    report.stats["relations"] += check.n_relations
    report.stats["stores"] += 1


def _doc_text(layout: Layout, doc_id: str, report: Report) -> DocText | None:
    try:
        document = load_document(layout, doc_id)
    except CorpusError:
        return None  # reported by the document file checks
    return DocText(doc_id, document.normalized, document.text_sha256)
