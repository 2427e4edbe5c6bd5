"""The card's runnable loading examples and its example rows (a test runs the examples against the build)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .card_metadata import parquet_files
from .features import CONFIGS

if TYPE_CHECKING:
    from .result import BuildResult

LOAD_PATH = "dist/belarus-corpus"
"""The folder the card's examples load: the default build folder, relative to the corpus root."""


def _nonempty(result: BuildResult, config: str) -> list[str]:
    return [split for split, count in sorted(result.counts.get(config, {}).items()) if count]


def loading_examples(result: BuildResult) -> str:
    """Python examples; only for configs with rows, since ``datasets`` refuses an empty split."""
    split = (_nonempty(result, "documents") or ["train"])[0]
    blocks = [
        "Run from the corpus root (the build is `dist/belarus-corpus`), or replace the path by this folder's "
        "path or, once published, by the Hub repository id.",
        "```python\n"
        "from datasets import load_dataset\n\n"
        f"documents = load_dataset({json.dumps(LOAD_PATH)}, \"documents\", split={json.dumps(split)})\n"
        "print(documents.num_rows, documents[0][\"doc_id\"])\n"
        "paragraphs = documents[0][\"paragraphs\"]\n"
        "assert all(0 <= p[\"start\"] <= p[\"end\"] <= documents[0][\"n_chars\"] for p in paragraphs)\n"
        "```",
    ]
    spans_splits = _nonempty(result, "spans")
    if spans_splits:
        blocks.append(
            "Spans point into the document text; labels are `ClassLabel` indices:\n\n"
            "```python\n"
            "from datasets import load_dataset\n\n"
            f"spans = load_dataset({json.dumps(LOAD_PATH)}, \"spans\", split={json.dumps(spans_splits[0])})\n"
            f"documents = load_dataset({json.dumps(LOAD_PATH)}, \"documents\")\n"
            "texts = {row[\"doc_id\"]: row[\"text\"] for split in documents.values() for row in split}\n"
            "labels = {name: spans.features[name] for name in (\"layer\", \"type\", \"status\")}\n"
            "for row in spans.select(range(min(5, spans.num_rows))):\n"
            "    assert texts[row[\"doc_id\"]][row[\"start\"]:row[\"end\"]] == row[\"text\"]\n"
            "    print(*(labels[n].int2str(row[n]) for n in labels), repr(row[\"text\"]))\n"
            "gold = spans.filter(lambda row: row[\"status\"] == labels[\"status\"].str2int(\"gold\"))\n"
            "print(gold.num_rows, \"gold spans\")\n"
            "```")
    tokens_splits = _nonempty(result, "tokens")
    if tokens_splits:
        blocks.append(
            "BIO tags for sequence labelling, one sequence per layer:\n\n"
            "```python\n"
            "from datasets import load_dataset\n\n"
            f"tokens = load_dataset({json.dumps(LOAD_PATH)}, \"tokens\", split={json.dumps(tokens_splits[0])})\n"
            "names = tokens.features[\"claim_tags\"].feature.names\n"
            "row = tokens[0]\n"
            "tagged = [(token, names[tag]) for token, tag in zip(row[\"tokens\"], row[\"claim_tags\"])\n"
            "          if names[tag] != \"O\"]\n"
            "print(len(row[\"tokens\"]), \"tokens,\", len(tagged), \"tagged as claims\")\n"
            "```")
    return "\n\n".join(blocks)


def example_rows(staging: Path, result: BuildResult) -> str:
    import pyarrow.parquet as pq

    blocks = ["The first row of each config as stored (`ClassLabel` fields are indices; long strings and lists "
              "are cut here, not in the data):"]
    for config in CONFIGS:
        splits = _nonempty(result, config)
        if not splits:
            blocks.append(f"`{config}`: no rows yet.")
            continue
        first = next(path for path in parquet_files(staging, config, splits[0])
                     if pq.ParquetFile(str(path)).metadata.num_rows)
        row = pq.ParquetFile(str(first)).read_row_group(0).slice(0, 1).to_pylist()[0]
        text = "{\n" + ",\n".join(f"  {json.dumps(key)}: {json.dumps(_shorten(value), ensure_ascii=False)}"
                                  for key, value in row.items()) + "\n}"
        blocks.append(f"`{config}` ({splits[0]}):\n\n```json\n{text}\n```")
    return "\n\n".join(blocks)


def _shorten(value: Any, limit: int = 100, items: int = 3) -> Any:
    if isinstance(value, str):
        return value if len(value) <= limit else f"{value[:limit]}… [{len(value)} characters]"
    if isinstance(value, list):
        head = [_shorten(v, limit, items) for v in value[:items]]
        return [*head, f"… [{len(value)} items]"] if len(value) > items else head
    if isinstance(value, dict):
        return {k: _shorten(v, limit, items) for k, v in value.items()}
    return value
