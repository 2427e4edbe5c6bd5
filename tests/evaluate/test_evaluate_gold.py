"""``evaluate``'s gold side: the shared gold rule by default, or one annotator's records (#17)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from belarus_corpus.cli import main
from belarus_corpus.evaluate.records import read_spans


def _row(annotator: str, status: str, start: int, type_: str = "event") -> dict[str, object]:
    return {"kind": "span", "id": f"s_{annotator}_{start}", "doc_id": "d", "layer": "claim", "type": type_,
            "start": start, "end": start + 5, "annotator": annotator, "status": status}


def _store(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_gold_side_follows_the_gold_rule_or_the_annotator(tmp_path: Path) -> None:
    stores = tmp_path / "annotations"
    _store(stores, "d.jsonl", [_row("alice", "gold", 0), _row("curated", "gold", 10), _row("bob", "suggested", 20),
                               _row("rule:x@1", "rejected", 30)])
    _store(stores, "e.jsonl", [{**_row("alice", "gold", 0), "doc_id": "e"}])  # not curated: its gold stands
    assert [(s.doc_id, s.start) for s in read_spans(stores, gold=True)] == [("d", 10), ("e", 0)]
    assert [(s.doc_id, s.start) for s in read_spans(stores, gold=True, annotator="bob")] == [("d", 20)]
    assert [(s.doc_id, s.start) for s in read_spans(stores, gold=True, annotator="alice")] == [("d", 0), ("e", 0)]

    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text(json.dumps({"doc_id": "d", "layer": "claim", "type": "event", "start": 20, "end": 25}) + "\n")
    runner = CliRunner()
    default = json.loads(runner.invoke(main, ["evaluate", str(predicted), "--gold", str(stores), "--json"]).output)
    assert default["rows"][-1]["strict"]["f1"] == 0.0
    as_bob = runner.invoke(main, ["evaluate", str(predicted), "--gold", str(stores), "--annotator", "bob", "--json"])
    assert as_bob.exit_code == 0 and json.loads(as_bob.output)["rows"][-1]["strict"]["f1"] == 1.0
