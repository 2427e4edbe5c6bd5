"""The repository's gold data: complete in all layers, every taxonomy type explained in the guidelines."""

from __future__ import annotations

import re
from pathlib import Path

from belarus_corpus import Corpus
from belarus_corpus.stats import corpus_stats
from belarus_corpus.suggest.registry import CORPUS_DETECTORS, DETECTORS

REPO = Path(__file__).resolve().parent.parent
DETECTOR_NAMES = {*DETECTORS, *CORPUS_DETECTORS}
BLIND_ANNOTATORS = {"claude-blind-2"}


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


def test_every_gold_hedge_is_linked_to_the_claim_it_hedges() -> None:
    corpus = Corpus(REPO)
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        scoped = {r.head for r in content.relations if r.type == "hedge-scope" and r.status == "gold"}
        hedges = [s for s in content.spans if s.layer == "hedge" and s.status == "gold"]
        assert [h.text for h in hedges if h.id not in scoped] == [], doc_id


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
    assert people <= {"claude-ai-agent"} | BLIND_ANNOTATORS
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
