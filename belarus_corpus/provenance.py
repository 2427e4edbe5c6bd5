"""The provenance record of a raw file: what the bytes are, where they came from, and what is unknown."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from typing import Any, cast

from ._version import __version__
from .normalize import Normalized, pipeline_id
from .provenance_record import Assessment, HistoryEntry, LanguageBlock, ProvenanceRecord, SourceBlock
from .structure import STRUCTURE_VERSION, paragraph_spans

PROVENANCE_SCHEMA_VERSION = "1"
SOURCE_FIELDS = ("publisher", "url", "authors", "published_date", "retrieved_date", "licence", "translated_from")
DEFAULT_UNKNOWN_REASON = "not stated in the source file"


def now_utc() -> str:
    """Ingest time; ``SOURCE_DATE_EPOCH`` pins it for reproducible test corpora."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    return datetime.fromtimestamp(moment, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def line_endings(data: bytes) -> str:
    crlf = data.count(b"\r\n")
    lone_cr = data.count(b"\r") - crlf
    lone_lf = data.count(b"\n") - crlf
    kinds = [name for name, count in (("crlf", crlf), ("cr", lone_cr), ("lf", lone_lf)) if count]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def source_block(metadata: dict[str, Any]) -> tuple[SourceBlock, dict[str, str]]:
    """Known source values, and a reason for every one that is not known (``metadata`` is the parsed,
    checked ``--metadata`` file or the ingest flags)."""
    source: dict[str, Any] = {}
    unknown: dict[str, str] = {}
    reasons = metadata.get("unknown", {})
    for name in SOURCE_FIELDS:
        value = metadata.get(name)
        source[name] = value if value not in ("", [], None) else None
        if source[name] is None:
            unknown[name] = reasons.get(name, DEFAULT_UNKNOWN_REASON)
    return cast(SourceBlock, source), unknown


def build_record(*, doc_id: str, original_name: str, data: bytes, normalized: Normalized,
                 metadata: dict[str, Any], language: LanguageBlock, text_sha256: str,
                 history: list[HistoryEntry]) -> ProvenanceRecord:
    from .layout import sha256_hex

    source, unknown = source_block(metadata)
    assessments = cast(dict[str, Assessment], metadata.get("assessments", {}))
    record: ProvenanceRecord = {
        "schema_version": PROVENANCE_SCHEMA_VERSION,
        "doc_id": doc_id,
        "original_file_name": original_name,
        "sha256": sha256_hex(data),
        "size_bytes": len(data),
        "encoding": "utf-8",
        "bom": data.startswith(b"\xef\xbb\xbf"),
        "line_endings": line_endings(data),
        "trailing_newline": data.endswith((b"\n", b"\r")),
        "ingested_at": now_utc(),
        "ingested_with": f"belarus-corpus {__version__}",
        "source": source,
        "unknown": unknown,
        "assessments": assessments,
        "normalization": {"pipeline": pipeline_id(), "changes": normalized.changes, "text_sha256": text_sha256},
        "language": language,
        "history": history,
    }
    return record


def detect_language(normalized_text: str) -> LanguageBlock:
    from .language import detect, detect_paragraphs, detector_id

    return cast(LanguageBlock, {
        "detector": detector_id(),
        "structure": STRUCTURE_VERSION,
        "document": detect(normalized_text),
        "paragraphs": detect_paragraphs(normalized_text, paragraph_spans(normalized_text)),
    })


def dumps(record: ProvenanceRecord) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
