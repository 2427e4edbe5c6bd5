"""Independent annotators (#16): identity per annotator, detectors as annotators, migration, name checks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from belarus_corpus import Corpus
from belarus_corpus.cli import main
from helpers import ARTICLE, MakeCorpus


def run(corpus: Corpus, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(corpus.root)])


def _add(corpus: Corpus, annotator: str) -> Result:
    return run(corpus, "annotate", "add", "story", "--layer", "hedge", "--type", "reportative", "--quote",
               "officials said", "--annotator", annotator)


def test_two_annotators_may_mark_the_same_span_but_one_may_not_twice(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    assert _add(corpus, "alice").exit_code == 0
    assert _add(corpus, "bob").exit_code == 0
    again = _add(corpus, "bob")
    assert again.exit_code == 1 and "duplicate-span" in again.output
    spans = corpus.annotations("story").spans
    assert sorted(s.annotator for s in spans) == ["alice", "bob"] and len({s.id for s in spans}) == 2
    assert corpus.validate().valid


def test_annotator_names_with_path_characters_are_refused(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    for name in ("../alice", "a/b", "a b", "a\\b", "x..y"):
        result = _add(corpus, name)
        assert result.exit_code == 2 and "bad-annotator-name" in result.output, name
    assert corpus.annotations("story").spans == []


def test_suggestions_are_made_by_their_detector_and_accepting_makes_the_reviewer_annotator(
        make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    assert run(corpus, "suggest").exit_code == 0
    suggested = corpus.annotations("story").spans
    assert suggested and all(s.annotator == s.method and s.method.startswith("rule:") for s in suggested)
    first = suggested[0]
    assert run(corpus, "review", "accept", first.id, "--annotator", "carol").exit_code == 0
    accepted = next(s for s in corpus.annotations("story").spans if s.id == first.id)
    assert (accepted.annotator, accepted.reviewed_by, accepted.suggested_by) == ("carol", "carol", first.method)
    assert corpus.validate().valid


def test_migration_keeps_ids_methods_and_reviewers(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    assert run(corpus, "suggest").exit_code == 0
    store = corpus.layout.store("story")
    records = [json.loads(line) for line in store.read_text(encoding="utf-8").splitlines()]
    records[0].update(annotator="belarus-corpus-rules", status="gold", reviewed_by="dana")
    for record in records[1:]:
        record.update(annotator="belarus-corpus-rules", status="rejected", reviewed_by="dana")
    store.write_text("".join(json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
                             for r in records), encoding="utf-8")
    report = corpus.validate()
    assert "legacy-annotator" in {p.code for p in report.problems}
    result = run(corpus, "annotate", "migrate")
    assert result.exit_code == 0, result.output
    migrated = {s.id: s for s in corpus.annotations("story").spans}
    assert set(migrated) == {r["id"] for r in records}
    gold = migrated[records[0]["id"]]
    assert (gold.annotator, gold.suggested_by, gold.method) == ("dana", records[0]["method"], records[0]["method"])
    assert all(migrated[r["id"]].annotator == r["method"] for r in records[1:])
    assert corpus.validate().valid
    before = store.read_bytes()
    assert run(corpus, "annotate", "migrate").exit_code == 0 and store.read_bytes() == before


def test_a_quote_pass_is_imported_whole_or_not_at_all(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    folder = tmp_path / "pass"
    folder.mkdir()
    lines = [{"kind": "span", "local_id": "a1", "layer": "hedge", "type": "reportative", "quote": "officials said",
              "occurrence": 1, "context_before": "", "attributes": {}},
             {"kind": "span", "local_id": "a2", "layer": "hedge", "type": "reportative", "quote": "not in the text",
              "occurrence": 1, "context_before": "", "attributes": {}}]
    store = folder / "story.jsonl"
    store.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    bad = run(corpus, "annotate", "import-quotes", str(folder), "--annotator", "blind-b")
    assert bad.exit_code == 1 and "quote-not-found" in bad.output and "story.jsonl:2" in bad.output
    assert corpus.annotations("story").spans == []
    store.write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
    good = run(corpus, "annotate", "import-quotes", str(folder), "--annotator", "blind-b", "--status", "suggested")
    assert good.exit_code == 0, good.output
    (span,) = corpus.annotations("story").spans
    assert (span.annotator, span.status, span.text) == ("blind-b", "suggested", "officials said")


def test_blind_view_hides_the_others_and_the_suggestions(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE})
    assert run(corpus, "suggest").exit_code == 0
    assert _add(corpus, "alice").exit_code == 0
    assert run(corpus, "annotate", "add", "story", "--layer", "hedge", "--type", "attribution-shield", "--quote",
               "Critics warn", "--annotator", "bob").exit_code == 0
    from belarus_corpus.annotate.blind import BlindView

    records = corpus.annotations("story").spans
    blind = BlindView("alice")
    assert {s.annotator for s in records if blind.shows(s)} == {"alice"}
    assert {s.annotator for s in records if BlindView("alice", others=True).shows(s)} == {"alice", "bob"}
    assert any(BlindView("alice", suggestions=True).shows(s) for s in records if s.annotator.startswith("rule:"))
    shown = run(corpus, "annotate", "show", "story", "--annotator", "alice")
    assert shown.exit_code == 0 and "hedge (1)" in shown.output


def test_progress_per_annotator_and_document(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"story.txt": ARTICLE, "other.txt": ARTICLE + "More.\n"})
    assert _add(corpus, "alice").exit_code == 0
    shown = run(corpus, "annotate", "progress", "--annotator", "alice")
    assert "story\tin progress" in shown.output and "other\tnot started" in shown.output
    done = run(corpus, "annotate", "progress", "--annotator", "alice", "--doc", "story", "--state", "done")
    assert done.exit_code == 0 and "story\tdone" in done.output
    assert "story\tnot started" in run(corpus, "annotate", "progress", "--annotator", "bob").output
    assert run(corpus, "annotate", "progress", "--annotator", "../x").exit_code == 2


def test_review_never_accepts_another_annotators_manual_records(make_corpus: MakeCorpus) -> None:
    """A blind pass kept as `suggested` is that annotator's work, not a detector's proposal: accepting it by id,
    by detector or interactively leaves it as it is; the annotator's own suggested records and detector
    suggestions are still reviewed."""
    corpus = make_corpus({"story.txt": ARTICLE})
    for who in ("bob", "carol"):
        assert run(corpus, "annotate", "add", "story", "--layer", "hedge", "--type", "reportative", "--quote",
                   "officials said", "--status", "suggested", "--annotator", who).exit_code == 0
    assert run(corpus, "suggest").exit_code == 0
    spans = corpus.annotations("story").spans
    bob = next(s for s in spans if s.annotator == "bob")
    own = next(s for s in spans if s.annotator == "carol")
    detector = next(s for s in spans if s.annotator.startswith("rule:"))
    result = run(corpus, "review", "accept", bob.id, own.id, detector.id, "--annotator", "carol")
    assert result.exit_code == 0 and "accepted 2 suggestion(s)" in result.output
    assert f"{bob.id} is another annotator's manual annotation" in result.output
    status = {s.id: (s.status, s.annotator) for s in corpus.annotations("story").spans}
    assert status[bob.id] == ("suggested", "bob") and status[own.id] == ("gold", "carol")
    assert status[detector.id] == ("gold", "carol")
    rejected = run(corpus, "review", "reject", bob.id, "--annotator", "carol")
    assert "accepted" not in rejected.output and "rejected 0 suggestion(s)" in rejected.output
    listed = CliRunner().invoke(main, ["review", "interactive", "--annotator", "carol", "--root", str(corpus.root)],
                                input="q\n")
    assert listed.exit_code == 0 and "[1/" in listed.output and bob.id not in listed.output
    assert next(s for s in corpus.annotations("story").spans if s.id == bob.id).status == "suggested"
