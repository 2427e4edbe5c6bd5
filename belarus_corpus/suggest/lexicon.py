"""Turn lists of phrases into fast regular expressions, and load the JSON tables in ``data/``.

A list of phrases becomes one alternation shaped like a trie ("accord(?:ing to|...)"), which the regex
engine scans far faster than a flat list of alternatives and which prefers the longest phrase. In a
phrase, a space matches any run of white space, an apostrophe matches ' or ’, and a hyphen matches the
usual hyphen characters. Matching is meant to be used case-insensitively with word boundaries; see
``word_bounded``.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

_UNIT_OF_CHAR = {" ": r"\s+", "'": "['’]", "’": "['’]", "-": "[-‐‑]"}

Trie = dict[str, "Trie"]
_END = ""


def _units(phrase: str) -> list[str]:
    words = phrase.split()
    units: list[str] = []
    for index, word in enumerate(words):
        if index:
            units.append(_UNIT_OF_CHAR[" "])
        units.extend(_UNIT_OF_CHAR.get(char, re.escape(char)) for char in word)
    return units


def _render(node: Trie) -> str:
    branches = [unit + _render(child) for unit, child in sorted(node.items()) if unit != _END]
    if not branches:
        return ""
    optional = _END in node
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


def phrase_pattern(phrases: Iterable[str], *, lower: bool = True) -> str:
    """One trie-shaped alternation (a regex source string) matching any of ``phrases`` (lowered unless told)."""
    trie: Trie = {}
    for phrase in phrases:
        if not phrase.strip():
            continue
        node = trie
        for unit in _units(phrase.lower() if lower else phrase):
            node = node.setdefault(unit, {})
        node[_END] = {}
    if not trie:
        return "(?!)"
    return "(?:" + _render(trie) + ")"


def word_bounded(pattern: str) -> str:
    """``pattern`` not preceded or followed by a word character."""
    return rf"(?<!\w){pattern}(?!\w)"


def phrase_key(matched: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces, straight apostrophes."""
    return " ".join(matched.lower().split()).replace("’", "'").replace("‐", "-").replace("‑", "-")


@functools.cache
def load_table(name: str) -> dict[str, Any]:
    """A JSON object from ``data/<name>``, read once."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        table = json.load(handle)
    if not isinstance(table, dict):
        raise ValueError(f"{name}: expected a JSON object")
    return table


class LazyPattern:
    """A regular expression compiled on first use, so that importing a detector stays cheap.

    After the first use, ``search``, ``match``, ``finditer`` and the rest are the compiled pattern's own
    methods (set on the instance, where they shadow the class's), so a call costs no more than on the pattern.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.source, self.flags)
        self.__dict__.update(finditer=compiled.finditer, findall=compiled.findall, search=compiled.search,
                             match=compiled.match, sub=compiled.sub)
        return compiled

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def sub(self, replacement: str, string: str) -> str:
        return self.compiled.sub(replacement, string)
