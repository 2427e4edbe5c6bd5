"""The evaluative score of a stretch of text, for ``stance``: a lexicon with clause-aware negation, contrast and
pretence, not a bag of words.

Words: ``data/evaluative.json`` (general English words of judgement written for this project: positive and
negative ones weigh 1, ``strong`` ones 2, ``weak`` ones 0.5 — words such as "repression" or "expensive" that name
a bad state of affairs without judging it, guidelines §11.20), then the evaluative adjectives and adverbs of VADER's
lexicon that ours does not list (``vader``; the ``vaderSentiment`` package, MIT licence).

Rules, each a grammatical pattern rather than a phrase of an article:

- negation: a negator ("not", "never", "no", "hardly", "without", "-n't", VADER's list) up to three words before a
  word flips it, inside the same clause only (a comma, semicolon, colon, dash or bracket ends the scope); "not
  only" negates nothing;
- contrast: after "but", "yet", "however", "nevertheless" or "nonetheless" the clause that follows decides the
  sign when it holds an evaluative word, and the score is then the sum of both clauses' strengths; a concessive
  clause ("although …", "though …", "whereas …", up to its comma) counts half;
- pretence: a positive word after "present(s) himself as", "portray(ed) as", "pose(s) as", "so-called" or "dressed
  up as" is what a holder pretends, so it counts against;
- deontic criticism: "should (not|never) have <done>", "should have <done>" judges what someone did: −2;
- sides: "supporters (of X) argue …" adds +1, "critics (of X) say …" −1, whatever the reported words;
- stock phrases: an evaluative word inside one of ``data/evaluative.json``'s ``neutralised`` phrases ("the worst is
  over", "thanks to", "to be fair", "welcome to") judges nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .evaluative import evaluative_words
from .lexicon import LazyPattern, load_table, phrase_pattern

_TOKEN = LazyPattern(r"[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?(?:-[A-Za-z]+)*|[,;:—–()]|\s-\s")
_BOUNDARY = frozenset({",", ";", ":", "—", "–", "(", ")", "-"})
_CONTRAST = frozenset({"but", "yet", "however", "nevertheless", "nonetheless"})
_CONCESSIVE = frozenset({"although", "though", "whereas"})
_NEGATION_WINDOW = 3
_PRETENCE = LazyPattern(
    r"\b(?:(?:present|presents|presented|presenting|portray|portrays|portrayed|portraying|paint|paints|painted"
    r"|cast|casts|style|styles|styled|brand|brands|branded|sell|sells|sold)\s+(?:\w+\s+){0,2}?as"
    r"|pose|poses|posed|posing|posture|postures|masquerad\w*|pretend\w*|dressed\s+up|so-called|self-styled)\s"
    r"(?P<scope>(?:\S+\s+){0,4}\S+)")
_DEONTIC = LazyPattern(r"\b(?:should|ought\s+to)\s+(?:(?:not|never)\s+)?have\s+(?:been\s+)?\w+(?:ed|en|de|ne)\b"
                       r"|\bshould(?:n['’]t|\s+not|\s+never)\s+have\b")


_SIDE = LazyPattern(
    r"\b(?:(?P<favor>supporters|proponents|advocates|defenders|backers|champions)|(?P<against>critics|opponents"
    r"|sceptics|skeptics|detractors))\b(?:\s+(?:of|in|from|at)\s+[^,;:]{1,40}?)?\s+(?:\w+ly\s+)?(?:argue|argues|argued"
    r"|say|says|said|believe|believes|believed|claim|claims|claimed|insist|insists|insisted|point\s+out|contend"
    r"|contends|warn|warns|warned|hope|hopes|maintain|maintains|counter|counters|note|notes|noted)\b")


def _holder_frame(unit: str) -> float:
    """+1 for "supporters (of X) argue …", −1 for "critics (of X) say …": the holder's side is the stance."""
    match = _SIDE.search(unit)
    if not match:
        return 0.0
    return 1.0 if match.group("favor") else -1.0


@dataclass(frozen=True)
class Polarity:
    score: float
    positive: int
    negative: int
    strong: bool


NONE = Polarity(0.0, 0, 0, False)


@functools.cache
def _any_word() -> re.Pattern[str]:
    """Any evaluative word or cue, to skip the units that hold none (most) without tokenizing them."""
    words = evaluative_words()
    return re.compile(rf"(?<![\w'’-]){phrase_pattern(words.valence)}(?![\w'’-])|\bshould|\bought\s+to"
                      r"|\b(?:supporters|proponents|advocates|defenders|backers|champions|critics|opponents|sceptics"
                      r"|skeptics|detractors)\b")


@functools.cache
def _neutralised() -> re.Pattern[str]:
    phrases = load_table("evaluative.json")["neutralised"]
    return re.compile(rf"(?<!\w){phrase_pattern(phrases)}(?!\w)")


def _lower(text: str) -> str:
    """``text`` in lower case, of the same length (a character whose lower case is longer is kept), so that the
    patterns, all written in lower case, need no case-insensitive matching."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _pretended(unit: str) -> set[int]:
    """Character offsets of the words a holder is said to pretend (see the module docstring)."""
    offsets: set[int] = set()
    for match in _PRETENCE.finditer(unit):
        offsets.update(range(match.start("scope"), match.end("scope")))
    return offsets


def _negated(tokens: list[str], index: int, negators: frozenset[str]) -> bool:
    for back in range(index - 1, max(-1, index - 1 - _NEGATION_WINDOW), -1):
        token = tokens[back]
        if token in _BOUNDARY:
            return False
        if token in negators or token.endswith(("n't", "n’t")):
            return not (back + 1 < len(tokens) and tokens[back + 1] == "only")
    return False


def polarity(unit: str) -> Polarity:
    """The evaluative score of ``unit`` (see the module docstring)."""
    unit = _lower(unit)
    if not _any_word().search(unit):
        return NONE
    words = evaluative_words()
    unit = _blank(unit, _neutralised())
    pretended = _pretended(unit)
    matches = list(_TOKEN.finditer(unit))
    tokens = [match.group().replace("’", "'") for match in matches]
    parts = [0.0, 0.0]  # before and after the last contrastive conjunction
    positive = negative = 0
    strong = False
    part = 0
    concessive = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in _CONTRAST:
            part, parts = 1, [parts[0] + parts[1], 0.0]
            concessive = False
        elif token in _CONCESSIVE:
            concessive = True
        elif token in _BOUNDARY and concessive and token != "-":
            concessive = False
        pair = f"{token} {tokens[index + 1]}" if index + 1 < len(tokens) else ""
        word = pair if pair in words.valence else token
        value = words.valence.get(word, 0.0)
        if value:
            strong = strong or abs(value) >= 2
            if _negated(tokens, index, words.negators):
                value = -value
            if value > 0 and matches[index].start() in pretended:
                value = -value
            value *= 0.5 if concessive else 1.0
            parts[part] += value
            positive += value > 0
            negative += value < 0
        index += 2 if word == pair else 1
    deontic = len(_DEONTIC.findall(unit))
    if deontic:
        parts[part] -= 2.0 * deontic
        negative += deontic
        strong = True
    frame = _holder_frame(unit)
    if frame:
        parts[part] += frame
        positive += frame > 0
        negative += frame < 0
    if part and parts[1]:
        score = abs(parts[0]) + abs(parts[1]) if parts[1] > 0 else -(abs(parts[0]) + abs(parts[1]))
    else:
        score = parts[0] + parts[1]
    return Polarity(score, positive, negative, strong)
