"""Ingest: read an article's bytes, check them, and write ``raw/<doc_id>.txt`` (byte-identical) with provenance."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..fsio import atomic_write_files, locked, write_error
from ..layout import Layout, check_doc_id, doc_id_for, sha256_hex
from ..normalize import Normalized, normalize
from ..provenance import build_record, detect_language, dumps
from ..provenance_record import LanguageBlock, ProvenanceRecord
from .html import Page, html_record, looks_like_html, read_html_page
from .signatures import sniff
from .warc import is_warc

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_MOJIBAKE = re.compile("(?:Ã[\u0080-\u00bf]|Ã[©¨¢¡¤§ª«®´¹º¼½]|â€[™œ\u009d˜”“¦¢]|Ã¢â‚¬|Â[\u00a0-\u00bf])")


@dataclass
class IngestOptions:
    doc_id: str | None = None
    replace: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    require_language: str | None = None
    accept_mojibake: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Ingested:
    doc_id: str
    raw_path: Path
    provenance_path: Path
    replaced: bool
    notes: list[str] = field(default_factory=list)


def _refuse(path: Path, code: Code, message: str, hint: str, line: int | None = None) -> CorpusError:
    return CorpusError(Problem(file=str(path), line=line, code=code, message=message, hint=hint))


def read_source(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise _refuse(path, Code.FILE_NOT_FOUND, "no such file", "check the path")
    if not path.is_file():
        raise _refuse(path, Code.NOT_A_FILE, "is not a regular file", "pass a text file")
    size = path.stat().st_size
    if size > max_bytes:
        raise _refuse(path, Code.FILE_TOO_LARGE, f"{size} bytes is over the limit of {max_bytes} bytes",
                      "split the file, or raise the limit with --max-bytes")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _refuse(path, Code.UNREADABLE_FILE, f"cannot read the file: {exc.strerror or exc}",
                      "check that the file is readable") from exc


def decode_checked(path: Path, data: bytes) -> str:
    if not data:
        raise _refuse(path, Code.EMPTY_FILE, "the file is empty", "pass the article's text")
    signature = sniff(data)
    if signature is not None:
        raise _refuse(path, Code.NON_TEXT_FORMAT, f"this is a {signature.name}, not article text (recognised by "
                      "its file signature)", signature.hint)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse(path, Code.NOT_UTF8, "the file is UTF-16 (it starts with a UTF-16 byte order mark)",
                      "convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8")
    utf16 = _utf16_without_bom(data)
    if utf16:
        raise _refuse(path, Code.NOT_UTF8, f"the file looks like {utf16} without a byte order mark (NUL bytes "
                      "between the letters)", f"convert it to UTF-8 first, e.g. iconv -f {utf16} -t UTF-8")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise _refuse(path, Code.BINARY_CONTENT, f"NUL byte at byte offset {offset}: this is not a text file",
                      "pass a plain-text UTF-8 file", line=data.count(b"\n", 0, offset) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _refuse(path, Code.NOT_UTF8, f"invalid UTF-8 at byte offset {exc.start} ({exc.reason})",
                      "re-save the file as UTF-8; the raw bytes are kept exactly, so nothing is repaired",
                      line=line) from exc
    if not text.strip():
        raise _refuse(path, Code.WHITESPACE_ONLY, "the file holds only white space", "pass the article's text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``"UTF-16LE"``/``"UTF-16BE"`` when most odd (or even) bytes of the start are NUL, as in UTF-16 English."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    if sample[1::2].count(0) > 0.6 * pairs and sample[0::2].count(0) < 0.1 * pairs:
        return "UTF-16LE"
    if sample[0::2].count(0) > 0.6 * pairs and sample[1::2].count(0) < 0.1 * pairs:
        return "UTF-16BE"
    return None


def check_mojibake(path: Path, text: str, accept: bool) -> None:
    hits = _MOJIBAKE.findall(text)
    if len(hits) >= 2 and not accept:
        first = _MOJIBAKE.search(text)
        line = text.count("\n", 0, first.start()) + 1 if first else None
        raise _refuse(path, Code.MOJIBAKE, f"{len(hits)} mojibake sequences such as {hits[0]!r} (UTF-8 read as cp1252)",
                      "fix the file's encoding at its source, or pass --accept-mojibake to keep it as it is",
                      line=line)


def load_metadata(path: Path) -> dict[str, Any]:
    """A JSON object of source fields, or ``{"files": {file name: {...}}}`` for several files."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refuse(path, Code.INVALID_METADATA, f"cannot read the metadata file: {exc}",
                      "pass a UTF-8 JSON object of source fields") from exc
    if not isinstance(loaded, dict):
        raise _refuse(path, Code.INVALID_METADATA, "the metadata file is not a JSON object",
                      "pass a JSON object of source fields")
    return loaded


def metadata_for(metadata: dict[str, Any], file_name: str) -> dict[str, Any]:
    files = metadata.get("files")
    if isinstance(files, dict):
        entry = files.get(file_name, {})
        return entry if isinstance(entry, dict) else {}
    return metadata


def _existing_by_hash(layout: Layout) -> dict[str, str]:
    found: dict[str, str] = {}
    for doc_id in layout.doc_ids():
        try:
            record = json.loads(layout.provenance(doc_id).read_text(encoding="utf-8"))
            found[record["sha256"]] = doc_id
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            continue
    return found


