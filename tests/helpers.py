"""Test helpers shared by several test modules (importable because tests/ is on sys.path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from belarus_corpus import Corpus

MakeCorpus = Callable[[dict[str, str | bytes]], Corpus]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: compare before/after to prove nothing changed."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


ARTICLE = (
    "Envoy visits Minsk\n"
    "By Jane Roe\n"
    "The envoy met the president on 3 March 2025, officials said. Nearly 40 prisoners were freed.\n"
    "Critics warn the thaw may not last. “We are ready,” the minister said.\n"
    "Follow us on Telegram and X\n"
)
