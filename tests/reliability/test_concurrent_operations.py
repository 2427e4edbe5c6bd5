"""Transactions (#15 item 1): 8 processes × 50 mixed operations (add, update of different fields, rm, relate,
review, suggest, fmt) on the same spans of one document. Every command holds the store's lock from its read to its
rename, so the final store equals a serial replay of the commands that reported success, in the order in which they
held the lock; no relation is left pointing at a removed span; a command that could not apply exits non-zero and
says why (a code, no traceback)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_support import CHILD, DOC, parse_problems, records, run

WORKERS, OPERATIONS = 8, 50
ADDS = [(0, 5), (6, 12), (19, 30), (31, 40), (41, 58), (140, 152)]
CLAIM_TYPES = ["event", "policy", "prediction"]
HEDGE_TYPES = ["approximator", "reportative", "speculative"]
WRITES = {"add", "update", "rm", "relate", "review"}
EPOCH = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


def _replay(root: Path, ops: list[dict[str, Any]], tmp: Path, name: str) -> list[dict[str, Any]]:
    ops_file, results = tmp / f"{name}.ops.json", tmp / f"{name}.results.jsonl"
    ops_file.write_text(json.dumps(ops), encoding="utf-8")
    done = subprocess.run([sys.executable, str(CHILD), "mixed-replay", str(root), str(ops_file), str(results)],
                          capture_output=True, text=True, timeout=900, check=False, env=EPOCH)
    assert done.returncode == 0, done.stdout + done.stderr
    return [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]


def _add(start: int, end: int) -> dict[str, Any]:
    return {"kind": "add", "annotator": "mixer", "args": ["annotate", "add", DOC, "--layer", "claim", "--type",
                                                          "event", "--start", str(start), "--end", str(end)]}


def _pool(root: Path, tmp: Path) -> dict[str, str]:
    """Span id → layer: the corpus's spans, its suggestions and the spans the adds will make."""
    scratch = tmp / "scratch"
    shutil.copytree(root, scratch, symlinks=True)
    made = _replay(scratch, [_add(*offsets) for offsets in ADDS], tmp, "scratch")
    assert all(r["exit"] == 0 for r in made), made
    return {str(r["id"]): str(r["layer"]) for r in records(scratch / "annotations" / f"{DOC}.jsonl")
            if r.get("kind", "span") == "span"}


def _operations(worker: int, pool: dict[str, str]) -> list[dict[str, Any]]:
    rng = random.Random(1500 + worker)
    ids, who = sorted(pool), f"w{worker}"
    hedges, claims = [i for i in ids if pool[i] == "hedge"], [i for i in ids if pool[i] == "claim"]
    ops: list[dict[str, Any]] = []
    for index in range(OPERATIONS):
        kind = rng.choices(["add", "update", "rm", "relate", "review", "suggest", "fmt"],
                           weights=[3, 8, 3, 4, 3, 1, 1])[0]
        span = rng.choice(ids)
        op: dict[str, Any] = {"kind": kind, "annotator": who}
        if kind == "add":
            op = _add(*rng.choice(ADDS))
        elif kind == "update":
            field = rng.choice(["note", "type", "status"])
            value = {"note": f"{who}-{index}", "status": rng.choice(["gold", "rejected", "suggested"]),
                     "type": rng.choice(HEDGE_TYPES if pool[span] == "hedge" else CLAIM_TYPES)}[field]
            op["args"] = ["annotate", "update", span, f"--{field}", value]
        elif kind == "rm":
            op["args"] = ["annotate", "rm", span, "--yes", *(["--cascade"] if rng.random() < 0.5 else [])]
        elif kind == "relate":
            op = {"kind": kind, "annotator": "mixer",
                  "args": ["annotate", "relate", rng.choice(hedges), rng.choice(claims), "--type", "hedge-scope"]}
        elif kind == "review":
            op["args"] = ["review", rng.choice(["accept", "reject"]), span]
        elif kind == "suggest":
            op["args"] = ["suggest", DOC, "--detector", "hedge-lexicon"]
        else:
            op["args"] = ["fmt"]
        ops.append(op)
    return ops


def _run_workers(root: Path, tmp: Path, plans: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]],
                                                                                    list[tuple[int, int]]]:
    log = tmp / "locks.log"
    children = []
    for worker, ops in enumerate(plans):
        ops_file = tmp / f"w{worker}.ops.json"
        ops_file.write_text(json.dumps(ops), encoding="utf-8")
        children.append(subprocess.Popen(
            [sys.executable, str(CHILD), "mixed-worker", str(root), str(worker), str(ops_file), str(log),
             str(tmp / f"w{worker}.results.jsonl")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=EPOCH))
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        _, err = child.communicate(timeout=1800)
        assert child.returncode == 0, err[-3000:]
    results = [[json.loads(line) for line in (tmp / f"w{w}.results.jsonl").read_text().splitlines()]
               for w in range(len(plans))]
    order = [(int(w), int(i)) for w, i, _ in (line.split() for line in log.read_text().splitlines())]
    return results, order


@pytest.mark.slow
def test_mixed_operations_in_8_processes_equal_a_serial_replay(corpus_root: Path, tmp_path: Path) -> None:
    suggested = run(["suggest", "--root", corpus_root], env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert suggested.returncode == 0, suggested.describe()
    pool = _pool(corpus_root, tmp_path)
    replay_root = tmp_path / "replay"
    shutil.copytree(corpus_root, replay_root, symlinks=True)
    plans = [_operations(worker, pool) for worker in range(WORKERS)]
    results, order = _run_workers(corpus_root, tmp_path, plans)

    succeeded = {(w, r["index"]) for w in range(WORKERS) for r in results[w] if r["exit"] == 0}
    for w in range(WORKERS):
        for result in results[w]:
            op = plans[w][result["index"]]
            assert "Traceback" not in result["stderr"], result["stderr"]
            if result["exit"] != 0:  # could not apply: says why
                assert result["exit"] in (1, 2), (op, result)
                assert parse_problems(result["stderr"]), (op, result)
    first_seen: dict[tuple[int, int], int] = {}
    for position, key in enumerate(order):
        first_seen.setdefault(key, position)
    unlogged = [plans[w][i]["kind"] for w, i in succeeded - first_seen.keys()]
    assert not WRITES & set(unlogged), f"successful edits that never held the store's lock: {unlogged}"
    serial = [plans[w][i] for w, i in sorted(succeeded & first_seen.keys(), key=first_seen.__getitem__)]
    kinds = {op["kind"] for op in serial}
    assert kinds >= {"add", "update", "rm", "relate", "review"}, kinds
    assert len(succeeded) < WORKERS * OPERATIONS  # some operations conflicted and were refused

    replayed = _replay(replay_root, serial, tmp_path, "replay")
    again = [(op["args"], r["stderr"]) for op, r in zip(serial, replayed, strict=True) if r["exit"] != 0]
    assert not again, f"operations that succeeded concurrently fail in the serial replay: {again[:5]}"
    store = Path("annotations") / f"{DOC}.jsonl"
    assert (corpus_root / store).read_bytes() == (replay_root / store).read_bytes()

    validated = run(["validate", "--root", corpus_root])
    assert validated.returncode == 0, validated.describe()
    span_ids = {r["id"] for r in records(corpus_root / store) if r.get("kind", "span") == "span"}
    for relation in (r for r in records(corpus_root / store) if r.get("kind") == "relation"):
        assert {relation["head"], relation["tail"]} <= span_ids, f"dangling relation {relation}"
