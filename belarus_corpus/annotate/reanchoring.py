"""Re-anchoring after ``ingest --replace``: move spans to the new text, or mark them orphaned; drop nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Span, context
from ..store import StoreContent
from .anchor import reanchor
from .operations import change_store

if TYPE_CHECKING:
    from ..reader import CorpusReader


@dataclass
class ReanchorOutcome:
    doc_id: str
    moved: int = 0
    unchanged: int = 0
    orphaned: list[Span] = field(default_factory=list)

    def summary(self) -> str:
        line = f"{self.doc_id}: {self.unchanged} unchanged, {self.moved} re-anchored, {len(self.orphaned)} orphaned"
        for span in self.orphaned:
            line += f"\n  orphaned {span.id} {span.layer}/{span.type} {span.text!r} (was {span.start}:{span.end})"
        return line


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
        outcome.moved += 1
        return span.with_changes(start=start, end=end, text=document.text[start:end], prefix=prefix, suffix=suffix,
                                 text_sha256=document.text_sha256,
                                 status="suggested" if span.status == "orphaned" else span.status)

    def change(content: StoreContent) -> StoreContent:
        content.spans = [place(span) for span in content.spans]
        return content

    change_store(corpus, doc_id, change)
    return outcome
