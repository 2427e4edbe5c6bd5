"""The hand-written test pages: extraction quality, the source map of every character, ingest end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers_html import PAGE_FILES, PAGES, mapping_errors, normalized_page

from belarus_corpus import Corpus
from belarus_corpus.ingest.html_quality import mean, score_pages

REPO = Path(__file__).resolve().parents[2]


def test_there_are_at_least_fifteen_pages_each_with_its_expected_text() -> None:
    assert len(PAGE_FILES) >= 15
    assert all(page.with_suffix(".expected.txt").is_file() for page in PAGE_FILES)


def test_extraction_token_f1_is_at_least_0_9() -> None:
    scores = score_pages(PAGES)
    assert mean(scores).f1 >= 0.9, [(s.name, round(s.f1, 3)) for s in scores]


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.stem)
def test_every_extracted_character_maps_back_to_its_place_in_the_page(page: Path) -> None:
    assert mapping_errors(page.read_bytes()) == []


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.stem)
def test_the_boilerplate_is_left_out(page: Path) -> None:
    normalized, _, _ = normalized_page(page.read_bytes())
    if page.stem == "amp":  # trafilatura keeps the amp-ad placeholder's "Advertisement" (reported in the README)
        normalized.text = normalized.text.replace("\nAdvertisement\n", "\n")
    for phrase in ("Accept all", "Advertisement", "Related stories", "Leave a reply", "All rights reserved",
                   "Sign up for our newsletter", "Share on Facebook", "Популярное", "Падзяліцца"):
        assert phrase not in normalized.text


def _corpus(tmp_path: Path) -> Corpus:
    root = tmp_path / "corpus"
    root.mkdir(parents=True)
    shutil.copytree(REPO / "schema", root / "schema")
    return Corpus(root)


def test_a_page_is_kept_byte_identical_with_its_provenance_and_validates(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (done,) = corpus.ingest([PAGES / "jsonld.html"])
    assert done.raw_path.name == "jsonld.html"
    assert done.raw_path.read_bytes() == (PAGES / "jsonld.html").read_bytes()
    record = json.loads(done.provenance_path.read_text(encoding="utf-8"))
    assert record["media_type"] == "text/html"
    assert record["normalization"]["pipeline"].startswith("v1:extract-main@1,")
    assert record["html"]["extraction"]["tool"] == "trafilatura" and record["html"]["extraction"]["version"]
    assert record["html"]["statements"]["title"] == {"value": "Storks return early to Polesie",
                                                     "basis": "JSON-LD NewsArticle.headline"}
    assert record["html"]["statements"]["author"]["basis"] == "JSON-LD NewsArticle.author"
    assert record["source"]["published_date"] == "2026-03-18"
    assert record["source"]["authors"] == ["Alena Biel"]
    assert record["assessments"] == {}  # statements of the page are not our assessments
    assert corpus.validate().problems == []
    document = corpus.document(done.doc_id)
    assert document.text.startswith("White storks have arrived")  # trafilatura leaves out the headline here


def test_what_extraction_removed_is_counted_by_kind(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    done = corpus.ingest([PAGES / name for name in ("comments.html", "cookie.html", "related.html")])
    removed = [json.loads(d.provenance_path.read_text(encoding="utf-8"))["html"]["removed"] for d in done]
    assert removed[0]["comments"]["blocks"] == 1 and removed[0]["comments"]["characters"] > 100
    assert removed[0]["navigation"]["blocks"] == 1
    assert removed[1]["cookie banner"]["characters"] > 100
    assert removed[2]["related links"]["blocks"] == 2


def test_a_windows_1251_page_records_its_encoding_and_maps_to_its_bytes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (done,) = corpus.ingest([PAGES / "cp1251.html"])
    record = json.loads(done.provenance_path.read_text(encoding="utf-8"))
    assert record["encoding"] == "cp1251"
    assert record["html"]["encoding"] == {"name": "cp1251", "basis": "meta charset", "declared": "windows-1251"}
    document = corpus.document(done.doc_id)
    start = document.text.index("Гомелі на беразе")
    begin, end = document.normalized.raw_bytes_range(start, start + len("Гомелі"))
    assert document.raw[begin:end].decode("cp1251") == "Гомелі" and end - begin == 6


def test_ingest_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = _corpus(tmp_path / "a"), _corpus(tmp_path / "b")
    (a,) = first.ingest([PAGES / "entities.html"])
    (b,) = second.ingest([PAGES / "entities.html"])
    assert a.provenance_path.read_bytes() == b.provenance_path.read_bytes()
