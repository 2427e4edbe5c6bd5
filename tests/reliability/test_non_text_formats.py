"""Non-text formats handed to ``belarus-corpus ingest`` (a real process) are recognised by their file signature and
refused with ``non-text-format`` naming the format, the file and a hint; nothing is written (#15 item 9)."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from reliability_support import ARTICLE, Frozen, expect, run

from belarus_corpus.ingest.signatures import sniff


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:t>{ARTICLE}</w:t></w:document>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return buffer.getvalue()


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f"<office:text>{ARTICLE}</office:text>")
    return buffer.getvalue()


RTF = ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0\\fs24 " + ARTICLE.replace("\n", "\\par\n") + "}").encode()
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + ARTICLE.encode() + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
TIFF = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 16
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24 + ARTICLE.encode()

CASES = [
    ("article.rtf", RTF, "RTF document"),
    ("article-bom.rtf", b"\xef\xbb\xbf" + RTF, "RTF document"),
    ("article.pdf", PDF, "PDF document"),
    ("article.docx", _docx(), "Word document (DOCX)"),
    ("article.odt", _odt(), "OpenDocument file"),
    ("articles.zip", _zip(), "ZIP archive"),
    ("article.doc", OLE, "legacy Office document"),
    ("photo.png", PNG, "PNG image"),
    ("photo.jpg", JPEG, "JPEG image"),
    ("anim.gif", GIF, "GIF image"),
    ("photo.webp", WEBP, "WebP image"),
    ("scan.tiff", TIFF, "TIFF image"),
    ("article.txt.gz", gzip.compress(ARTICLE.encode(), mtime=0), "gzip-compressed file"),
]


@pytest.mark.parametrize(("name", "data", "format_name"), CASES, ids=[case[0] for case in CASES])
def test_non_text_format_refused_by_signature(corpus_root: Path, tmp_path: Path, frozen: Frozen, name: str,
                                              data: bytes, format_name: str) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    frozen(tmp_path)
    problem = expect(run(["ingest", "--root", corpus_root, path]), 1, "non-text-format", file=path)
    assert format_name in problem.message
    frozen.check()


@pytest.mark.parametrize("text", [ARTICLE, "BMW and Belarus\n" + ARTICLE, "PK 3 was closed.\n" + ARTICLE,
                                  "{rtf} is a word here.\n" + ARTICLE, "MZ " + ARTICLE, "ID3 tags\n" + ARTICLE])
def test_article_text_starting_like_a_signature_is_not_taken_for_one(text: str) -> None:
    assert sniff(text.encode("utf-8")) is None
