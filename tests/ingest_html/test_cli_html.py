"""The command line over web pages: ingest page.html, refusals as exit 1 with the code."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers_html import PAGES

from belarus_corpus.cli import main

REPO = Path(__file__).resolve().parents[2]


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    return root


def test_ingest_a_page_from_the_command_line(tmp_path: Path) -> None:
    root = _root(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(PAGES / "amp.html"), "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "as amp (raw/amp.html)" in result.output
    assert (root / "raw" / "amp.html").read_bytes() == (PAGES / "amp.html").read_bytes()


def test_a_page_that_is_not_an_article_exits_1_with_the_code(tmp_path: Path) -> None:
    root = _root(tmp_path)
    page = tmp_path / "home.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(page), "--root", str(root)])
    assert result.exit_code == 1
    assert "[not-an-article]" in result.output
    assert not (root / "raw").exists() or not list((root / "raw").iterdir())
