"""Which sentences can be claims, and the stretch of each that a claim span covers.

A claim span is a sentence (``segment``), less what is not part of the statement: a wire dateline before it
("MINSK, Nov 14 (Eastwire) – "), a Q&A prefix ("A: "), and lines before its last line that hold no statement
(a live blog's "17:20" time stamp): a span never crosses a line break. A sentence is no claim when it is a
question, a heading other than the title, a line of site furniture (boilerplate), words inside a quotation (the
quotation is its own ``quote`` claim), or a dateline or byline.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from .base import DocumentView
from .lexicon import LazyPattern
from .quotes import paired, quote_marks
from .segment import Span, paragraphs_of, sentences_of

_DATELINE = LazyPattern(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]{2,30},\s+[^\n–—]{0,40}?(?:\([A-Z][\w .&-]{1,30}\)\s*)?[–—-]\s+(?=[A-Z\"“])")
_QA_PREFIX = LazyPattern(r"(?:Q|A)\s*[:.]\s+")
# A byline or dateline on a line of its own: "By Ewa Lis | March 6, 2026", "Updated 13 November 2025, 22:40",
# "Interview by …", "Vilnius, 2 June 2025".
_DATE_LINE = LazyPattern(r"(?:By|Updated|Published|Posted|Interview\s+by|Author:)\s[^\n]{0,80}$"
                         r"|[A-ZÀ-Þ][\w’'-]+(?:\s[A-ZÀ-Þ][\w’'-]+)?,\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\.?$")
_QUESTION_END = ("?", "?”", "?\"", "?»")
_FILLER = LazyPattern(r"(?i)(?:only time will tell|it remains to be seen|time will tell|thank you for)\b")
_OPENING_MARKS = "\"“„«"


@dataclass(frozen=True)
class Unit:
    """A sentence that may be a claim: its claim span, the paragraph's role and whether it is the title."""

    start: int
    end: int
    role: str


def line_pieces(text: str, start: int, end: int) -> list[Span]:
    """The sentence ``text[start:end]`` cut at its line breaks."""
    pieces: list[Span] = []
    newline = text.find("\n", start, end)
    while newline >= 0:
        pieces.append((start, newline))
        start = newline + 1
        newline = text.find("\n", start, end)
    pieces.append((start, end))
    return pieces


def claim_span(text: str, start: int, end: int) -> Span | None:
    """The part of one line of a sentence, ``text[start:end]``, a claim covers (see the module docstring)."""
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    prefix = _QA_PREFIX.match(text, start, end)
    if prefix:
        start = prefix.end()
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if start < end else None


def quotation_spans(text: str, start: int, end: int) -> list[Span]:
    """(opening mark, closing mark) of the outermost quotations of the paragraph ``text[start:end]``."""
    marks = [mark + start for mark in quote_marks(text[start:end])]
    return [(q.open, q.close) for q in paired(text, marks) if not q.depth]


def inside_quotation(text: str, quotations: list[Span], start: int) -> bool:
    """Whether a sentence starting at ``start`` begins inside (or with) a quotation of its paragraph."""
    if text[start] in _OPENING_MARKS:
        return True
    return any(open_ < start < close for open_, close in quotations)


def is_question(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip().endswith(_QUESTION_END)


@functools.lru_cache(maxsize=1024)
def _units(text: str, paragraphs: tuple[tuple[int, int, str], ...], sentences: tuple[Span, ...]) -> tuple[Unit, ...]:
    found: list[Unit] = []
    index = 0
    for p_start, p_end, role in paragraphs:
        quotations = quotation_spans(text, p_start, p_end)
        while index < len(sentences) and sentences[index][0] < p_end:
            s_start, s_end = sentences[index]
            index += 1
            if s_start < p_start or role in ("heading", "boilerplate"):
                continue
            for piece in line_pieces(text, s_start, s_end):
                span = claim_span(text, *piece)
                if span is None or is_question(text, *span) or _DATE_LINE.compiled.fullmatch(text, *span):
                    continue
                if inside_quotation(text, quotations, span[0]) or _FILLER.match(text, span[0]):
                    continue
                found.append(Unit(span[0], span[1], role))
    return tuple(found)


def claim_units(document: DocumentView) -> tuple[Unit, ...]:
    """The document's sentences that may be claims, as claim spans, in order."""
    return _units(document.text, paragraphs_of(document), sentences_of(document))


def unit_containing(units: Sequence[Unit], starts: Sequence[int], offset: int) -> Unit | None:
    """The unit of ``units`` (``starts``: their starts) that contains ``offset``, or None."""
    position = bisect.bisect_right(starts, offset) - 1
    return units[position] if position >= 0 and offset < units[position].end else None


@functools.lru_cache(maxsize=1024)
def _starts(units: tuple[Unit, ...]) -> list[int]:
    return [unit.start for unit in units]


def unit_starts(units: tuple[Unit, ...]) -> list[int]:
    return _starts(units)


def clear_caches() -> None:
    _units.cache_clear()
    _starts.cache_clear()
