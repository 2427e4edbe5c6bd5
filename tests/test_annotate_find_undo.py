"""``annotate find`` over the corpus, and ``annotate undo`` / ``history`` over the operations log."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.cli import main
from helpers import MakeCorpus

RIVER = "River report\nOfficials said the river rose 2 metres. Reportedly 40 homes flooded.\n"
FIELD = "Field report\nThe harvest was late, reportedly by 3 weeks.\n"


def run(corpus: Corpus, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(corpus.root)], input=input)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    return make_corpus({"river.txt": RIVER, "field.txt": FIELD})


def rows(result: Result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.output.splitlines()[1:]]


def test_find_text_over_the_corpus_with_case_and_context(corpus: Corpus) -> None:
    start = corpus.document("field").text.index("reportedly")
    assert [r[:2] for r in rows(run(corpus, "annotate", "find", "reportedly"))] == [["field", f"{start}:{start + 10}"]]
    found = rows(run(corpus, "annotate", "find", "reportedly", "-i"))
    assert [(r[0], r[3]) for r in found] == [("field", "reportedly"), ("river", "Reportedly")]
    assert found[1][2].endswith("the river rose 2 metres. ") and found[1][4].startswith(" 40 homes")
    assert [r[0] for r in rows(run(corpus, "annotate", "find", "reportedly", "-i", "river"))] == ["river"]


def test_find_regex_and_bad_regex(corpus: Corpus) -> None:
    found = rows(run(corpus, "annotate", "find", r"\d+ (metres|weeks)", "--regex"))
    assert [r[3] for r in found] == ["3 weeks", "2 metres"]
    literal = run(corpus, "annotate", "find", r"\d+ (metres|weeks)")
    assert rows(literal) == []
    bad = run(corpus, "annotate", "find", "(unclosed", "--regex")
    assert bad.exit_code == 2 and "[bad-pattern]" in bad.output


def test_find_inside_or_outside_spans_of_a_layer(corpus: Corpus) -> None:
    hedge = add_span(corpus, "river", layer="hedge", type_="reportative", quote="Reportedly")
    add_span(corpus, "river", layer="claim", type_="quantity", quote="40 homes flooded")
    inside = rows(run(corpus, "annotate", "find", "reportedly", "-i", "--layer", "hedge"))
    assert [(r[0], r[5]) for r in inside] == [("river", f"{hedge.id} hedge/reportative gold")]
    outside = rows(run(corpus, "annotate", "find", "reportedly", "-i", "--layer", "hedge", "--unannotated"))
    assert [r[0] for r in outside] == ["field"]
    assert rows(run(corpus, "annotate", "find", "homes", "--layer", "claim", "--status", "suggested")) == []


def test_undo_takes_back_an_addition_and_leaves_the_store_as_it_was(corpus: Corpus) -> None:
    store = corpus.layout.store("river")
    assert run(corpus, "annotate", "add", "river", "--layer", "hedge", "--type", "reportative", "--quote",
               "Officials said").exit_code == 0
    before = store.read_bytes()
    assert run(corpus, "annotate", "add", "river", "--layer", "hedge", "--type", "reportative", "--quote",
               "Reportedly").exit_code == 0
    undone = run(corpus, "annotate", "undo")
    assert undone.exit_code == 0 and "annotate add river hedge/reportative" in undone.output
    assert store.read_bytes() == before
    assert run(corpus, "annotate", "undo").exit_code == 0
    assert not store.exists()
    nothing = run(corpus, "annotate", "undo")
    assert nothing.exit_code == 2 and "[nothing-to-undo]" in nothing.output


def test_undo_restores_exactly_the_records_an_edit_and_a_cascade_changed(corpus: Corpus) -> None:
    hedge = add_span(corpus, "river", layer="hedge", type_="reportative", quote="Reportedly")
    claim = add_span(corpus, "river", layer="claim", type_="quantity", quote="40 homes flooded")
    assert run(corpus, "annotate", "relate", hedge.id, claim.id, "--type", "hedge-scope").exit_code == 0
    store = corpus.layout.store("river")
    related = store.read_bytes()
    assert run(corpus, "annotate", "update", claim.id, "--attr", "checkworthiness=high").exit_code == 0
    edited = store.read_bytes()
    assert run(corpus, "annotate", "rm", hedge.id, "--yes", "--cascade").exit_code == 0
    assert not corpus.annotations("river").relations
    assert run(corpus, "annotate", "undo").exit_code == 0
    assert store.read_bytes() == edited
    assert run(corpus, "annotate", "undo").exit_code == 0
    assert store.read_bytes() == related
    assert corpus.validate().valid


def test_undo_refuses_when_the_store_changed_since(corpus: Corpus) -> None:
    add_span(corpus, "river", layer="hedge", type_="reportative", quote="Reportedly")
    assert run(corpus, "annotate", "add", "river", "--layer", "claim", "--type", "quantity", "--quote",
               "40 homes flooded").exit_code == 0
    store = corpus.layout.store("river")
    hand_edited = store.read_bytes().replace(b'"status":"gold"', b'"status":"suggested"', 1)
    store.write_bytes(hand_edited)
    refused = run(corpus, "annotate", "undo")
    assert refused.exit_code == 2 and "[undo-store-changed]" in refused.output
    assert "annotations/river.jsonl" in refused.output
    assert store.read_bytes() == hand_edited


def test_history_lists_operations_and_what_is_undone(corpus: Corpus) -> None:
    span = add_span(corpus, "river", layer="hedge", type_="reportative", quote="Reportedly")
    assert run(corpus, "annotate", "update", span.id, "--note", "check the source").exit_code == 0
    assert run(corpus, "annotate", "undo").exit_code == 0
    lines = run(corpus, "annotate", "history").output.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["#1", "#2"]
    assert f"annotate update {span.id} (undone)" in lines[0]
    assert lines[1].split("\t")[2] == f"undo #1: annotate update {span.id}"
    assert corpus.annotate_history()[0].stores[0].path == "annotations/river.jsonl"


def test_the_log_is_not_a_corpus_file(corpus: Corpus) -> None:
    add_span(corpus, "river", layer="hedge", type_="reportative", quote="Reportedly")
    run(corpus, "annotate", "add", "river", "--layer", "claim", "--type", "quantity", "--quote", "40 homes flooded")
    assert (corpus.root / ".belarus-corpus" / "operations.jsonl").is_file()
    assert corpus.validate().valid
