"""WARC captures (warcio): each HTML response record becomes a document, its payload kept byte-identical.

The whole file is read and every article checked before anything is written, so a truncated or invalid capture
is refused with the number of the record where it broke, and nothing is written. Decompression is bounded: no
payload may exceed ``max_bytes`` and the capture may not expand to more than ``MAX_EXPANSION`` times that, so a
gzip bomb stops at the bound instead of filling memory.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..layout import slugify

if TYPE_CHECKING:
    from . import Prepared

MAX_EXPANSION = 20
_CHUNK = 65536
_HTML_TYPES = re.compile(r"^\s*(text/html|application/xhtml\+xml)", re.IGNORECASE)


def is_warc(path: Path, data: bytes) -> bool:
    if path.name.lower().endswith((".warc", ".warc.gz")) or data.startswith(b"WARC/"):
        return True
    if data.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(31).decompress(data[:4096], 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def _refuse(path: Path, code: Code, message: str, hint: str) -> CorpusError:
    return CorpusError(Problem(file=str(path), line=None, code=code, message=message, hint=hint))


class _Budget:
    def __init__(self, path: Path, max_bytes: int) -> None:
        self.path, self.max_bytes, self.left = path, max_bytes, max_bytes * MAX_EXPANSION

    def read(self, stream: IO[bytes], number: int, keep: bool) -> bytes:
        pieces: list[bytes] = []
        size = 0
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            self.left -= len(chunk)
            if keep and size > self.max_bytes:
                raise _refuse(self.path, Code.PAYLOAD_TOO_LARGE, f"record {number}: the payload expands past "
                              f"{self.max_bytes} bytes (a gzip bomb, or a page too large)",
                              "raise the limit with --max-bytes if the capture is genuine; nothing was written")
            if self.left < 0:
                raise _refuse(self.path, Code.PAYLOAD_TOO_LARGE, f"record {number}: the capture expands past "
                              f"{self.max_bytes * MAX_EXPANSION} bytes ({MAX_EXPANSION} x --max-bytes)",
                              "split the capture, or raise --max-bytes; nothing was written")
            if keep:
                pieces.append(chunk)
        return b"".join(pieces)


def read_warc(path: Path, data: bytes, max_bytes: int) -> list[Prepared]:
    """The articles of a capture, checked; refused whole when the capture is broken or holds no article."""
    from warcio.archiveiterator import ArchiveIterator

    budget = _Budget(path, max_bytes)
    found: list[Prepared] = []
    skipped: list[str] = []
    number = 0
    warnings = io.StringIO()  # warcio prints what it tolerates (a wrong Content-Length) to stderr
    try:
        with contextlib.redirect_stderr(warnings):
            for number, record in enumerate(ArchiveIterator(io.BytesIO(data), check_digests=False), start=1):
                _check_record(path, record, number, warnings)
                _read_record(path, record, number, budget, found, skipped)
            _check_record(path, None, number + 1, warnings)
    except CorpusError:
        raise
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib.error, EOFError, ValueError)
        raise _refuse(path, Code.WARC_INVALID, f"record {number + 1}: the capture cannot be read: "
                      f"{type(exc).__name__}: {str(exc)[:200]}", "the file is truncated or not a WARC; fetch it "
                      "again or repair it; nothing was written") from exc
    if number == 0:
        raise _refuse(path, Code.WARC_INVALID, "record 1: no WARC record in the file", "pass a WARC capture")
    if not found:
        detail = "; ".join(skipped[:5]) or "no HTML response records"
        raise _refuse(path, Code.NOT_AN_ARTICLE, f"no article in the capture's {number} records ({detail})",
                      "ingest a capture of article pages; nothing was written")
    for item in found:
        item.notes = skipped
    return found


def _check_record(path: Path, record: Any, number: int, warnings: io.StringIO) -> None:
    if warnings.getvalue():
        message = " ".join(warnings.getvalue().split())[:200]
        raise _refuse(path, Code.WARC_INVALID, f"record {number - 1}: {message}", "the record's Content-Length "
                      "does not match its content: the capture is damaged; nothing was written")
    if record is not None and record.format != "warc":
        raise _refuse(path, Code.WARC_INVALID, f"record {number}: not a WARC record (read as {record.format})",
                      "pass a WARC capture (.warc or .warc.gz); nothing was written")


def _read_record(path: Path, record: Any, number: int, budget: _Budget, found: list[Prepared],
                 skipped: list[str]) -> None:
    from . import Prepared
    from .html import WarcOrigin, read_html_page

    headers = record.rec_headers
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http else headers.get_header("Content-Type")
    wanted = record.rec_type in ("response", "resource") and bool(_HTML_TYPES.match(content_type or ""))
    status = int(http.get_statuscode()) if http and http.get_statuscode().isdigit() else None
    payload = budget.read(record.content_stream(), number, keep=wanted)
    declared = record.length
    if declared is not None and record.raw_stream.limit > 0:
        raise _refuse(path, Code.WARC_INVALID, f"record {number}: truncated ({declared} bytes declared, the file ends "
                      "first)", "the capture is incomplete; fetch it again; nothing was written")
    if not wanted:
        return
    if status is not None and status != 200:
        skipped.append(f"record {number}: HTTP status {status}")
        return
    origin = WarcOrigin(file=path.name, record_number=number, record_id=headers.get_header("WARC-Record-ID"),
                        target_uri=headers.get_header("WARC-Target-URI"), date=headers.get_header("WARC-Date"),
                        payload_digest=headers.get_header("WARC-Payload-Digest"), http_status=status,
                        content_type=content_type)
    from ..webpage.encoding import header_charset

    shown = f"{path}#record-{number}"
    try:
        page = read_html_page(payload, shown, path.name, origin, header_charset(content_type))
    except CorpusError as refused:
        if refused.code != Code.NOT_AN_ARTICLE:
            raise
        skipped.append(f"record {number}: {refused.problems[0].message}")
        return
    stem = re.sub(r"\.warc(\.gz)?$", "", path.name, flags=re.IGNORECASE)
    found.append(Prepared(payload, f"{path.name}#record-{number}", page.normalized, page,
                          doc_id=f"{slugify(stem)[:80]}-{number:04d}"))
