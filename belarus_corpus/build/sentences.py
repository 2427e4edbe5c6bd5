"""The sentence view: one row per sentence, with every gold span of every layer as a span list (spaCy spancat).

Segmenter ``rule-sentences@1``: paragraphs are split after ``.``, ``!`` or ``?`` (and any closing quotes or
brackets) when white space and then an upper-case letter, a digit or an opening quote follow, except after a
few abbreviations (``Mr.``, ``U.S.`` …) and single capital initials. No span is ever cut: when a gold span
crosses a sentence (or paragraph) boundary, the sentences it touches make one row (``n_sentences`` says how
many). Each row lists its spans with offsets relative to the row's text and the tokens (``regex-words@2``) that
cover them; a span whose edges fall inside a token keeps its exact characters and covers the tokens it touches
(``token_aligned`` false). Overlapping spans, in one layer or across layers, are all listed: nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..model import Span
from .tokens import tokenize

SEGMENTER = "rule-sentences@1"
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "jr",
                  "sr", "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
                  "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "inc", "co", "corp", "ltd"}


def sentence_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one paragraph) as document offsets, stripped of white space."""
    ranges, begin = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        word = re.search(r"([\w.]+)[.!?]*$", text[begin : match.start() + 1])
        stem = word.group(1).rstrip(".").lower() if word else ""
        if stem in _ABBREVIATIONS or re.fullmatch(r"[a-z]", stem):
            continue
        ranges.append((begin, match.end()))
        begin = match.end()
    ranges.append((begin, end))
    stripped = []
    for a, b in ranges:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if a < b:
            stripped.append((a, b))
    return stripped


def rows_of(text: str, paragraphs: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[tuple[int, int, int]]:
    """(start, end, sentences in it) per row: sentences merged where a span crosses between them."""
    sentences = [r for start, end in paragraphs for r in sentence_ranges(text, start, end)]
    if not sentences:
        return []
    rows = [(sentences[0][0], sentences[0][1], 1)]
    for start, end in sentences[1:]:
        last_start, last_end, count = rows[-1]
        if any(s.start < last_end and s.end > start for s in spans):  # a span crosses the boundary
            rows[-1] = (last_start, end, count + 1)
        else:
            rows.append((start, end, 1))
    return _cover(rows, spans)


def _cover(rows: list[tuple[int, int, int]], spans: Sequence[Span]) -> list[tuple[int, int, int]]:
    """Widen rows to take in spans that begin or end outside every sentence (in white space between them)."""
    for span in spans:
        touched = [i for i, (a, b, _) in enumerate(rows) if a < span.end and span.start < b]
        if not touched:
            continue
        first, last = touched[0], touched[-1]
        a, b = min(rows[first][0], span.start), max(rows[last][1], span.end)
        rows[first : last + 1] = [(a, b, sum(r[2] for r in rows[first : last + 1]))]
    return rows


def sentence_rows(doc_id: str, text: str, paragraphs: Sequence[tuple[int, int, int]],
                  spans: Sequence[Span]) -> Iterator[dict[str, Any]]:
    """Rows of the sentences config for one document: ``paragraphs`` are (index, start, end)."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.layer, s.type, s.id))
    rows = rows_of(text, [(a, b) for _, a, b in paragraphs], ordered)
    placed = {s.id for s in ordered if not any(a <= s.start and s.end <= b for a, b, _ in rows)}
    if placed:  # a span outside every paragraph (cannot happen for valid stores): its own row, never dropped
        for span in ordered:
            if span.id in placed:
                rows.append((span.start, span.end, 0))
        rows.sort()
    sentence = 0
    for index, (start, end, count) in enumerate(rows):
        tokens = [(a + start, b + start) for a, b in tokenize(text[start:end])]
        paragraph = next((p for p, a, b in paragraphs if a <= start < b), None)
        yield {"doc_id": doc_id, "index": index, "sentence": sentence, "n_sentences": count,
               "paragraph": paragraph, "start": start, "end": end, "text": text[start:end],
               "tokens": [text[a:b] for a, b in tokens], "token_starts": [a - start for a, _ in tokens],
               "token_ends": [b - start for _, b in tokens],
               "spans": [_span_item(s, start, tokens) for s in ordered if start <= s.start and s.end <= end]}
        sentence += count


def _span_item(span: Span, offset: int, tokens: Sequence[tuple[int, int]]) -> dict[str, Any]:
    covered = [i for i, (a, b) in enumerate(tokens) if a < span.end and span.start < b]
    first, last = (covered[0], covered[-1] + 1) if covered else (0, 0)
    aligned = bool(covered) and tokens[first][0] == span.start and tokens[last - 1][1] == span.end
    return {"id": span.id, "layer": span.layer, "type": span.type, "start": span.start - offset,
            "end": span.end - offset, "token_start": first, "token_end": last, "token_aligned": aligned}
