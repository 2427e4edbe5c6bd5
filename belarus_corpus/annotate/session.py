"""A review session: the suggestions to go through, and what a reviewer does to one of them (accept, reject,
retype, edit attributes, widen or narrow it by a word, go back). Every change is one entry of the operations
log, so going back undoes exactly the last change of the session. Nothing here prints or reads input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Span
from .api import SpanFilter, filtered_spans
from .operations import SpanEdit, update_span
from .oplog import recorded, undo
from .records import check_annotator
from .review import decide_ids, reviewable

if TYPE_CHECKING:
    from ..reader import CorpusReader

WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def word_edges(text: str) -> tuple[list[int], list[int]]:
    """Where words (and punctuation marks) start and end in ``text``."""
    matches = list(WORD.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def moved(text: str, start: int, end: int, side: str, widen: bool) -> tuple[int, int]:
    """The span's offsets after moving one of its edges by one word: ``side`` is ``start`` or ``end``; widening
    takes in the next word outside, narrowing gives up the outermost word inside (a span keeps one word)."""
    starts, ends = word_edges(text)
    if side == "start":
        if widen:
            return max((s for s in starts if s < start), default=start), end
        return min((s for s in starts if start < s < end), default=start), end
    if widen:
        return start, min((e for e in ends if e > end), default=end)
    return start, max((e for e in ends if start < e < end), default=end)


@dataclass
class Step:
    """One thing done in the session: on which suggestion, and the log entry (None for a skip)."""

    position: int
    operation: int | None
    advanced: bool


@dataclass
class ReviewSession:
    corpus: CorpusReader
    spans: list[Span]
    annotator: str | None = None
    position: int = 0
    steps: list[Step] = field(default_factory=list)
    tally: dict[str, int] = field(default_factory=lambda: {"accepted": 0, "rejected": 0, "edited": 0,
                                                             "skipped": 0, "undone": 0})

    @classmethod
    def open(cls, corpus: CorpusReader, doc_ids: list[str], detector: str | None, annotator: str | None
             ) -> ReviewSession:
        method = (detector if detector.startswith("rule:") else f"rule:{detector}") if detector else None
        reviewer = check_annotator(annotator)  # another annotator's suggested manual records are not shown
        spans = [s for s in filtered_spans(corpus, SpanFilter(doc_ids, status="suggested", method=method))
                 if reviewable(s, reviewer)]
        return cls(corpus, spans, annotator)

    @property
    def done(self) -> bool:
        return self.position >= len(self.spans)

    @property
    def current(self) -> Span:
        return self.spans[self.position]

    def text(self) -> str:
        return self.corpus.document(self.current.doc_id).text

    def _did(self, made: list[Any], advance: bool, what: str) -> None:
        self.steps.append(Step(self.position, made[0].id if made else None, advance))
        self.tally[what] += 1
        if advance:
            self.position += 1

    def decide(self, decision: str) -> None:
        span = self.current
        with recorded(self.corpus, f"review {decision} {span.id}") as made:
            decide_ids(self.corpus, decision, [span.id], self.annotator)
        self._did(made, True, "accepted" if decision == "accept" else "rejected")

    def skip(self) -> None:
        self._did([], True, "skipped")

    def edit(self, edit: SpanEdit) -> Span:
        span = self.current
        with recorded(self.corpus, f"review edit {span.id}") as made:
            new = update_span(self.corpus, span.id, edit, doc_id=span.doc_id)
        self.spans[self.position] = new
        self._did(made, False, "edited")
        return new

    def retype(self, type_: str) -> Span:
        return self.edit(SpanEdit(type=type_))

    def set_attributes(self, values: dict[str, str], remove: tuple[str, ...] = ()) -> Span:
        return self.edit(SpanEdit(attributes=values, remove_attributes=remove))

    def move_edge(self, side: str, widen: bool) -> Span:
        span = self.current
        start, end = moved(self.text(), span.start, span.end, side, widen)
        if (start, end) == (span.start, span.end):
            return span
        return self.edit(SpanEdit(start=start, end=end))

    def back(self) -> bool:
        """Undo the session's last step (a skip is only stepped back over); False when there is none."""
        if not self.steps:
            return False
        step = self.steps.pop()
        if step.operation is not None:
            undo(self.corpus, step.operation)
            self.tally["undone"] += 1
        self.position = step.position
        doc_id = self.spans[step.position].doc_id
        fresh = {s.id: s for s in self.corpus.annotations(doc_id).spans}
        self.spans[step.position] = fresh.get(self.spans[step.position].id, self.spans[step.position])
        return True
