"""File signatures ("magic numbers") of formats that are not article text, recognised before any decoding.

A document, image or archive handed to ``ingest`` is refused with ``non-text-format`` and the format's name,
instead of being taken as text (RTF markup) or reported as a vague encoding error (PDF, PNG).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Signature:
    name: str
    pattern: re.Pattern[bytes]
    hint: str


def _sig(name: str, pattern: bytes, hint: str) -> Signature:
    return Signature(name, re.compile(pattern, re.DOTALL), hint)


_CONVERT = "convert it to plain UTF-8 text first and ingest the text"
_NOT_TEXT = "this is not an article's text; pass a UTF-8 text, HTML or WARC file"
_ARCHIVE = "unpack it and ingest the article files inside"

SIGNATURES: tuple[Signature, ...] = (
    _sig("RTF document", rb"\A\s*\{\\rtf", _CONVERT + " (e.g. 'textutil -convert txt' or 'pandoc -t plain')"),
    _sig("PDF document", rb"\A.{0,1024}?%PDF-\d", _CONVERT + " (e.g. 'pdftotext -enc UTF-8')"),
    _sig("PostScript document", rb"\A%!PS", _CONVERT),
    _sig("Word document (DOCX)", rb"\APK\x03\x04.{0,2000}?word/", _CONVERT + " (e.g. 'pandoc -t plain')"),
    _sig("OpenDocument file", rb"\APK\x03\x04.{26,60}?mimetypeapplication/vnd\.oasis", _CONVERT),
    _sig("EPUB book", rb"\APK\x03\x04.{26,60}?mimetypeapplication/epub", _CONVERT),
    _sig("ZIP archive (or a DOCX, XLSX, ODT or EPUB file)", rb"\APK(?:\x03\x04|\x05\x06|\x07\x08)", _ARCHIVE),
    _sig("legacy Office document (DOC, XLS, PPT)", rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _CONVERT),
    _sig("PNG image", rb"\A\x89PNG\r\n\x1a\n", _NOT_TEXT),
    _sig("JPEG image", rb"\A\xff\xd8\xff", _NOT_TEXT),
    _sig("GIF image", rb"\AGIF8[79]a", _NOT_TEXT),
    _sig("WebP image", rb"\ARIFF....WEBP", _NOT_TEXT),
    _sig("TIFF image", rb"\A(?:II\*\x00|MM\x00\*)", _NOT_TEXT),
    _sig("BMP image", rb"\ABM.{4}\x00\x00\x00\x00", _NOT_TEXT),
    _sig("ICO image", rb"\A\x00\x00\x01\x00[\x01-\x20]\x00", _NOT_TEXT),
    _sig("HEIF/AVIF image or MP4 video", rb"\A....ftyp", _NOT_TEXT),
    _sig("WAV audio", rb"\ARIFF....WAVE", _NOT_TEXT),
    _sig("MP3 audio", rb"\AID3[\x02-\x04]\x00", _NOT_TEXT),
    _sig("Ogg media", rb"\AOggS\x00", _NOT_TEXT),
    _sig("gzip-compressed file", rb"\A\x1f\x8b\x08", _ARCHIVE + " (gunzip), or pass a .warc.gz capture"),
    _sig("bzip2-compressed file", rb"\ABZh[1-9]1AY&SY", _ARCHIVE),
    _sig("xz-compressed file", rb"\A\xfd7zXZ\x00", _ARCHIVE),
    _sig("Zstandard-compressed file", rb"\A\x28\xb5\x2f\xfd", _ARCHIVE),
    _sig("7-Zip archive", rb"\A7z\xbc\xaf\x27\x1c", _ARCHIVE),
    _sig("RAR archive", rb"\ARar!\x1a\x07", _ARCHIVE),
    _sig("tar archive", rb"\A.{257}ustar", _ARCHIVE),
    _sig("SQLite database", rb"\ASQLite format 3\x00", _NOT_TEXT),
    _sig("ELF executable", rb"\A\x7fELF", _NOT_TEXT),
    _sig("Windows executable", rb"\AMZ.{58}", _NOT_TEXT),
    _sig("WebAssembly module", rb"\A\x00asm", _NOT_TEXT),
)

SNIFF_BYTES = 4096


def sniff(data: bytes) -> Signature | None:
    """The non-text format whose signature ``data`` starts with (after a UTF-8 BOM), or ``None``."""
    head = data[:SNIFF_BYTES]
    if head.startswith(_BOM):
        head = head[len(_BOM):]
    for signature in SIGNATURES:
        if signature.pattern.match(head):
            if signature.name == "Windows executable" and not _pe_header(data):
                continue
            return signature
    return None


def _pe_header(data: bytes) -> bool:
    """An ``MZ`` start is an executable only when its header points at a ``PE\\0\\0`` signature."""
    if len(data) < 64:
        return False
    offset = int.from_bytes(data[60:64], "little")
    return data[offset:offset + 4] == b"PE\x00\x00"
