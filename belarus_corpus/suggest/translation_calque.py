"""translation-calque@2: calques, word-order and article errors that read as a translation from Russian, Ukrainian or
Polish.

Rule: every pattern of ``data/calques.json`` ("in the framework of", "in the frames of", "took the decision", "take
measures", "allow to reduce", "according to the data of", "informed that", "decided, that", "in the next year",
"in the nearest time", "estimated in 180 million", "from the side of", "the sides discussed", …) is an
``artifact/translation-error`` on its match (or its ``span`` group), with the idiomatic English in the explanation;
so is each article error of ``translation_articles`` in running text ("President of United States", "the Belarus",
"Ministry of Economy informed", "signed new agreement"). A single hit can be an English writer's slip, so a
document needs hits of at least two different patterns (each article construction counts as one) before any is
proposed; the confidence grows with the number of different patterns found (0.5 for two, up to 0.85 for seven or
more).

Known limits: free word order ("through which earlier passed") and mistranslated words are not recognised; an
article error needs a name or noun of the closed classes in ``translation_articles``; a native text that uses two
listed constructions is flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import load_table
from .segment import paragraphs_of
from .translation_articles import EXPLANATIONS, article_errors

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


def _articles(document: DocumentView, lowered: str) -> list[tuple[str, int, int]]:
    """The article errors of the running text (titles and headings drop articles in English too)."""
    found = list(article_errors(document.text, lowered))
    if not found:
        return found
    headlines = [(start, end) for start, end, role in paragraphs_of(document) if role in ("title", "heading")]
    return [hit for hit in found if not any(start <= hit[1] < end for start, end in headlines)]


class TranslationCalque:
    name = "translation-calque"
    version = 2
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
        articles = _articles(document, lowered)
        used += len({kind for kind, _, _ in articles})
        found += [(start, end, kind) for kind, start, end in articles]
        if used < MIN_PATTERNS:
            return
        score = _confidence(used)
        kept: list[tuple[int, int, str]] = []
        for start, end, english in sorted(found, key=lambda hit: (hit[0], -hit[1])):
            if not kept or start >= kept[-1][1]:
                kept.append((start, end, english))
        for start, end, english in kept:
            explanation = EXPLANATIONS.get(english) or (
                f"Reads as a calque from a Slavic language; idiomatic English: {english}.")
            yield Proposal("artifact", "translation-error", start, end, {"explanation": explanation}, score=score)


DETECTOR = TranslationCalque()
