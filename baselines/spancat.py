"""A span-tagging baseline: spaCy spancat from a blank English pipeline, on CPU, one model per layer, trained
and scored with leave-one-document-out cross-validation on the ``sentences`` config as ``datasets`` loads it.

    python -m baselines.spancat --data dist/belarus-corpus

For each layer and each document, a model is trained (seeded) on the sentence rows of every other document and
predicts the held-out document's spans; the predictions of all folds are scored against the gold spans with
``belarus_corpus.evaluate`` (strict, exact, partial and type modes). The results table is written to
``baselines/results/spancat.md`` and ``.json`` (the dataset card shows it). No weights are written anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
COMMAND = "python -m baselines.spancat --data dist/belarus-corpus"


@dataclass(frozen=True)
class Row:
    """One sentence row as the baseline uses it (labels decoded)."""

    doc_id: str
    start: int
    tokens: list[str]
    token_starts: list[int]
    token_ends: list[int]
    spans: list[tuple[str, str, int, int]]  # (layer, type, token_start, token_end)


def load_rows(data: str) -> list[Row]:
    """Every sentence row of every split, from ``datasets.load_dataset(data, "sentences")``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    import datasets

    datasets.disable_progress_bars()
    loaded = datasets.load_dataset(data, "sentences")
    rows = []
    for split in sorted(loaded):
        part = loaded[split]
        item = part.features["spans"].feature
        layers, types = item["layer"], item["type"]
        for row in part:
            rows.append(Row(row["doc_id"], row["start"], row["tokens"], row["token_starts"], row["token_ends"],
                            [(layers.int2str(s["layer"]), types.int2str(s["type"]), s["token_start"], s["token_end"])
                             for s in row["spans"]]))
    return sorted(rows, key=lambda r: (r.doc_id, r.start))


def _doc(nlp: Any, row: Row, layer: str | None) -> Any:
    from spacy.tokens import Doc, Span

    spaces = [row.token_starts[i + 1] > row.token_ends[i] for i in range(len(row.tokens) - 1)] + [False]
    doc = Doc(nlp.vocab, words=row.tokens, spaces=spaces[: len(row.tokens)])
    if layer is not None:
        doc.spans["sc"] = [Span(doc, a, b, label=t) for (lay, t, a, b) in row.spans if lay == layer and b > a]
    return doc


def train(rows: Sequence[Row], layer: str, labels: Sequence[str], iterations: int, seed: int,
          max_size: int) -> Any:
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    spancat = nlp.add_pipe("spancat", config={
        "spans_key": "sc", "threshold": 0.5,
        "suggester": {"@misc": "spacy.ngram_range_suggester.v1", "min_size": 1, "max_size": max_size}})
    for label in labels:
        spancat.add_label(label)
    examples = [Example(_doc(nlp, row, None), _doc(nlp, row, layer)) for row in rows]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(seed)
    for _ in range(iterations):
        order.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer, drop=0.1)
    return nlp


def predict(nlp: Any, rows: Sequence[Row], layer: str) -> list[dict[str, Any]]:
    """Predicted spans as evaluate reads them (document offsets)."""
    found = []
    for row in rows:
        if not row.tokens:
            continue
        doc = nlp(_doc(nlp, row, None))
        for span, score in zip(doc.spans["sc"], doc.spans["sc"].attrs.get("scores", []), strict=False):
            found.append({"doc_id": row.doc_id, "layer": layer, "type": span.label_,
                          "start": row.start + row.token_starts[span.start],
                          "end": row.start + row.token_ends[span.end - 1], "score": float(score)})
    return found


def gold_of(rows: Sequence[Row], layer: str) -> list[dict[str, Any]]:
    return [{"doc_id": r.doc_id, "layer": layer, "type": t, "start": r.start + r.token_starts[a],
             "end": r.start + r.token_ends[b - 1]} for r in rows for (lay, t, a, b) in r.spans if lay == layer]


