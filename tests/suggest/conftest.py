"""Fixtures for the detector tests: document views made from short texts written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from belarus_corpus.structure import paragraphs
from belarus_corpus.suggest.base import DocumentView

SEEDS = Path("/work/shared/seeds")
MakeView = Callable[..., DocumentView]


def make_document(text: str, doc_id: str = "doc") -> DocumentView:
    found = tuple((paragraph.start, paragraph.end, paragraph.role) for paragraph in paragraphs(text))
    return DocumentView(doc_id=doc_id, text=text, paragraphs=found)


@pytest.fixture
def make_view() -> MakeView:
    """A document view of the given text, with the paragraphs ``structure`` finds."""
    return make_document


@pytest.fixture
def seed_views() -> list[DocumentView]:
    """The seed articles, when this machine has them (they live outside the repository)."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("no seed articles in /work/shared/seeds")
    return [make_document(path.read_text(encoding="utf-8"), path.stem) for path in files]
