"""Scores in nervaluate's four modes, each a one-to-one matching of predicted to gold spans in one document and
layer:

- ``strict``: same boundaries and same type;
- ``exact``: same boundaries, whatever the type;
- ``partial``: overlapping, whatever the type; same boundaries count 1, overlap alone 0.5;
- ``type``: overlapping and same type.

Precision is the matched credit over the predicted spans, recall over the gold spans. Per-type rows compare the
spans of one type on both sides; a layer's row pools its types (micro); ``macro`` is the mean F1 of the types.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .records import ScoredSpan

MODES = ("strict", "exact", "partial", "type")
Credit = Callable[[ScoredSpan, ScoredSpan], float]


def _strict(gold: ScoredSpan, predicted: ScoredSpan) -> float:
    return 1.0 if (gold.start, gold.end, gold.type) == (predicted.start, predicted.end, predicted.type) else 0.0


def _exact(gold: ScoredSpan, predicted: ScoredSpan) -> float:
    return 1.0 if (gold.start, gold.end) == (predicted.start, predicted.end) else 0.0


def _partial(gold: ScoredSpan, predicted: ScoredSpan) -> float:
    if (gold.start, gold.end) == (predicted.start, predicted.end):
        return 1.0
    return 0.5 if gold.overlaps(predicted) else 0.0


def _type(gold: ScoredSpan, predicted: ScoredSpan) -> float:
    return 1.0 if gold.type == predicted.type and gold.overlaps(predicted) else 0.0


CREDIT: dict[str, Credit] = {"strict": _strict, "exact": _exact, "partial": _partial, "type": _type}


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True)
class Score:
    """Matched credit against the number of gold and predicted spans."""

    gold: int
    predicted: int
    matched: float

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.predicted + other.predicted, self.matched + other.matched)


def match(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan], credit: Credit) -> float:
    """The credit of a greedy one-to-one matching: best credit first, then the larger overlap, then position."""
    pairs = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            if p.start >= g.end or g.start >= p.end:
                continue
            value = credit(g, p)
            if value:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                pairs.append((-value, -overlap, g_index, p_index, value))
    pairs.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    total = 0.0
    for _, _, g_index, p_index, value in pairs:
        if g_index not in used_gold and p_index not in used_predicted:
            used_gold.add(g_index)
            used_predicted.add(p_index)
            total += value
    return total


def score(gold: Iterable[ScoredSpan], predicted: Iterable[ScoredSpan], mode: str) -> Score:
    """One mode's score over spans grouped by document and layer (matching never crosses either)."""
    credit = CREDIT[mode]
    groups: dict[tuple[str, str], tuple[list[ScoredSpan], list[ScoredSpan]]] = defaultdict(lambda: ([], []))
    for span in gold:
        groups[span.doc_id, span.layer][0].append(span)
    for span in predicted:
        groups[span.doc_id, span.layer][1].append(span)
    total = Score(0, 0, 0.0)
    for key in sorted(groups):
        g, p = groups[key]
        total += Score(len(g), len(p), match(g, p, credit) if g and p else 0.0)
    return total


@dataclass(frozen=True)
class Row:
    """One line of the scorecard: a layer and a type (``*`` for every type of the layer, or every layer)."""

    layer: str
    type: str
    scores: dict[str, Score]


def scorecard(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan],
              layers: Sequence[str] | None = None) -> tuple[list[Row], dict[str, float]]:
    """Rows per (layer, type), per layer and for all layers (micro), and the macro F1 per mode over the
    (layer, type) rows."""
    chosen = set(layers) if layers else {s.layer for s in [*gold, *predicted]}
    gold = [s for s in gold if s.layer in chosen]
    predicted = [s for s in predicted if s.layer in chosen]
    rows: list[Row] = []
    type_rows: list[Row] = []
    for layer in sorted(chosen):
        g_layer = [s for s in gold if s.layer == layer]
        p_layer = [s for s in predicted if s.layer == layer]
        for type_ in sorted({s.type for s in [*g_layer, *p_layer]}):
            g = [s for s in g_layer if s.type == type_]
            p = [s for s in p_layer if s.type == type_]
            row = Row(layer, type_, {mode: score(g, p, mode) for mode in MODES})
            rows.append(row)
            type_rows.append(row)
        rows.append(Row(layer, "*", {mode: score(g_layer, p_layer, mode) for mode in MODES}))
    rows.append(Row("*", "*", {mode: score(gold, predicted, mode) for mode in MODES}))
    macro = {mode: (sum(r.scores[mode].f1 for r in type_rows) / len(type_rows) if type_rows else 0.0)
             for mode in MODES}
    return rows, macro
