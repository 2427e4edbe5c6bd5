"""The character encoding of an HTML page: from the HTTP header, a byte order mark, the meta charset or detection.

The order follows the HTML standard's sniffing (BOM first, then the transport's charset, then ``<meta>``),
and labels are read the WHATWG way (``iso-8859-1`` and ``ascii`` mean windows-1252). What was used and why is
recorded; a declared label Python does not know, or bytes that are not valid in the declared encoding, refuse the
page instead of guessing. The byte offset of every code point is computed here, since a raw byte range in a
windows-1251 page is not the UTF-8 width of its characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from ..codes import Code
from ..errors import CorpusError, Problem

Basis = Literal["byte order mark", "http header", "meta charset", "valid utf-8", "detected"]
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
           "iso-8859-9": "cp1254", "tis-620": "cp874", "x-cp1251": "cp1251", "x-user-defined": "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    basis: Basis
    declared: str | None  # the label as written (header or meta), when there was one
    skip: int  # bytes of a UTF-16 byte order mark before the first code point

    def byte_starts(self, data: bytes) -> list[int]:
        """Byte offset of every code point of ``text`` in ``data``, plus the end."""
        return byte_starts(self.text, data, self.encoding, self.skip)


def _refuse(file: str, code: Code, message: str, hint: str) -> CorpusError:
    return CorpusError(Problem(file=file, line=None, code=code, message=message, hint=hint))


def codec_for(label: str) -> str | None:
    lowered = label.strip().lower()
    try:
        return codecs.lookup(_WHATWG.get(lowered, lowered)).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def decode_page(data: bytes, file: str, http_charset: str | None = None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            skip = 0 if encoding == "utf-8" else len(bom)
            return _decode(data, file, encoding, "byte order mark", None, skip)
    declared, basis = (http_charset, "http header") if http_charset else (None, "meta charset")
    if declared is None:
        match = _META.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    if declared is not None:
        name = codec_for(declared)
        if name is None:
            raise _refuse(file, Code.UNKNOWN_CHARSET, f"the page declares the charset {declared!r} ({basis}), which "
                          "is not a known encoding", "convert the page to UTF-8 (e.g. with iconv) and ingest that")
        return _decode(data, file, name, basis, declared, 0)  # type: ignore[arg-type]
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "valid utf-8", None, 0)
    except UnicodeDecodeError:
        return _detect(data, file)


def _decode(data: bytes, file: str, name: str, basis: Basis, declared: str | None, skip: int) -> Decoded:
    try:
        return Decoded(data[skip:].decode(name), name, basis, declared, skip)
    except UnicodeDecodeError as exc:
        raise _refuse(file, Code.UNDECODABLE_PAGE, f"byte offset {exc.start + skip} is not valid {name} (the encoding "
                      f"from the {basis}): {exc.reason}", "fix the page's charset declaration, or convert it to "
                      "UTF-8 first; the raw bytes are kept exactly, so nothing is repaired") from exc


def _detect(data: bytes, file: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = codec_for(best.encoding) if best is not None else None
    if best is None or name is None:
        raise _refuse(file, Code.UNKNOWN_CHARSET, "the page is not UTF-8, declares no charset, and its encoding "
                      "cannot be detected", "convert the page to UTF-8 (e.g. with iconv) and ingest that")
    return _decode(data, file, name, "detected", None, 0)


def byte_starts(text: str, data: bytes, encoding: str, skip: int = 0) -> list[int]:
    if encoding == "utf-8":
        widths = (1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in text)
        return [0, *accumulate(widths)]
    if len(text) == len(data) - skip:  # one byte per code point (single-byte encodings)
        return list(range(skip, len(data) + 1))
    decoder = codecs.getincrementaldecoder(encoding)()
    starts: list[int] = []
    pending = skip
    for index in range(skip, len(data)):
        out = decoder.decode(data[index:index + 1])
        if out:
            starts.extend([pending] * len(out))
            pending = index + 1
        elif not decoder.getstate()[0]:
            pending = index + 1
    return [*starts, len(data)]
