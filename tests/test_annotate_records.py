"""The annotation CLI on records by id: relations listed, shown, updated and removed; positional DOC; tables on a
terminal and TSV when piped; ``show`` with numbered, labelled marks and escaped article text; ``types``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.cli import main
from belarus_corpus.model import Relation, Span
from helpers import MakeCorpus, tree

TEXT = ("Harbour news\n"
        "The mayor said about 300 boats [sic] left the harbour.\n"
        "Some say the \x1b[2Jharbour is closing.\n")


def run(corpus: Corpus, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(corpus.root)], input=input)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    return make_corpus({"harbour.txt": TEXT, "other.txt": "Other news\nNothing happened here at all.\n"})


def related(corpus: Corpus) -> tuple[Span, Span, Relation]:
    claim = add_span(corpus, "harbour", layer="claim", type_="quantity", quote="300 boats")
    hedge = add_span(corpus, "harbour", layer="hedge", type_="approximator", quote="about")
    result = run(corpus, "annotate", "relate", hedge.id, claim.id, "--type", "hedge-scope")
    assert result.exit_code == 0, result.output
    (relation,) = corpus.annotations("harbour").relations
    return claim, hedge, relation


def test_relations_are_listed_with_their_endpoints_text(corpus: Corpus) -> None:
    claim, hedge, relation = related(corpus)
    listed = run(corpus, "annotate", "list", "harbour", "--kind", "relations")
    assert listed.exit_code == 0, listed.output
    header, row = listed.output.splitlines()
    assert header.split("\t")[:4] == ["id", "type", "head", "tail"]
    assert row.split("\t")[:4] == [relation.id, "hedge-scope", hedge.id, claim.id]
    assert row.endswith("about → 300 boats")
    both = run(corpus, "annotate", "list", "harbour").output.splitlines()
    assert [line.split("\t")[0] for line in both] == ["kind", "span", "span", "kind", "relation"]
    jsonl = run(corpus, "annotate", "list", "--kind", "relations", "--format", "jsonl").output
    assert json.loads(jsonl)["id"] == relation.id


def test_layer_filter_lists_spans_only_and_type_filter_applies_to_relations(corpus: Corpus) -> None:
    _, hedge, relation = related(corpus)
    by_layer = run(corpus, "annotate", "list", "--layer", "hedge").output.splitlines()
    assert [line.split("\t")[1] for line in by_layer[1:]] == [hedge.id]
    by_type = run(corpus, "annotate", "list", "--type", "hedge-scope", "--kind", "relations").output
    assert relation.id in by_type


def test_a_relation_is_updated_by_id_and_keeps_it(corpus: Corpus) -> None:
    _, _, relation = related(corpus)
    result = run(corpus, "annotate", "update", relation.id, "--status", "rejected", "--note", "scope is wider")
    assert result.exit_code == 0, result.output
    (edited,) = corpus.annotations("harbour").relations
    assert (edited.id, edited.status, edited.note) == (relation.id, "rejected", "scope is wider")
    offsets = run(corpus, "annotate", "update", relation.id, "--start", "3")
    assert offsets.exit_code == 2 and "[usage]" in offsets.output
    wrong = run(corpus, "annotate", "update", relation.id, "--type", "contradicts")
    assert wrong.exit_code == 2 and "[relation-wrong-layer]" in wrong.output
    assert corpus.validate().valid


def test_a_relation_is_removed_by_id_and_its_spans_stay(corpus: Corpus) -> None:
    claim, hedge, relation = related(corpus)
    declined = run(corpus, "annotate", "rm", relation.id, input="n\n")
    assert declined.exit_code == 0 and "nothing changed" in declined.output
    assert corpus.annotations("harbour").relations
    result = run(corpus, "annotate", "rm", relation.id, "--yes")
    assert result.exit_code == 0 and f"removed {relation.id} hedge-scope" in result.output
    content = corpus.annotations("harbour")
    assert not content.relations and {s.id for s in content.spans} == {claim.id, hedge.id}
    again = run(corpus, "annotate", "rm", relation.id, "--yes")
    assert again.exit_code == 2 and "[unknown-span]" in again.output and "no relation" in again.output


def test_show_a_relation_by_id_names_head_and_tail_in_context(corpus: Corpus) -> None:
    claim, hedge, relation = related(corpus)
    shown = run(corpus, "annotate", "show", relation.id)
    assert shown.exit_code == 0, shown.output
    assert f"head\t{hedge.id}" in shown.output and f"tail\t{claim.id}" in shown.output
    assert f"head {hedge.id} hedge/approximator" in shown.output
    assert "said [about] 300 boats \\[sic\\]" in shown.output
    span = run(corpus, "annotate", "show", claim.id)
    assert span.exit_code == 0 and "type\tquantity" in span.output and "about [300 boats] \\[sic\\]" in span.output


def test_positional_doc_everywhere_and_unknown_doc_is_a_usage_error(corpus: Corpus) -> None:
    add_span(corpus, "harbour", layer="claim", type_="quantity", quote="300 boats")
    add_span(corpus, "other", layer="claim", type_="event", quote="Nothing happened")
    only = run(corpus, "annotate", "list", "other").output.splitlines()
    assert len(only) == 2 and "\tother\t" in only[1]
    old_style = run(corpus, "annotate", "list", "--doc", "other").output
    assert old_style.splitlines() == only
    unknown = run(corpus, "annotate", "list", "nosuchdoc")
    assert unknown.exit_code == 2 and "[unknown-document]" in unknown.output
    assert run(corpus, "annotate", "show", "nosuchdoc").exit_code == 2


def test_list_is_a_table_when_asked_and_tsv_when_piped(corpus: Corpus) -> None:
    add_span(corpus, "harbour", layer="claim", type_="quantity", quote="300 boats")
    piped = run(corpus, "annotate", "list", "--kind", "spans").output
    assert piped.splitlines()[0] == "id\tdoc\tlayer/type\toffsets\tstatus\tannotator\ttext"
    table = run(corpus, "annotate", "list", "--kind", "spans", "--format", "table").output
    assert "┃ id" in table and "1 span(s)" in table and "\t" not in table


def test_show_marks_spans_with_numbers_labels_and_a_key(corpus: Corpus) -> None:
    claim = add_span(corpus, "harbour", layer="claim", type_="quantity", quote="about 300 boats")
    hedge = add_span(corpus, "harbour", layer="hedge", type_="approximator", quote="about")
    shown = run(corpus, "annotate", "show", "harbour")
    assert shown.exit_code == 0, shown.output
    assert "said [1 [2 about]2 hedge/approximator 300 boats]1 claim/quantity \\[sic\\] left" in shown.output
    key = [line.split("\t") for line in shown.output.splitlines() if line[:2] in ("1\t", "2\t")]
    assert [(row[1], row[2]) for row in key] == [(claim.id, "claim/quantity"), (hedge.id, "hedge/approximator")]
    bare = run(corpus, "annotate", "show", "harbour", "--no-labels").output
    assert "[1 [2 about]2 300 boats]1 \\[sic\\]" in bare


def test_show_never_sends_the_article_s_control_characters(corpus: Corpus) -> None:
    for output_format in ("plain", "rich"):
        shown = run(corpus, "annotate", "show", "harbour", "--format", output_format)
        assert shown.exit_code == 0, shown.output
        assert "\x1b" not in shown.output
        assert "the \\x1b\\[2Jharbour" in shown.output


def test_overlapping_spans_close_in_order(corpus: Corpus) -> None:
    add_span(corpus, "harbour", layer="claim", type_="quantity", quote="300 boats [sic]")
    add_span(corpus, "harbour", layer="hedge", type_="approximator", quote="about 300")
    shown = run(corpus, "annotate", "show", "harbour", "--no-labels").output
    assert "[1 about [2 300]1 boats \\[sic\\]]2" in shown


def test_types_lists_layers_attributes_and_relations(corpus: Corpus) -> None:
    result = run(corpus, "annotate", "types")
    assert result.exit_code == 0
    taxonomy = corpus.taxonomy
    for layer, spec in taxonomy.layers.items():
        assert f"{layer}: " + ", ".join(spec.types) in result.output
    assert "hedge-scope: hedge → " in result.output


def test_help_names_no_file_a_fresh_folder_lacks(corpus: Corpus) -> None:
    from test_cli import all_commands

    for name, _ in all_commands():
        text = CliRunner().invoke(main, [*name.split(), "--help"]).output
        assert "schema/taxonomy.json" not in text.replace("schema/taxonomy.json when the corpus has one", ""), name


def test_commands_leave_no_lock_files(corpus: Corpus) -> None:
    related(corpus)
    run(corpus, "annotate", "undo")
    run(corpus, "suggest")
    assert not [p for p in tree(corpus.root) if p.endswith(".lock")]
