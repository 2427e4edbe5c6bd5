"""Ingest: byte-identical copies, provenance that says what is unknown, and refusals that write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.errors import CorpusError, UsageError
from belarus_corpus.ingest import IngestOptions
from helpers import ARTICLE, MakeCorpus, tree


def test_ingest_copies_bytes_and_records_provenance(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    raw = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode("utf-8")
    corpus = make_corpus({"Envoy visits Minsk!.txt": raw})
    (doc_id,) = corpus.doc_ids()
    assert doc_id.startswith("envoy-visits-minsk_") and len(doc_id.split("_")[-1]) == 16
    assert corpus.layout.raw_text(doc_id).read_bytes() == raw
    record = json.loads(corpus.layout.provenance(doc_id).read_text(encoding="utf-8"))
    assert record["bom"] is True and record["line_endings"] == "crlf" and record["trailing_newline"] is True
    assert record["size_bytes"] == len(raw)
    assert record["source"]["licence"] is None and record["unknown"]["licence"]
    assert record["normalization"]["changes"]["newlines@1"] == ARTICLE.count("\n")
    assert record["language"]["document"]["code"] == "en"
    assert len(record["language"]["paragraphs"]) == len(corpus.document(doc_id).paragraphs)
    assert corpus.document(doc_id).text == ARTICLE


def test_safe_stem_is_kept_and_metadata_fills_source(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    source = tmp_path / "minsk_2025-envoy.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    metadata = {"publisher": "Example Wire", "url": "https://example.org/a", "authors": ["Jane Roe"],
                "unknown": {"licence": "the site states no licence"}}
    (done,) = corpus.ingest([source], IngestOptions(metadata=metadata))
    record = json.loads(done.provenance_path.read_text(encoding="utf-8"))
    assert done.doc_id == "minsk_2025-envoy"
    assert record["source"]["publisher"] == "Example Wire" and record["source"]["authors"] == ["Jane Roe"]
    assert record["unknown"]["licence"] == "the site states no licence"
    assert "publisher" not in record["unknown"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-file"),
        (b"  \n\t\n", "whitespace-only"),
        (b"Good text\x00 then binary", "binary-content"),
        (b"Caf\xe9 au lait in Minsk", "not-utf8"),
        ("Hello Minsk".encode("utf-16"), "not-utf8"),
        (b"<!DOCTYPE html><html><body><p>News</p></body></html>", "not-an-article"),
        ("Lukashenkoâ€™s envoy said â€œyesâ€\x9d to talks".encode(), "mojibake"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(make_corpus: MakeCorpus, tmp_path: Path, content: bytes,
                                                      code: str) -> None:
    corpus = make_corpus({"keep.txt": ARTICLE})
    before = tree(corpus.root)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([bad])
    assert caught.value.code == code
    assert caught.value.problems[0].file == str(bad) and caught.value.problems[0].hint
    assert tree(corpus.root) == before


def test_invalid_utf8_names_byte_offset_and_line(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nline two \xff\xfe here\n")
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([bad])
    problem = caught.value.problems[0]
    assert problem.line == 2 and "byte offset 18" in problem.message


def test_same_content_twice_names_the_existing_document(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"first.txt": ARTICLE})
    again = tmp_path / "second.txt"
    again.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([again])
    assert caught.value.code == "already-ingested" and "'first'" in caught.value.problems[0].message


def test_size_limit_and_language_requirement(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([big], IngestOptions(max_bytes=100))
    assert caught.value.code == "file-too-large"
    polish = tmp_path / "pl.txt"
    polish.write_text("Prezydent Białorusi spotkał się z wysłannikiem Stanów Zjednoczonych w Mińsku. "
                      "Rozmowy dotyczyły uwolnienia więźniów politycznych i sankcji.", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([polish], IngestOptions(require_language="en"))
    assert caught.value.code == "language-mismatch"
    (done,) = corpus.ingest([polish])
    assert corpus.document(done.doc_id).provenance["language"]["document"]["code"] == "pl"


def test_unsafe_doc_id_is_a_usage_error(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        corpus.ingest([source], IngestOptions(doc_id="../escape"))
    assert caught.value.code == "unsafe-doc-id"
    assert not (corpus.root.parent / "escape.txt").exists()


def test_replace_keeps_history(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    old_hash = corpus.document("story").raw_sha256
    newer = tmp_path / "story-v2.txt"
    newer.write_text(ARTICLE.replace("Nearly 40", "Nearly 45"), encoding="utf-8")
    corpus.ingest([newer], IngestOptions(replace="story"))
    provenance = corpus.document("story").provenance
    assert provenance["history"][0]["sha256"] == old_hash
    assert provenance["sha256"] != old_hash
    assert corpus.validate().valid


def test_seeds_in_repository_are_byte_identical_to_shared_seeds() -> None:
    repo = Path(__file__).resolve().parent.parent
    seeds = repo.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    corpus = Corpus(repo)
    for seed in sorted(seeds.glob("*.txt")):
        assert corpus.layout.raw_text(seed.stem).read_bytes() == seed.read_bytes()
