"""duplicates@2: paragraphs, titles, headings and long sentences repeated later in the same document.

Rule: a later paragraph is ``artifact/duplicated-text`` when its text equals an earlier paragraph's,
when it equals a sentence of an earlier paragraph (a pull quote), or when it is near-verbatim: rapidfuzz
ratio >= 90 against an earlier paragraph of similar length that begins or ends with the same 32
characters. Then a sentence of at least eight words that repeats an earlier sentence is flagged on its
own, unless its paragraph was already flagged. Both copies are flagged (guidelines §5), each line of a
paragraph on its own (a span never crosses a line break; lines of fewer than three words, such as a live
blog's time stamp, are left out), and ``detect_with_links`` also gives a ``duplicate-of`` link from each
later copy to the first; ``note`` gives the offsets of the first copy. Boilerplate paragraphs and
paragraphs of fewer than three words are left to other detectors. Confidence: 0.9 verbatim, 0.7
near-verbatim.

Known limits: comparison is on the exact characters, so a copy that differs in case or spacing is only
found as near-verbatim, and a copy edited both in its first and in its last 32 characters is missed;
repeats across documents are not looked for.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .base import DocumentView, LinkProposal, Proposal, span_key
from .claim_units import line_pieces
from .segment import Span, paragraphs_of, sentences_of, trim

MIN_WORDS = 3
MIN_SENTENCE_WORDS = 8
NEAR_SCORE = 90.0
MAX_CANDIDATES = 50
EDGE = 32


def _proposal(span: Span, original: Span, how: str) -> Proposal:
    return Proposal(layer="artifact", type="duplicated-text", start=span[0], end=span[1],
                    attributes={"explanation": f"This text repeats {how} earlier text of the same document."},
                    note=f"first copy at {original[0]}-{original[1]}", score=0.9 if how == "verbatim" else 0.7)


def _first_copy(span: Span, how: str) -> Proposal:
    return Proposal(layer="artifact", type="duplicated-text", start=span[0], end=span[1],
                    attributes={"explanation": f"This text is repeated {how} later in the same document."},
                    note="first copy", score=0.9 if how == "verbatim" else 0.7)


def _lines(text: str, span: Span) -> list[Span]:
    """The lines of a span with at least ``MIN_WORDS`` words (a paragraph with a time stamp line: its text line)."""
    found = []
    for piece in line_pieces(text, *span):
        trimmed = trim(text, *piece)
        if trimmed and _words(text, trimmed) >= MIN_WORDS:
            found.append(trimmed)
    return found or [span]


def _pairs(text: str, later: Span, first: Span, how: str) -> list[tuple[Proposal, Proposal]]:
    """(later copy, first copy) proposals line by line (whole spans when their lines do not pair up)."""
    later_lines, first_lines = _lines(text, later), _lines(text, first)
    if len(later_lines) != len(first_lines):
        later_lines, first_lines = [later], [first]
    return [(_proposal(a, b, how), _first_copy(b, how)) for a, b in zip(later_lines, first_lines, strict=True)]


def _words(text: str, span: Span) -> int:
    return text.count(" ", *span) + 1


class _Seen:
    """Earlier paragraphs (by exact text and by their first and last characters) and earlier sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: dict[str, Span] = {}
        self.by_edge: dict[str, list[Span]] = {}
        self.sentences: dict[str, Span] = {}

    def add(self, paragraph: Span, body: str, sentences: list[Span], bodies: list[str]) -> None:
        """Remember a paragraph (``body`` is its text) and its sentences (``bodies``: their texts)."""
        self.paragraphs.setdefault(body, paragraph)
        by_edge = self.by_edge
        head, tail = body[:EDGE], body[-EDGE:]
        for edge in (head,) if head == tail else (head, tail):
            spans = by_edge.get(edge)
            if spans is None:
                by_edge[edge] = [paragraph]
            else:
                spans.append(paragraph)
        earlier = self.sentences
        for sentence, sentence_body in zip(sentences, bodies, strict=True):
            if sentence_body not in earlier:
                earlier[sentence_body] = sentence

    def original_of(self, body: str) -> tuple[Span, str] | None:
        exact = self.paragraphs.get(body) or self.sentences.get(body)
        if exact:
            return exact, "verbatim"
        near = self._near(body)
        return (near, "near-verbatim") if near else None

    def _near(self, body: str) -> Span | None:
        head, tail = self.by_edge.get(body[:EDGE]), self.by_edge.get(body[-EDGE:])
        if head is None and tail is None:
            return None
        candidates = {span for spans in (head, tail) if spans for span in spans[-MAX_CANDIDATES:]}
        from rapidfuzz import fuzz

        for start, end in sorted(candidates):
            size, other = len(body), end - start
            if min(size, other) >= 0.85 * max(size, other) and fuzz.ratio(
                    body, self.text[start:end], score_cutoff=NEAR_SCORE):
                return (start, end)
        return None


