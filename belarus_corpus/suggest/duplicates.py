"""duplicates@1: paragraphs, titles, headings and long sentences repeated later in the same document.

Rule: paragraphs are compared on a fingerprint (case-folded, punctuation dropped, white space
collapsed). A later paragraph is ``artifact/duplicated-text`` when its fingerprint equals an earlier
one's, when it is near-verbatim (rapidfuzz ratio >= 90 against an earlier paragraph of similar length
that shares one of its anchor word 4-grams), or when it repeats a sentence of an earlier paragraph (a
pull quote). Then a sentence of at least eight words that repeats an earlier sentence is flagged on its
own, unless its paragraph was already flagged. The later copy is flagged, never the first; ``note``
gives the offsets of the first copy. Boilerplate paragraphs and paragraphs of fewer than three words
are left to other detectors.

Known limits: near-verbatim matching needs a shared anchor 4-gram (start, middle or end of the
paragraph), so a copy edited at all three places is missed; repeats across documents are not looked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .segment import Span, paragraphs_of, sentences_of

MIN_WORDS = 3
MIN_SENTENCE_WORDS = 8
NEAR_SCORE = 90.0
MAX_CANDIDATES = 50
_PUNCTUATION = LazyPattern(r"[^\w\s]+")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        return " ".join(self.words)


def _unit(text: str, start: int, end: int) -> Unit:
    return Unit(start, end, tuple(_PUNCTUATION.sub(" ", text[start:end].casefold()).split()))


def _anchors(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < 4:
        return {words}
    middle = len(words) // 2 - 2
    return {words[:4], words[middle : middle + 4], words[-4:]}


def _proposal(unit: Unit, original: Unit, how: str) -> Proposal:
    return Proposal(layer="artifact", type="duplicated-text", start=unit.start, end=unit.end,
                    attributes={"explanation": f"This text repeats {how} earlier text of the same document."},
                    note=f"first copy at {original.start}-{original.end}")


class _Seen:
    """Earlier paragraphs, indexed by fingerprint, anchor 4-grams and sentences."""

    def __init__(self) -> None:
        self.by_fingerprint: dict[str, Unit] = {}
        self.by_anchor: dict[tuple[str, ...], list[Unit]] = {}
        self.sentences: dict[str, Unit] = {}

    def add(self, unit: Unit, sentences: list[Unit]) -> None:
        self.by_fingerprint.setdefault(unit.fingerprint, unit)
        for anchor in _anchors(unit.words):
            self.by_anchor.setdefault(anchor, []).append(unit)
        for sentence in sentences:
            self.sentences.setdefault(sentence.fingerprint, sentence)

    def original_of(self, unit: Unit) -> tuple[Unit, str] | None:
        exact = self.by_fingerprint.get(unit.fingerprint) or self.sentences.get(unit.fingerprint)
        if exact:
            return exact, "verbatim"
        near = self._near(unit)
        return (near, "near-verbatim") if near else None

    def _near(self, unit: Unit) -> Unit | None:
        from rapidfuzz import fuzz

        size = len(unit.fingerprint)
        for anchor in _anchors(unit.words):
            for earlier in self.by_anchor.get(anchor, [])[-MAX_CANDIDATES:]:
                other = len(earlier.fingerprint)
                if min(size, other) >= 0.85 * max(size, other) and fuzz.ratio(
                        unit.fingerprint, earlier.fingerprint, score_cutoff=NEAR_SCORE):
                    return earlier
        return None


def _sentences_by_paragraph(document: DocumentView) -> dict[Span, list[Unit]]:
    grouped: dict[Span, list[Unit]] = {}
    paragraphs = [(start, end) for start, end, _ in paragraphs_of(document)]
    position = 0
    for start, end in sentences_of(document):
        while position < len(paragraphs) and paragraphs[position][1] < end:
            position += 1
        if position < len(paragraphs):
            grouped.setdefault(paragraphs[position], []).append(_unit(document.text, start, end))
    return grouped


class Duplicates:
    name = "duplicates"
    version = 1

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        seen = _Seen()
        sentence_origin: dict[str, Unit] = {}
        grouped = _sentences_by_paragraph(document)
        for start, end, role in paragraphs_of(document):
            unit = _unit(document.text, start, end)
            sentences = grouped.get((start, end), [])
            if role != "boilerplate" and len(unit.words) >= MIN_WORDS:
                found = seen.original_of(unit)
                if found:
                    yield _proposal(unit, *found)
                else:
                    yield from _repeated_sentences(sentences, sentence_origin)
            seen.add(unit, sentences)
            for sentence in sentences:
                sentence_origin.setdefault(sentence.fingerprint, sentence)


def _repeated_sentences(sentences: list[Unit], origin: dict[str, Unit]) -> Iterator[Proposal]:
    if len(sentences) < 2:
        return
    for sentence in sentences:
        earlier = origin.get(sentence.fingerprint)
        if len(sentence.words) >= MIN_SENTENCE_WORDS and earlier:
            yield _proposal(sentence, earlier, "verbatim")


DETECTOR = Duplicates()
