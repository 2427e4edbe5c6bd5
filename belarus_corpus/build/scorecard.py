"""The detector scorecard: every detector's proposals scored against the gold with ``evaluate``, per layer and type,
beside the share of that gold which began as the detector's own suggestion.

A detector's proposals are the records it made: those whose annotator is the detector (``rule:<name>@<version>``:
unreviewed or rejected suggestions) and those accepted from it (``suggested_by``), once per position and type.
Curated gold records are not proposals (their sources are). An accepted suggestion that was edited before
acceptance is scored as accepted (the proposal's own offsets are not kept), so figures for detectors with edited
suggestions lean high; and since the gold began partly as these proposals, precision is not independent of
them: the share column says how much. The scorecard is computed from the built ``spans`` and ``review_spans``
files (a build) or from the stores (DATASHEET.md); both give the same records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..gold import CURATED

if TYPE_CHECKING:
    from ..reader import CorpusReader


class Record(NamedTuple):
    """A span record as the scorecard needs it (a tuple: a corpus has one per span, made in validate's pass)."""

    doc_id: str
    layer: str
    type: str
    start: int
    end: int
    annotator: str
    detector: str | None  # the detector it was proposed by or began as (annotator or suggested_by)
    gold: bool
    edited: bool


@dataclass(frozen=True)
class Line:
    detector: str
    layer: str
    type: str  # "*" for the layer
    predicted: int
    gold: int
    strict_p: float
    strict_r: float
    strict_f1: float
    partial_f1: float
    gold_from_detector: int  # gold spans of this layer/type that began as this detector's suggestion
    edited: int  # proposals accepted after an edit


def proposals(records: Sequence[Record]) -> dict[str, list[Record]]:
    """Detector → its proposals, one per (document, layer, type, offsets)."""
    found: dict[str, dict[tuple[str, str, str, int, int], Record]] = {}
    for record in records:
        if record.detector is None or (record.gold and record.annotator == CURATED):
            continue
        key = (record.doc_id, record.layer, record.type, record.start, record.end)
        found.setdefault(record.detector, {}).setdefault(key, record)
    return {name: sorted(items.values(), key=lambda r: (r.doc_id, r.start, r.end, r.layer, r.type))
            for name, items in sorted(found.items())}


def scorecard(records: Sequence[Record]) -> list[Line]:
    from ..evaluate.api import evaluate_spans
    from ..evaluate.records import ScoredSpan

    def scored(items: Iterable[Record]) -> list[ScoredSpan]:
        return sorted(ScoredSpan(r.doc_id, r.layer, r.start, r.end, r.type) for r in items)

    gold = [r for r in records if r.gold]
    lines = []
    for detector, proposed in proposals(records).items():
        layers = sorted({r.layer for r in proposed})
        evaluation = evaluate_spans(scored(gold), scored(proposed), layers)
        for row in evaluation.rows:
            if row.layer == "*" or (row.type != "*" and not row.scores["strict"].predicted):
                continue
            mine = [r for r in proposed if r.layer == row.layer and row.type in ("*", r.type)]
            began = sum(1 for r in gold if r.detector == detector and r.layer == row.layer
                        and row.type in ("*", r.type))
            strict = row.scores["strict"]
            lines.append(Line(detector, row.layer, row.type, strict.predicted, strict.gold, strict.precision,
                              strict.recall, strict.f1, row.scores["partial"].f1, began,
                              sum(1 for r in mine if r.edited)))
    return lines


def records_of_build(folder: Path, features: dict[str, Any]) -> list[Record]:
    """The records of a build's ``spans`` (gold) and ``review_spans`` Parquet files."""
    import pyarrow.parquet as pq

    records = []
    for config, gold in (("spans", True), ("review_spans", False)):
        layers, types = features[config]["layer"].names, features[config]["type"].names
        for path in sorted((folder / "data" / config).glob("*.parquet")):
            columns = ["doc_id", "layer", "type", "start", "end", "annotator", "suggested_by", "edited"]
            for row in pq.read_table(path, columns=columns).to_pylist():
                detector = row["annotator"] if str(row["annotator"]).startswith("rule:") else row["suggested_by"]
                records.append(Record(row["doc_id"], layers[row["layer"]], types[row["type"]], row["start"],
                                      row["end"], row["annotator"], detector, gold, bool(row["edited"])))
    return records


def records_of_corpus(corpus: CorpusReader) -> list[Record]:
    """The same records, from the stores (the gold rule and ``detector_of`` as the build applies them)."""
    records = []
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        records += store_records(content.spans, content.relations)
    return records


def store_records(spans: Sequence[Any], relations: Sequence[Any]) -> list[Record]:
    """The records of one store's spans (``model.Span``), by the gold rule of the store and ``detector_of``."""
    from ..gold import detector_of, split_gold

    gold = {s.id for s in split_gold(spans, relations).spans}
    by_id = {s.id: s for s in spans}
    return [Record(s.doc_id, s.layer, s.type, s.start, s.end, s.annotator, detector_of(s, by_id), s.id in gold,
                   s.edited) for s in spans]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def scorecard_markdown(lines: Sequence[Line]) -> str:
    if not lines:
        return "No detector proposed a span in this version."
    table = ["| Detector | Layer | Type | Proposed | Gold | Strict P | Strict R | Strict F1 | Partial F1 | "
             "Gold that began as its suggestion | Edited before acceptance |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for line in lines:
        share = f"{line.gold_from_detector} of {line.gold} ({_pct(line.gold_from_detector / line.gold)} %)" \
            if line.gold else "0 of 0"
        table.append(f"| `{line.detector}` | {line.layer} | {'all' if line.type == '*' else line.type} | "
                     f"{line.predicted} | {line.gold} | {_pct(line.strict_p)} | {_pct(line.strict_r)} | "
                     f"{_pct(line.strict_f1)} | {_pct(line.partial_f1)} | {share} | {line.edited} |")
    return "\n".join([
        "Each detector's proposals (its own records, whatever their status, and the suggestions accepted from it) "
        "scored with `belarus-corpus evaluate`'s scorer against the gold of the documents that have gold, per "
        "layer and per type it proposed. The gold is not independent of the detectors: the second-last column is "
        "how much of it began as the detector's own suggestion (scores are inflated by that share), and edited "
        "suggestions are scored as accepted.", "", *table])
