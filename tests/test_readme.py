"""The README stays true: its first two commands are what CI runs, and its walkthrough runs as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from belarus_corpus.cli import main
from helpers import ARTICLE

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_starts_with_the_two_commands_ci_runs() -> None:
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[1].startswith("MAIN: `") and "belarus-corpus build --check-load" in lines[1]
    assert lines[2].startswith("TESTS: `") and "pytest" in lines[2]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "^MAIN:" in ci and "^TESTS:" in ci


def walkthrough() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Walkthrough.*?```console\n(.*?)```", text, re.S)
    assert block, "README has no walkthrough"
    return [shlex.split(line[2:])[1:] for line in block.group(1).splitlines() if line.startswith("$ ")]


def test_walkthrough_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    for arguments in walkthrough():
        result = runner.invoke(main, arguments)
        assert result.exit_code == 0, f"{arguments}: {result.output}"
    assert (tmp_path / "dist" / "walkthrough" / "checksums.sha256").is_file()


def test_python_example_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    test_walkthrough_runs_as_written(tmp_path, monkeypatch)
    block = re.search(r"## The same from Python.*?```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "README has no Python example"
    exec(compile(block.group(1), "README.md", "exec"), {})
    assert (tmp_path / "dist" / "from-python" / "checksums.sha256").is_file()
