"""Document splits (committed, hash rule for new documents) and gold-only configs with a review config (#17)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.operations import replace_span
from belarus_corpus.build.splits import SPLITS_FILE, SplitPlan, balanced, read_plan
from belarus_corpus.cli import main
from belarus_corpus.gold import CURATED, split_gold
from helpers import ARTICLE, MakeCorpus


def _rows(folder: Path, config: str) -> list[dict[str, object]]:
    return [row for path in sorted((folder / "data" / config).glob("*.parquet"))
            for row in pq.read_table(path).to_pylist()]


def _three(make_corpus: MakeCorpus) -> Corpus:
    return make_corpus({f"{name}.txt": ARTICLE.replace("Minsk", f"Minsk {name}") for name in ("a1", "b2", "c3")})


def test_committed_splits_are_kept_and_new_documents_follow_the_hash_rule(make_corpus: MakeCorpus,
                                                                          tmp_path: Path) -> None:
    corpus = _three(make_corpus)
    first = corpus.splits(write=True, proportions={"train": 0.34, "validation": 0.33, "test": 0.33}, folds=3)
    assert first.written and sorted(first.added) == ["a1", "b2", "c3"]
    assert sorted(split for split, _ in first.plan.documents.values()) == ["test", "train", "validation"]
    assert sorted(fold for _, fold in first.plan.documents.values()) == [0, 1, 2]
    recorded = json.loads((corpus.root / SPLITS_FILE).read_text(encoding="utf-8"))["documents"]

    source = tmp_path / "new.txt"
    source.write_text(ARTICLE.replace("Minsk", "Minsk again"), encoding="utf-8")
    new = corpus.ingest([source])[0].doc_id
    plan = read_plan(corpus)
    assignment = plan.assign(new)
    assert not assignment.recorded and assignment.split in {"train", "validation", "test"}
    assert assignment == SplitPlan(plan.seed, plan.proportions, plan.folds).assign(new)  # the hash rule alone
    second = corpus.splits(write=True)
    assert second.added == [new] and second.plan.documents[new] == (assignment.split, assignment.fold)
    after = json.loads((corpus.root / SPLITS_FILE).read_text(encoding="utf-8"))["documents"]
    assert {k: v for k, v in after.items() if k != new} == recorded  # nothing recorded moved

    out = corpus.build(tmp_path / "out").out
    by_doc = {row["doc_id"]: (row["split"], row["fold"]) for row in _rows(out, "documents")}
    assert by_doc == {d: tuple(v.values()) for d, v in ((d, {"s": a["split"], "f": a["fold"]})
                                                       for d, a in after.items())}
    for config in ("documents", "paragraphs", "tokens"):
        for path in (out / "data" / config).glob("*.parquet"):
            split = path.name.split("-")[0]
            assert {by_doc[str(r["doc_id"])][0] for r in pq.read_table(path).to_pylist()} <= {split}


def test_balanced_assignment_meets_the_proportions_in_whole_documents() -> None:
    ids = [f"d{i}" for i in range(10)]
    assigned = balanced(ids, 3, {"train": 0.8, "validation": 0.1, "test": 0.1}, 5)
    splits = [split for split, _ in assigned.values()]
    assert (splits.count("train"), splits.count("validation"), splits.count("test")) == (8, 1, 1)
    assert sorted(fold for _, fold in assigned.values()) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert balanced(ids, 3, {"train": 0.8, "validation": 0.1, "test": 0.1}, 5) == assigned


def test_without_a_committed_file_every_document_is_in_train(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = _three(make_corpus)
    result = corpus.build(tmp_path / "out")
    assert dict(result.counts["documents"]) == {"train": 3}


def test_a_bad_splits_file_is_a_problem_naming_the_file(make_corpus: MakeCorpus) -> None:
    corpus = _three(make_corpus)
    (corpus.root / SPLITS_FILE).parent.mkdir(parents=True, exist_ok=True)
    (corpus.root / SPLITS_FILE).write_text('{"seed": 1, "folds": 2, "proportions": {"train": 0.5}}', "utf-8")
    ran = CliRunner().invoke(main, ["build", "--root", str(corpus.root)])
    assert ran.exit_code == 1 and "[bad-splits-file]" in ran.output and "metadata/splits.json" in ran.output


def test_splits_command_shows_and_writes(make_corpus: MakeCorpus) -> None:
    corpus = _three(make_corpus)
    shown = CliRunner().invoke(main, ["splits", "--root", str(corpus.root)])
    assert shown.exit_code == 0 and "3 document(s) not recorded yet" in shown.output
    assert not (corpus.root / SPLITS_FILE).exists()
    written = CliRunner().invoke(main, ["splits", "--write", "--proportions", "0.5:0.5", "--root", str(corpus.root)])
    assert written.exit_code == 0 and "written" in written.output
    bad = CliRunner().invoke(main, ["splits", "--proportions", "0.9:0.9", "--root", str(corpus.root)])
    assert bad.exit_code == 2 and "[bad-split]" in bad.output


def test_spans_hold_gold_only_and_review_the_rest(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = _three(make_corpus)
    gold = add_span(corpus, "a1", layer="hedge", type_="approximator", quote="Nearly")
    proposed = add_span(corpus, "a1", layer="hedge", type_="reportative", quote="officials said",
                        status="suggested", annotator="rule:hedge-lexicon@1", method="rule:hedge-lexicon@1")
    out = corpus.build(tmp_path / "out").out
    assert [r["id"] for r in _rows(out, "spans")] == [gold.id]
    assert [r["id"] for r in _rows(out, "review_spans")] == [proposed.id]


def test_a_curated_document_has_only_curated_gold(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = _three(make_corpus)
    alice = add_span(corpus, "a1", layer="hedge", type_="approximator", quote="Nearly", annotator="alice")
    curated = add_span(corpus, "a1", layer="hedge", type_="approximator", quote="Nearly", annotator=CURATED,
                       method="curate:majority")
    # validate wants a curated record to name its sources and curation (#16)
    replace_span(corpus, curated.with_changes(sources=[f"alice:{alice.id}"], curation="majority"))
    other = add_span(corpus, "b2", layer="hedge", type_="approximator", quote="Nearly", annotator="alice")
    content = corpus.annotations("a1")
    assert [s.id for s in split_gold(content.spans, content.relations).spans] == [curated.id]
    out = corpus.build(tmp_path / "out").out
    assert sorted(r["id"] for r in _rows(out, "spans")) == sorted([curated.id, other.id])
    assert [r["id"] for r in _rows(out, "review_spans")] == [alice.id]
    stats = corpus.build(tmp_path / "again").facts
    assert stats is not None and stats["spans"]["gold_by_layer"] == {"hedge": 2}


def test_build_prints_a_warning_summary_and_lists_them_when_verbose(make_corpus: MakeCorpus) -> None:
    corpus = _three(make_corpus)
    add_span(corpus, "a1", layer="hedge", type_="approximator", quote="early")  # inside a token
    quiet = CliRunner().invoke(main, ["build", "--root", str(corpus.root)])
    assert quiet.exit_code == 0 and "1 warning(s): untaggable-span 1 (--verbose lists them)" in quiet.output
    assert "annotations/a1.jsonl" not in quiet.output
    verbose = CliRunner().invoke(main, ["build", "--verbose", "--root", str(corpus.root)])
    assert verbose.exit_code == 0 and "annotations/a1.jsonl: warning [untaggable-span]" in verbose.output
