"""Where CoNLL sentences begin: after a line break, or after ``.``/``!``/``?`` (and closing quotes) before a
capitalised token; never after an initial or a common title (``U.S.``, ``Mr.``), never inside a span."""

from __future__ import annotations

from collections.abc import Sequence

_ENDS = {".", "!", "?", "…"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}
_OPENERS = {'"', "'", "“", "‘", "«", "(", "["}
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "no", "vs",
           "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "oct", "nov", "dec"}


def sentence_starts(text: str, tokens: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the tokens that begin a sentence (the first token always does)."""
    starts = [0] if tokens else []
    ordered = sorted(spans)
    pointer, reach = 0, -1
    for index in range(1, len(tokens)):
        previous_end, start = tokens[index - 1][1], tokens[index][0]
        while pointer < len(ordered) and ordered[pointer][0] < start:
            reach = max(reach, ordered[pointer][1])
            pointer += 1
        if reach > previous_end:
            continue
        if "\n" in text[previous_end:start] or _ends_sentence(text, tokens, index):
            starts.append(index)
    return starts


def _ends_sentence(text: str, tokens: Sequence[tuple[int, int]], index: int) -> bool:
    previous_end, start = tokens[index - 1][1], tokens[index][0]
    if previous_end == start or not text[previous_end:start].isspace():
        return False
    following = text[start:tokens[index][1]]
    if not (following[:1].isupper() or following in _OPENERS):
        return False
    back = index - 1
    while back > 0 and text[tokens[back][0]:tokens[back][1]] in _CLOSERS:
        back -= 1
    if text[tokens[back][0]:tokens[back][1]] not in _ENDS:
        return False
    if back == 0:
        return True
    word = text[tokens[back - 1][0]:tokens[back - 1][1]]
    adjacent = tokens[back - 1][1] == tokens[back][0]
    return not (adjacent and (len(word) == 1 or word.lower() in _TITLES))
