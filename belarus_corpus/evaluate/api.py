"""``evaluate`` as a function: read predicted and gold spans, score them, return the evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .checkworthiness import checkworthiness
from .records import ScoredSpan, read_spans
from .report import Evaluation
from .scoring import scorecard


def evaluate_spans(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan], layers: Sequence[str] | None = None,
                   min_score: float | None = None, worthy: Sequence[str] = ("high",)) -> Evaluation:
    """Score ``predicted`` against ``gold``; with ``min_score``, predictions scored below it are left out (unscored
    ones are kept). Only documents that have gold spans are scored."""
    documents = {s.doc_id for s in gold}
    kept = [s for s in predicted if s.doc_id in documents and (min_score is None or s.score is None
                                                                or s.score >= min_score)]
    rows, macro = scorecard(gold, kept, layers)
    return Evaluation(rows, macro, checkworthiness(gold, kept, worthy))


def evaluate_files(predicted: str | Path, gold: str | Path, layers: Sequence[str] | None = None,
                   min_score: float | None = None, annotator: str | None = None) -> Evaluation:
    """Score a predictions file against gold (the gold rule, or ``annotator``'s own records: ``read_spans``)."""
    return evaluate_spans(read_spans(gold, gold=True, annotator=annotator), read_spans(predicted), layers, min_score)
