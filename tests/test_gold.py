"""The repository's gold data: complete in all layers, every taxonomy type explained in the guidelines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from belarus_corpus import Corpus
from belarus_corpus.curate.decisions import read_decisions
from belarus_corpus.curate.engine import curate
from belarus_corpus.curate.strategies import parse_strategy
from belarus_corpus.gold import split_gold
from belarus_corpus.stats import corpus_stats
from belarus_corpus.suggest.registry import CORPUS_DETECTORS, DETECTORS

REPO = Path(__file__).resolve().parent.parent
DETECTOR_NAMES = {*DETECTORS, *CORPUS_DETECTORS}
BLIND_ANNOTATORS = {"claude-blind-2"}
PASSES = ("claude-ai-agent", "claude-blind-2")
DECISIONS = REPO / "metadata" / "curation" / "decisions.jsonl"


def test_all_four_layers_have_gold_spans_in_every_document() -> None:
    corpus = Corpus(REPO)
    figures = corpus_stats(corpus)
    assert figures["documents"] >= 5
    for doc_id, row in figures["per_document"].items():
        for layer in corpus.taxonomy.layers:
            assert row["gold_by_layer"].get(layer, 0) > 0, f"{doc_id} has no gold {layer} span"


def test_no_suggestion_is_left_unreviewed() -> None:
    """Every detector proposal was reviewed; the only suggested records are the blind second pass, which is kept
    as its annotator's own records beside the gold (it is measured against the gold, not part of it)."""
    corpus = Corpus(REPO)
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        pending = [*content.spans, *content.relations]
        assert not [r.id for r in pending if r.status == "suggested" and r.annotator not in BLIND_ANNOTATORS], doc_id
        assert all(r.status == "suggested" for r in pending if r.annotator in BLIND_ANNOTATORS), doc_id
    assert not [r.id for r in corpus.cross_document().relations if r.status == "suggested"]


def test_every_gold_hedge_is_linked_to_exactly_one_claim_it_hedges() -> None:
    corpus = Corpus(REPO)
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        gold = split_gold(content.spans, content.relations)
        spans, relations = gold.spans, gold.relations
        scopes = Counter(r.head for r in relations if r.type == "hedge-scope")
        by_id = {s.id: s for s in spans}
        assert all(by_id[r.tail].layer == "claim" for r in relations if r.type == "hedge-scope"), doc_id
        assert [h.text for h in spans if h.layer == "hedge" and scopes[h.id] != 1] == [], doc_id


def test_every_document_is_curated_and_its_gold_is_only_the_curated_records() -> None:
    """One gold per item: the passes' records stay as their annotations, the gold is the curated records."""
    corpus = Corpus(REPO)
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        gold = split_gold(content.spans, content.relations)
        spans, relations = gold.spans, gold.relations
        assert spans and {s.annotator for s in [*spans, *relations]} == {"curated"}, doc_id
        assert {s.annotator for s in content.spans if s.status != "rejected"} == {"curated", *PASSES}, doc_id
        gold_ids = {s.id for s in spans}
        assert all(r.head in gold_ids and r.tail in gold_ids for r in relations), doc_id


def test_the_decisions_settle_every_disputed_and_incomplete_unit() -> None:
    corpus = Corpus(REPO)
    result = curate(corpus, PASSES, parse_strategy("unanimous", 2), read_decisions(DECISIONS))
    assert (len(result.disputed), len(result.incomplete), len(result.open_relations)) == (0, 0, 0)
    assert all(d.reason.count("§") >= 1 for d in read_decisions(DECISIONS)), "every reason cites a section"
    written = {doc_id: sorted(s.id for s in spans) for doc_id, spans in result.gold.items()}
    stored = {doc_id: sorted(s.id for s in corpus.annotations(doc_id).spans if s.annotator == "curated")
              for doc_id in corpus.doc_ids()}
    assert written == stored, "the stored gold is what curating with the committed decisions gives"


def test_guidelines_cover_every_type_with_an_example_from_the_corpus() -> None:
    corpus = Corpus(REPO)
    text = (REPO / "ANNOTATION_GUIDELINES.md").read_text(encoding="utf-8")
    articles = " ".join(" ".join(d.text.split()) for d in corpus.documents())
    assert corpus.taxonomy.guidelines_version in text
    for layer, spec in corpus.taxonomy.layers.items():
        for type_name in spec.types:
            match = re.search(rf"`{re.escape(type_name)}`", text)
            assert match, f"{layer}/{type_name} is not in the guidelines"
            section = text[match.start() : match.start() + 2500]
            pairs = re.findall(r"`([^`]{12,})`|“([^”]{12,})”", section)
            quoted = [" ".join((code or prose).split()) for code, prose in pairs]
            assert any(q in articles for q in quoted), f"{layer}/{type_name} has no example quoted from the corpus"
    for target in corpus.taxonomy.layers["stance"].attributes["target"].enum or ():
        assert target in text, f"stance target {target} is not explained"


def test_honest_annotator_names() -> None:
    corpus = Corpus(REPO)
    annotators = {s.annotator for d in corpus.doc_ids() for s in corpus.annotations(d).spans}
    people = {a for a in annotators if not a.startswith("rule:")}
    assert people <= {"claude-ai-agent", "curated"} | BLIND_ANNOTATORS
    detectors = {a.partition(":")[2].partition("@")[0] for a in annotators - people}
    assert detectors <= DETECTOR_NAMES


def test_accepted_suggestions_name_their_detector() -> None:
    corpus = Corpus(REPO)
    for doc_id in corpus.doc_ids():
        for span in corpus.annotations(doc_id).spans:
            if span.method.startswith("rule:") and span.status == "gold":
                assert span.suggested_by == span.method and span.annotator == span.reviewed_by
            if span.status == "rejected" and span.method.startswith("rule:"):
                assert span.annotator == span.method
    datasheet = (REPO / "DATASHEET.md").read_text(encoding="utf-8").lower()
    assert "language model" in datasheet and "agreement" in datasheet
