"""Listing records (spans and relations) by filter, and finding text or a regular expression over the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..codes import Code
from ..errors import Problem, UsageError
from ..model import Relation, Span
from .api import SpanFilter
from .operations import iter_spans
from .relations import iter_relations

if TYPE_CHECKING:
    from ..reader import CorpusReader

Kind = Literal["spans", "relations", "all"]


@dataclass
class ListQuery:
    """Which records to list. ``layer`` selects spans only (relations have no layer); ``type``, ``status``,
    ``annotator`` and ``method`` apply to both."""

    doc_ids: list[str] = field(default_factory=list)
    kind: Kind = "all"
    layer: str | None = None
    type: str | None = None
    status: str | None = None
    annotator: str | None = None
    method: str | None = None

    def span_filter(self) -> SpanFilter:
        return SpanFilter(self.doc_ids, self.layer, self.type, self.status, self.annotator, self.method)

    def accepts_relation(self, relation: Relation) -> bool:
        return (self.layer is None and (self.type is None or relation.type == self.type)
                and (self.status is None or relation.status == self.status)
                and (self.annotator is None or relation.annotator == self.annotator)
                and (self.method is None or relation.method.startswith(self.method)))


@dataclass
class Listing:
    """Spans and relations, in store order; ``texts`` gives each listed relation's endpoint texts."""

    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def list_records(corpus: CorpusReader, query: ListQuery) -> Listing:
    check_docs(corpus, query.doc_ids)
    listing = Listing()
    chosen = query.span_filter()
    want_relations = query.kind != "spans"
    for span in iter_spans(corpus, query.doc_ids or None):
        if want_relations:
            listing.texts[span.id] = span.text
        if query.kind != "relations" and chosen.accepts(span):
            listing.spans.append(span)
    if want_relations:
        listing.relations = [r for r in iter_relations(corpus, query.doc_ids or None) if query.accepts_relation(r)]
        missing = {e for r in listing.relations for e in (r.head, r.tail)} - set(listing.texts)
        if missing:  # a cross-document relation's other end, in a document not listed
            listing.texts.update((s.id, s.text) for s in iter_spans(corpus) if s.id in missing)
    return listing


def check_docs(corpus: CorpusReader, doc_ids: list[str]) -> None:
    from ..layout import check_doc_id

    for doc_id in doc_ids:
        check_doc_id(doc_id)
    known = set(corpus.doc_ids())
    unknown = [d for d in doc_ids if d not in known]
    if unknown:
        raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_DOCUMENT, "no document " + ", ".join(unknown),
                                 "see the ids with 'belarus-corpus annotate list' or 'belarus-corpus stats'"))


@dataclass
class FindQuery:
    """A text (or, with ``regex``, a regular expression) to find in the documents' text; with ``layer``,
    ``type`` or ``status``, only hits inside such a span, or (``unannotated``) hits inside none."""

    pattern: str
    regex: bool = False
    ignore_case: bool = False
    doc_ids: list[str] = field(default_factory=list)
    layer: str | None = None
    type: str | None = None
    status: str | None = None
    unannotated: bool = False
    limit: int | None = None


@dataclass(frozen=True)
class Hit:
    """One place the pattern matched, with its context and the (filtered) spans that overlap it."""

    doc_id: str
    start: int
    end: int
    text: str
    before: str
    after: str
    spans: list[Span]


def compile_pattern(query: FindQuery) -> re.Pattern[str]:
    flags = re.IGNORECASE if query.ignore_case else 0
    if not query.pattern:
        raise UsageError(Problem("PATTERN", None, Code.USAGE, "the pattern is empty", "give the text to find"))
    try:
        return re.compile(query.pattern if query.regex else re.escape(query.pattern), flags)
    except re.error as error:
        raise UsageError(Problem("PATTERN", None, Code.BAD_PATTERN, f"not a regular expression: {error}",
                                 "fix the expression, or drop --regex to find the text as written")) from error


def find(corpus: CorpusReader, query: FindQuery, context: int = 40) -> list[Hit]:
    check_docs(corpus, query.doc_ids)
    pattern = compile_pattern(query)
    chosen = SpanFilter([], query.layer, query.type, query.status)
    filtered = any(v is not None for v in (query.layer, query.type, query.status))
    hits: list[Hit] = []
    for doc_id in query.doc_ids or corpus.doc_ids():
        text = corpus.document(doc_id).text
        spans = [s for s in corpus.annotations(doc_id).spans if chosen.accepts(s)]
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            over = [s for s in spans if s.start < end and start < s.end]
            if (query.unannotated and over) or (filtered and not query.unannotated and not over):
                continue
            hits.append(Hit(doc_id, start, end, match.group(), text[max(0, start - context) : start],
                            text[end : end + context], over))
            if query.limit is not None and len(hits) >= query.limit:
                return hits
    return hits
