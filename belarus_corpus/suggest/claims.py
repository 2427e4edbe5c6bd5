"""Shared rule for sentence-level claims: one proposal per sentence that holds at least one trigger.

Quantity and date claims use the sentence as their span unit: the whole sentence (as ``segment`` finds it,
with its final punctuation) that contains the figure or date. A sentence with several triggers gives one
proposal whose ``value`` lists the distinct normalized values in order, joined by "; ".
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

from .base import DocumentView, Proposal
from .claim_units import claim_units, unit_starts
from .dates import DateMention, find_dates
from .figures import Figure, find_figures
from .segment import Span


# Figures and dates are small, so many documents' worth are kept: the corpus detector, which runs after
# the document detectors, then finds them without scanning again. ``registry.clear_caches`` frees them.
@functools.lru_cache(maxsize=4096)
def dates_in(text: str) -> tuple[DateMention, ...]:
    return tuple(find_dates(text))


@functools.lru_cache(maxsize=4096)
def figures_in(text: str) -> tuple[Figure, ...]:
    """Figures of the text that are not part of a date ("17" in "August 17, 2025")."""
    dates = dates_in(text)
    figures = find_figures(text)
    if not dates:
        return tuple(figures)
    kept: list[Figure] = []
    position = 0
    for figure in figures:
        while position < len(dates) and dates[position].end <= figure.start:
            position += 1
        inside_date = position < len(dates) and dates[position].start < figure.end
        if not inside_date:
            kept.append(figure)
    return tuple(kept)


def sentence_claims(document: DocumentView, triggers: Iterable[tuple[int, int, str | None]],
                    claim_type: str) -> list[Proposal]:
    """One ``claim/<claim_type>`` proposal per claim unit (see ``claim_units``) holding a trigger ``(start, end,
    value)``; triggers outside every unit (in a question, a heading, a quotation, a dateline) are dropped."""
    units = claim_units(document)
    starts = unit_starts(units)
    values_by_span: dict[Span, list[str]] = {}
    for start, _end, value in triggers:
        position = bisect.bisect_right(starts, start) - 1
        if position < 0 or start >= units[position].end:
            continue
        span = (units[position].start, units[position].end)
        values = values_by_span.get(span)
        if values is None:
            values = values_by_span[span] = []
        if value and value not in values:
            values.append(value)
    return [Proposal("claim", claim_type, start, end, {"value": "; ".join(values)} if values else {})
            for (start, end), values in values_by_span.items()]


def clear_caches() -> None:
    dates_in.cache_clear()
    figures_in.cache_clear()
