"""Capitalized name sequences ("Dr. Elena Petrova", "Christopher W. Smith", "Łukasz Nowak").

A name is up to four capitalized tokens (initials allowed), optionally after a title ("Dr.", "President").
Capitals include accented Latin, Cyrillic and Greek upper-case letters. Leading function words that are
capitalized only because they open a sentence ("The", "But", "Yet", "In") are stripped off.
"""

from __future__ import annotations

from .lexicon import LazyPattern

UPPER = "A-Z" + "".join(chr(code) for code in range(0x00C0, 0x0250) if chr(code).isupper()) + "Α-ΩА-ЯЁІЎЄЇҐ"
NAME_TOKEN = rf"[{UPPER}][\w'’-]*"
TITLES = (r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sen|Rep|Gov|Amb)\.?|President|Minister|Secretary|Ambassador"
          r"|Senator|General|Chancellor|Premier|Envoy)")
NAME = rf"(?:{TITLES}\s+)?{NAME_TOKEN}(?:\s+(?:[{UPPER}]\.|{NAME_TOKEN})){{0,3}}"
# For scanning: a single character class first (fast for the regex engine); titles come in as tokens ("Dr.").
_NAME_SCAN = LazyPattern(rf"[{UPPER}][\w'’-]*\.?(?:\s+(?:[{UPPER}][\w'’-]*\.?)){{0,3}}")

STOP_WORDS = frozenset(
    [
        "the", "this", "that", "these", "those", "a", "an", "but", "and", "or", "yet", "so", "in", "on", "at", "for",
        "with", "as", "if", "while", "when", "after", "before", "although", "however", "meanwhile", "it", "he", "she",
        "they", "we", "i", "you", "its", "his", "her", "their", "our", "there", "here", "what", "who", "why", "how",
        "despite", "since", "during", "from", "to", "by", "of", "only", "even", "also", "indeed", "still", "then",
        "now", "today", "thus", "therefore", "moreover", "furthermore", "instead", "similarly", "nevertheless",
        "nonetheless", "not", "no", "one", "some", "many", "most", "all", "both", "either", "neither", "each", "every",
        "according", "said", "says"
    ]
)


def clean_name(candidate: str) -> str | None:
    """``candidate`` without leading stop words, adverbs in -ly and possessive endings; None if nothing is left."""
    tokens = candidate.split()
    while tokens and (tokens[0].lower() in STOP_WORDS or tokens[0].lower().endswith("ly")):
        tokens.pop(0)
    if not tokens:
        return None
    tokens[-1] = _without_possessive(tokens[-1].rstrip("."))
    name = " ".join(tokens)
    return name or None


def _without_possessive(token: str) -> str:
    for ending in ("'s", "’s", "'", "’"):
        if token.endswith(ending):
            return token[: -len(ending)]
    return token


def names_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Names in ``text[start:end]`` in order, cleaned."""
    stop = len(text) if end is None else end
    found = (clean_name(match.group()) for match in _NAME_SCAN.finditer(text, start, stop))
    return [name for name in found if name]
