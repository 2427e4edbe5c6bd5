"""WARC captures: each HTML response record a document; broken captures refused with the record number."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from helpers_html import PAGES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from belarus_corpus import Corpus
from belarus_corpus.codes import Code
from belarus_corpus.errors import CorpusError
from belarus_corpus.ingest import IngestOptions

REPO = Path(__file__).resolve().parents[2]


def capture(records: list[tuple[str, str, bytes]], gzipped: bool = True) -> bytes:
    """A WARC of (target URI, Content-Type, payload) response records, with a warcinfo record first."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("capture.warc.gz", {"software": "test"}))
    for uri, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2026-11-20T10:00:00Z"})
        writer.write_record(record)
    return out.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    return Corpus(root)


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_each_html_response_becomes_a_document_with_its_record_in_provenance(corpus: Corpus, tmp_path: Path) -> None:
    pages = [(PAGES / "comments.html").read_bytes(), (PAGES / "cp1251.html").read_bytes()]
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(capture([("https://vitebsk.example/library", "text/html; charset=utf-8", pages[0]),
                              ("https://img.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
                              ("https://gomel.example/park", "text/html", pages[1])]))
    done = corpus.ingest([path])
    assert [d.doc_id for d in done] == ["capture-0002", "capture-0004"]
    assert [d.raw_path.read_bytes() for d in done] == pages
    first, second = (json.loads(d.provenance_path.read_text(encoding="utf-8")) for d in done)
    assert first["html"]["warc"]["target_uri"] == "https://vitebsk.example/library"
    assert first["html"]["warc"]["record_number"] == 2 and first["html"]["warc"]["record_id"].startswith("<urn:uuid:")
    assert first["html"]["warc"]["payload_digest"].startswith("sha1:")
    assert first["html"]["encoding"]["basis"] == "http header"
    assert second["html"]["encoding"] == {"name": "cp1251", "basis": "meta charset", "declared": "windows-1251"}
    assert first["source"]["retrieved_date"] == "2026-11-20"
    assert corpus.validate().problems == []


def test_a_truncated_capture_is_refused_with_the_record_number(corpus: Corpus, tmp_path: Path) -> None:
    data = capture([("https://a.example/1", "text/html", (PAGES / "quotes.html").read_bytes()),
                    ("https://a.example/2", "text/html", (PAGES / "lists.html").read_bytes())], gzipped=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 400])
    before = _tree(corpus.root)
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path])
    assert caught.value.code == Code.WARC_INVALID
    assert "record 3" in caught.value.problems[0].message
    assert _tree(corpus.root) == before


def test_a_truncated_gzip_capture_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    data = capture([("https://a.example/1", "text/html", (PAGES / "quotes.html").read_bytes()),
                    ("https://a.example/2", "text/html", (PAGES / "lists.html").read_bytes())])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 300])
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path])
    assert caught.value.code == Code.WARC_INVALID and "record" in caught.value.problems[0].message
    assert not (corpus.root / "raw").exists() or not any((corpus.root / "raw").iterdir())


def test_a_file_that_is_not_a_warc_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not a capture at all\n" * 10)
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path])
    assert caught.value.code == Code.WARC_INVALID and "record 1" in caught.value.problems[0].message


def test_a_gzip_bomb_stops_at_the_bound(corpus: Corpus, tmp_path: Path) -> None:
    bomb = b"<html><body><p>" + b"a" * (4 * 1024 * 1024) + b"</p></body></html>"
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://bomb.example/", "response",
                                                  payload=io.BytesIO(gzip.compress(bomb)), http_headers=headers))
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 100_000
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path], IngestOptions(max_bytes=1024 * 1024))
    assert caught.value.code == Code.PAYLOAD_TOO_LARGE and "record 1" in caught.value.problems[0].message


def test_a_binary_payload_declared_as_html_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "binary.warc.gz"
    path.write_bytes(capture([("https://a.example/x", "text/html", b"\x89PNG\r\n\x1a\n" + bytes(500))]))
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path])
    assert caught.value.code == Code.BINARY_PAYLOAD and "record-2" in caught.value.problems[0].file


def test_a_capture_without_articles_is_refused_with_the_reasons(corpus: Corpus, tmp_path: Path) -> None:
    listing = b"<html><body><ul><li><a href='/a'>One</a></li></ul></body></html>"
    path = tmp_path / "none.warc.gz"
    path.write_bytes(capture([("https://a.example/", "text/html", listing)]))
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path])
    assert caught.value.code == Code.NOT_AN_ARTICLE and "record 2" in caught.value.problems[0].message
