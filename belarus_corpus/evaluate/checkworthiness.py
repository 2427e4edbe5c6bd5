"""Check-worthiness F1 in the manner of the CheckThat! lab: a binary task whose positive class is the gold claims
rated check-worthy (``checkworthiness`` in ``worthy``, by default ``high``); a predicted claim counts as positive when
it has no rating or a rating in ``worthy``. A gold positive is found when a positive prediction overlaps it, and a
positive prediction is correct when it overlaps a gold positive. F1 is that of the positive class."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .records import ScoredSpan
from .scoring import f1_of


@dataclass(frozen=True)
class Checkworthiness:
    gold: int
    predicted: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)


def checkworthiness(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan],
                    worthy: Collection[str] = ("high",)) -> Checkworthiness:
    positives = [s for s in gold if s.layer == "claim" and s.attributes.get("checkworthiness") in worthy]
    claims = [s for s in predicted if s.layer == "claim"
              and s.attributes.get("checkworthiness", "") in {*worthy, ""}]
    found = sum(1 for g in positives if any(p.doc_id == g.doc_id and p.overlaps(g) for p in claims))
    correct = sum(1 for p in claims if any(p.doc_id == g.doc_id and p.overlaps(g) for g in positives))
    return Checkworthiness(len(positives), len(claims), found, correct)
