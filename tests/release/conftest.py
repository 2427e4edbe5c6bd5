"""Fixtures of the release tests: one annotated build of the seed corpus shared by the read-only tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from release_helpers import annotate_clusters, copy_corpus

from belarus_corpus import Corpus


@pytest.fixture(scope="session")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """The seed corpus with gold clustered claims, built once into ``<tmp>/dist/belarus-corpus``."""
    base = tmp_path_factory.mktemp("annotated")
    corpus = copy_corpus(base / "corpus")
    annotate_clusters(corpus)
    out = base / "dist" / "belarus-corpus"
    corpus.build(out)
    return corpus, out


@pytest.fixture
def build_copy(annotated: tuple[Corpus, Path], tmp_path: Path) -> Path:
    """A private copy of the shared build, to damage."""
    target = tmp_path / "build"
    shutil.copytree(annotated[1], target)
    return target
