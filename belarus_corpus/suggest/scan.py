"""One shared pass over a text for the words detectors anchor on, so that each detector only looks near them.

Scanning a text with one regular expression per detector is what makes rule-based suggestion slow in
Python; instead, the words every detector anchors on (hedge cues, number words, date units, boilerplate
and framing cue words) are found in one pass, cached per text, and each detector runs small anchored
patterns at those positions. A word is found in lower case and capitalized ("may", "May"); all-capitals
text is not scanned. Detectors declare their words with a module-level ``vocabulary()`` function listed
in ``VOCABULARY_PROVIDERS``.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator

from .lexicon import phrase_pattern

VOCABULARY_PROVIDERS = ("figures", "dates", "hedge_lexicon", "boilerplate", "hypothetical_framing")
_FIRST_WORD = re.compile(r"[a-z]+")

Hits = dict[str, tuple[int, ...]]


def first_word(phrase: str) -> str | None:
    """The first run of letters of a phrase ("so-called" → "so"), lower case."""
    found = _FIRST_WORD.search(phrase.lower())
    return found.group() if found else None


def first_words(phrases: Iterable[str]) -> set[str]:
    return {word for word in map(first_word, phrases) if word}


@functools.cache
def vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for module_name in VOCABULARY_PROVIDERS:
        module = importlib.import_module(f"{__package__}.{module_name}")
        words |= first_words(module.vocabulary())
    return frozenset(words)


@functools.cache
def _keyword_regex() -> re.Pattern[str]:
    forms = {form for word in vocabulary() for form in (word, word[:1].upper() + word[1:])}
    return re.compile(rf"\b{phrase_pattern(forms, lower=False)}\b")


@functools.lru_cache(maxsize=16)
def keyword_hits(text: str) -> Hits:
    """Start offsets of every vocabulary word in ``text``, by the word in lower case."""
    found: dict[str, list[int]] = {}
    for match in _keyword_regex().finditer(text):
        found.setdefault(match.group().lower(), []).append(match.start())
    return {word: tuple(starts) for word, starts in found.items()}


def hits_for(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """(start, word) for the given vocabulary words, in text order."""
    hits = keyword_hits(text)
    return sorted((start, word) for word in words for start in hits.get(word, ()))


def matches_around(pattern: re.Pattern[str], text: str, anchors: Iterable[tuple[int, str]],
                   lookback: int = 40, lookahead: int = 60) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that contain one of the anchor words, in text order.

    ``pattern`` is only run in a small window around each anchor, so it may be as slow as it likes.
    """
    consumed = 0
    for position, word in anchors:
        if position < consumed:
            continue
        window_end = min(len(text), position + len(word) + lookahead)
        for match in pattern.finditer(text, max(consumed, position - lookback), window_end):
            if match.start() > position:
                break
            if match.end() > position:
                consumed = match.end()
                yield match
                break
