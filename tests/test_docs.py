"""Documentation generated from the code stays current."""

from __future__ import annotations

from pathlib import Path

from belarus_corpus.cli.reference import reference

REPO = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    written = (REPO / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert written == reference(), "run: python -m belarus_corpus.cli.reference > docs/CLI.md"
