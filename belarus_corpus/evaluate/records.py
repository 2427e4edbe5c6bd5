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


def read_spans(path: str | Path, gold: bool = False, annotator: str | None = None) -> list[ScoredSpan]:
    """Every span in ``path`` (a JSONL file or a folder of Parquet/JSONL files), sorted. With ``gold``, each
    document's rows are chosen by the gold rule (``gold.gold_records``: status ``gold``, and in a document with
    ``curated`` rows only those; rows without a status count as gold); with ``annotator`` instead, that annotator's
    rows that are gold or suggested (a pass's own records), whatever the rule. Raises CorpusError naming the file,
    line and field."""
    source = Path(path)
    files = sorted(p for p in source.rglob("*") if p.suffix in {".jsonl", ".parquet"}) if source.is_dir() else [source]
    if not files:
        raise CorpusError(Problem(str(source), None, Code.EVALUATE_NO_SPANS,
                                  "the folder holds no .jsonl or .parquet file",
                                  "give a JSONL file or a built dataset folder"))
    kept: list[tuple[ScoredSpan, _Record]] = []
    problems: list[Problem] = []
    for file in files:
        for line, row in _rows(file, source.is_dir()):
            if annotator is not None and not (isinstance(row, dict) and row.get("annotator") == annotator
                                              and row.get("status") in (None, "gold", "suggested")):
                continue
            span = _span(row, str(file), line, problems)
            if span is not None:
                kept.append((span, _Record(str(len(kept)), str(row.get("annotator", "")),
                                           str(row.get("status") or "gold"), "")))
    if problems:
        raise CorpusError(problems)
    if annotator is not None or not gold:
        return sorted(span for span, _ in kept)
    return sorted(_gold_spans(kept))


@dataclass(frozen=True)
class _Record:
    """A row as ``gold.gold_records`` sees it."""

    id: str
    annotator: str
    status: str
    method: str


def _gold_spans(kept: list[tuple[ScoredSpan, _Record]]) -> list[ScoredSpan]:
    """The spans the gold rule keeps, document by document (a file of a built dataset holds many documents)."""
    from ..gold import gold_records

    by_doc: dict[str, list[tuple[ScoredSpan, _Record]]] = {}
    for span, record in kept:
        by_doc.setdefault(span.doc_id, []).append((span, record))
    chosen = []
    for pairs in by_doc.values():
        ids = {r.id for r in gold_records([record for _, record in pairs])}
        chosen += [span for span, record in pairs if record.id in ids]
    return chosen


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
