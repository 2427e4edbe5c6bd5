"""The detector scorecard (#17 item 5): proposals scored against gold, beside the share of gold they began."""

from __future__ import annotations

from pathlib import Path

from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.operations import SpanEdit, update_span
from belarus_corpus.build.features import features_for
from belarus_corpus.build.scorecard import records_of_build, records_of_corpus, scorecard
from helpers import ARTICLE, MakeCorpus

DETECTOR = "rule:hedge-lexicon@1"


def test_a_detector_is_scored_against_gold_with_its_share_of_it(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"alpha.txt": ARTICLE})
    accepted = add_span(corpus, "alpha", layer="hedge", type_="approximator", quote="Nearly", status="suggested",
                        annotator=DETECTOR, method=DETECTOR)
    update_span(corpus, accepted.id, SpanEdit(status="gold"), "alpha")  # accepted: the reviewer's, suggested_by
    add_span(corpus, "alpha", layer="hedge", type_="approximator", quote="may", status="rejected",
             annotator=DETECTOR, method=DETECTOR)
    add_span(corpus, "alpha", layer="hedge", type_="reportative", quote="officials said")  # manual gold
    add_span(corpus, "alpha", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    lines = {(line.layer, line.type): line for line in scorecard(records_of_corpus(corpus))}
    assert set(lines) == {("hedge", "approximator"), ("hedge", "*")}  # only what it proposed, and its layer
    layer = lines["hedge", "*"]
    assert (layer.predicted, layer.gold, layer.gold_from_detector) == (2, 2, 1)
    assert (layer.strict_p, layer.strict_r) == (0.5, 0.5)
    typed = lines["hedge", "approximator"]
    assert (typed.predicted, typed.gold, typed.strict_p, typed.strict_r, typed.gold_from_detector) == (2, 1, 0.5,
                                                                                                    1.0, 1)
    out = corpus.build(tmp_path / "out").out
    features = {c: features_for(c, corpus.taxonomy) for c in ("spans", "review_spans")}
    assert scorecard(records_of_build(out, features)) == scorecard(records_of_corpus(corpus))
    assert "| `rule:hedge-lexicon@1` | hedge | approximator | 2 | 1 |" in (out / "README.md").read_text("utf-8")
