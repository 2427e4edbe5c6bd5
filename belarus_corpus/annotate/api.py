"""The annotation API the CLI wraps: add a span by quote or offsets, and list spans by filter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, UsageError
from ..model import Span
from .anchor import anchor_quote
from .operations import add_spans, iter_spans
from .records import make_span, parse_attributes

if TYPE_CHECKING:
    from ..reader import CorpusReader


def add_span(corpus: CorpusReader, doc_id: str, *, layer: str, type_: str, quote: str | None = None,
             occurrence: int | None = None, start: int | None = None, end: int | None = None,
             attributes: dict[str, Any] | tuple[str, ...] | list[str] | None = None, note: str | None = None,
             status: str = "gold", annotator: str | None = None, method: str = "manual") -> Span:
    """Anchor and add one span; exactly one of ``quote`` or ``start``/``end`` locates it."""
    document = corpus.document(doc_id)
    if quote is not None and (start is not None or end is not None):
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "give --quote or --start/--end, not both",
                                 "use --quote for the natural way, offsets for exact control"))
    if quote is not None:
        start, end = anchor_quote(doc_id, document.text, quote, occurrence)
    elif start is None or end is None:
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "give --quote, or both --start and --end",
                                 "e.g. --quote \"the exact words\""))
    attrs = parse_attributes(attributes) if isinstance(attributes, tuple | list) else dict(attributes or {})
    span = make_span(document, corpus.taxonomy, layer=layer, type_=type_, start=start, end=end, attributes=attrs,
                     annotator=annotator, method=method, status=status, note=note)
    add_spans(corpus, doc_id, [span])
    return span


@dataclass
class SpanFilter:
    doc_ids: list[str] = field(default_factory=list)
    layer: str | None = None
    type: str | None = None
    status: str | None = None
    annotator: str | None = None
    method: str | None = None

    def accepts(self, span: Span) -> bool:
        return ((self.layer is None or span.layer == self.layer) and (self.type is None or span.type == self.type)
                and (self.status is None or span.status == self.status)
                and (self.annotator is None or span.annotator == self.annotator)
                and (self.method is None or span.method == self.method or span.method.startswith(self.method)))


def filtered_spans(corpus: CorpusReader, chosen: SpanFilter) -> list[Span]:
    return [span for span in iter_spans(corpus, chosen.doc_ids or None) if chosen.accepts(span)]
