"""Re-anchoring after ``ingest --replace``: move spans to the new text, or mark them orphaned; drop nothing.

A span found again with exactly its text keeps its status (only its offsets moved with the text around it). A span
whose text changed (the fuzzy aligner placed it on different characters: its edges moved, or a word in it changed)
is no longer gold: it becomes ``suggested`` until someone reviews it, and the outcome lists the old and new text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Span, context
from ..store import StoreContent
from .anchor import reanchor
from .operations import change_store

if TYPE_CHECKING:
    from ..reader import CorpusReader


@dataclass(frozen=True)
class TextChange:
    """A span placed on different text: what it was, what it is now, and the status it was given."""

    before: Span
    after: Span


@dataclass
class ReanchorOutcome:
    doc_id: str
    moved: int = 0
    unchanged: int = 0
    orphaned: list[Span] = field(default_factory=list)
    changed: list[TextChange] = field(default_factory=list)

    def summary(self) -> str:
        line = (f"{self.doc_id}: {self.unchanged} unchanged, {self.moved} re-anchored, {len(self.orphaned)} orphaned"
                f", {len(self.changed)} changed text")
        for change in self.changed:
            old, new = change.before, change.after
            demoted = f", was {old.status}, now {new.status}: review it" if old.status != new.status else ""
            line += (f"\n  changed {old.id} {old.layer}/{old.type} {old.start}:{old.end} {old.text!r} -> "
                     f"{new.start}:{new.end} {new.text!r}{demoted}")
        for span in self.orphaned:
            line += f"\n  orphaned {span.id} {span.layer}/{span.type} {span.text!r} (was {span.start}:{span.end})"
        return line


def unreviewed(span: Span) -> Span:
    """Gold placed on other characters goes back to review: an accepted detector suggestion becomes the detector's
    suggestion again (``review accept`` makes it the reviewer's once more), any other span a suggestion of its
    annotator."""
    if span.suggested_by is not None:
        return span.with_changes(status="suggested", reviewed_by=None, annotator=span.suggested_by,
                                 suggested_by=None)
    return span.with_changes(status="suggested", reviewed_by=None)


def reanchor_documents(corpus: CorpusReader, doc_ids: list[str] | None = None) -> list[ReanchorOutcome]:
    return [reanchor_document(corpus, doc_id) for doc_id in doc_ids or corpus.doc_ids()]


def reanchor_document(corpus: CorpusReader, doc_id: str) -> ReanchorOutcome:
    document = corpus.document(doc_id)
    outcome = ReanchorOutcome(doc_id)

    def place(span: Span) -> Span:
        if span.text_sha256 == document.text_sha256:
            outcome.unchanged += 1
            return span
        found = reanchor(document.text, span.text, span.prefix, span.suffix, span.start)
        if found is None:
            orphan = span.with_changes(status="orphaned")
            outcome.orphaned.append(orphan)
            return orphan
        start, end = found
        prefix, suffix = context(document.text, start, end)
        text = document.text[start:end]
        status = "suggested" if span.status == "orphaned" else span.status
        placed = span.with_changes(start=start, end=end, text=text, prefix=prefix, suffix=suffix,
                                   text_sha256=document.text_sha256, status=status)
        if text != span.text and status == "gold":
            placed = unreviewed(placed)
        if text != span.text:
            outcome.changed.append(TextChange(span, placed))
        else:
            outcome.moved += 1
        return placed

    def change(content: StoreContent) -> StoreContent:
        content.spans = [place(span) for span in content.spans]
        return content

    change_store(corpus, doc_id, change)
    return outcome
