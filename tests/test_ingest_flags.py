"""``ingest`` source flags: --url, --publisher, --author, --published-date, --retrieved-date, --licence."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from belarus_corpus import Corpus
from helpers import ARTICLE, MakeCorpus, tree


def ingest(root: Path, *args: str) -> object:
    from belarus_corpus.cli import main

    return CliRunner().invoke(main, ["ingest", *args, "--root", str(root)])


def test_flags_fill_the_source_and_win_over_the_metadata_file(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    article = tmp_path / "envoy.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    metadata = tmp_path / "meta.json"
    metadata.write_text(json.dumps({"publisher": "Old Name", "translated_from": "uk"}), encoding="utf-8")
    result = ingest(corpus.root, str(article), "--metadata", str(metadata), "--url", "https://example.org/a/1",
                    "--publisher", "Example News", "--author", "Jane Roe", "--author", "Ann Poe",
                    "--published-date", "2025-03-04", "--licence", "CC-BY-4.0")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    record = json.loads((corpus.root / "raw" / "envoy.provenance.json").read_text(encoding="utf-8"))
    assert record["source"] == {"publisher": "Example News", "url": "https://example.org/a/1",
                                "authors": ["Jane Roe", "Ann Poe"], "published_date": "2025-03-04",
                                "retrieved_date": None, "licence": "CC-BY-4.0", "translated_from": "uk"}
    assert set(record["unknown"]) == {"retrieved_date"}
    assert Corpus(corpus.root).validate().valid


def test_bad_flag_values_are_usage_errors_that_write_nothing(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({})
    article = tmp_path / "envoy.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = tree(corpus.root)
    for flags in (["--url", "example.org/a"], ["--published-date", "4 March 2025"]):
        result = ingest(corpus.root, str(article), *flags)
        assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE.replace("Minsk", "Brest"), encoding="utf-8")
    several = ingest(corpus.root, str(article), str(second), "--url", "https://example.org/a/1")
    assert several.exit_code == 2 and "--url names one article" in several.output  # type: ignore[attr-defined]
    assert tree(corpus.root) == before
