"""Curation strategies in the manner of INCEpTION's: how many annotators must agree for a record to be merged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codes import Code
from ..errors import Problem, UsageError

STRATEGY_NAMES = ("unanimous", "majority", "at-least-K", "confidence-T")


@dataclass(frozen=True)
class Strategy:
    name: str
    minimum: int = 0
    threshold: float = 0.0

    def enough(self, supporters: int, annotators: int) -> bool:
        if self.name == "majority":
            return supporters * 2 > annotators
        if self.name == "at-least":
            return supporters >= self.minimum
        return supporters == annotators  # unanimous; confidence: unanimous among the confident records

    @property
    def label(self) -> str:
        if self.name == "at-least":
            return f"at-least-{self.minimum}"
        if self.name == "confidence":
            return f"confidence-{self.threshold:g}"
        return self.name


def parse_strategy(text: str, annotators: int) -> Strategy:
    """``unanimous``, ``majority``, ``at-least-K`` (2 ≤ K ≤ annotators) or ``confidence-T`` (0 < T ≤ 1)."""
    if text in ("unanimous", "majority"):
        return Strategy(text)
    if (found := re.fullmatch(r"at-least-([0-9]+)", text)) and 1 <= int(found[1]) <= annotators:
        return Strategy("at-least", minimum=int(found[1]))
    if (found := re.fullmatch(r"confidence-(0?\.[0-9]+|1(\.0*)?)", text)) and float(found[1]) > 0:
        return Strategy("confidence", threshold=float(found[1]))
    raise UsageError(Problem("--strategy", None, Code.UNKNOWN_STRATEGY, f"unknown curation strategy {text!r}",
                             f"choose unanimous, majority, at-least-K (K from 1 to {annotators}) or confidence-T "
                             "(T in (0, 1]), e.g. at-least-2 or confidence-0.8"))
