"""The detector scorecard (``scorecard.py``) from per-document parts, merged in any order.

``scorecard(records)`` scores every detector's proposals against the gold of the whole corpus at once; but every
figure it shows is a sum over documents: the ``evaluate`` scorer matches spans within one document and layer and
adds the matched credit (multiples of 0.5, so float sums are exact in any order), counts predicted and gold spans,
and keeps the predictions of documents that have gold. So a document's part holds, per detector and per
``layer/type`` (and ``layer/*``), its predicted count, its strict and partial matched credit and its edited
proposals, and per ``layer/type`` its gold count and the gold that began as each detector's suggestion; the
corpus's parts add up, and ``lines_of`` gives exactly the lines of ``scorecard(records)`` (tested). A part is
made where the document's records are at hand: in validate's own pass (the DATASHEET.md check) or a build's shard.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypedDict, TypeVar

from .scorecard import Line, Record, proposals

STAR = "*"
N = TypeVar("N", int, float)


class DetectorPart(TypedDict):
    layers: list[str]  # layers it proposed spans in (in any document, with gold or not)
    predicted: dict[str, int]  # "layer/type" or "layer/*" → proposals in documents with gold
    strict: dict[str, float]  # the same keys → matched credit, strict mode
    partial: dict[str, float]  # … partial mode
    edited: dict[str, int]  # the same keys → proposals accepted after an edit (every document)


class ScorecardPart(TypedDict):
    gold: dict[str, int]  # "layer/type" and "layer/*" → gold spans
    began: dict[str, dict[str, int]]  # detector → key → gold spans that began as its suggestion
    detectors: dict[str, DetectorPart]


def empty_part() -> ScorecardPart:
    return {"gold": {}, "began": {}, "detectors": {}}


def _keys(record: Record) -> tuple[str, str]:
    return f"{record.layer}/{record.type}", f"{record.layer}/{STAR}"


class _Span(NamedTuple):
    """Where a span is within its document and layer: what ``evaluate``'s matching looks at, sorted as its
    ``ScoredSpan`` sorts within one document and layer."""

    start: int
    end: int
    type: str

    def overlaps(self, other: _Span) -> bool:
        return self.start < other.end and other.start < self.end


def document_part(records: Sequence[Record]) -> ScorecardPart:
    """The part of one document's records (``scorecard.Record``, as ``store_records`` makes them)."""
    part = empty_part()
    gold = [r for r in records if r.gold]
    gold_by_layer: dict[str, list[_Span]] = {}
    for record in gold:
        gold_by_layer.setdefault(record.layer, []).append(_Span(record.start, record.end, record.type))
        for key in _keys(record):
            part["gold"][key] = part["gold"].get(key, 0) + 1
            if record.detector is not None:
                began = part["began"].setdefault(record.detector, {})
                began[key] = began.get(key, 0) + 1
    for spans in gold_by_layer.values():
        spans.sort()
    for detector, proposed in proposals(records).items():
        item: DetectorPart = {"layers": sorted({r.layer for r in proposed}), "predicted": {}, "strict": {},
                              "partial": {}, "edited": {}}
        for record in proposed:
            if record.edited:
                for key in _keys(record):
                    item["edited"][key] = item["edited"].get(key, 0) + 1
        if gold:  # evaluate scores the documents that have gold
            _score(item, gold_by_layer, proposed)
        part["detectors"][detector] = item
    return part


def _score(item: DetectorPart, gold: dict[str, list[_Span]], proposed: list[Record]) -> None:
    """Predicted count and strict and partial matched credit per ``layer/type`` and ``layer/*`` with predictions,
    by ``evaluate``'s own matching (``scoring.match``) on the spans of one layer (and type), in sorted order."""
    mine: dict[str, list[_Span]] = {}
    for record in proposed:
        mine.setdefault(record.layer, []).append(_Span(record.start, record.end, record.type))
    for layer, predicted in mine.items():
        predicted.sort()
        in_layer = gold.get(layer, [])
        _credit(item, f"{layer}/{STAR}", in_layer, predicted)
        for kind in sorted({span.type for span in predicted}):
            _credit(item, f"{layer}/{kind}", [g for g in in_layer if g.type == kind],
                    [p for p in predicted if p.type == kind])


def _credit(item: DetectorPart, key: str, gold: list[_Span], predicted: list[_Span]) -> None:
    from ..evaluate.scoring import CREDIT, match

    item["predicted"][key] = len(predicted)
    item["strict"][key] = match(gold, predicted, CREDIT["strict"]) if gold else 0.0  # type: ignore[arg-type]
    item["partial"][key] = match(gold, predicted, CREDIT["partial"]) if gold else 0.0  # type: ignore[arg-type]


def merge_parts(parts: Iterable[ScorecardPart]) -> ScorecardPart:
    merged = empty_part()
    for part in parts:
        _add(merged["gold"], part["gold"])
        for detector, began in part["began"].items():
            _add(merged["began"].setdefault(detector, {}), began)
        for detector, item in part["detectors"].items():
            into = merged["detectors"].setdefault(detector, {"layers": [], "predicted": {}, "strict": {},
                                                             "partial": {}, "edited": {}})
            into["layers"] = sorted(set(into["layers"]) | set(item["layers"]))
            _add(into["predicted"], item["predicted"])
            _add(into["strict"], item["strict"])
            _add(into["partial"], item["partial"])
            _add(into["edited"], item["edited"])
    return merged


def _add(total: dict[str, N], counts: dict[str, N]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def lines_of(part: ScorecardPart) -> list[Line]:
    """The scorecard's lines from the merged part of every document: those of ``scorecard(records)``."""
    from ..evaluate.scoring import Score

    lines = []
    for detector, item in sorted(part["detectors"].items()):
        began = part["began"].get(detector, {})
        for layer in item["layers"]:
            types = sorted({key.split("/", 1)[1] for key, n in item["predicted"].items()
                            if n and key.split("/", 1)[0] == layer and key != f"{layer}/{STAR}"})
            for kind in [*types, STAR]:
                key = f"{layer}/{kind}"
                gold, predicted = part["gold"].get(key, 0), item["predicted"].get(key, 0)
                strict = Score(gold, predicted, item["strict"].get(key, 0.0))
                partial = Score(gold, predicted, item["partial"].get(key, 0.0))
                lines.append(Line(detector, layer, kind, predicted, gold, strict.precision, strict.recall, strict.f1,
                                  partial.f1, began.get(key, 0), item["edited"].get(key, 0)))
    return lines


def scorecard_of(records: Iterable[Record]) -> list[Line]:
    """``scorecard(records)``, made of per-document parts: each document's records in their order, so the same
    proposal is kept for each position."""
    by_document: dict[str, list[Record]] = {}
    for record in records:
        by_document.setdefault(record.doc_id, []).append(record)
    return lines_of(merge_parts(document_part(items) for items in by_document.values()))
