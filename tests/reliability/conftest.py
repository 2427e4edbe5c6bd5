"""Fixtures of the bad-input and failure suite: a small annotated corpus copied per test, and tree snapshots.

The snapshot helpers live in ``reliability_support`` (importable, like ``tests/helpers.py``); the fixtures here
hand them to the tests: ``frozen(root)`` records every byte under ``root``, ``frozen.check()`` proves that nothing
was changed, added or lost since (a new, empty lock file excepted: a command takes the lock before it can know
that it will refuse).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reliability_support import ARTICLE, DOC, Frozen

from belarus_corpus import Corpus

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes more than about 20 seconds")


@pytest.fixture(scope="session")
def template_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One document ``doc`` (the test article) with a hedge span, a claim span and a hedge-scope relation."""
    from belarus_corpus.annotate.api import add_span
    from belarus_corpus.annotate.operations import relate

    base = tmp_path_factory.mktemp("template")
    root = base / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    source = base / f"{DOC}.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BELARUS_CORPUS_ANNOTATOR", "test-suite")
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        corpus = Corpus(root)
        corpus.ingest([source])
        hedge = add_span(corpus, DOC, layer="hedge", type_="approximator", quote="Nearly")
        claim = add_span(corpus, DOC, layer="claim", type_="quantity", quote="Nearly 40 prisoners")
        relate(corpus, hedge.id, claim.id, "hedge-scope")
    return root


@pytest.fixture
def corpus_root(template_root: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template corpus for one test."""
    root = tmp_path / "corpus"
    shutil.copytree(template_root, root, symlinks=True)
    return root


@pytest.fixture
def store(corpus_root: Path) -> Path:
    return corpus_root / "annotations" / f"{DOC}.jsonl"


@pytest.fixture
def frozen() -> Frozen:
    return Frozen()
