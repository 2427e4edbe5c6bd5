"""``review``: batch accept/reject with a --dry-run preview, and the interactive loop's keys (help, widen, narrow,
type, attributes, back), driven through CliRunner line by line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.session import moved
from belarus_corpus.cli import main
from belarus_corpus.model import Span
from helpers import MakeCorpus, tree

TEXT = "Dam report\nEngineers reportedly said the old dam may fail within 5 years, according to the report.\n"
DETECTOR = "rule:hedge-lexicon@1"


def run(corpus: Corpus, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(corpus.root)], input=input)


def suggest(corpus: Corpus, quote: str, layer: str = "hedge", type_: str = "reportative",
            detector: str = DETECTOR) -> Span:
    return add_span(corpus, "dam", layer=layer, type_=type_, quote=quote, status="suggested", annotator=detector,
                    method=detector)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    return make_corpus({"dam.txt": TEXT})


def spans(corpus: Corpus) -> dict[str, Span]:
    return {s.id: s for s in corpus.annotations("dam").spans}


def test_dry_run_previews_a_batch_and_changes_nothing(corpus: Corpus) -> None:
    first, second = suggest(corpus, "reportedly"), suggest(corpus, "according to the report")
    other = suggest(corpus, "may", type_="epistemic-modal", detector="rule:hedge-context@1")
    before = tree(corpus.root)
    preview = run(corpus, "review", "accept", "--detector", "hedge-lexicon", "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert tree(corpus.root) == before
    listed = [line.split("\t")[0] for line in preview.stdout.splitlines()[1:]]
    assert listed == [first.id, second.id]
    assert "would accept 2 suggestion(s); nothing was changed" in preview.stderr
    done = run(corpus, "review", "accept", "--detector", "hedge-lexicon")
    assert done.exit_code == 0 and "accepted 2 suggestion(s)" in done.output
    after = spans(corpus)
    assert after[first.id].status == after[second.id].status == "gold" and after[other.id].status == "suggested"


def test_a_batch_is_undone_as_one_operation(corpus: Corpus) -> None:
    suggest(corpus, "reportedly")
    suggest(corpus, "according to the report")
    before = corpus.layout.store("dam").read_bytes()
    assert run(corpus, "review", "reject", "--detector", "hedge-lexicon").exit_code == 0
    assert {s.status for s in spans(corpus).values()} == {"rejected"}
    assert run(corpus, "annotate", "undo").exit_code == 0
    assert corpus.layout.store("dam").read_bytes() == before


def test_word_moves_widen_and_narrow_by_one_word() -> None:
    text = "the old dam may fail"
    start, end = text.index("dam"), text.index("dam") + 3
    assert moved(text, start, end, "start", widen=True) == (text.index("old"), end)
    assert moved(text, start, end, "end", widen=True) == (start, text.index("may") + 3)
    wide = (text.index("old"), text.index("may") + 3)
    assert moved(text, *wide, "start", widen=False) == (start, wide[1])
    assert moved(text, *wide, "end", widen=False) == (wide[0], end)
    assert moved(text, start, end, "end", widen=False) == (start, end), "a span keeps its last word"


def test_interactive_help_widen_narrow_and_accept(corpus: Corpus) -> None:
    span = suggest(corpus, "old dam", layer="claim", type_="event")
    result = run(corpus, "review", "dam", input="?\n<\n.\na\n")
    assert result.exit_code == 0, result.output
    assert "widen at the start by one word" in result.output and "is not a key" not in result.output
    edited = spans(corpus)[span.id]
    assert edited.text == "the old" and edited.status == "gold" and edited.edited
    assert "1 accepted" in result.output


def test_interactive_type_and_attributes(corpus: Corpus) -> None:
    span = suggest(corpus, "may fail", layer="claim", type_="event")
    answers = "t\nprediction\ne\ncheckworthiness=high\na\n"
    result = run(corpus, "review", "dam", input=answers)
    assert result.exit_code == 0, result.output
    edited = spans(corpus)[span.id]
    assert (edited.type, edited.attributes, edited.status) == ("prediction", {"checkworthiness": "high"}, "gold")
    wrong = suggest(corpus, "within 5 years", layer="claim", type_="event")
    result = run(corpus, "review", "dam", input="e\ncheckworthiness=enormous\nq\n")
    assert "[invalid-attribute-value]" in result.output and spans(corpus)[wrong.id].attributes == {}


def test_interactive_back_undoes_the_last_step(corpus: Corpus) -> None:
    first, second = suggest(corpus, "reportedly"), suggest(corpus, "according to the report")
    result = run(corpus, "review", "dam", input="r\nb\na\ns\n")
    assert result.exit_code == 0, result.output
    after = spans(corpus)
    assert after[first.id].status == "gold" and after[second.id].status == "suggested"
    assert "1 accepted, 1 rejected, 0 edited, 1 skipped, 1 undone" in result.output
    unknown = run(corpus, "review", "dam", input="z\nq\n")
    assert "'z' is not a key here; press ? for help" in unknown.output


def test_back_after_the_last_suggestion_and_the_end_of_input(corpus: Corpus) -> None:
    span = suggest(corpus, "reportedly")
    result = run(corpus, "review", "dam", input="a\nb\nr\n")
    assert result.exit_code == 0, result.output
    assert "all 1 suggestion(s) seen" in result.output and spans(corpus)[span.id].status == "rejected"
    assert "1 accepted, 1 rejected, 0 edited, 0 skipped, 1 undone" in result.output
