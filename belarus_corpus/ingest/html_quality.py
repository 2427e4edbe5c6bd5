"""How well extraction does on pages with a known main text: token precision, recall and F1, the metric of the
ScrapingHub article-extraction benchmark (white-space tokens, counted as a multiset)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Score:
    name: str
    precision: float
    recall: float
    f1: float


def token_scores(name: str, predicted: str, expected: str) -> Score:
    got, want = Counter(predicted.split()), Counter(expected.split())
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(name, precision, recall, f1)


def score_pages(folder: Path) -> list[Score]:
    """Each ``<name>.html`` in ``folder`` against its ``<name>.expected.txt``."""
    from ..webpage.encoding import decode_page
    from ..webpage.extract import extract_main

    scores = []
    for page in sorted(folder.glob("*.html")):
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        decoded = decode_page(page.read_bytes(), str(page))
        scores.append(token_scores(page.stem, extract_main(decoded.text), expected))
    return scores


def mean(scores: list[Score]) -> Score:
    n = len(scores) or 1
    return Score("mean", sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n,
                 sum(s.f1 for s in scores) / n)
