"""Shared text units for detectors: paragraphs (with roles), sentences, and whitespace-trimmed spans.

Sentences are found inside paragraphs by a rule: a run of ``. ! ? …`` (plus closing quotes or brackets),
then white space, then a character that is not lower case. A single ``.`` after a known abbreviation
("Dr", "Gen", "Oct"), an initial ("W") or a dotted acronym ("U.S") is not a boundary. Known limits: a
sentence that really ends with "U.S." before a capital is not split; two sentences glued without a space
("channel.Why") stay one. Results are cached per text (see ``CACHED_DOCUMENTS``), so several detectors
share one segmentation.
"""

from __future__ import annotations

import bisect
import functools

from .base import DocumentView
from .lexicon import LazyPattern

ParagraphSpan = tuple[int, int, str]
# Results are kept for this many texts, so that detectors run one after the other over a batch of documents
# share one segmentation; ``registry.clear_caches`` frees them.
CACHED_DOCUMENTS = 1024
Span = tuple[int, int]

# Starts with a single character class (no group, no repeat) so that the regex engine skips ahead fast.
_BOUNDARY = LazyPattern(r"[.!?…][.!?…]*[\"'”’»)\]]*\s+(?![a-zà-öø-ÿ])")
# The same, run over the whole text at once; the group ends where the white space begins.
_BOUNDARY_MARKS = LazyPattern(r"[.!?…](?P<marks>[.!?…]*[\"'”’»)\]]*)\s+(?![a-zà-öø-ÿ])")
_MARKS = frozenset(".!?…\"'”’»)]")
_OPENERS = "(\"'“‘["
ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen", "rep", "gov",
        "pres", "st", "jr", "sr", "vs", "no", "nos", "fig", "approx", "est", "dept", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "mt", "ft", "etc", "e.g", "i.e"
    ]
)


def trim(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` without leading or trailing white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@functools.lru_cache(maxsize=64)
def _computed_paragraphs(text: str) -> tuple[ParagraphSpan, ...]:
    from ..structure import paragraphs

    return tuple((p.start, p.end, p.role) for p in paragraphs(text))


def paragraphs_of(document: DocumentView) -> tuple[ParagraphSpan, ...]:
    """The document's paragraphs (trimmed of white space), or the ones ``structure`` finds when it has none."""
    if not document.paragraphs:
        return _computed_paragraphs(document.text)
    return _trimmed(document.text, tuple(document.paragraphs))


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _trimmed(text: str, paragraphs: tuple[ParagraphSpan, ...]) -> tuple[ParagraphSpan, ...]:
    found = []
    for start, end, role in paragraphs:
        span = trim(text, start, end)
        if span:
            found.append((*span, role))
    return tuple(found)


def is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the single ``.`` at ``dot`` ends an abbreviation, an initial or a dotted acronym."""
    word = text[max(text.rfind(" ", start, dot), start - 1) + 1 : dot].lstrip("(\"'“‘[")
    if len(word) == 1:
        return word.isupper()
    return "." in word or word.lower() in ABBREVIATIONS


def _split_paragraph(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append the sentences of the paragraph ``text[start:end]`` (already trimmed) to ``spans``."""
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        dot, found = match.start(), match.group()
        mark_end = dot + len(found.rstrip())
        if mark_end - dot == 1 and text[dot] == "." and is_abbreviation(text, start, dot):
            continue
        if match.end() < end and text[match.end()].islower():
            continue
        spans.append((cursor, mark_end))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))


def _separable(text: str, paragraphs: list[Span]) -> bool:
    """Whether one boundary scan of the whole text finds, inside each paragraph, what a scan of the paragraph
    alone finds: the paragraphs are in order, apart, and none starts right after a sentence mark or closing
    quote (a boundary match could run into it from before)."""
    previous_end = 0
    for start, end in paragraphs:
        if start < previous_end or (start and text[start - 1] in _MARKS):
            return False
        previous_end = end
    return True


def _split_text(text: str, paragraphs: list[Span], spans: list[Span]) -> None:
    """``_split_paragraph`` for every paragraph (trimmed, ``_separable``) from one scan of the whole text."""
    index, (start, end) = 0, paragraphs[0]
    cursor = start
    for boundary in _BOUNDARY_MARKS.finditer(text, start, paragraphs[-1][1]):
        dot = boundary.start()
        while dot >= end:  # the boundary lies after this paragraph: finish it, go on to the next
            if cursor < end:
                spans.append((cursor, end))
            index += 1
            start, end = paragraphs[index]
            cursor = start
        after = boundary.end()
        if dot < start or after > end or (after < end and text[after].islower()):
            continue
        mark_end = boundary.end("marks")
        if mark_end - dot != 1 or text[dot] != "." or not _ends_abbreviation(text, start, dot):
            spans.append((cursor, mark_end))
            cursor = after
    if cursor < end:
        spans.append((cursor, end))
    spans.extend(paragraphs[index + 1 :])


def _ends_abbreviation(text: str, start: int, dot: int) -> bool:
    """``is_abbreviation``, inlined for the boundary scan."""
    space = text.rfind(" ", start, dot)
    word = text[space + 1 if space >= 0 else start : dot].lstrip(_OPENERS)
    if len(word) == 1:
        return word.isupper()
    return "." in word or word.lower() in ABBREVIATIONS


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _sentences(text: str, paragraph_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    found: list[Span] = []
    trimmed = [span for start, end in paragraph_spans if (span := trim(text, start, end))]
    if trimmed and _separable(text, trimmed):
        _split_text(text, trimmed, found)
        return tuple(found)
    for start, end in trimmed:
        _split_paragraph(text, start, end, found)
    return tuple(found)


def sentences_of(document: DocumentView) -> tuple[Span, ...]:
    """Sentence spans in document order, never crossing a paragraph boundary."""
    spans = tuple((start, end) for start, end, _ in paragraphs_of(document))
    return _sentences(document.text, spans)


class SpanIndex:
    """Find which of a sorted list of non-overlapping spans contains an offset."""

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def containing(self, offset: int) -> Span | None:
        position = bisect.bisect_right(self.starts, offset) - 1
        if position >= 0 and offset < self.spans[position][1]:
            return self.spans[position]
        return None


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _sentence_index(text: str, paragraph_spans: tuple[Span, ...]) -> SpanIndex:
    return SpanIndex(_sentences(text, paragraph_spans))


def sentence_index(document: DocumentView) -> SpanIndex:
    spans = tuple((start, end) for start, end, _ in paragraphs_of(document))
    return _sentence_index(document.text, spans)


def clear_caches() -> None:
    for cached in (_computed_paragraphs, _trimmed, _sentences, _sentence_index):
        cached.cache_clear()
