"""Checks of raw files and their provenance records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast

import orjson

from ..codes import Code
from ..errors import Problem
from ..layout import Layout, sha256_hex
from ..provenance_record import ProvenanceRecord, shape_problems
from .schemas import provenance_validator


def check_provenance_record(record: Any, file: str) -> list[Problem]:
    validator = provenance_validator()
    if validator.is_valid(record):
        problems = []
    else:
        problems = [Problem(file, None, Code.PROVENANCE_INVALID, error.message, "fix the field, or re-ingest the file",
                            path=error.path) for error in validator.errors(record)]
    if isinstance(record, dict):
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        unknown = record.get("unknown") if isinstance(record.get("unknown"), dict) else {}
        for name, value in (source or {}).items():
            if value is None and name not in (unknown or {}):
                problems.append(Problem(file, None, Code.UNKNOWN_WITHOUT_REASON,
                                        f"source.{name} is null but unknown.{name} gives no reason",
                                        f"add \"{name}\": \"<why it is unknown>\" to the unknown block",
                                        path=f"$.unknown.{name}"))
    return problems


@dataclass
class DocumentFiles:
    """What checking a document's files found, and what was read on the way (so it is read only once)."""

    problems: list[Problem]
    record: ProvenanceRecord | None = None  # the provenance record, when stages can use it (its shape is right)
    raw: bytes | None = None  # the raw file's bytes, when it is a regular file inside the corpus


def check_document_files(layout: Layout, doc_id: str) -> DocumentFiles:
    shown = f"raw/{doc_id}.provenance.json"
    try:
        text = layout.provenance(doc_id).read_bytes()
        try:
            record = orjson.loads(text)
        except orjson.JSONDecodeError:
            record = json.loads(text.decode("utf-8"))  # what orjson refuses and json takes, or json's message
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
        return DocumentFiles([Problem(shown, getattr(exc, "lineno", None), Code.PROVENANCE_INVALID,
                                      f"cannot read: {reason}", "restore the file from git, or re-ingest the article")])
    problems = check_provenance_record(record, shown)
    if isinstance(record, dict) and record.get("doc_id") not in (None, doc_id):
        problems.append(Problem(shown, None, Code.PROVENANCE_INVALID, f"doc_id is {record.get('doc_id')!r}, "
                                f"but the file is named for {doc_id!r}", "rename the file or fix doc_id",
                                path="$.doc_id"))
    raw_problems, raw = _check_raw(layout, doc_id, record if isinstance(record, dict) else {})
    problems += _check_extractor(record, shown)
    usable = cast(ProvenanceRecord, record) if not shape_problems(record, shown) else None
    return DocumentFiles(problems + raw_problems, usable, raw)


def _check_extractor(record: Any, file: str) -> list[Problem]:
    """A web page's text is extracted again on every read: another extractor version may give another text."""
    if not isinstance(record, dict) or record.get("media_type") != "text/html":
        return []
    from ..webpage.extract import EXTRACTOR, extractor_version

    extraction = (record.get("html") or {}).get("extraction") or {}
    recorded, installed = extraction.get("version"), extractor_version()
    if recorded == installed:
        return []
    return [Problem(file, None, Code.EXTRACTOR_CHANGED, f"the page's text was extracted with {EXTRACTOR} {recorded}; "
                    f"{installed} is installed, and may extract another text", f"install {EXTRACTOR}=={recorded}, "
                    "or check the spans with 'belarus-corpus annotate reanchor'", path="$.html.extraction.version",
                    severity="warning")]


def _check_raw(layout: Layout, doc_id: str, record: dict[str, Any]) -> tuple[list[Problem], bytes | None]:
    suffix = "html" if record.get("media_type") == "text/html" else "txt"
    raw_path = layout.raw_dir / f"{doc_id}.{suffix}"
    shown = f"raw/{doc_id}.{suffix}"
    if raw_path.is_symlink():
        target = raw_path.resolve()
        if layout.root not in target.parents:
            return [Problem(shown, None, Code.PATH_ESCAPES_ROOT, f"is a symbolic link to {target}, outside the corpus",
                            "replace the link by the file itself (raw files must be regular files in raw/)")], None
    if not raw_path.is_file():
        return [Problem(shown, None, Code.RAW_MISSING, "the raw file of this provenance record is missing",
                        "restore it from git, or delete the provenance record")], None
    raw = raw_path.read_bytes()
    digest = sha256_hex(raw)
    if record.get("sha256") and digest != record["sha256"]:
        return [Problem(shown, None, Code.RAW_HASH_MISMATCH,
                        f"sha256 is {digest[:12]}…, provenance records {str(record['sha256'])[:12]}…",
                        "raw files are never edited: restore it from git, or ingest the new version with "
                        f"'belarus-corpus ingest FILE --replace {doc_id}'")], raw
    return [], raw


def check_orphan_raw_files(layout: Layout, known: set[str]) -> list[Problem]:
    problems = []
    found = [*layout.raw_dir.glob("*.txt"), *layout.raw_dir.glob("*.html")] if layout.raw_dir.is_dir() else []
    for path in sorted(found):
        if path.stem not in known:
            problems.append(Problem(layout.relative(path), None, Code.RAW_WITHOUT_PROVENANCE,
                                    "raw file has no provenance record",
                                    "ingest it with 'belarus-corpus ingest', or remove it"))
    return problems
