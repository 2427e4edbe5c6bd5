"""Where a span is in its page: annotate locate, and the spans config's source_bytes column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers_html import PAGES

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.build.tables import span_rows
from belarus_corpus.cli import main

REPO = Path(__file__).resolve().parents[2]


def _corpus(tmp_path: Path, *pages: str) -> Corpus:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    corpus = Corpus(root)
    corpus.ingest([PAGES / page for page in pages])
    return corpus


def test_locate_prints_bytes_line_column_and_the_element_path(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "entities.html")
    span = add_span(corpus, "entities", layer="claim", type_="quantity", quote="about €12 per square metre")
    result = CliRunner().invoke(main, ["annotate", "locate", span.id, "--format", "json", "--root",
                                       str(corpus.root)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    raw = (PAGES / "entities.html").read_bytes()
    assert raw[found["byte_start"]:found["byte_end"]] == b"about &euro;12 per square metre"
    assert found["element_path"] == "/html/body/article/p[2]"
    line = raw.decode().splitlines()[found["start_line"] - 1]
    assert line[found["start_column"] - 1:].startswith("about &euro;12")
    text = CliRunner().invoke(main, ["annotate", "locate", span.id, "--root", str(corpus.root)])
    assert "element /html/body/article/p[2]" in text.output and "raw/entities.html" in text.output


def test_a_span_over_a_collapsed_line_break_maps_to_the_whole_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "entities.html")
    span = add_span(corpus, "entities", layer="claim", type_="quantity", quote="tourists and students")
    found = corpus.annotate_locate(span.id)
    raw = (PAGES / "entities.html").read_bytes()
    assert raw[found.byte_start:found.byte_end] == b"tourists\n   and   students"
    assert (found.start_line, found.end_line) == (found.start_line, found.start_line + 1)


def test_the_spans_config_carries_the_raw_byte_range(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "cp1251.html")
    span = add_span(corpus, "cp1251", layer="claim", type_="quantity", quote="каля дзесяці гектараў")
    document = corpus.document("cp1251")
    (row,) = span_rows([span], corpus.taxonomy, document=document)
    begin, end = row["source_bytes"]["start"], row["source_bytes"]["end"]
    assert document.raw[begin:end].decode("cp1251") == "каля дзесяці гектараў"
