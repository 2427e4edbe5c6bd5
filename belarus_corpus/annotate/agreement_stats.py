"""The statistics behind ``agreement``: one-to-one span matching, F1 counts, Krippendorff's alpha over character
codes (unitizing), Cohen's and Fleiss' kappa, and a seeded document bootstrap."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Offsets = tuple[int, int]

PARTIAL_RULE = ("two spans of the same layer and type match partially when they share at least one character; "
                "matching is one-to-one, greedy by the largest overlap")
EXACT_RULE = "two spans match exactly when layer, type, start and end are equal (no trimming of any character)"


@dataclass
class Counts:
    matched: int = 0
    a_total: int = 0
    b_total: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.a_total += other.a_total
        self.b_total += other.b_total

    @property
    def f1(self) -> float:
        total = self.a_total + self.b_total
        return 2 * self.matched / total if total else 0.0


def match(a: Sequence[Offsets], b: Sequence[Offsets], partial: bool) -> list[tuple[int, int]]:
    """One-to-one index pairs: equal offsets, or (partial) greedily by largest overlap."""
    if not partial:
        where: dict[Offsets, list[int]] = {}
        for j, offsets in enumerate(b):
            where.setdefault(offsets, []).append(j)
        pairs = []
        for i, offsets in enumerate(a):
            if where.get(offsets):
                pairs.append((i, where[offsets].pop(0)))
        return pairs
    candidates = sorted(((min(ae, be) - max(as_, bs), -i, -j) for i, (as_, ae) in enumerate(a)
                         for j, (bs, be) in enumerate(b) if min(ae, be) > max(as_, bs)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if -i not in used_a and -j not in used_b:
            used_a.add(-i)
            used_b.add(-j)
            pairs.append((-i, -j))
    return sorted(pairs)


Coincidences = dict[tuple[int, int], float]


def coincidences(rows: Sequence[Sequence[int]]) -> Coincidences:
    """Krippendorff's coincidence matrix of per-character codes (every annotator codes every character); it adds up
    over documents, so a bootstrap sums matrices instead of recomputing them."""
    matrix: Coincidences = {}
    raters = len(rows)
    for codes, count in Counter(zip(*rows, strict=True)).items():
        for i in range(raters):
            for j in range(raters):
                if i != j:
                    key = (codes[i], codes[j])
                    matrix[key] = matrix.get(key, 0.0) + count / (raters - 1)
    return matrix


def alpha(matrix: Coincidences) -> float | None:
    """Nominal alpha from a coincidence matrix (None when every code is the same)."""
    totals: dict[int, float] = {}
    for (c, _), value in matrix.items():
        totals[c] = totals.get(c, 0.0) + value
    n = sum(totals.values())
    expected = n * n - sum(v * v for v in totals.values())
    if len(totals) < 2 or expected <= 0:
        return None
    observed = sum(value for (c, k), value in matrix.items() if c != k)
    return 1 - (n - 1) * observed / expected


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[v] * right[v] for v in left) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def fleiss_kappa(items: Sequence[Sequence[str]]) -> float | None:
    """Items each rated by the same number (≥ 2) of annotators."""
    if not items or len(items[0]) < 2:
        return None
    raters = len(items[0])
    totals: Counter[str] = Counter()
    agreement = 0.0
    for ratings in items:
        counts = Counter(ratings)
        totals.update(counts)
        agreement += (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    observed = agreement / len(items)
    expected = sum((c / (len(items) * raters)) ** 2 for c in totals.values())
    return None if expected == 1 else (observed - expected) / (1 - expected)


def bootstrap(units: Sequence[str], statistic: Callable[[list[str]], float | None], seed: int,
              samples: int) -> tuple[float, float] | None:
    """Percentile 95% interval of ``statistic`` over documents resampled with replacement (seeded)."""
    if len(units) < 2:
        return None
    generator = random.Random(seed)
    values = sorted(v for _ in range(samples)
                    if (v := statistic([generator.choice(units) for _ in units])) is not None)
    if len(values) < samples // 2:
        return None
    return values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]
