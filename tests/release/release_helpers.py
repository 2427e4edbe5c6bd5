"""Helpers of the release tests (a module of its own: ``conftest`` is not importable by name)."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from typing import Any

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.operations import SpanEdit, relate, update_span
from belarus_corpus.errors import UsageError
from belarus_corpus.model import Span

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIRS = ("raw", "annotations", "schema", "metadata")
CORPUS_FILES = ("DATASET_VERSION", "CHANGELOG.md", "DATASHEET.md")
ANNOTATOR = "test-suite"


def copy_corpus(target: Path) -> Corpus:
    """What the ``seed_corpus`` fixture copies, at a path of our choosing (for session-scoped fixtures)."""
    target.mkdir(parents=True)
    for name in CORPUS_DIRS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("*.lock"))
    for name in CORPUS_FILES:
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target / name)
    return Corpus(target)


def plant(corpus: Corpus, doc_id: str, layer: str, type_: str, quote: str,
          attributes: dict[str, Any] | None = None) -> Span:
    """A gold span on ``quote``: the span there is made gold (with the attributes), or a new span added. In a
    curated document the gold is the curated records, so a curated span there is the one changed."""
    spans = sorted(corpus.annotations(doc_id).spans, key=lambda s: s.annotator != "curated")
    for span in spans:
        if span.layer == layer and span.type == type_ and quote in span.text and span.status != "rejected":
            return update_span(corpus, span.id, SpanEdit(status="gold", attributes=attributes or {}), doc_id)
    return add_span(corpus, doc_id, layer=layer, type_=type_, quote=quote, attributes=attributes or {},
                    annotator=ANNOTATOR)


def refresh_datasheet(corpus: Corpus) -> None:
    """Keep a copied DATASHEET.md current after changing annotations (validate checks it)."""
    if (corpus.root / "DATASHEET.md").is_file():
        importlib.import_module("belarus_corpus.datasheet").update_datasheet(corpus)


def annotate_clusters(corpus: Corpus) -> dict[str, Span]:
    """Gold claims telling the same facts in different articles: one cluster agrees, one disagrees."""
    spans = {
        "held-000": plant(corpus, "000_3b0f4b3db40a5bc3", "claim", "quantity", "nearly 1,200 individuals",
                          {"cluster": "political-prisoners-held", "value": "1200"}),
        "held-002": plant(corpus, "002_78f193878130a4b8", "claim", "quantity", "between 1,100 and 1,300",
                          {"cluster": "political-prisoners-held", "value": "1100-1300"}),
        "freed-001": plant(corpus, "001_f75b1ab643833f62", "claim", "quantity", "52 freed political prisoners",
                           {"cluster": "prisoners-freed-september", "value": "52"}),
        "freed-004": plant(corpus, "004_c31f13c431a41b4e", "claim", "quantity", "52 individuals freed",
                           {"cluster": "prisoners-freed-september", "value": "52"}),
        "nearly": plant(corpus, "000_3b0f4b3db40a5bc3", "hedge", "approximator", "nearly"),
    }
    try:
        relate(corpus, spans["nearly"].id, spans["held-000"].id, "hedge-scope", annotator=ANNOTATOR)
    except UsageError as error:
        if error.code != "duplicate-relation":
            raise
    refresh_datasheet(corpus)
    return spans
