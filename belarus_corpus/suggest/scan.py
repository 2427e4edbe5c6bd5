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
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping

VOCABULARY_PROVIDERS = ("figures", "dates", "hedge_lexicon", "boilerplate", "hypothetical_framing")
_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:?!"

Hits = dict[str, tuple[int, ...]]


def first_word(phrase: str) -> str | None:
    """The first white-space token of a phrase ("so-called news" → "so-called"), lower case."""
    words = phrase.lower().split()
    return words[0].strip(_EDGE_PUNCTUATION) or None if words else None


def first_words(phrases: Iterable[str]) -> set[str]:
    return {word for word in map(first_word, phrases) if word}


@functools.cache
def vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for module_name in VOCABULARY_PROVIDERS:
        module = importlib.import_module(f"{__package__}.{module_name}")
        words |= first_words(module.vocabulary())
    return frozenset(words)


# The usual punctuation around a word: more would slow every lookup (the set of forms outgrows the caches).
_PREFIXES = ("", "“", "(", "\"")
_SUFFIXES = ("", ",", ".", "”", "\"", ";", ":", ")", "?", "’s", "'s")
_SPLIT_TOO = ("—", "–", "/", "\n", "\t", "\r")


@functools.cache
def _token_forms() -> dict[str, tuple[str, int]]:
    """Every way a vocabulary word can appear as a white-space token: {token: (word, offset of the word)}."""
    forms: dict[str, tuple[str, int]] = {}
    for word in vocabulary():
        for cased in {word, word[:1].upper() + word[1:]}:
            for prefix in _PREFIXES:
                # Built at C speed: this runs once per process, but for some 24,000 forms.
                forms.update(zip(map((prefix + cased).__add__, _SUFFIXES), itertools.repeat((word, len(prefix)))))
    return forms


def _spaced(text: str) -> str:
    """`` text `` with line breaks, tabs, dashes and slashes made spaces: same offsets, shifted by one."""
    for glue in _SPLIT_TOO:
        if glue in text:
            text = text.replace(glue, " ")
    return f" {text} "


# Enough documents for a run that goes detector by detector over a batch; ``registry.clear_caches`` frees them.
@functools.lru_cache(maxsize=1024)
def keyword_hits(text: str) -> Hits:
    """Start offsets of every vocabulary word in ``text``, by the word in lower case.

    The text is split on white space (dashes and slashes too) at C speed, the tokens are looked up among
    the vocabulary words with their usual surrounding punctuation, and only the hits are located, each by
    one search for " token ". A token next to an unusual space character (no-break space) is missed.
    """
    forms = _token_forms()
    spaced = _spaced(text)
    found: dict[str, list[int]] = {}
    cursor = 0
    for token in [token for token in spaced.split() if token in forms]:
        position = spaced.find(f" {token} ", cursor)
        if position < 0:
            continue
        word, offset = forms[token]
        found.setdefault(word, []).append(position + offset)  # +1 for the space, -1 for the padding
        cursor = position + len(token) + 1
    return {word: tuple(starts) for word, starts in found.items()}


# Up to this many words, their hits are gathered and sorted; more, and the text's sorted hits are filtered.
_FEW_WORDS = 16


def hits_for(text: str, words: Collection[str]) -> list[tuple[int, str]]:
    """(start, word) for the given vocabulary words, in text order."""
    if len(words) <= _FEW_WORDS:
        hits = keyword_hits(text)
        return sorted((start, word) for word in words for start in hits.get(word, ()))
    wanted = words if isinstance(words, (set, frozenset)) else frozenset(words)
    return [hit for hit in sorted_hits(text) if hit[1] in wanted]


@functools.lru_cache(maxsize=1024)
def sorted_hits(text: str) -> list[tuple[int, str]]:
    """(start, word) for every vocabulary word, in text order (shared by the detectors that want many words)."""
    return sorted((start, word) for word, starts in keyword_hits(text).items() for start in starts)


def clear_caches() -> None:
    keyword_hits.cache_clear()
    sorted_hits.cache_clear()


def word_starts_before(text: str, position: int, count: int) -> list[int]:
    """Starts of up to ``count`` words before ``position``, nearest first (leading punctuation skipped)."""
    starts: list[int] = []
    cursor = position
    while len(starts) < count:
        index = cursor - 1
        while index >= 0 and text[index].isspace():
            index -= 1
        if index < 0 or not text[index].isalnum():
            break
        while index >= 0 and not text[index].isspace():
            index -= 1
        start = index + 1
        while start < cursor and not text[start].isalnum():
            start += 1
        starts.append(start)
        cursor = index + 1
    return starts


def matches_at_anchors(match_at: Callable[[int], re.Match[str] | None], text: str,
                       anchors: Iterable[tuple[int, str]], reach: Mapping[str, int],
                       may_start_before: Callable[[int, str], bool] | None = None) -> Iterator[re.Match[str]]:
    """Non-overlapping matches (``match_at(start)``: a pattern's ``match`` at ``start`` of ``text``) that contain
    an anchor word and start at most ``reach[word]`` words before it (0: at the anchor), in text order; the
    farthest start that matches wins. ``may_start_before(position, word)``, when given, says False where no
    match can start before the anchor and contain it: only the anchor is tried there."""
    consumed = 0
    for position, word in anchors:
        if position < consumed:
            continue
        words_before = reach.get(word, 0)
        if not words_before or (may_start_before is not None and not may_start_before(position, word)):
            match = match_at(position)
            if match:
                consumed = match.end()
                yield match
            continue
        starts = word_starts_before(text, position, words_before)
        starts.reverse()
        starts.append(position)
        for start in starts:
            match = match_at(start) if start >= consumed else None
            if match and match.end() > position:
                consumed = match.end()
                yield match
                break


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every start offset of ``needle`` in ``text`` (a C-speed search, for rare characters and phrases)."""
    position = text.find(needle)
    while position >= 0:
        yield position
        position = text.find(needle, position + 1)
