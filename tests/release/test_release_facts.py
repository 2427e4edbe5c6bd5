"""The release facts are additive: per-document partials, merged in any grouping, give ``corpus_facts``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from release_helpers import copy_corpus, plant

from belarus_corpus import Corpus
from belarus_corpus.build import facts as facts_module
from belarus_corpus.build import shards
from belarus_corpus.build.facts import (
    corpus_facts,
    document_partial,
    finish_facts,
    merge_partials,
    relations_partial,
)
from belarus_corpus.datasheet import generated_block
from belarus_corpus.stats import corpus_stats


def _partials(corpus: Corpus) -> list[dict[str, Any]]:
    partials = []
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        partials.append(document_partial(corpus.document(doc_id), content.spans, content.relations))
    return partials


def test_merge_is_independent_of_grouping_and_order(annotated: tuple[Corpus, Path]) -> None:
    corpus = annotated[0]
    facts = corpus_facts(corpus)
    assert facts["clusters"] and facts["relations"]["cross_document"]  # the fixture exercises every part
    partials = _partials(corpus)
    cross = relations_partial(corpus.cross_document().relations)
    halves = [merge_partials(partials[::2]), merge_partials(partials[1::2])]
    regrouped = merge_partials([cross, *reversed(halves)])
    assert finish_facts(corpus, regrouped) == facts
    as_stored = [json.loads(json.dumps(part, ensure_ascii=False)) for part in [*halves, cross]]
    assert json.loads(json.dumps(merge_partials(as_stored))) == merge_partials(as_stored)
    assert finish_facts(corpus, merge_partials(as_stored)) == facts


def test_a_pool_of_workers_finds_the_same_facts(annotated: tuple[Corpus, Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = annotated[0]
    alone = corpus_facts(corpus, workers=1)
    monkeypatch.setattr(facts_module, "FACTS_PARALLEL_MIN_DOCS", 0)
    monkeypatch.setattr(facts_module, "FACTS_CHUNK_DOCS", 2)
    assert corpus_facts(corpus, workers=2) == alone


def test_the_build_states_the_facts_of_the_corpus_after_an_incremental_build(
        annotated: tuple[Corpus, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "DOCS_PER_SHARD", 2)
    corpus = copy_corpus(tmp_path / "corpus")
    shutil.rmtree(corpus.root / "annotations")
    shutil.copytree(annotated[0].root / "annotations", corpus.root / "annotations")
    out = corpus.build(tmp_path / "out").out
    plant(corpus, "000_3b0f4b3db40a5bc3", "claim", "quantity", "2020", {"cluster": "another-event", "value": "2020"})
    result = corpus.build(out)
    assert result.reused_shards >= 1
    assert result.facts == corpus_facts(corpus)
    full = corpus.build(tmp_path / "full", incremental=False)
    assert full.facts == result.facts
    assert (out / "README.md").read_bytes() == (full.out / "README.md").read_bytes()
    assert (out / "croissant.json").read_bytes() == (full.out / "croissant.json").read_bytes()


def test_datasheet_figures_that_stats_also_computes_agree(annotated: tuple[Corpus, Path]) -> None:
    corpus = annotated[0]
    facts, figures = corpus_facts(corpus), corpus_stats(corpus)
    assert facts["spans"]["gold_origin"] == figures["gold_origin"]
    assert facts["paragraph_languages"] == figures["paragraph_languages"]
    block = generated_block(corpus)
    assert "Gold spans by origin" in block and "Paragraph languages" in block
