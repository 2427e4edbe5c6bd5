"""Documentation generated from the code stays current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    """Generated in a fresh interpreter: click caches help options per command, so a shared process could differ."""
    written = (REPO / "docs" / "CLI.md").read_text(encoding="utf-8")
    generated = subprocess.run([sys.executable, "-m", "belarus_corpus.cli.reference"], capture_output=True,
                               text=True, check=True).stdout
    assert written == generated, "run: python -m belarus_corpus.cli.reference > docs/CLI.md"
