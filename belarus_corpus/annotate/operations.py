"""Add, find, update, remove and relate, each one locked read-modify-write of one store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, Problem, UsageError
from ..model import Relation, Span, same_span_key
from ..store import StoreContent, update
from .records import check_attributes, check_label, check_offsets, make_relation

if TYPE_CHECKING:
    from ..corpus import Corpus


def _store(corpus: Corpus, doc_id: str) -> tuple[Any, str]:
    path = corpus.layout.store(doc_id)
    return path, corpus.layout.relative(path)


def change_store(corpus: Corpus, doc_id: str, change: Callable[[StoreContent], StoreContent]) -> StoreContent:
    path, shown = _store(corpus, doc_id)
    return update(path, change, shown)


def add_spans(corpus: Corpus, doc_id: str, spans: list[Span], skip_existing: bool = False) -> list[Span]:
    """Add spans to one document's store; an id or (layer, type, offsets) already there is refused or skipped."""
    added: list[Span] = []

    def change(content: StoreContent) -> StoreContent:
        ids = {s.id for s in content.spans}
        keys = {same_span_key(s) for s in content.spans if s.status != "rejected"}
        for span in spans:
            key = same_span_key(span)
            if span.id in ids or key in keys:
                if skip_existing:
                    continue
                raise CorpusError(Problem(_store(corpus, doc_id)[1], None, "duplicate-span",
                                          f"{span.layer}/{span.type} {span.start}:{span.end} is already annotated",
                                          "see it with 'belarus-corpus annotate list --doc " + doc_id + "'"))
            ids.add(span.id)
            keys.add(key)
            content.spans.append(span)
            added.append(span)
        return content

    change_store(corpus, doc_id, change)
    return added


def iter_spans(corpus: Corpus, doc_ids: list[str] | None = None) -> Iterator[Span]:
    for doc_id in doc_ids or corpus.doc_ids():
        yield from corpus.annotations(doc_id).spans


def find_span(corpus: Corpus, span_id: str, doc_id: str | None = None) -> Span:
    for span in iter_spans(corpus, [doc_id] if doc_id else None):
        if span.id == span_id:
            return span
    raise UsageError(Problem("<arguments>", None, "unknown-span", f"no span {span_id!r}",
                             "list ids with 'belarus-corpus annotate list'"))


@dataclass
class SpanEdit:
    type: str | None = None
    attributes: dict[str, Any] | None = None
    remove_attributes: tuple[str, ...] = ()
    status: str | None = None
    note: str | None = None
    start: int | None = None
    end: int | None = None


def update_span(corpus: Corpus, span_id: str, edit: SpanEdit, doc_id: str | None = None) -> Span:
    """Edit a span in place; its id never changes."""
    found = find_span(corpus, span_id, doc_id)
    taxonomy = corpus.taxonomy
    document = corpus.document(found.doc_id)
    attributes = {**found.attributes, **(edit.attributes or {})}
    for name in edit.remove_attributes:
        attributes.pop(name, None)
    type_ = edit.type or found.type
    check_label(taxonomy, found.layer, type_)
    attributes = check_attributes(taxonomy, found.layer, attributes)
    if edit.status is not None and edit.status not in taxonomy.statuses:
        raise UsageError(Problem("--status", None, "unknown-status", f"unknown status {edit.status!r}",
                                 "statuses are: " + ", ".join(taxonomy.statuses)))
    changes: dict[str, Any] = {"type": type_, "attributes": attributes}
    if edit.status is not None:
        changes["status"] = edit.status
    if edit.note is not None:
        changes["note"] = edit.note or None
    if edit.start is not None or edit.end is not None:
        start, end = edit.start if edit.start is not None else found.start, edit.end or found.end
        check_offsets(document, start, end)
        from ..model import context

        prefix, suffix = context(document.text, start, end)
        changes.update(start=start, end=end, text=document.text[start:end], prefix=prefix, suffix=suffix,
                       text_sha256=document.text_sha256)
    if found.method.startswith("rule:") and any(changes.get(k, getattr(found, k)) != getattr(found, k)
                                                for k in ("type", "attributes", "start", "end")):
        changes["edited"] = True
    edited = found.with_changes(**changes)
    replace_span(corpus, edited)
    return edited


def replace_span(corpus: Corpus, edited: Span) -> None:
    def change(content: StoreContent) -> StoreContent:
        content.spans = [edited if s.id == edited.id else s for s in content.spans]
        return content

    change_store(corpus, edited.doc_id, change)


def remove_span(corpus: Corpus, span_id: str, cascade: bool = False) -> tuple[Span, list[Relation]]:
    """Remove a span; relations that use it block the removal unless ``cascade`` removes them too."""
    found = find_span(corpus, span_id)
    using = [r for r in corpus.annotations(found.doc_id).relations if span_id in (r.head, r.tail)]
    using += [r for r in corpus.cross_document().relations if span_id in (r.head, r.tail)]
    if using and not cascade:
        raise UsageError(Problem("<arguments>", None, "span-in-use", f"{span_id} is used by {len(using)} relation(s): "
                                 + ", ".join(r.id for r in using), "remove them first, or pass --cascade"))
    removed_ids = {r.id for r in using}

    def change(content: StoreContent) -> StoreContent:
        content.spans = [s for s in content.spans if s.id != span_id]
        content.relations = [r for r in content.relations if r.id not in removed_ids]
        return content

    change_store(corpus, found.doc_id, change)
    if any(r.cross_document for r in using):
        update(corpus.layout.cross_document_store, lambda c: _without_relations(c, removed_ids),
               corpus.layout.relative(corpus.layout.cross_document_store))
    return found, using


def _without_relations(content: StoreContent, ids: set[str]) -> StoreContent:
    content.relations = [r for r in content.relations if r.id not in ids]
    return content


def relate(corpus: Corpus, head_id: str, tail_id: str, type_: str, annotator: str | None = None,
           method: str = "manual", status: str = "gold", note: str | None = None) -> Relation:
    head, tail = find_span(corpus, head_id), find_span(corpus, tail_id)
    relation = make_relation(corpus.taxonomy, type_, head, tail, annotator=annotator, method=method, status=status,
                             note=note)
    add_relations(corpus, [relation])
    return relation


def add_relations(corpus: Corpus, relations: list[Relation], skip_existing: bool = False) -> list[Relation]:
    added: list[Relation] = []
    by_store: dict[str, list[Relation]] = {}
    for relation in relations:
        by_store.setdefault("" if relation.cross_document else relation.head_doc, []).append(relation)
    for key, group in sorted(by_store.items()):
        path = corpus.layout.cross_document_store if key == "" else corpus.layout.store(key)

        def change(content: StoreContent, group: list[Relation] = group) -> StoreContent:
            ids = {r.id for r in content.relations}
            for relation in group:
                if relation.id in ids:
                    if skip_existing:
                        continue
                    raise UsageError(Problem("<arguments>", None, "duplicate-relation",
                                             f"{relation.type} {relation.head} → {relation.tail} exists",
                                             "nothing to do"))
                ids.add(relation.id)
                content.relations.append(relation)
                added.append(relation)
            return content

        update(path, change, corpus.layout.relative(path))
    return added
