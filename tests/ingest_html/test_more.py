"""More of the web-page ingest: a WARC's skipped records on the command line; spans on a page validate and build."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers_html import PAGES
from test_warc import capture

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_a_capture_on_the_command_line_names_each_document_and_each_skipped_record(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    listing = b"<html><body><ul><li><a href='/a'>One</a></li></ul></body></html>"
    path = tmp_path / "day.warc.gz"
    path.write_bytes(capture([("https://a.example/", "text/html", listing),
                              ("https://a.example/story", "text/html", (PAGES / "quotes.html").read_bytes())]))
    result = CliRunner().invoke(main, ["ingest", str(path), "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "as day-0003 (raw/day-0003.html)" in result.output
    assert "skipped" in result.output and "record 2:" in result.output


def test_spans_on_a_page_validate_and_survive_a_reload(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    corpus = Corpus(root)
    corpus.ingest([PAGES / "lists.html"])
    span = add_span(corpus, "lists", layer="claim", type_="quantity", quote="Pensions rise by six percent")
    assert corpus.validate().problems == []
    assert corpus.document("lists").text[span.start:span.end] == "Pensions rise by six percent"
