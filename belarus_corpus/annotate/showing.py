"""What ``annotate show`` shows: a document with its numbered spans, or one record in context; and the bracketed
rendering both the terminal and a pipe get (``[1 the words]1``), with the article's own brackets, backslashes
and control characters escaped so that a marker is always a marker and nothing in an article drives the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Relation, Span
from .operations import find_span
from .relations import find_relation, iter_relations

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .blind import BlindView

RECORD_ID = re.compile(r"^[sr]_[0-9a-f]{16}$")


@dataclass
class ShownDocument:
    """A document, the spans shown (numbered 1.. in text order, an enclosing span before the spans inside it)
    and the relations between shown spans."""

    doc_id: str
    title: str | None
    text: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def number(self, span_id: str) -> int | None:
        for position, span in enumerate(self.spans, start=1):
            if span.id == span_id:
                return position
        return None


@dataclass
class ShownRecord:
    """One span or relation by id, with the span(s) it is about (a span: itself; a relation: head and tail)."""

    record: Span | Relation
    spans: list[Span]
    texts: dict[str, str]  # doc id → normalized text, for the context


def show_document(corpus: CorpusReader, doc_id: str, layers: list[str], statuses: list[str],
                  view: BlindView | None = None) -> ShownDocument:
    document = corpus.document(doc_id)
    spans = sorted((s for s in corpus.annotations(doc_id).spans
                    if (not layers or s.layer in layers) and s.status in statuses and (view is None or view.shows(s))),
                   key=lambda s: (s.start, -s.end, s.layer, s.type, s.id))  # outer spans first
    ids = {s.id for s in spans}
    relations = [r for r in iter_relations(corpus, [doc_id]) if r.head in ids and r.tail in ids
                 and r.status in statuses and (view is None or view.shows(r))]
    return ShownDocument(doc_id, document.title, document.text, spans, relations)


def show_record(corpus: CorpusReader, record_id: str) -> ShownRecord:
    record: Span | Relation
    if record_id.startswith("r_"):
        record, _ = find_relation(corpus, record_id)
        spans = [find_span(corpus, record.head, record.head_doc), find_span(corpus, record.tail, record.tail_doc)]
    else:
        record = find_span(corpus, record_id)
        spans = [record]
    texts = {s.doc_id: corpus.document(s.doc_id).text for s in spans}
    return ShownRecord(record, spans, texts)


def is_record_id(target: str, doc_ids: list[str]) -> bool:
    return RECORD_ID.match(target) is not None and target not in doc_ids


def escape(text: str, keep_newlines: bool = True) -> str:
    """The text with ``\\``, ``[`` and ``]`` escaped by a backslash, and control and format characters (escape
    sequences, bidi overrides, ...) written as ``\\xNN`` / ``\\uNNNN``, so that they are seen and not obeyed;
    without ``keep_newlines``, a newline is shown as ``↵`` (one line of context)."""
    out = []
    for char in text:
        if char in "\\[]":
            out.append("\\" + char)
        elif char == "\n":
            out.append(char if keep_newlines else "↵")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\u200d":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


Segment = tuple[str, str | None]  # (text, layer of the marker, or None for article text)


def bracketed(shown: ShownDocument, labels: bool = True) -> list[Segment]:
    """The document as segments: article text (escaped) and markers ``[n `` / ``]n`` (``]n layer/type`` with
    labels), in text order; a span that ends where another starts closes first."""
    events: list[tuple[int, int, int, Segment]] = []
    for number, span in enumerate(shown.spans, start=1):
        events.append((span.start, 1, -span.end, (f"[{number} ", span.layer)))
        label = f"]{number}" + (f" {span.layer}/{span.type}" if labels else "")
        events.append((span.end, 0, -span.start, (label, span.layer)))
    segments: list[Segment] = []
    position = 0
    for offset, _, _, marker in sorted(events):
        if offset > position:
            segments.append((escape(shown.text[position:offset]), None))
            position = offset
        segments.append(marker)
    if position < len(shown.text):
        segments.append((escape(shown.text[position:]), None))
    return segments


def in_context(text: str, span: Span, width: int = 80) -> list[Segment]:
    """One span bracketed inside its surrounding text, on one line."""
    before = text[max(0, span.start - width) : span.start]
    after = text[span.end : span.end + width]
    return [("…" + escape(before, keep_newlines=False), None), ("[", span.layer),
            (escape(span.text, keep_newlines=False), span.layer), ("]", span.layer),
            (escape(after, keep_newlines=False) + "…", None)]
