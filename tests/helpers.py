"""Test helpers shared by several test modules (importable because tests/ is on sys.path)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from belarus_corpus import Corpus

MakeCorpus = Callable[[dict[str, str | bytes]], Corpus]
REPO = Path(__file__).resolve().parent.parent


def corpus_from(root: Path, files: dict[str, str | bytes], sources: Path | None = None) -> Corpus:
    """A corpus at ``root`` with the repository's schema, ingested from {file name: text or bytes} (written to
    ``sources``, by default a sibling folder); called again on the same root, it ingests more files."""
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "schema").exists():
        shutil.copytree(REPO / "schema", root / "schema")
    folder = sources or root.parent / (root.name + "-sources")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(path)
    corpus = Corpus(root)
    corpus.ingest(paths)
    return corpus


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
