"""The annotation CLI: add by quote or offsets, list, show, update, rm, relate, reanchor, review, suggest, agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.cli import main
from belarus_corpus.ingest import IngestOptions
from helpers import ARTICLE, MakeCorpus


def run(corpus: Corpus, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(corpus.root)], input=input)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    return make_corpus({"story.txt": ARTICLE + "Nearly 40 prisoners were freed.\n"})


def test_add_by_quote_and_by_offsets(corpus: Corpus) -> None:
    result = run(corpus, "annotate", "add", "story", "--layer", "hedge", "--type", "reportative", "--quote",
                 "officials said")
    assert result.exit_code == 0, result.output
    text = corpus.document("story").text
    start = text.index("Critics warn")
    result = run(corpus, "annotate", "add", "story", "--layer", "hedge", "--type", "attribution-shield",
                 "--start", str(start), "--end", str(start + len("Critics warn")))
    assert result.exit_code == 0, result.output
    spans = corpus.annotations("story").spans
    assert [s.text for s in spans] == ["officials said", "Critics warn"]
    assert all(s.status == "gold" and s.method == "manual" and s.annotator == "test-suite" for s in spans)
    assert corpus.validate().valid


def test_ambiguous_quote_lists_occurrences_and_occurrence_picks_one(corpus: Corpus) -> None:
    result = run(corpus, "annotate", "add", "story", "--layer", "claim", "--type", "quantity", "--quote",
                 "Nearly 40 prisoners were freed")
    assert result.exit_code == 2 and "[ambiguous-quote]" in result.output and "1)" in result.output
    result = run(corpus, "annotate", "add", "story", "--layer", "claim", "--type", "quantity", "--quote",
                 "Nearly 40 prisoners were freed", "--occurrence", "2")
    assert result.exit_code == 0
    (span,) = corpus.annotations("story").spans
    assert span.start == corpus.document("story").text.rindex("Nearly 40")


def test_missing_quote_shows_closest_passage(corpus: Corpus) -> None:
    result = run(corpus, "annotate", "add", "story", "--layer", "claim", "--type", "event", "--quote",
                 "The envoy met the presidnet")
    assert result.exit_code == 2 and "[quote-not-found]" in result.output
    assert "[The envoy met the president]" in result.output


def test_unknown_attribute_value_lists_allowed(corpus: Corpus) -> None:
    result = run(corpus, "annotate", "add", "story", "--layer", "stance", "--type", "against", "--quote",
                 "Critics warn", "--attr", "target=everything")
    assert result.exit_code == 2 and "sanctions-relief" in result.output
    result = run(corpus, "annotate", "add", "story", "--layer", "stance", "--type", "against", "--quote",
                 "Critics warn")
    assert result.exit_code == 2 and "[missing-attribute]" in result.output


def test_list_show_update_rm(corpus: Corpus) -> None:
    span = add_span(corpus, "story", layer="claim", type_="event", quote="The envoy met the president")
    listed = run(corpus, "annotate", "list", "--layer", "claim", "--format", "jsonl")
    assert json.loads(listed.output.strip())["id"] == span.id
    shown = run(corpus, "annotate", "show", "story")
    assert shown.exit_code == 0 and "[1 The envoy met the president]1 claim/event" in shown.output
    updated = run(corpus, "annotate", "update", span.id, "--type", "date", "--attr", "value=2025-03-03")
    assert updated.exit_code == 0, updated.output
    (edited,) = corpus.annotations("story").spans
    assert edited.id == span.id and edited.type == "date" and edited.attributes == {"value": "2025-03-03"}
    declined = run(corpus, "annotate", "rm", span.id, input="n\n")
    assert declined.exit_code == 0 and "nothing changed" in declined.output  # a choice, not invalid data (#15)
    assert corpus.annotations("story").spans
    assert run(corpus, "annotate", "rm", span.id, "--yes").exit_code == 0
    assert not corpus.annotations("story").spans


def test_relate_checks_layers_and_rm_refuses_span_in_use(corpus: Corpus) -> None:
    claim = add_span(corpus, "story", layer="claim", type_="quantity", quote="40 prisoners were freed",
                     occurrence=1)
    hedge = add_span(corpus, "story", layer="hedge", type_="approximator", quote="Nearly", occurrence=1)
    wrong = run(corpus, "annotate", "relate", claim.id, hedge.id, "--type", "hedge-scope")
    assert wrong.exit_code == 2 and "[relation-wrong-layer]" in wrong.output
    assert run(corpus, "annotate", "relate", hedge.id, claim.id, "--type", "hedge-scope").exit_code == 0
    blocked = run(corpus, "annotate", "rm", hedge.id, "--yes")
    assert blocked.exit_code == 2 and "[span-in-use]" in blocked.output
    assert run(corpus, "annotate", "rm", hedge.id, "--yes", "--cascade").exit_code == 0
    assert not corpus.annotations("story").relations
    assert corpus.validate().valid


def test_cross_document_relation_goes_to_cross_store(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Nearly 40", "Some 52")})
    first = add_span(corpus, "a", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    second = add_span(corpus, "b", layer="claim", type_="quantity", quote="Some 52 prisoners were freed")
    assert run(corpus, "annotate", "relate", first.id, second.id, "--type", "contradicts").exit_code == 0
    assert corpus.cross_document().relations[0].head_doc == "a"
    assert run(corpus, "annotate", "relate", first.id, second.id, "--type", "hedge-scope").exit_code == 2
    assert corpus.validate().valid


def test_reanchor_moves_spans_and_orphans_what_it_cannot_place(corpus: Corpus, tmp_path: Path) -> None:
    kept = add_span(corpus, "story", layer="claim", type_="event", quote="The envoy met the president")
    lost = add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said")
    newer = tmp_path / "v2.txt"
    newer.write_text("Breaking update\n" + ARTICLE.replace("officials said", "aides confirmed"), encoding="utf-8")
    corpus.ingest([newer], IngestOptions(replace="story"))
    assert "stale-anchor" in corpus.validate().codes()
    result = run(corpus, "annotate", "reanchor", "story")
    assert result.exit_code == 0 and "1 re-anchored, 1 orphaned" in result.output
    spans = {s.id: s for s in corpus.annotations("story").spans}
    text = corpus.document("story").text
    assert text[spans[kept.id].start : spans[kept.id].end] == kept.text
    assert spans[lost.id].status == "orphaned" and spans[lost.id].start == lost.start
    report = corpus.validate()
    assert report.valid and "orphaned-span" in report.codes()


def test_suggest_is_idempotent_and_never_touches_reviewed(corpus: Corpus) -> None:
    first = run(corpus, "suggest")
    assert first.exit_code == 0 and "hedge-lexicon:" in first.output
    spans = corpus.annotations("story").spans
    assert spans and all(s.status == "suggested" and s.method.startswith("rule:") for s in spans)
    rejected, accepted = spans[0], spans[1]
    assert run(corpus, "review", "reject", rejected.id).exit_code == 0
    assert run(corpus, "review", "accept", accepted.id).exit_code == 0
    again = run(corpus, "suggest")
    assert again.exit_code == 0 and " 0 new" in again.output and "new" in again.output
    after = {s.id: s for s in corpus.annotations("story").spans}
    assert len(after) == len(spans)
    assert after[rejected.id].status == "rejected" and after[accepted.id].status == "gold"
    assert after[accepted.id].reviewed_by == "test-suite"
    assert corpus.validate().valid


def test_review_by_detector_and_unknown_detector(corpus: Corpus) -> None:
    run(corpus, "suggest", "--detector", "boilerplate")
    result = run(corpus, "review", "accept", "--detector", "boilerplate")
    assert result.exit_code == 0 and "accepted 1 suggestion" in result.output
    (span,) = corpus.annotations("story").spans
    assert span.status == "gold" and span.text == "Follow us on Telegram and X"
    unknown = run(corpus, "suggest", "--detector", "telepathy")
    assert unknown.exit_code == 2 and "[unknown-detector]" in unknown.output and "hedge-lexicon" in unknown.output


def test_interactive_review_loop(corpus: Corpus) -> None:
    run(corpus, "suggest", "--detector", "hedge-lexicon")
    suggested = [s for s in corpus.annotations("story").spans if s.status == "suggested"]
    answers = "a\nr\ns\nq\n"
    result = run(corpus, "review", "story", input=answers)
    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 rejected" in result.output
    statuses = sorted(s.status for s in corpus.annotations("story").spans)
    assert statuses.count("gold") == 1 and statuses.count("rejected") == 1
    assert statuses.count("suggested") == len(suggested) - 2


def test_agreement_between_two_annotators(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said", annotator="alice")
    add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said.", annotator="bob")
    add_span(corpus, "story", layer="hedge", type_="epistemic-modal", quote="may", annotator="alice")
    result = run(corpus, "agreement", "--annotator", "alice", "--annotator", "bob", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["exact"]["hedge/reportative"]["f1"] == 0.0  # exact means exact: no trimming of the full stop
    assert report["partial"]["hedge/reportative"]["f1"] == 1.0
    assert report["exact"]["hedge/epistemic-modal"]["f1"] == 0.0
    assert 0 < report["krippendorff_alpha"]["hedge"] < 1
    assert "no trimming" in report["rules"]["exact"]
    assert run(corpus, "agreement", "--annotator", "alice").exit_code == 2


def test_parallel_suggest_stores_the_same_spans_as_sequential(make_corpus: MakeCorpus,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from belarus_corpus.annotate import detecting, suggesting

    texts = {f"doc{i}.txt": ARTICLE.replace("Nearly 40", f"Nearly {i + 40}") for i in range(6)}
    corpus = make_corpus(texts)
    sequential = suggesting.suggest(corpus, workers=1)
    stored = {d: corpus.layout.store(d).read_bytes() for d in corpus.doc_ids()}
    cross = corpus.layout.cross_document_store.read_bytes()
    for doc_id in corpus.doc_ids():
        corpus.layout.store(doc_id).unlink()
    corpus.layout.cross_document_store.unlink()
    monkeypatch.setattr(detecting, "PARALLEL_MIN_DOCS", 2)
    monkeypatch.setattr(detecting, "CHUNK_DOCS", 2)
    parallel = suggesting.suggest(corpus, workers=2)
    assert parallel.added == sequential.added and parallel.relations_added == sequential.relations_added
    assert {d: corpus.layout.store(d).read_bytes() for d in corpus.doc_ids()} == stored
    assert corpus.layout.cross_document_store.read_bytes() == cross


def test_suggested_relations_are_reviewed_like_spans(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Nearly 40", "Some 52")})
    first = add_span(corpus, "a", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    second = add_span(corpus, "b", layer="claim", type_="quantity", quote="Some 52 prisoners were freed")
    from belarus_corpus.annotate.operations import add_relations
    from belarus_corpus.annotate.records import make_relation

    (relation,) = add_relations(corpus, [make_relation(corpus.taxonomy, "contradicts", first, second,
                                                       method="rule:numeric-conflict@1", status="suggested")])
    result = run(corpus, "review", "reject", relation.id)
    assert result.exit_code == 0 and "rejected 1 suggestion" in result.output
    (stored,) = corpus.cross_document().relations
    assert stored.status == "rejected" and stored.reviewed_by == "test-suite"
    assert corpus.validate().valid


def test_two_stances_on_one_sentence_toward_different_targets(corpus: Corpus) -> None:
    quote = "Critics warn the thaw may not last"
    for target in ("us-belarus-rapprochement", "sanctions-relief"):
        result = run(corpus, "annotate", "add", "story", "--layer", "stance", "--type", "against", "--quote", quote,
                     "--attr", f"target={target}", "--attr", "holder=critics")
        assert result.exit_code == 0, result.output
    again = run(corpus, "annotate", "add", "story", "--layer", "stance", "--type", "against", "--quote", quote,
                "--attr", "target=sanctions-relief", "--attr", "holder=critics")
    assert again.exit_code == 1 and "[duplicate-span]" in again.output
    assert len(corpus.annotations("story").spans) == 2 and corpus.validate().valid
