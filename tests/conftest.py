"""Shared fixtures: small corpora made for the test, and a copy of the repository's seed corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from helpers import MakeCorpus, corpus_from

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BELARUS_CORPUS_ANNOTATOR", "test-suite")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Corpus:
    """A copy of the repository's corpus (raw/, annotations/, schema/, metadata) to change freely."""
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("raw", "annotations", "schema", "metadata"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    for name in ("DATASET_VERSION", "CHANGELOG.md", "DATASHEET.md"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, root / name)
    return Corpus(root)


@pytest.fixture
def make_corpus(tmp_path: Path) -> MakeCorpus:
    """A corpus ingested from the given {file name: text or bytes}, with the repository's schema."""
    return lambda files: corpus_from(tmp_path / "made", files, tmp_path / "sources")
