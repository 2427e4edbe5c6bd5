"""Agreement for N annotators: exact without trimming, partial overlap, alpha, kappa, seeded intervals."""

from __future__ import annotations

import json
import random

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from belarus_corpus import Corpus
from belarus_corpus.annotate.agreement import agreement
from belarus_corpus.annotate.agreement_stats import alpha, cohen_kappa, coincidences, fleiss_kappa
from belarus_corpus.annotate.api import add_span
from belarus_corpus.cli import main
from helpers import ARTICLE, MakeCorpus


@pytest.fixture
def three(make_corpus: MakeCorpus) -> Corpus:
    corpus = make_corpus({"one.txt": ARTICLE, "two.txt": ARTICLE + "Nearly 40 prisoners were freed.\n"})
    for doc in ("one", "two"):
        for name in ("alice", "bob", "carol"):
            add_span(corpus, doc, layer="hedge", type_="reportative", quote="officials said", annotator=name)
        add_span(corpus, doc, layer="hedge", type_="epistemic-modal", quote="may", annotator="alice")
        add_span(corpus, doc, layer="hedge", type_="epistemic-modal", quote="may", annotator="bob")
    return corpus


def test_three_annotators_pool_every_pair(three: Corpus) -> None:
    report = agreement(three, ["alice", "bob", "carol"], samples=200)
    modal = report.exact["hedge/epistemic-modal"]
    assert (modal.matched, modal.a_total, modal.b_total) == (2, 6, 2)  # pairs alice-bob, alice-carol, bob-carol
    assert report.exact["hedge/reportative"].f1 == 1.0
    assert "no trimming" in report.to_dict()["rules"]["exact"]
    assert report.intervals["hedge"]["exact_f1"] is not None
    assert any("document(s)" in note for note in report.diagnostics)


def test_intervals_are_seeded(three: Corpus) -> None:
    first = agreement(three, ["alice", "bob"], seed=3, samples=200).to_dict()
    assert first == agreement(three, ["alice", "bob"], seed=3, samples=200).to_dict()


def test_cli_rejects_one_annotator_and_reports_json(three: Corpus) -> None:
    root = ["--root", str(three.root)]
    one = CliRunner().invoke(main, ["agreement", "--annotator", "alice", *root])
    assert one.exit_code == 2 and "at least twice" in one.output
    result = CliRunner().invoke(main, ["agreement", "--annotator", "alice", "--annotator", "bob",
                                       "--annotator", "carol", "--samples", "100", "--format", "json", *root])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["annotators"] == ["alice", "bob", "carol"]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=4), st.integers(min_value=0, max_value=2**16))
def test_alpha_equals_the_krippendorff_package(raters: int, seed: int) -> None:
    generator = random.Random(seed)
    rows = [[generator.choice([0, 0, 1, 2]) for _ in range(60)] for _ in range(raters)]
    mine = alpha(coincidences(rows))
    if mine is None:
        return
    expected = krippendorff.alpha(reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal")
    assert mine == pytest.approx(expected)


def test_kappas_on_known_tables() -> None:
    assert cohen_kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")]) == pytest.approx(0.5)
    assert fleiss_kappa([("a", "a", "a"), ("b", "b", "b")]) == pytest.approx(1.0)
    assert cohen_kappa([]) is None


def test_card_sentence_counts_only_independent_passes(three: Corpus) -> None:
    from belarus_corpus.annotate.agreement_summary import agreement_sentence, passes

    assert passes({"alice": 3, "rule:hedge-lexicon@1": 5, "curated": 2, "bob": 1}) == ["alice", "bob"]
    assert agreement_sentence(three, {"alice": 1}) is None
    sentence = agreement_sentence(three, {"alice": 2, "bob": 2, "carol": 1})
    assert sentence is not None and "alice, bob, carol" in sentence and "hedge: exact F1" in sentence


def test_relations_agree_by_their_anchors(make_corpus: MakeCorpus) -> None:
    """Same type and ends at the same place: exact; ends that only overlap: overlap; linked counts only the
    relations whose two ends the other annotator also marked."""
    from belarus_corpus.annotate.operations import relate

    corpus = make_corpus({"story.txt": ARTICLE})
    claim = {"holder": "officials", "checkworthiness": "high"}
    ids: dict[tuple[str, str], str] = {}
    for name, freed in (("alice", "Nearly 40 prisoners were freed"), ("bob", "40 prisoners were freed")):
        ids[name, "said"] = add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said",
                                     annotator=name).id
        ids[name, "met"] = add_span(corpus, "story", layer="claim", type_="event", attributes=claim, annotator=name,
                                    quote="The envoy met the president on 3 March 2025").id
        ids[name, "freed"] = add_span(corpus, "story", layer="claim", type_="quantity", quote=freed, annotator=name,
                                      attributes={**claim, "value": "40"}).id
        ids[name, "nearly"] = add_span(corpus, "story", layer="hedge", type_="approximator", quote="Nearly",
                                       annotator=name).id if name == "alice" else ""
        relate(corpus, ids[name, "said"], ids[name, "met"], "hedge-scope", annotator=name)  # exact match
        relate(corpus, ids[name, "said"], ids[name, "freed"], "hedge-scope", annotator=name)  # overlap only
    relate(corpus, ids["alice", "nearly"], ids["alice", "freed"], "hedge-scope", annotator="alice")  # alice only
    rows = agreement(corpus, ["alice", "bob"], samples=200).relations
    scope = rows["hedge-scope"]
    assert (scope["a"], scope["b"], scope["matched"]) == (3, 2, 1)
    assert scope["exact_f1"] == pytest.approx(2 / 5) and scope["overlap_f1"] == pytest.approx(4 / 5)
    assert scope["linked_f1"] == 1.0  # bob marked neither 'Nearly' nor alice's 'Nearly 40 …' claim
    assert rows["all relations"]["exact_f1"] == scope["exact_f1"]
    text = CliRunner().invoke(main, ["agreement", "--annotator", "alice", "--annotator", "bob", "--samples", "100",
                                     "--root", str(corpus.root)]).output
    assert "relation type" in text and "relations linked:" in text
