"""The token view: a regex word tokenizer and BIO tags per layer from gold spans.

Tokenizer ``regex-words@2``: numbers with inner periods or commas (``1,200``, ``3.5``); words (letters, digits
and combining marks) joined by inner hyphens or apostrophes, except that a possessive ``'s``/``’s`` is its own
token (``Lukashenka’s`` → ``Lukashenka`` ``’s``); every other non-space character is its own token
(``U.S.``-style abbreviations are split at the periods). Spans whose edges are not token edges, and spans that overlap
an earlier span of the same layer, cannot be tagged; they are reported, never shifted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span

TOKENIZER = "regex-words@2"
_WORD = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)*(?!\w)|{_WORD}(?:-{_WORD}|['’](?![sS]\b){_WORD})*|['’][sS]\b|[^\w\s]")


@dataclass(frozen=True)
class TagIssue:
    span_id: str
    reason: str


def tokenize(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in _TOKEN.finditer(text)]


def bio_tags(tokens: Sequence[tuple[int, int]], spans: Sequence[Span]) -> tuple[list[str], list[TagIssue]]:
    """Tags for one layer's spans; longest-first within equal starts, earlier spans win overlaps."""
    tags = ["O"] * len(tokens)
    starts = {start: index for index, (start, _) in enumerate(tokens)}
    ends = {end: index for index, (_, end) in enumerate(tokens)}
    issues: list[TagIssue] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        first, last = starts.get(span.start), ends.get(span.end)
        if first is None or last is None:
            issues.append(TagIssue(span.id, "span edge is not a token edge"))
            continue
        if any(tag != "O" for tag in tags[first : last + 1]):
            issues.append(TagIssue(span.id, "overlaps an earlier span of the same layer"))
            continue
        tags[first] = f"B-{span.type}"
        for index in range(first + 1, last + 1):
            tags[index] = f"I-{span.type}"
    return tags, issues


def spans_from_tags(tokens: Sequence[tuple[int, int]], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans (start, end, type) that a BIO sequence encodes."""
    found: list[tuple[int, int, str]] = []
    current: list[int] | None = None
    label = ""
    for (start, end), tag in zip(tokens, tags, strict=True):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or tag[2:] != label)):
            if current is not None:
                found.append((current[0], current[1], label))
            current, label = [start, end], tag[2:]
        elif tag.startswith("I-") and current is not None:
            current[1] = end
        else:
            if current is not None:
                found.append((current[0], current[1], label))
            current = None
    if current is not None:
        found.append((current[0], current[1], label))
    return found
