"""``belarus-corpus serve`` through click: it prints a local address with a token and runs uvicorn on it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from serve_support import PLAIN, make_corpus

from belarus_corpus.cli import main


def test_serve_prints_a_local_address_with_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    corpus = make_corpus(tmp_path / "c", {"plain.txt": PLAIN})
    seen: dict[str, Any] = {}

    def fake_run(self: uvicorn.Server, sockets: list[Any]) -> None:  # stands in for serving until Ctrl-C
        seen["bound"] = sockets[0].getsockname()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--root", str(corpus.root), "--port", "0", "--annotator", "alice"])
    assert result.exit_code == 0, result.output
    found = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{40,})", result.output)
    assert found and int(found[1]) == seen["bound"][1] and seen["bound"][0] == "127.0.0.1"


@pytest.mark.parametrize(("args", "code"), [(["--annotator", "../x"], "bad-annotator-name"),
                                            (["--decisions", "../../outside.jsonl"], "path-escapes-root")])
def test_serve_refuses_bad_options_without_a_traceback(tmp_path: Path, args: list[str], code: str) -> None:
    corpus = make_corpus(tmp_path / "c", {"plain.txt": PLAIN})
    result = CliRunner().invoke(main, ["serve", "--root", str(corpus.root), "--port", "0", *args])
    assert result.exit_code in (1, 2) and f"[{code}]" in result.output and "Traceback" not in result.output
