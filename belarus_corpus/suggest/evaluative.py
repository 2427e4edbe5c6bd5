"""The evaluative lexicon: ``data/evaluative.json`` (positive, negative, strong and weak words, negators), and the
evaluative words and negators VADER's lexicon adds (``vader``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import load_table

STRONG = 2.0
NORMAL = 1.0
WEAK = 0.5
VADER_NORMAL = 2.5  # a VADER word rated this far from zero weighs NORMAL, a milder one WEAK


@dataclass(frozen=True)
class EvaluativeWords:
    positive: frozenset[str]
    negative: frozenset[str]
    strong: frozenset[str]
    negators: frozenset[str]
    valence: dict[str, float]  # word or two-word phrase → signed weight, for ``polarity``


@functools.cache
def evaluative_words() -> EvaluativeWords:
    table = load_table("evaluative.json")
    positive, negative, strong, negators, weak = (frozenset(word.lower() for word in table[key])
                                                  for key in ("positive", "negative", "strong", "negators", "weak"))
    valence: dict[str, float] = {}
    for word in positive | negative:
        weight = STRONG if word in strong else WEAK if word in weak else NORMAL
        valence[word] = weight if word in positive else -weight
    from .vader import vader_negators, vader_valence

    vader = {word: (NORMAL if abs(rated) >= VADER_NORMAL else WEAK) * (1 if rated > 0 else -1)
             for word, rated in vader_valence().items()}
    valence = {**vader, **valence}
    negators = negators | vader_negators()
    return EvaluativeWords(positive, negative, strong, negators, valence)
