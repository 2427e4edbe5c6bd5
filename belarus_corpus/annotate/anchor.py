"""Quote → offsets, with helpful failures; and re-anchoring a span in a changed text."""

from __future__ import annotations

from dataclasses import dataclass

from ..codes import Code
from ..errors import Problem, UsageError

FUZZY_THRESHOLD = 85.0
CONTEXT = 30


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    score: float

    def show(self, text: str) -> str:
        before = text[max(0, self.start - CONTEXT) : self.start].replace("\n", " ")
        after = text[self.end : self.end + CONTEXT].replace("\n", " ")
        return f"{self.start}:{self.end} …{before}[{text[self.start:self.end]}]{after}…"


def occurrences(text: str, quote: str) -> list[int]:
    found, position = [], text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def fuzzy_candidates(text: str, quote: str, limit: int = 3) -> list[Candidate]:
    """Closest passages to ``quote`` (rapidfuzz alignment), best first, non-overlapping."""
    from rapidfuzz import fuzz

    window = max(len(quote) * 2, 80)
    step = max(len(quote), 40)
    found: list[Candidate] = []
    for offset in range(0, max(1, len(text) - len(quote) + 1), step):
        chunk = text[offset : offset + window]
        alignment = fuzz.partial_ratio_alignment(quote, chunk, score_cutoff=60)
        if alignment is not None:
            start, end = _to_word_edges(text, offset + alignment.dest_start, offset + alignment.dest_end)
            found.append(Candidate(start, end, alignment.score))
    best: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-c.score, c.start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in best):
            best.append(candidate)
        if len(best) == limit:
            break
    return best


def _to_word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def anchor_quote(doc_id: str, text: str, quote: str, occurrence: int | None) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) exact occurrence of ``quote``; a clear error otherwise."""
    if not quote:
        raise UsageError(Problem("--quote", None, Code.EMPTY_QUOTE, "the quote is empty", "give the span's exact text"))
    found = occurrences(text, quote)
    if not found:
        near = fuzzy_candidates(text, quote)
        listing = "; ".join(c.show(text) for c in near) or "nothing similar"
        raise UsageError(Problem(doc_id, None, Code.QUOTE_NOT_FOUND, f"{quote!r} does not occur in {doc_id}",
                                 f"closest passages: {listing}; copy the exact text, or use --start/--end"))
    if occurrence is None and len(found) > 1:
        listing = "; ".join(f"{n}) " + Candidate(s, s + len(quote), 100).show(text)
                            for n, s in enumerate(found, start=1))
        raise UsageError(Problem(doc_id, None, Code.AMBIGUOUS_QUOTE, f"{quote!r} occurs {len(found)} times: {listing}",
                                 "choose one with --occurrence N"))
    index = (occurrence or 1) - 1
    if not 0 <= index < len(found):
        raise UsageError(Problem(doc_id, None, Code.BAD_OCCURRENCE, f"--occurrence {occurrence}: the quote occurs "
                                 f"{len(found)} time(s)", f"use a number from 1 to {len(found)}"))
    return found[index], found[index] + len(quote)


def reanchor(text: str, quote: str, prefix: str, suffix: str, old_start: int) -> tuple[int, int] | None:
    """New offsets for a span's text in a changed document: exact with context, exact nearest, then fuzzy."""
    found = occurrences(text, quote)
    with_context = [s for s in found if text[max(0, s - len(prefix)) : s].endswith(prefix)
                    and text[s + len(quote) :].startswith(suffix)]
    for group in (with_context, found):
        if group:
            start = min(group, key=lambda s: abs(s - old_start))
            return start, start + len(quote)
    near = [c for c in fuzzy_candidates(text, quote, limit=1) if c.score >= FUZZY_THRESHOLD]
    return (near[0].start, near[0].end) if near else None