def _grouped_sentences(document: DocumentView) -> Iterator[tuple[Span, str, list[Span]]]:
    """Each paragraph with its role and its sentences: those after the sentences of the paragraphs before it
    that end in it, less those that start before it."""
    sentences = sentences_of(document)
    starts, ends = [start for start, _ in sentences], [end for _, end in sentences]
    if starts != sorted(starts) or ends != sorted(ends):
        yield from _grouped_one_by_one(document, sentences)
        return
    cursor = 0
    for start, end, role in paragraphs_of(document):
        stop = bisect.bisect_right(ends, end, cursor)
        yield (start, end), role, list(sentences[bisect.bisect_left(starts, start, cursor, stop) : stop])
        cursor = stop


def _grouped_one_by_one(document: DocumentView, sentences: tuple[Span, ...]
                        ) -> Iterator[tuple[Span, str, list[Span]]]:
    cursor, count = 0, len(sentences)
    for start, end, role in paragraphs_of(document):
        own: list[Span] = []
        while cursor < count and sentences[cursor][1] <= end:
            if sentences[cursor][0] >= start:
                own.append(sentences[cursor])
            cursor += 1
        yield (start, end), role, own


class Duplicates:
    name = "duplicates"
    version = 2
    confidence = 0.9

    def detect(self, document: DocumentView) -> list[Proposal]:
        return self.detect_with_links(document)[0]

    def detect_with_links(self, document: DocumentView) -> tuple[list[Proposal], list[LinkProposal]]:
        """Both copies of every repeat, and a ``duplicate-of`` link from each later copy to the first."""
        proposals: dict[tuple[int, int], Proposal] = {}
        links: list[LinkProposal] = []
        for later, first in self._pairs(document):
            proposals.setdefault((first.start, first.end), first)
            proposals[(later.start, later.end)] = later
            links.append(LinkProposal("duplicate-of", span_key(document.doc_id, later),
                                      span_key(document.doc_id, first)))
        return sorted(proposals.values(), key=lambda p: (p.start, p.end)), links

    def _pairs(self, document: DocumentView) -> Iterator[tuple[Proposal, Proposal]]:
        text = document.text
        seen = _Seen(text)
        for paragraph, role, sentences in _grouped_sentences(document):
            body = text[paragraph[0] : paragraph[1]]
            bodies = [text[start:end] for start, end in sentences]
            if role != "boilerplate" and body.count(" ") + 1 >= MIN_WORDS:
                found = seen.original_of(body)
                if found:
                    yield from _pairs(text, paragraph, *found)
                elif len(sentences) > 1:
                    yield from _repeated_sentences(text, sentences, bodies, seen.sentences)
            seen.add(paragraph, body, sentences, bodies)


def _repeated_sentences(text: str, sentences: list[Span], bodies: list[str],
                        earlier: dict[str, Span]) -> Iterator[tuple[Proposal, Proposal]]:
    for sentence, body in zip(sentences, bodies, strict=True):
        original = earlier.get(body)
        if original and _words(text, sentence) >= MIN_SENTENCE_WORDS:
            yield _proposal(sentence, original, "verbatim"), _first_copy(original, "verbatim")


DETECTOR = Duplicates()
