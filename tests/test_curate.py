"""curate: strategies, queues, decisions with reasons, sources on every gold record, bad input writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.operations import relate
from belarus_corpus.cli import main
from helpers import ARTICLE, MakeCorpus


def run(corpus: Corpus, *args: str) -> Result:
    return CliRunner().invoke(main, ["curate", *args, "--root", str(corpus.root)])


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    corpus = make_corpus({"story.txt": ARTICLE})
    for name in ("alice", "bob"):
        add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said", annotator=name)
    add_span(corpus, "story", layer="hedge", type_="epistemic-modal", quote="may", annotator="alice")
    add_span(corpus, "story", layer="hedge", type_="attribution-shield", quote="Critics warn", annotator="alice")
    add_span(corpus, "story", layer="hedge", type_="reportative", quote="Critics warn", annotator="bob")
    return corpus


def _gold(corpus: Corpus) -> list:
    return [s for s in corpus.annotations("story").spans if s.annotator == "curated"]


def test_queues_and_sources(corpus: Corpus) -> None:
    result = run(corpus, "--annotator", "alice", "--annotator", "bob", "--write")
    assert result.exit_code == 0, result.output
    assert "1 agreed (0 corrected or dropped by a decision), 1 incomplete (0 decided), 1 disputed (0 decided)" \
        in result.output
    assert "open: 1 incomplete, 1 disputed" in result.output
    (gold,) = _gold(corpus)
    assert gold.text == "officials said" and gold.method == "curate:unanimous" and gold.curation == "unanimous"
    assert sorted(source.partition(":")[0] for source in gold.sources or []) == ["alice", "bob"]
    assert corpus.validate().valid


def test_decisions_settle_disputes_and_survive_new_annotations(corpus: Corpus, tmp_path: Path) -> None:
    listed = run(corpus, "--annotator", "alice", "--annotator", "bob")
    dispute = next(line.split()[1] for line in listed.output.splitlines() if line.strip().startswith("disputed"))
    chosen = next(s for s in corpus.annotations("story").spans if s.annotator == "bob" and s.text == "Critics warn")
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(json.dumps({"dispute": dispute, "choose": chosen.id, "reason": "a reporting verb",
                                     "by": "carol"}) + "\n", encoding="utf-8")
    add_span(corpus, "story", layer="hedge", type_="attribution-shield", quote="Critics", annotator="bob")
    result = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", str(decisions), "--write")
    assert result.exit_code == 0, result.output
    assert "1 decided" in result.output
    decided = next(s for s in _gold(corpus) if s.text == "Critics warn")
    assert decided.curation == "decision by carol: a reporting verb" and decided.type == "reportative"
    again = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", str(decisions), "--write")
    assert again.exit_code == 0 and len(_gold(corpus)) == 2  # re-curating replaces, never piles up


def test_bad_input_writes_nothing(corpus: Corpus, tmp_path: Path) -> None:
    before = corpus.layout.store("story").read_bytes()
    one = run(corpus, "--annotator", "alice", "--write")
    assert one.exit_code == 2 and "curate-one-annotator" in one.output
    unknown = run(corpus, "--annotator", "alice", "--annotator", "bob", "--strategy", "most", "--write")
    assert unknown.exit_code == 2 and "unknown-strategy" in unknown.output
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(json.dumps({"dispute": "d_0", "choose": "s_0000000000000000", "reason": "x"}) + "\n"
                         + json.dumps({"dispute": "d_1", "choose": None}) + "\n", encoding="utf-8")
    bad = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", str(decisions), "--write")
    assert bad.exit_code == 1 and "decisions.jsonl:2" in bad.output and "bad-decision" in bad.output
    decisions.write_text(json.dumps({"dispute": "d_0", "choose": "s_0000000000000000", "reason": "x"}) + "\n",
                         encoding="utf-8")
    unknown_record = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", str(decisions),
                         "--write")
    assert unknown_record.exit_code == 1 and "unknown-curation-record" in unknown_record.output
    assert "decisions.jsonl:1" in unknown_record.output
    assert corpus.layout.store("story").read_bytes() == before


def test_majority_of_three(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    for name in ("alice", "bob"):
        add_span(corpus, "story", layer="hedge", type_="reportative", quote="officials said", annotator=name)
    add_span(corpus, "story", layer="hedge", type_="epistemic-modal", quote="may", annotator="carol")
    result = run(corpus, *[x for n in ("alice", "bob", "carol") for x in ("--annotator", n)], "--strategy",
                 "majority", "--write")
    assert result.exit_code == 0 and "1 agreed" in result.output
    assert [s.text for s in _gold(corpus)] == ["officials said"]


def _decide(path: Path, *decisions: dict[str, object]) -> str:
    path.write_text("".join(json.dumps({"by": "carol", **d}) + "\n" for d in decisions), encoding="utf-8")
    return str(path)


def _unit(corpus: Corpus, text: str, queue: str) -> str:
    listed = run(corpus, "--annotator", "alice", "--annotator", "bob")
    from belarus_corpus.curate.engine import curate
    from belarus_corpus.curate.strategies import parse_strategy

    result = curate(corpus, ("alice", "bob"), parse_strategy("unanimous", 2), [])
    assert listed.exit_code == 0
    return next(u.id for u in getattr(result, queue) if any(s.text == text for s in u.spans))


def test_incomplete_kept_or_dropped_agreed_corrected_and_a_span_added(corpus: Corpus, tmp_path: Path) -> None:
    """Every queue can be settled: keep or drop one annotator's span, correct an agreed one, add a missing one."""
    spans = corpus.annotations("story").spans
    may = next(s for s in spans if s.text == "may")
    agreed = next(s for s in spans if s.text == "officials said" and s.annotator == "alice")
    bob_critics = next(s for s in spans if s.text == "Critics warn" and s.annotator == "bob")
    alice_critics = next(s for s in spans if s.text == "Critics warn" and s.annotator == "alice")
    start = ARTICLE.index("Nearly")
    decisions = _decide(
        tmp_path / "d.jsonl",
        {"dispute": _unit(corpus, "may", "incomplete"), "choose": may.id, "reason": "a modal: keep"},
        {"dispute": _unit(corpus, "officials said", "agreed"), "choose": agreed.id, "reason": "retyped",
         "edit": {"type": "attribution-shield", "note": "the source and its verb"}},
        {"dispute": _unit(corpus, "Critics warn", "disputed"), "choose": bob_critics.id, "reason": "both variants"},
        {"dispute": _unit(corpus, "Critics warn", "disputed"), "choose": alice_critics.id, "reason": "both variants"},
        {"add": {"doc_id": "story", "layer": "hedge", "type": "approximator", "start": start, "end": start + 6},
         "reason": "nobody marked 'Nearly'"})
    result = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", decisions, "--write")
    assert result.exit_code == 0, result.output
    assert "open: 0 incomplete, 0 disputed" in result.output and "1 added" in result.output
    gold = {(s.text, s.type): s for s in _gold(corpus)}
    assert set(gold) == {("may", "epistemic-modal"), ("officials said", "attribution-shield"),
                         ("Critics warn", "reportative"), ("Critics warn", "attribution-shield"),
                         ("Nearly", "approximator")}
    corrected = gold[("officials said", "attribution-shield")]
    assert corrected.edited and corrected.note == "the source and its verb" and len(corrected.sources or []) == 2
    assert corrected.curation == "decision by carol: retyped"
    added = gold[("Nearly", "approximator")]
    assert added.sources == [] and added.curation == "added by carol: nobody marked 'Nearly'"
    assert corpus.validate().valid
    dropped = _decide(tmp_path / "drop.jsonl", {"dispute": _unit(corpus, "may", "incomplete"), "choose": None,
                                                 "reason": "not a hedge here"})
    again = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", dropped, "--write")
    assert again.exit_code == 0 and "may" not in {s.text for s in _gold(corpus)}


