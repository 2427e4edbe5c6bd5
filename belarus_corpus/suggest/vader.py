"""Evaluative words and negators from VADER (the ``vaderSentiment`` package, MIT licence, C.J. Hutto), for
``polarity``.

VADER rates 7,500 English words and emoticons from −4 to +4 by human judgement. Many of its words name events or
states that are bad or good without judging anything ("war", "prison", "killed", "freedom"), which the guidelines
do not count as stance (§11.20), so only its evaluative words are taken: adjectives and adverbs by their ending
(-ful, -ous, -ive, -able, -ible, -ic, -less, -ly, -ish; not -al, -ent, -ant or -y, which in news text are mostly
nouns: "official", "agreement", "casualty"), rated at least ``MIN_VALENCE`` away from zero, neither VADER's
degree adverbs ("very", "highly") nor adverbs of certainty ("clearly"), and not already in ``data/evaluative.json``
(which wins). They weigh 1 (``evaluative.NORMAL``) from ``NORMAL_VALENCE`` up, else 0.5 (``evaluative.WEAK``).
VADER's negators ("rarely", "nothing", "cannot", …) join ours. Everything is read from the installed package; no
download.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .evaluative import NORMAL, WEAK

MIN_VALENCE = 1.5
NORMAL_VALENCE = 2.5
_EVALUATIVE_FORM = re.compile(r"[a-z]{3,}(?:ful|ous|ive|able|ible|ic|less|ly|ish)")
_CERTAINTY = frozenset({"clearly", "obviously", "certainly", "surely", "truly", "evidently", "definitely"})


@functools.cache
def vader_valence() -> dict[str, float]:
    """Word → signed weight for VADER's evaluative words (see the module docstring); empty without the package."""
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
            weight = NORMAL if abs(valence) >= NORMAL_VALENCE else WEAK
            found[word] = weight if valence > 0 else -weight
    return found


@functools.cache
def vader_negators() -> frozenset[str]:
    """VADER's negators without "despite" (a concession, not a negation), apostrophes straight."""
    try:
        from vaderSentiment.vaderSentiment import NEGATE
    except ImportError:
        return frozenset()
    return frozenset(word.replace("’", "'") for word in NEGATE if word != "despite")
