"""The card's sections for machine-learning users: tasks, configs and splits, the sentence and token views, the
detector scorecard and the baseline results (read from ``baselines/results/spancat.json`` when it exists)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .card_metadata import loadable_splits, split_size
from .features import CONFIGS, LABELS_SPLIT
from .sentences import SEGMENTER
from .tokens import TOKENIZER

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import CorpusFacts
    from .result import BuildResult

BASELINE_RESULTS = "baselines/results/spancat.json"


def tasks_section(facts: CorpusFacts) -> str:
    lines = []
    for name, layer in facts["layers"].items():
        gold = facts["spans"]["gold_by_layer"].get(name, 0)
        lines.append(f"- **{name}** ({gold} gold spans): {layer['description']} Types: "
                     + ", ".join(f"`{t}`" for t in layer["types"]) + ".")
    lines.append("\nThe data support span extraction and classification (the `spans` config, or the `sentences` "
                 "config's span lists, which spaCy's spancat reads as they are), sequence labelling with BIO tags "
                 "(`tokens`, which cannot hold overlapping spans: see below) and relation linking (hedges to claims, "
                 "claims across articles). No document-level label exists: the corpus is not a text-classification "
                 "or fact-checking (verdict) dataset. The only baseline is the one below; there is no leaderboard.")
    return "\n".join(lines)


def structure(staging: Path, result: BuildResult) -> str:
    from .card_fields import CONFIG_DESCRIPTIONS

    lines = ["| Config | Contents | Split | Rows | Bytes |", "|---|---|---|---:|---:|"]
    for config in CONFIGS:
        for split, count in sorted(result.counts.get(config, {}).items()):
            default = " (default)" if config == "documents" else ""
            lines.append(f"| `{config}`{default} | {CONFIG_DESCRIPTIONS.get(config, '')} | {split} | {count} | "
                         f"{split_size(staging, config, split):,} |")
    empty = [f"`{config}` {split}" for config in CONFIGS for split, n in sorted(result.counts.get(config, {}).items())
             if not n and loadable_splits(result, config) != sorted(result.counts.get(config, {}))]
    lines.append("\nFiles: `data/<config>/<split>-NNNNN-of-NNNNN.parquet` (zstd; cross-document relations in "
                 "`-cross-document` files), `croissant.json` (Croissant 1.1 with the RAI vocabulary), "
                 "`checksums.sha256` (SHA-256 of every other file). `datasets` cannot load a split without rows "
                 "(and one such split makes the whole config fail), so the card declares only the splits that have "
                 "rows" + (": " + ", ".join(empty) + " are empty and not declared" if empty else "") + ". A config "
                 "with no rows at all cannot be loaded with `datasets` 5.x (`Instruction \"train\" corresponds to no "
                 "data`); `load_dataset(path, config, streaming=True)`, pyarrow and DuckDB give it as zero rows of "
                 "the declared types.")
    return "\n".join(lines)


def splits_section(corpus: CorpusReader, result: BuildResult) -> str:
    from .splits import SPLITS_FILE, read_plan

    plan = read_plan(corpus)
    by_split = Counter(a.split for a in result.assignments.values())
    hashed = sorted(d for d, a in result.assignments.items() if not a.recorded)
    parts = ", ".join(f"{split} {by_split[split]}" for split in ("train", "validation", "test") if by_split[split])
    if not plan.committed:
        head = (f"No split assignment is committed (`{SPLITS_FILE}`), so every document is in `train` (fold 0). "
                "`belarus-corpus splits --write` records one.")
    else:
        shares = ", ".join(f"{k} {v:g}" for k, v in sorted(plan.proportions.items()))
        head = (f"Splits are by document: every row of a document, in every config, is in the document's split, so "
                f"no document is on both sides. The assignment is committed in `{SPLITS_FILE}` (documents: {parts}; "
                f"{plan.folds} cross-validation folds, each document's in the `fold` column of `documents`). A "
                f"document the file does not list is assigned by a SHA-256 hash of its id (seed {plan.seed}) against "
                f"the target proportions ({shares}) and to fold `hash % {plan.folds}`, so the same document always "
                "lands in the same split and adding documents never moves another; `belarus-corpus splits --write` "
                "records new documents. "
                + (f"Assigned by the hash rule in this build: {', '.join(f'`{d}`' for d in hashed)}." if hashed
                   else "Every document of this build is recorded in the file."))
    return "\n\n".join([
        head,
        "Cross-document relations are in the split of their head's document. The `labels` config is one lookup "
        f"table (split `{LABELS_SPLIT}`), not data of a split. With so few documents, validation and test hold one "
        "or two articles each: use the folds (leave-one-document-out), not a single split, to estimate a score.",
        "```python\nfrom datasets import concatenate_datasets, load_dataset\n\n"
        "documents = concatenate_datasets(list(load_dataset(\"dist/belarus-corpus\", \"documents\").values()))\n"
        "fold_of = dict(zip(documents[\"doc_id\"], documents[\"fold\"]))\n"
        "sentences = concatenate_datasets(list(load_dataset(\"dist/belarus-corpus\", \"sentences\").values()))\n"
        "held_out = sentences.filter(lambda row: fold_of[row[\"doc_id\"]] == 0)\n"
        "print(held_out.num_rows, \"sentence rows in fold 0\")\n```",
    ])


def views_section(result: BuildResult) -> str:
    untaggable = Counter(p.message.split(":", 1)[1].split(";")[0].strip() for p in result.warnings
                         if p.code == "untaggable-span")
    dropped = ", ".join(f"{n} ({reason})" for reason, n in sorted(untaggable.items())) or "none"
    return (f"**`sentences`** (one row per sentence, segmenter `{SEGMENTER}`; tokens `{TOKENIZER}`) holds every "
            "gold span of every layer, overlaps included, as a span list per row: layer, type, character offsets "
            "into the row's `text` (add the row's `start` for document offsets) and the tokens that cover the span "
            "(`token_start`, `token_end`, end-exclusive; `token_aligned` is false when an edge falls inside a "
            "token). When a gold span crosses a sentence boundary, the sentences it touches make one row "
            "(`n_sentences`), so no span is ever cut. A test rebuilds every gold span from this config.\n\n"
            "**`tokens`** (one row per document) keeps one BIO sequence per layer and therefore cannot hold "
            "overlapping spans of one layer or spans whose edges are not token edges: it leaves those out, "
            f"reported as `untaggable-span` warnings by the build. Left out in this build: {dropped}. Use "
            "`sentences` or `spans` when every span matters.")


def scorecard_section(staging: Path, corpus: CorpusReader) -> str:
    from .features import features_for
    from .scorecard import records_of_build, scorecard_markdown
    from .scorecard_parts import scorecard_of

    features = {config: features_for(config, corpus.taxonomy) for config in ("spans", "review_spans")}
    return scorecard_markdown(scorecard_of(records_of_build(staging, features)))


def baseline_section(corpus: CorpusReader) -> str:
    path = corpus.root / BASELINE_RESULTS
    if not path.is_file():
        return ("No baseline results are committed. `python -m baselines.spancat --data dist/belarus-corpus` "
                f"trains and scores spaCy spancat and writes `{BASELINE_RESULTS}`, which the next build shows here.")
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
        settings, table, command = results["settings"], results["table_markdown"], results["command"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return f"`{BASELINE_RESULTS}` is not a results file of `python -m baselines.spancat`; run it again."
    return "\n\n".join([
        "spaCy `spancat` from a blank English pipeline, on CPU, one model per layer, trained from the `sentences` "
        "config as `datasets.load_dataset` returns it, seeded, with leave-one-document-out cross-validation: "
        "each document's spans are predicted by a model trained on the other documents, and all predictions are "
        "scored with `belarus-corpus evaluate`'s scorer. No weights are published. Reproduce with:",
        f"```console\n$ {command}\n```",
        f"Settings: {json.dumps(settings, sort_keys=True)}" + (
            f"; computed on dataset version {results['dataset_version']}" if results.get("dataset_version") else "")
        + ". The figures are from the committed results file and are not recomputed by the build.",
        table,
        *_empty_note(results, settings),
    ])


def _empty_note(results: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    """Say so when the models proposed nothing: a table of zeros is a finding about the settings, not a score."""
    overall = [r for r in results.get("scores", {}).get("rows", []) if r.get("layer") == "*"]
    if overall and not overall[0].get("strict", {}).get("predicted"):
        return [f"With {settings.get('iterations')} training epochs no model proposes a span above spancat's 0.5 "
                "threshold: the run shows the pipeline end to end, not what spancat can learn from this data; "
                "run it with more `--iterations` for a usable baseline."]
    return []
