"""Progress bars: drawn on a terminal, nothing when stderr is not one (pipes, CI logs) or when switched off; the
items a loop sees are the same either way."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from rich.console import Console

from belarus_corpus.cli import main
from belarus_corpus.progress import track
from helpers import ARTICLE, MakeCorpus


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=80), out


def test_a_bar_on_a_terminal_with_the_same_items() -> None:
    console, out = terminal()
    assert list(track(["a", "b", "c"], "checking stores", console=console)) == ["a", "b", "c"]
    assert "checking stores" in out.getvalue()


def test_weights_and_totals_count_items_not_chunks() -> None:
    console, out = terminal()
    chunks = [[1, 2], [3]]
    assert list(track(chunks, "chunks", total=3, weight=len, console=console)) == chunks
    assert "3/3" in out.getvalue()


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BELARUS_CORPUS_PROGRESS", "0")
    console, out = terminal()
    assert list(track(range(3), "quiet", console=console)) == [0, 1, 2]
    assert out.getvalue() == ""


def test_quiet_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(track(iter(range(4)), "piped")) == [0, 1, 2, 3]
    assert capsys.readouterr().err == ""


def test_long_commands_print_no_progress_when_piped(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Minsk", "Brest")})
    for args in (["suggest"], ["validate"], ["export", "--format", "jsonl", "--out", str(corpus.root.parent / "out")]):
        result = CliRunner().invoke(main, [*args, "--root", str(corpus.root)])
        assert result.exit_code == 0, result.output
        assert "━" not in result.stderr and "\x1b" not in result.stderr
