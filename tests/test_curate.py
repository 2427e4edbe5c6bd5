"""curate: strategies, queues, decisions with reasons, sources on every gold record, bad input writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
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
    assert "1 agreed, 0 decided, 1 incomplete, 1 disputed" in result.output
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
