"""The evaluative lexicon in ``data/evaluative.json``: positive, negative and strong words, and negators."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import load_table


@dataclass(frozen=True)
class EvaluativeWords:
    positive: frozenset[str]
    negative: frozenset[str]
    strong: frozenset[str]
    negators: frozenset[str]


@functools.cache
def evaluative_words() -> EvaluativeWords:
    table = load_table("evaluative.json")
    return EvaluativeWords(*(frozenset(word.lower() for word in table[key])
                             for key in ("positive", "negative", "strong", "negators")))
