"""translation-calque@1: calques and word-order errors that read as a translation from Russian, Ukrainian or Polish.

Rule: every pattern of ``data/calques.json`` ("in the framework of", "took the decision", "allow to reduce",
"according to the data of", "informed that", "decided, that", "in the next year", "estimated in 180 million",
"from the side of", …) is an ``artifact/translation-error`` on its match (or its ``span`` group), with the idiomatic
English in the explanation. A single hit can be an English writer's slip, so a document needs hits of at least
two different patterns before any is proposed; the confidence grows with the number of different patterns found
(0.5 for two, up to 0.85 for six or more).

Known limits: missing articles ("agreed about new route") and free word order ("through which earlier passed")
are not recognised beyond the listed patterns; a native text that uses two listed phrases is flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import load_table

MIN_PATTERNS = 2


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    """(pattern, idiomatic English, lower-case strings one of which the text must hold for the pattern to be tried)."""
    return tuple((re.compile(entry["pattern"]), entry["english"], tuple(entry["needs"]))
                 for entry in load_table("calques.json")["entries"])


def _span(match: re.Match[str]) -> tuple[int, int]:
    for name in ("span", "span2", "span3"):
        if name in match.re.groupindex and match.group(name):
            return match.span(name)
    return match.span()


def _confidence(patterns: int) -> float:
    return min(0.85, 0.5 + 0.07 * (patterns - MIN_PATTERNS))


class TranslationCalque:
    name = "translation-calque"
    version = 1
    confidence = 0.5

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        found: list[tuple[int, int, str]] = []
        used = 0
        lowered = text.lower()
        for pattern, english, needs in _patterns():
            if not any(need in lowered for need in needs):
                continue
            hits = [(*_span(match), english) for match in pattern.finditer(text)]
            used += bool(hits)
            found += hits
        if used < MIN_PATTERNS:
            return
        score = _confidence(used)
        kept: list[tuple[int, int, str]] = []
        for start, end, english in sorted(found, key=lambda hit: (hit[0], -hit[1])):
            if not kept or start >= kept[-1][1]:
                kept.append((start, end, english))
        for start, end, english in kept:
            explanation = f"Reads as a calque from a Slavic language; idiomatic English: {english}."
            yield Proposal("artifact", "translation-error", start, end, {"explanation": explanation}, score=score)


DETECTOR = TranslationCalque()