def test_a_bad_edit_or_addition_names_the_decisions_line_and_writes_nothing(corpus: Corpus, tmp_path: Path) -> None:
    before = corpus.layout.store("story").read_bytes()
    may = next(s for s in corpus.annotations("story").spans if s.text == "may")
    bad_type = _decide(tmp_path / "t.jsonl", {"dispute": "d_x", "choose": may.id, "reason": "x",
                                              "edit": {"type": "no-such-hedge"}})
    result = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", bad_type, "--write")
    assert result.exit_code == 1 and "t.jsonl:1" in result.output
    outside = _decide(tmp_path / "o.jsonl", {"reason": "x", "add": {"doc_id": "story", "layer": "hedge",
                                                                    "type": "approximator", "start": 5, "end": 10**6}})
    result = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", outside, "--write")
    assert result.exit_code == 1 and "o.jsonl:1" in result.output and "offset-out-of-range" in result.output
    assert corpus.layout.store("story").read_bytes() == before


def test_relations_follow_their_spans(corpus: Corpus, tmp_path: Path) -> None:
    """A relation both annotators drew is gold between the gold spans; one annotator's needs a decision; a
    relation whose end is not gold is left out; gold relations list their sources."""
    for name in ("alice", "bob"):
        add_span(corpus, "story", layer="claim", type_="event", quote="The envoy met the president on 3 March 2025",
                 attributes={"holder": "officials", "checkworthiness": "high"}, annotator=name)
    spans = corpus.annotations("story").spans

    def find(text: str, who: str) -> str:
        return next(s.id for s in spans if s.text == text and s.annotator == who)

    for name in ("alice", "bob"):
        relate(corpus, find("officials said", name), find("The envoy met the president on 3 March 2025", name),
               "hedge-scope", annotator=name)
    alice_only = relate(corpus, find("may", "alice"), find("The envoy met the president on 3 March 2025", "alice"),
                        "hedge-scope", annotator="alice")
    first = run(corpus, "--annotator", "alice", "--annotator", "bob", "--write")
    assert "relations: 1 agreed, 0 decided" in first.output
    assert "1 left out with an end that is not gold" in first.output
    (gold,) = [r for r in corpus.annotations("story").relations if r.annotator == "curated"]
    gold_spans = {s.id: s for s in _gold(corpus)}
    assert gold_spans[gold.head].text == "officials said" and gold.curation == "unanimous"
    assert sorted(x.partition(":")[0] for x in gold.sources or []) == ["alice", "bob"]
    keep = _decide(tmp_path / "k.jsonl",
                   {"dispute": _unit(corpus, "may", "incomplete"), "choose": find("may", "alice"), "reason": "keep"},
                   {"dispute": "q_x", "choose": alice_only.id, "reason": "the modal hedges the meeting"})
    second = run(corpus, "--annotator", "alice", "--annotator", "bob", "--decisions", keep, "--write")
    assert second.exit_code == 0, second.output
    assert "relations: 1 agreed, 1 decided" in second.output
    assert len([r for r in corpus.annotations("story").relations if r.annotator == "curated"]) == 2
    assert corpus.validate().valid


