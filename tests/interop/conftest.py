"""Fixtures of the interop tests."""

from __future__ import annotations

import pytest
from interop_corpus import ALPHA, BETA_CRLF, Small, build_small

from helpers import MakeCorpus


@pytest.fixture
def small(make_corpus: MakeCorpus) -> Small:
    """Two documents (one ingested from a CRLF file) with spans of every layer, relations, one cross-document."""
    return build_small(make_corpus({"alpha.txt": ALPHA, "beta.txt": BETA_CRLF}))
