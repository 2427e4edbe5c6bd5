"""The suggest runner with #19's additions: confidence in every stored suggestion, --min-score, conflicts looked
for over the whole corpus when some documents are named, duplicate-of links from a document detector."""

from __future__ import annotations

from collections.abc import Callable

from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.annotate import suggesting
from belarus_corpus.cli import main

MakeCorpus = Callable[[dict[str, str | bytes]], Corpus]

FIRST = "By Ann Lee | May 8, 2026\n\nThe regime freed 18 political prisoners on Friday, officials said.\n"
SECOND = "By Bo Park | May 9, 2026\n\nThe regime freed 16 political prisoners on Friday, the ministry said.\n"
REPEATED = "The bus crossed the border at dawn with all of them on board.\n\nNothing else happened.\n\n"


def test_conflict_with_a_document_outside_the_run_is_found(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": FIRST, "b.txt": SECOND})
    suggesting.suggest(corpus, ["b"], ["numeric-conflict", "quantity-claim"], workers=1)
    (artifact,) = [s for s in corpus.annotations("b").spans if s.layer == "artifact"]
    assert artifact.text == "16 political prisoners" and artifact.method == "rule:numeric-conflict@2"
    assert artifact.note is not None and artifact.note.startswith("confidence 0.60")
    assert not [s for s in corpus.annotations("a").spans if s.layer == "artifact"]
    assert corpus.validate().valid


def test_min_score_keeps_only_confident_suggestions(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": FIRST})
    result = CliRunner().invoke(main, ["suggest", "--root", str(corpus.root), "--min-score", "0.8", "--workers", "1"])
    assert result.exit_code == 0, result.output
    spans = corpus.annotations("a").spans
    assert spans and all(float(s.note.split()[1].rstrip(";")) >= 0.8 for s in spans if s.note)
    assert all(s.note and s.note.startswith("confidence ") for s in spans)


def test_both_copies_of_a_repeat_are_stored_and_linked(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"c.txt": "Title of the piece\n\n" + REPEATED + REPEATED.split("\n\n")[0] + "\n"})
    suggesting.suggest(corpus, None, ["duplicates"], workers=1)
    content = corpus.annotations("c")
    copies = [s for s in content.spans if s.type == "duplicated-text"]
    assert len(copies) == 2 and len({s.text for s in copies}) == 1
    (relation,) = content.relations
    assert relation.type == "duplicate-of" and relation.status == "suggested"
    assert corpus.validate().valid