def test_interactive_settles_disputed_and_incomplete_units_with_reasons(corpus: Corpus, tmp_path: Path) -> None:
    decisions = tmp_path / "asked.jsonl"
    # one dispute (Critics warn: choose variant 1) then one incomplete unit (may: drop it)
    answers = "1\nthe first variant is right\n0\nnot a hedge here\n"
    result = CliRunner().invoke(main, ["curate", "--annotator", "alice", "--annotator", "bob", "--decisions",
                                       str(decisions), "--interactive", "--write", "--root", str(corpus.root)],
                                input=answers)
    assert result.exit_code == 0, result.output
    assert "open: 0 incomplete, 0 disputed" in result.output
    written = [json.loads(line) for line in decisions.read_text(encoding="utf-8").splitlines()]
    assert [(d["choose"] is None, d["reason"]) for d in written] == [(False, "the first variant is right"),
                                                                     (True, "not a hedge here")]
    assert "may" not in {s.text for s in _gold(corpus)}


def test_validate_checks_the_sources_of_curated_relations(corpus: Corpus) -> None:
    """A curated relation's sources must be relations of the named annotators in the same store."""
    from belarus_corpus.store import StoreContent

    for name in ("alice", "bob"):
        add_span(corpus, "story", layer="claim", type_="event", quote="The envoy met the president on 3 March 2025",
                 attributes={"holder": "officials", "checkworthiness": "high"}, annotator=name)
    spans = corpus.annotations("story").spans
    for name in ("alice", "bob"):
        head = next(s.id for s in spans if s.text == "officials said" and s.annotator == name)
        tail = next(s.id for s in spans if s.layer == "claim" and s.annotator == name)
        relate(corpus, head, tail, "hedge-scope", annotator=name)
    assert run(corpus, "--annotator", "alice", "--annotator", "bob", "--write").exit_code == 0
    assert corpus.validate().valid

    def forged(content: StoreContent) -> StoreContent:
        relations = [r.with_changes(sources=["alice:r_0000000000000000"]) if r.annotator == "curated" else r
                     for r in content.relations]
        return StoreContent(content.spans, relations)

    from belarus_corpus.annotate.operations import change_store

    change_store(corpus, "story", forged)
    codes = [p.code for p in corpus.validate().problems]
    assert codes == ["unknown-curation-source"]
