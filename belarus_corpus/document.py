"""A document: raw bytes, their normalized text with its offset map, paragraphs and provenance."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field

from .codes import Code
from .errors import CorpusError, Problem
from .layout import Layout
from .normalize import Normalized, normalize
from .provenance_record import ProvenanceRecord, as_provenance
from .structure import Paragraph, paragraphs, title_of


@dataclass
class Document:
    doc_id: str
    raw: bytes
    normalized: Normalized = field(repr=False)
    provenance: ProvenanceRecord = field(repr=False)

    @property
    def text(self) -> str:
        return self.normalized.text

    @functools.cached_property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @functools.cached_property
    def raw_sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @functools.cached_property
    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.text)

    @property
    def title(self) -> str | None:
        return title_of(self.text, self.paragraphs)


def read_provenance(layout: Layout, doc_id: str) -> ProvenanceRecord:
    """The parsed provenance record of ``doc_id``; ``CorpusError`` (file and field) when it cannot be used."""
    path = layout.provenance(doc_id)
    shown = layout.relative(path)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CorpusError(Problem(shown, None, Code.UNKNOWN_DOCUMENT, f"no document {doc_id!r} in this corpus",
                                  "list the documents with 'belarus-corpus stats'")) from exc
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
        raise CorpusError(Problem(shown, None, Code.PROVENANCE_INVALID, f"cannot read provenance: {reason}",
                                  "restore the file from git")) from exc
    return as_provenance(record, shown)


def load_document(layout: Layout, doc_id: str, provenance: ProvenanceRecord | None = None,
                  raw: bytes | None = None) -> Document:
    """The document ``doc_id``; a caller that has already read its provenance record or raw bytes hands them in."""
    if provenance is None:
        provenance = read_provenance(layout, doc_id)
    path = layout.raw_text(doc_id)
    try:
        if raw is None:
            raw = path.read_bytes()
        if provenance.get("media_type") == "text/html":
            from .webpage.extract import normalize_html_document

            return Document(doc_id=doc_id, raw=raw, normalized=normalize_html_document(raw, provenance),
                            provenance=provenance)
        decoded = raw.decode("utf-8")
    except FileNotFoundError as exc:
        raise CorpusError(Problem(layout.relative(path), None, Code.RAW_MISSING, "the raw file is missing",
                                  "restore it from git or re-ingest it")) from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(Problem(layout.relative(path), None, Code.NOT_UTF8,
                                  f"invalid UTF-8 at byte offset {exc.start}", "restore it from git")) from exc
    return Document(doc_id=doc_id, raw=raw, normalized=normalize(decoded), provenance=provenance)