def run(data: str, layers: Sequence[str] | None, iterations: int, seed: int, max_docs: int | None,
        max_size: int) -> dict[str, Any]:
    from belarus_corpus.evaluate.api import evaluate_spans
    from belarus_corpus.evaluate.records import ScoredSpan

    rows = load_rows(data)
    documents = sorted({r.doc_id for r in rows})[:max_docs]
    rows = [r for r in rows if r.doc_id in documents]
    chosen = list(layers) if layers else sorted({s[0] for r in rows for s in r.spans})
    predicted: list[dict[str, Any]] = []
    gold: list[dict[str, Any]] = []
    began = time.perf_counter()
    for layer in chosen:
        labels = sorted({s[1] for r in rows for s in r.spans if s[0] == layer})
        longest = max((s[3] - s[2] for r in rows for s in r.spans if s[0] == layer), default=1)
        gold += gold_of(rows, layer)
        for held_out in documents:
            training = [r for r in rows if r.doc_id != held_out]
            if not labels or not any(s[0] == layer for r in training for s in r.spans):
                continue
            nlp = train([r for r in training if r.tokens], layer, labels, iterations, seed, min(longest, max_size))
            predicted += predict(nlp, [r for r in rows if r.doc_id == held_out], layer)
    evaluation = evaluate_spans(_scored(ScoredSpan, gold), _scored(ScoredSpan, predicted), chosen)
    return {"documents": len(documents), "layers": chosen, "iterations": iterations, "seed": seed,
            "max_size": max_size, "seconds": round(time.perf_counter() - began, 1), "evaluation": evaluation,
            "dataset_version": _dataset_version(data)}


def _dataset_version(data: str) -> str | None:
    """The version the build's card states (``Dataset version **X**``), if the folder has one."""
    import re

    card = Path(data) / "README.md"
    found = re.search(r"Dataset version \*\*([^*]+)\*\*", card.read_text(encoding="utf-8")) if card.is_file() else None
    return found.group(1) if found else None


def _scored(cls: Any, items: list[dict[str, Any]]) -> list[Any]:
    return sorted(cls(i["doc_id"], i["layer"], i["start"], i["end"], i["type"], {}, i.get("score")) for i in items)


def results_table(result: dict[str, Any]) -> str:
    """Markdown: per layer (and type), strict and partial P/R/F1 over the held-out documents."""
    lines = ["| Layer | Type | Gold | Predicted | Strict P | Strict R | Strict F1 | Partial F1 |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for row in result["evaluation"].rows:
        strict, partial = row.scores["strict"], row.scores["partial"]
        lines.append(f"| {row.layer} | {row.type} | {strict.gold} | {strict.predicted} | {strict.precision:.3f} | "
                     f"{strict.recall:.3f} | {strict.f1:.3f} | {partial.f1:.3f} |")
    return "\n".join(lines)


def write_results(result: dict[str, Any], out: Path, command: str) -> list[Path]:
    from belarus_corpus.evaluate.report import to_json

    out.mkdir(parents=True, exist_ok=True)
    settings = {k: result[k] for k in ("documents", "layers", "iterations", "seed", "max_size")}
    document = {"command": command, "settings": settings, "table_markdown": results_table(result),
                "dataset_version": result["dataset_version"], "seconds": result["seconds"],
                "scores": json.loads(to_json(result["evaluation"]))}
    json_path, md_path = out / "spancat.json", out / "spancat.md"
    json_path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    md_path.write_text(f"# spancat baseline\n\n`{command}`\n\nLeave-one-document-out over {result['documents']} "
                       f"documents; settings {json.dumps(settings, sort_keys=True)}.\n\n"
                       + results_table(result) + "\n", encoding="utf-8")
    return [json_path, md_path]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m baselines.spancat", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="dist/belarus-corpus", help="A built dataset folder.")
    parser.add_argument("--layer", action="append", dest="layers", help="Only this layer (repeatable).")
    parser.add_argument("--iterations", type=int, default=10, help="Training epochs per model.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-docs", type=int, default=None, help="Only the first N documents (smoke tests).")
    parser.add_argument("--max-size", type=int, default=40, help="Longest candidate span in tokens (per layer: "
                        "the longest gold span, up to this).")
    parser.add_argument("--out", type=Path, default=RESULTS, help="Folder for spancat.md and spancat.json.")
    args = parser.parse_args(argv)
    result = run(args.data, args.layers, args.iterations, args.seed, args.max_docs, args.max_size)
    command = "python -m baselines.spancat " + " ".join(sys.argv[1:] if argv is None else argv)
    for path in write_results(result, args.out, command.strip()):
        print(path)
    print(results_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
