"""Which words can come right before a word of a hedge cue, so that most anchors need no look further back.

A cue that starts before its anchor word and covers it has, right before the anchor, white space (the
patterns join words with ``\\s+`` only) and before that a whole word of the cue: the word before the anchor
in a listed phrase, or in an attribution shield ([modifier] subject [auxiliary] verb) the word before it
in its part or the last word of the part before. When the word before an anchor is none of those, no cue
can start before the anchor, and only the anchor itself needs trying (see ``scan.matches_at_anchors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .lexicon import phrase_key

Pairs = list[tuple[str, frozenset[str]]]


def _words(phrases: Iterable[str]) -> list[list[str]]:
    return [words for words in (phrase_key(phrase).split() for phrase in phrases) if words]


def _within(phrases: list[list[str]]) -> Pairs:
    """(word, {the word before it}) inside each phrase."""
    return [(words[index], frozenset([words[index - 1]])) for words in phrases for index in range(1, len(words))]


def _word_pairs(table: dict[str, Any], auxiliaries: Sequence[str]) -> Pairs:
    """(a word of some cue, the words that can come right before it when a cue starts before it)."""
    phrases = _words([*(phrase for phrases in table["cues"].values() for phrase in phrases),
                      *table["figure_bound_approximators"]])
    shield = table["attribution_shield"]
    modifiers, subjects, verbs = (_words(shield[key]) for key in ("modifiers", "subjects", "verbs"))
    helpers = _words(auxiliaries)
    last_modifiers = frozenset(words[-1] for words in modifiers)
    last_subjects = frozenset(words[-1] for words in subjects)
    parts = ((modifiers, last_modifiers), (subjects, last_modifiers), (helpers, last_subjects),
             (verbs, last_subjects | frozenset(words[-1] for words in helpers)))
    pairs = _within(phrases)
    for part, before in parts:
        pairs += [(words[0], before) for words in part] + _within(part)
    return pairs


def predecessors(table: dict[str, Any], auxiliaries: Sequence[str],
                 anchors: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each anchor word, the words (as ``phrase_key`` writes them) that can come right before a cue word
    that may begin where the anchor does: the anchor itself, with "'s", or a part of it before a character
    that is no word character ("so" in "so-called"). (The scan found the anchor as a token: maybe an
    opening mark, the anchor, maybe a closing mark or "'s".)"""
    before_word: dict[str, set[str]] = {}
    for word, before in _word_pairs(table, auxiliaries):
        before_word.setdefault(word, set()).update(before)
    found: dict[str, frozenset[str]] = {}
    for anchor in anchors:
        key = phrase_key(anchor)
        parts = [key[:index] for index, char in enumerate(key) if index and not (char.isalnum() or char == "_")]
        found[anchor] = frozenset().union(*(before_word.get(word, ()) for word in (key, key + "'s", *parts)))
    return found


def word_before(text: str, position: int) -> str | None:
    """The word a cue starting before ``position`` would end with: the token before the white space that
    precedes ``position``, from its first letter or digit, as ``phrase_key`` writes it. "" when no cue can
    start before ``position`` (no white space before it, or a token that does not end with a letter or
    digit), None when that cannot be told (a letter or digit right before ``position``)."""
    index = position - 1
    if index < 0 or not text[index].isspace():
        return None if index >= 0 and text[index].isalnum() else ""
    while index >= 0 and text[index].isspace():
        index -= 1
    if index < 0 or not text[index].isalnum():
        return ""
    end, start = index + 1, index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while not text[start].isalnum():
        start += 1
    return phrase_key(text[start:end])
