"""``evaluate``: the four modes, micro/macro rows, check-worthiness and the command's output and errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from belarus_corpus.cli import main
from belarus_corpus.evaluate.api import evaluate_spans
from belarus_corpus.evaluate.records import ScoredSpan
from belarus_corpus.evaluate.scoring import score

GOLD = [ScoredSpan("d", "claim", 0, 10, "event", {"checkworthiness": "high"}),
        ScoredSpan("d", "hedge", 20, 25, "reportative")]


def test_modes_tell_boundaries_from_types() -> None:
    shifted_wrong_type = [ScoredSpan("d", "claim", 2, 10, "quote")]
    assert score(GOLD, shifted_wrong_type, "strict").matched == 0
    assert score(GOLD, shifted_wrong_type, "exact").matched == 0
    assert score(GOLD, shifted_wrong_type, "partial").matched == 0.5
    assert score(GOLD, shifted_wrong_type, "type").matched == 0
    same_bounds = [ScoredSpan("d", "claim", 0, 10, "quote")]
    assert score(GOLD, same_bounds, "exact").matched == 1
    assert score(GOLD, same_bounds, "strict").matched == 0


def test_matching_is_one_to_one_and_never_crosses_layers() -> None:
    twice = [ScoredSpan("d", "claim", 0, 10, "event"), ScoredSpan("d", "claim", 0, 10, "event"),
             ScoredSpan("d", "artifact", 20, 25, "reportative")]
    result = score(GOLD, twice, "strict")
    assert (result.gold, result.predicted, result.matched) == (2, 3, 1)
    assert result.precision == 1 / 3 and result.recall == 0.5


def test_rows_and_checkworthiness() -> None:
    evaluation = evaluate_spans(GOLD, [ScoredSpan("d", "claim", 0, 10, "event", score=0.9),
                                       ScoredSpan("d", "claim", 30, 40, "event", score=0.2)], min_score=0.5)
    overall = evaluation.rows[-1].scores["strict"]
    assert (evaluation.rows[-1].layer, overall.precision, overall.recall) == ("*", 1.0, 0.5)
    assert evaluation.checkworthiness.f1 == 1.0


def test_command_prints_table_and_json_and_reports_bad_rows(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"doc_id": s.doc_id, "layer": s.layer, "type": s.type, "start": s.start,
                                        "end": s.end, "attributes": dict(s.attributes)}) + "\n" for s in GOLD))
    runner = CliRunner()
    table = runner.invoke(main, ["evaluate", str(gold), "--gold", str(gold)])
    assert table.exit_code == 0 and "100.0" in table.output
    as_json = json.loads(runner.invoke(main, ["evaluate", str(gold), "--gold", str(gold), "--json"]).output)
    assert as_json["rows"][-1]["strict"]["f1"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "d", "layer": "claim", "type": "event", "start": "x", "end": 3}\n')
    failed = runner.invoke(main, ["evaluate", str(bad), "--gold", str(gold)])
    assert failed.exit_code == 1 and "evaluate-bad-field" in failed.output and ":1" in failed.output


def test_gold_of_a_curated_document_is_its_curated_rows(tmp_path: Path) -> None:
    """One gold per item: an annotator's own gold rows do not count beside the curated ones of their document."""
    from belarus_corpus.evaluate.records import read_spans

    rows = [("d", "curated", "gold", 0, 10), ("d", "alice", "gold", 0, 10), ("d", "alice", "gold", 20, 25),
            ("e", "alice", "gold", 0, 4), ("e", "bob", "suggested", 5, 9)]
    gold = tmp_path / "store.jsonl"
    gold.write_text("".join(json.dumps({"doc_id": d, "layer": "claim", "type": "event", "start": a, "end": b,
                                        "annotator": who, "status": status}) + "\n"
                            for d, who, status, a, b in rows))
    assert [(s.doc_id, s.start) for s in read_spans(gold, gold=True)] == [("d", 0), ("e", 0)]
    assert len(read_spans(gold)) == 5  # predictions are read as they are