def _resolve_doc_id(layout: Layout, path: Path, item: Prepared, options: IngestOptions,
                    taken: set[str]) -> tuple[str, list[Any]]:
    sha = sha256_hex(item.data)
    existing = _existing_by_hash(layout).get(sha)
    if existing is not None:
        raise _refuse(path, Code.ALREADY_INGESTED, f"the same content is already ingested as {existing!r}",
                      f"nothing to do; see {layout.relative(layout.raw_text(existing))}")
    if options.replace:
        doc_id = check_doc_id(options.replace, str(path))
        provenance_path = layout.provenance(doc_id)
        if not provenance_path.is_file():
            raise _refuse(path, Code.UNKNOWN_DOCUMENT, f"--replace {doc_id}: no such document",
                          "check the id with 'belarus-corpus stats'")
        try:
            old = json.loads(provenance_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            raise _refuse(provenance_path, Code.PROVENANCE_INVALID, f"cannot read the provenance record: {exc}",
                          "restore it from git, then run the command again") from exc
        if not isinstance(old, dict):
            raise _refuse(provenance_path, Code.PROVENANCE_INVALID, "the provenance record is not a JSON object",
                          "restore it from git, then run the command again")
        entry = {key: old.get(key) for key in ("sha256", "size_bytes", "ingested_at", "original_file_name")}
        entry["text_sha256"] = old.get("normalization", {}).get("text_sha256")
        return doc_id, [*old.get("history", []), entry]
    doc_id = check_doc_id(options.doc_id, str(path)) if options.doc_id else item.doc_id or doc_id_for(item.name, sha)
    if doc_id in taken or layout.raw_text(doc_id).exists() or layout.provenance(doc_id).exists():
        raise _refuse(path, Code.DOC_ID_EXISTS, f"a different document already has the id {doc_id!r}",
                      f"choose another id with --doc-id, or pass --replace {doc_id} to ingest a new version")
    return doc_id, []


@dataclass
class Prepared:
    """One document checked and ready to write: its raw bytes, normalized text and, for a web page, the page."""

    data: bytes
    name: str
    normalized: Normalized
    page: Page | None = None
    doc_id: str | None = None
    notes: list[str] = field(default_factory=list)  # records of the same capture that were skipped, and why


def ingest_file(layout: Layout, path: Path, options: IngestOptions) -> list[Ingested]:
    """Ingest a text file, an HTML page or a WARC capture (each HTML response an article); all or nothing."""
    data = read_source(path, options.max_bytes)
    if is_warc(path, data):
        from .warc import read_warc

        return _commit(layout, path, read_warc(path, data, options.max_bytes), options)
    if data and sniff(data) is None and b"\x00" not in data[:4096] and looks_like_html(data, path.name):
        page = read_html_page(data, str(path), path.name)
        return _commit(layout, path, [Prepared(data, path.name, page.normalized, page)], options)
    text = decode_checked(path, data)
    check_mojibake(path, text, options.accept_mojibake)
    return _commit(layout, path, [Prepared(data, path.name, normalize(text))], options)


def _commit(layout: Layout, path: Path, items: list[Prepared], options: IngestOptions) -> list[Ingested]:
    if (options.doc_id or options.replace) and len(items) > 1:
        raise UsageError(Problem(str(path), None, Code.USAGE, f"--doc-id and --replace name one document; this file "
                                 f"holds {len(items)}", "leave them out: each record gets an id from the file "
                                 "name and its record number"))
    languages = [_language_checked(path, item, options) for item in items]
    try:
        layout.raw_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(layout.raw_dir, exc) from exc
    writes: list[tuple[Path, bytes]] = []
    done: list[Ingested] = []
    with locked(layout.raw_dir / ".ingest"):
        taken: set[str] = set()
        for item, language in zip(items, languages, strict=True):
            doc_id, history = _resolve_doc_id(layout, path, item, options, taken)
            taken.add(doc_id)
            record = _record(layout, doc_id, item, options, language, history)
            raw_path = layout.raw_html(doc_id) if item.page else layout.raw_dir / f"{doc_id}.txt"
            writes += [(raw_path, item.data), (layout.provenance(doc_id), dumps(record).encode("utf-8"))]
            done.append(Ingested(doc_id=doc_id, raw_path=raw_path, provenance_path=layout.provenance(doc_id),
                                 replaced=bool(options.replace), notes=item.notes))
        # All files or none: a failed write must not leave a raw file without its record.
        atomic_write_files(writes)
    return done


def _language_checked(path: Path, item: Prepared, options: IngestOptions) -> LanguageBlock:
    language = detect_language(item.normalized.text)
    code = language["document"]["code"]
    if options.require_language and code != options.require_language:
        raise _refuse(path, Code.LANGUAGE_MISMATCH,
                      f"detected language {code!r} (p={language['document']['probability']}), "
                      f"not {options.require_language!r}", "ingest it without --require-language, or leave it out")
    return language


def _record(layout: Layout, doc_id: str, item: Prepared, options: IngestOptions, language: LanguageBlock,
            history: list[Any]) -> ProvenanceRecord:
    given = metadata_for(options.metadata, item.name)
    metadata = {**item.page.stated, **given} if item.page else given
    record = build_record(doc_id=doc_id, original_name=item.name, data=item.data, normalized=item.normalized,
                          metadata=metadata, language=language,
                          text_sha256=sha256_hex(item.normalized.text.encode("utf-8")), history=history)
    if item.page:
        record = html_record(record, item.page)
    from ..validate.provenance import check_provenance_record

    problems = check_provenance_record(record, str(layout.provenance(doc_id)))
    if problems:
        raise CorpusError(problems)
    return record
