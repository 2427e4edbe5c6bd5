"""Reading the spans to score: JSONL lines or a dataset folder (Parquet or JSONL files) with the columns
doc_id, layer, type, start, end (and, optionally, status and attributes)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..gold import CURATED

COLUMNS = ("doc_id", "layer", "type", "start", "end")


@dataclass(frozen=True, order=True)
class ScoredSpan:
    """One span as ``evaluate`` sees it: where it is, what it is, and the attributes it carries."""

    doc_id: str
    layer: str
    start: int
    end: int
    type: str
    attributes: Mapping[str, str] = field(default_factory=dict, compare=False)
    score: float | None = field(default=None, compare=False)

    def overlaps(self, other: ScoredSpan) -> bool:
        return self.start < other.end and other.start < self.end


def read_spans(path: str | Path, gold: bool = False) -> list[ScoredSpan]:
    """Every span in ``path`` (a JSONL file or a folder of Parquet/JSONL files), sorted; with ``gold``, rows whose
    ``status`` is present and not ``gold`` are left out, and in a document with ``curated`` rows only those count.
    Raises CorpusError naming the file, line and field."""
    source = Path(path)
    files = sorted(p for p in source.rglob("*") if p.suffix in {".jsonl", ".parquet"}) if source.is_dir() else [source]
    if not files:
        raise CorpusError(Problem(str(source), None, Code.EVALUATE_NO_SPANS,
                                  "the folder holds no .jsonl or .parquet file",
                                  "give a JSONL file or a built dataset folder"))
    kept: list[tuple[ScoredSpan, object]] = []
    problems: list[Problem] = []
    for file in files:
        for line, row in _rows(file, source.is_dir()):
            span = _span(row, str(file), line, problems)
            if span is not None and (not gold or row.get("status") in (None, "gold")):
                kept.append((span, row.get("annotator")))
    if problems:
        raise CorpusError(problems)
    curated = {span.doc_id for span, who in kept if who == CURATED} if gold else set()
    # one gold per document (gold.gold_records): a curated document's gold is its curated records
    return sorted(span for span, who in kept if span.doc_id not in curated or who == CURATED)


def _rows(file: Path, in_folder: bool) -> Iterator[tuple[int | None, dict[str, Any]]]:
    if file.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(file)
        if in_folder and not set(COLUMNS) <= set(table.column_names):
            return  # another config of the dataset (documents, tokens, …)
        yield from ((None, row) for row in table.to_pylist())
        return
    with file.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                raise CorpusError(Problem(str(file), number, Code.EVALUATE_BAD_JSON, f"not JSON: {exc.msg}",
                                          "write one JSON object per line")) from exc
            if in_folder and not (isinstance(row, dict) and set(COLUMNS) <= row.keys()):
                continue  # in a folder, rows of another kind (relations, documents) are not spans
            yield number, row


def _span(row: Any, file: str, line: int | None, problems: list[Problem]) -> ScoredSpan | None:
    if not isinstance(row, dict):
        problems.append(Problem(file, line, Code.EVALUATE_BAD_ROW, "a row must be a JSON object",
                                "write {\"doc_id\": …, \"layer\": …, \"type\": …, \"start\": …, \"end\": …}"))
        return None
    for name in COLUMNS:
        value = row.get(name)
        wanted = int if name in ("start", "end") else str
        if not isinstance(value, wanted) or isinstance(value, bool):
            problems.append(Problem(file, line, Code.EVALUATE_BAD_FIELD, f"'{name}' must be {wanted.__name__}, "
                                    f"got {value!r}", "every row needs doc_id, layer, type (text) and start, end "
                                    "(code point offsets)", path=name))
            return None
    if not 0 <= row["start"] < row["end"]:
        problems.append(Problem(file, line, Code.EVALUATE_BAD_FIELD, f"start {row['start']} must be below end "
                                f"{row['end']} and not negative", "offsets are end-exclusive", path="start"))
        return None
    attributes = row.get("attributes") or {}
    score = row.get("score")
    return ScoredSpan(row["doc_id"], row["layer"], row["start"], row["end"], row["type"],
                      {str(k): str(v) for k, v in attributes.items() if v is not None}
                      if isinstance(attributes, dict) else {},
                      float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None)
