"""Reviewing suggestions: accept or reject by id or by detector; rejected spans stay so they are not proposed again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import Problem, UsageError
from ..model import Span
from ..store import StoreContent
from .operations import change_store, iter_spans
from .records import default_annotator

if TYPE_CHECKING:
    from ..corpus import Corpus

DECISIONS = {"accept": "gold", "reject": "rejected"}


@dataclass
class ReviewOutcome:
    changed: list[Span] = field(default_factory=list)
    not_suggested: list[str] = field(default_factory=list)


def _set_status(corpus: Corpus, doc_id: str, chosen: Callable[[Span], bool], status: str,
                outcome: ReviewOutcome, annotator: str | None) -> None:
    def change(content: StoreContent) -> StoreContent:
        updated = []
        for span in content.spans:
            if chosen(span) and span.status == "suggested":
                span = span.with_changes(status=status, reviewed_by=annotator or default_annotator())
                outcome.changed.append(span)
            updated.append(span)
        content.spans = updated
        return content

    change_store(corpus, doc_id, change)


def decide_ids(corpus: Corpus, decision: str, span_ids: list[str], annotator: str | None = None) -> ReviewOutcome:
    status = DECISIONS[decision]
    wanted = set(span_ids)
    where: dict[str, str] = {}
    states: dict[str, str] = {}
    for span in iter_spans(corpus):
        if span.id in wanted:
            where[span.id], states[span.id] = span.doc_id, span.status
    missing = sorted(wanted - set(where))
    if missing:
        raise UsageError(Problem("<arguments>", None, "unknown-span", "no span " + ", ".join(missing),
                                 "list suggestions with 'belarus-corpus annotate list --status suggested'"))
    outcome = ReviewOutcome(not_suggested=sorted(i for i, s in states.items() if s != "suggested"))
    for doc_id in sorted(set(where.values())):
        _set_status(corpus, doc_id, lambda s: s.id in wanted, status, outcome, annotator)
    return outcome


def decide_detector(corpus: Corpus, decision: str, detector: str, doc_ids: list[str] | None = None,
                    annotator: str | None = None) -> ReviewOutcome:
    status = DECISIONS[decision]
    prefix = f"rule:{detector}" if not detector.startswith("rule:") else detector
    outcome = ReviewOutcome()
    for doc_id in doc_ids or corpus.doc_ids():
        _set_status(corpus, doc_id, lambda s: s.method == prefix or s.method.startswith(prefix + "@"), status,
                    outcome, annotator)
    return outcome


def retype(corpus: Corpus, span: Span, type_: str) -> Span:
    from .operations import SpanEdit, update_span

    return update_span(corpus, span.id, SpanEdit(type=type_), doc_id=span.doc_id)
