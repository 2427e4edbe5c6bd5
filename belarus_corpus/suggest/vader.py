"""Evaluative words and negators from VADER (the ``vaderSentiment`` package, MIT licence, C.J. Hutto), for
``polarity``.

VADER rates 7,500 English words and emoticons from −4 to +4 by human judgement. Many of its words name events or
states that are bad or good without judging anything ("war", "prison", "killed", "freedom"), which the guidelines
do not count as stance (§11.20), so only its evaluative words are taken: adjectives and adverbs by their ending
(-ful, -ous, -ive, -able, -ible, -ic, -less, -ly, -ish; not -al, -ent, -ant or -y, which in news text are mostly
nouns: "official", "agreement", "casualty"), rated at least ``MIN_VALENCE`` away from zero, neither VADER's
degree adverbs ("very", "highly") nor adverbs of certainty ("clearly"), and not already in ``data/evaluative.json``
(which wins); ``evaluative`` weighs them. VADER's negators ("rarely", "nothing", "cannot", …) join
ours. Everything is read from the installed package; no download.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

MIN_VALENCE = 1.5
_EVALUATIVE_FORM = re.compile(r"[a-z]{3,}(?:ful|ous|ive|able|ible|ic|less|ly|ish)")
_CERTAINTY = frozenset({"clearly", "obviously", "certainly", "surely", "truly", "evidently", "definitely"})


@functools.cache
def vader_valence() -> dict[str, float]:
    """Word → VADER's mean valence (−4 to +4) for its evaluative words (see the module docstring); empty without the
    package."""
    try:
        from vaderSentiment.vaderSentiment import BOOSTER_DICT

        text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError):
        return {}
    found: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        word = parts[0]
        if len(parts) < 2 or not _EVALUATIVE_FORM.fullmatch(word) or word in BOOSTER_DICT or word in _CERTAINTY:
            continue
        valence = float(parts[1])
        if abs(valence) >= MIN_VALENCE:
            found[word] = valence
    return found


@functools.cache
def vader_negators() -> frozenset[str]:
    """VADER's negators without "despite" (a concession, not a negation), apostrophes straight."""
    try:
        from vaderSentiment.vaderSentiment import NEGATE
    except ImportError:
        return frozenset()
    return frozenset(word.replace("’", "'") for word in NEGATE if word != "despite")
