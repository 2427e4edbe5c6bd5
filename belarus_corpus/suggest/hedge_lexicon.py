"""hedge-lexicon@2: hedge cues from the lexicon in ``data/hedges.json``.

Rule: every phrase of the lexicon is matched case-insensitively on word boundaries, the longest phrase
winning; its type is the lexicon section it is listed in. For speed, phrases are only tried around their
longest word as found by the shared word scan (see ``scan``), which knows lower-case and capitalized
words only: a cue in all capitals is missed. Three kinds of cue need context:
figure-bound approximators ("about", "over", "some", "more than") count only right before a figure
("about 50", "over a dozen"); attribution shields are built as [modifier] subject [auxiliary] verb
("some analysts say", "critics warn", "experts have argued", "critics in Vilnius argue": a place after the subject),
and "according to" an unnamed source is a shield as a whole phrase ("According to two sources familiar with the
talks"), while a shield whose source said nothing ("officials have said little") or is named next ("it is said in
the message of …") is none; a sentence-initial "Should" that opens a
statement, not a question, is conditional ("Should talks fail, ..."). The span is the cue only, never the
figure or the claim it qualifies.

Near misses left out: "May" the month (with a day, a year, a time word before it, or capitalized
mid-sentence), "might" the noun ("military might"), "as if", "if anything". Known limits: no
negation or scope handling; "could" and "may" are proposed whether they express possibility or
permission; "suggest" is speculative even when it means "propose".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .base import DocumentView, Proposal
from .figures import SCALES, SMALL_NUMBERS
from .hedge_context import predecessors, word_before
from .lexicon import LazyPattern, load_table, phrase_key, phrase_pattern
from .scan import hits_for, matches_at_anchors
from .segment import sentence_index

_MONTH_CONTEXT = LazyPattern(r"(?:in|of|since|until|by|from|early|late|mid|last|this|next|on|before|after)\s+$",
                            re.IGNORECASE)
_OPENING = LazyPattern(r"(?:^|[.!?:;\n])[\s\"'“‘«„(\[]*$")


@functools.cache
def _cue_types() -> dict[str, str]:
    types: dict[str, str] = {}
    for type_name, phrases in load_table("hedges.json")["cues"].items():
        for phrase in phrases:
            types.setdefault(phrase_key(phrase), type_name)
    return types


def _figure_start() -> str:
    """What a figure begins with: a digit, a number word, or "a" / "half a" before a scale word."""
    scales = "|".join(SCALES)
    numbers = [*SMALL_NUMBERS, *SCALES, "dozens", "hundreds", "thousands", "tens"]
    words = "|".join(sorted(numbers, key=len, reverse=True))
    fractions = r"half|(?:a|one)\s+(?:third|quarter)|two\s+thirds|three\s+quarters"
    return rf"(?:[$€£]?\d|(?:half\s+)?a\s+(?:{scales})(?!\w)|(?:{words}|{fractions})(?!\w))"


_AUXILIARIES = ("have", "had", "are", "were", "also")


def _shield_pattern() -> str:
    table = load_table("hedges.json")["attribution_shield"]
    modifiers, subjects, verbs = (phrase_pattern(table[key]) for key in ("modifiers", "subjects", "verbs"))
    place = r"(?:\s+(?:in|of|from|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    return rf"(?:{modifiers}\s+){{0,2}}{subjects}{place}\s+(?:(?:{'|'.join(_AUXILIARIES)})\s+)?{verbs}"


_SHOULD = "(?-i:Should)"
# After a shield's verb: the source said nothing, or a named source follows ("it is said in the message of …").
_NOT_A_REPORT = LazyPattern(r"\s+(?:little|nothing|no\b|in\s+the\b)")
# "According to" an unnamed source, the whole phrase: "According to two sources familiar with the talks,".
_ACCORDING_UNNAMED = LazyPattern(
    r"(?i)(?<!\w)according\s+to\s+(?:(?:two|three|several|some|a\s+few|many|western|unnamed|anonymous|senior)\s+)*"
    r"(?:sources|analysts|experts|observers|eyewitnesses|witnesses|officials|insiders|diplomats|reports|residents)"
    r"(?:\s+(?:familiar\s+with|close\s+to|in|at|inside)\s+[^,.;]{2,40}?)?(?=[,.;]|\s+(?:the|a|an|it|this)\s)")


@functools.cache
def _hedge_source() -> str:
    table = load_table("hedges.json")
    approximators = phrase_pattern(table["figure_bound_approximators"])
    cues = phrase_pattern(phrase for phrases in table["cues"].values() for phrase in phrases)
    return (rf"(?<!\w)(?:(?P<shield>{_shield_pattern()})|(?P<approx>{approximators})(?=\s+{_figure_start()})"
            rf"|(?P<should>{_SHOULD})(?=\s+\w)|(?P<cue>{cues}))(?!\w)")


@functools.cache
def hedge_regex() -> re.Pattern[str]:
    return re.compile(_hedge_source(), re.IGNORECASE)


@functools.cache
def _lowered_regex() -> re.Pattern[str]:
    """``hedge_regex`` without IGNORECASE, for lower-cased text ("should" for "Should")."""
    return re.compile(_hedge_source().replace(_SHOULD, "should"))


@functools.cache
def _lowered_regex_after_should() -> re.Pattern[str] | None:
    """What ``hedge_regex`` tries at a "should" that is not "Should" (the cues), or None when no cue begins
    with "should" (then nothing matches there: the branches before it did not)."""
    cues = [phrase for phrases in load_table("hedges.json")["cues"].values() for phrase in phrases]
    if not any(phrase.lower().startswith("should") for phrase in cues):
        return None
    return re.compile(_hedge_source().replace(_SHOULD, "(?!)"))


def _lowered(text: str) -> str | None:
    """The text in lower case, when ``hedge_regex`` finds the same in it without IGNORECASE, else None.

    Matching case-sensitively on the lower-cased text is twice as fast and finds the same: the phrases are
    ASCII letters, spaces, apostrophes and hyphens, and a text character matches an ASCII letter ignoring
    case exactly when it lower-cases to it, except "ı", "ſ" and "İ" (then the text is matched as it is).
    """
    lowered = text.lower()
    return None if len(lowered) != len(text) or "ı" in text or "ſ" in text else lowered


def _matcher(text: str, lowered: str | None) -> Callable[[int], re.Match[str] | None]:
    """``hedge_regex().match`` at a position of ``text``; its offsets and groups, not its matched text."""
    if lowered is None:
        return functools.partial(hedge_regex().match, text)
    match = functools.partial(_lowered_regex().match, lowered)

    def match_at(start: int) -> re.Match[str] | None:
        found = match(start)
        if found is not None and found.lastgroup == "should" and not text.startswith("Should", found.start()):
            after_should = _lowered_regex_after_should()
            return None if after_should is None else after_should.match(lowered, start)
        return found

    return match_at


@functools.cache
def _predecessors() -> dict[str, frozenset[str]]:
    anchors = [anchor for anchor, words_before in reach().items() if words_before]
    return predecessors(load_table("hedges.json"), _AUXILIARIES, anchors)


def _may_start_before(text: str) -> Callable[[int, str], bool]:
    """Whether a cue can start before the anchor ``word`` at a position and contain it (see ``hedge_context``)."""
    words_before = _predecessors()

    def may_start_before(position: int, word: str) -> bool:
        before = word_before(text, position)
        return before is None or before in words_before[word]

    return may_start_before


@functools.cache
def _exclusions() -> dict[str, frozenset[str]]:
    raw = load_table("hedges.json")["exclusions"]
    return {key: frozenset(phrase_key(word) for word in words) for key, words in raw.items()}


def _previous_words(text: str, start: int, count: int) -> str:
    return phrase_key(" ".join(text[max(0, start - 40) : start].split()[-count:]))


def _is_month_may(text: str, start: int, end: int) -> bool:
    if text[start:end] != "May":
        return False
    before = text[max(0, start - 12) : start]
    after = text[end : end + 3]
    if (after[:1].isspace() and after.strip()[:1].isdigit()) or _MONTH_CONTEXT.search(before):
        return True
    return not _OPENING.search(before)


def _is_excluded(text: str, start: int, end: int) -> bool:
    word = text[start:end].lower()
    exclusions = _exclusions()
    if word == "may":
        return _is_month_may(text, start, end)
    if word == "might":
        words = text[max(0, start - 40) : start].split()
        before = (phrase_key(" ".join(words[-1:])), phrase_key(" ".join(words[-2:])))
        return any(phrase in exclusions["might_after"] for phrase in before)
    if word == "if":
        after = text[end : end + 12].split()
        return (_previous_words(text, start, 1) in exclusions["if_before"]
                or bool(after and phrase_key(after[0]).strip(",.") in exclusions["if_after"]))
    return False


def _is_conditional_should(document: DocumentView, start: int) -> bool:
    text = document.text
    if not _OPENING.search(text[max(0, start - 12) : start]):
        return False
    sentence = sentence_index(document).containing(start)
    return sentence is None or not text[sentence[0] : sentence[1]].rstrip("\"'”’»)").endswith("?")


def _type_of(document: DocumentView, match: re.Match[str]) -> str | None:
    """The type of a ``hedge_regex`` match (its offsets into the document's text), or None when excluded."""
    kind, start, end = match.lastgroup, match.start(), match.end()
    if kind == "shield":
        return None if _NOT_A_REPORT.match(document.text, end) else "attribution-shield"
    if kind == "approx":
        return "approximator"
    if kind == "should":
        return "conditional" if _is_conditional_should(document, start) else None
    text = document.text
    if _is_excluded(text, start, end):
        return None
    types, matched = _cue_types(), text[start:end]
    type_name = types.get(matched.lower()) or types.get(phrase_key(matched))
    if type_name == "attribution-shield" and _NOT_A_REPORT.match(text, end):
        return None
    return type_name


def anchor_word(phrase: str) -> str:
    """The word a phrase is looked for by: its longest word ("is said to" → "said", "so-called")."""
    return max(phrase.lower().split(), key=len)


@functools.cache
def reach() -> dict[str, int]:
    """For each anchor word, how many words before it a cue can start."""
    table = load_table("hedges.json")
    phrases = [phrase for phrases in table["cues"].values() for phrase in phrases]
    phrases += table["figure_bound_approximators"] + ["should"]
    words_before: dict[str, int] = {}
    for phrase in phrases:
        anchor = anchor_word(phrase)
        index = phrase.lower().split().index(anchor)
        words_before[anchor] = max(words_before.get(anchor, 0), index)
    modifier_words = 2 * max(len(modifier.split()) for modifier in table["attribution_shield"]["modifiers"])
    for subject in table["attribution_shield"]["subjects"]:
        anchor = anchor_word(subject)
        words_before[anchor] = max(words_before.get(anchor, 0), modifier_words)
    return words_before


def vocabulary() -> frozenset[str]:
    """Anchor words of every cue, for the shared word scan (see ``scan``)."""
    return frozenset(reach())


@functools.cache
def single_word_cues() -> dict[str, str]:
    """One-word cues that need no pattern: no other cue starts with them, none ends with them, and they have
    no exceptions ("perhaps", "reportedly", "so-called"). A scan hit on one of them is a cue as it stands."""
    table = load_table("hedges.json")
    shield = table["attribution_shield"]
    longer = [phrase for phrases in table["cues"].values() for phrase in phrases if len(phrase.split()) > 1]
    starting = {phrase.split()[0] for phrase in longer} | set(table["figure_bound_approximators"])
    starting |= {word for key in ("modifiers", "subjects") for word in shield[key]} | {"may", "might", "if"}
    return {phrase: type_name for type_name, phrases in table["cues"].items() for phrase in phrases
            if " " not in phrase and phrase not in starting and reach().get(phrase, 0) == 0}


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, type_name in sorted(found, key=lambda item: (item[0], -item[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, type_name))
    return kept


class HedgeLexicon:
    name = "hedge-lexicon"
    version = 2
    confidence = 0.75

    def detect(self, document: DocumentView) -> list[Proposal]:
        text = document.text
        simple = single_word_cues()
        anchors = hits_for(text, vocabulary())
        found = [(position, position + len(word), simple[word]) for position, word in anchors if word in simple]
        patterned = [(position, word) for position, word in anchors if word not in simple]
        lowered = _lowered(text)
        # Word by word, as the lower-cased text is matched, the words before an anchor can rule out a cue there.
        may_start_before = None if lowered is None else _may_start_before(text)
        for match in matches_at_anchors(_matcher(text, lowered), text, patterned, reach(), may_start_before):
            type_name = _type_of(document, match)
            if type_name:
                found.append((match.start(), match.end(), type_name))
        if "ccording" in text:
            found += [(m.start(), m.end(), "attribution-shield") for m in _ACCORDING_UNNAMED.finditer(text)]
        return [Proposal(layer="hedge", type=type_name, start=start, end=end)
                for start, end, type_name in _without_overlaps(found)]


DETECTOR = HedgeLexicon()
