"""Add, find, update, remove and relate, each one locked read-modify-write of one store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..model import Relation, Span, same_span_key
from ..store import StoreContent, update, update_many
from .records import check_attributes, check_label, check_offsets, make_relation

if TYPE_CHECKING:
    from ..reader import CorpusReader


@dataclass
class Removed:
    """What ``annotate rm`` removed (nothing when the confirmation said no)."""

    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def _store(corpus: CorpusReader, doc_id: str) -> tuple[Any, str]:
    path = corpus.layout.store(doc_id)
    return path, corpus.layout.relative(path)


def change_store(corpus: CorpusReader, doc_id: str, change: Callable[[StoreContent], StoreContent]) -> StoreContent:
    path, shown = _store(corpus, doc_id)
    return update(path, change, shown)


def add_spans(corpus: CorpusReader, doc_id: str, spans: list[Span], skip_existing: bool = False) -> list[Span]:
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
                raise CorpusError(Problem(_store(corpus, doc_id)[1], None, Code.DUPLICATE_SPAN,
                                          f"{span.layer}/{span.type} {span.start}:{span.end} is already annotated",
                                          "see it with 'belarus-corpus annotate list --doc " + doc_id + "'"))
            ids.add(span.id)
            keys.add(key)
            content.spans.append(span)
            added.append(span)
        return content

    change_store(corpus, doc_id, change)
    return added


def iter_spans(corpus: CorpusReader, doc_ids: list[str] | None = None) -> Iterator[Span]:
    for doc_id in doc_ids or corpus.doc_ids():
        yield from corpus.annotations(doc_id).spans


def find_span(corpus: CorpusReader, span_id: str, doc_id: str | None = None) -> Span:
    for span in iter_spans(corpus, [doc_id] if doc_id else None):
        if span.id == span_id:
            return span
    raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_SPAN, f"no span {span_id!r}",
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


def _gone(span_id: str) -> UsageError:
    return UsageError(Problem("<arguments>", None, Code.UNKNOWN_SPAN, f"no span {span_id!r} (removed meanwhile?)",
                              "list ids with 'belarus-corpus annotate list'"))


def _locked_span(content: StoreContent, span_id: str) -> Span:
    """The span as it is now in the store (read under the lock), not as it was before the lock was taken."""
    for span in content.spans:
        if span.id == span_id:
            return span
    raise _gone(span_id)


def update_span(corpus: CorpusReader, span_id: str, edit: SpanEdit, doc_id: str | None = None) -> Span:
    """Edit a span in place; its id never changes. The edit applies to the record read under the store's lock,
    so concurrent edits of different fields all survive."""
    doc = find_span(corpus, span_id, doc_id).doc_id
    edited: list[Span] = []

    def change(content: StoreContent) -> StoreContent:
        current = _locked_span(content, span_id)
        new = _edited(corpus, current, edit)
        content.spans = [new if s.id == span_id else s for s in content.spans]
        edited.append(new)
        return content

    change_store(corpus, doc, change)
    return edited[0]


def _edited(corpus: CorpusReader, found: Span, edit: SpanEdit) -> Span:
    taxonomy = corpus.taxonomy
    attributes = {**found.attributes, **(edit.attributes or {})}
    for name in edit.remove_attributes:
        attributes.pop(name, None)
    type_ = edit.type or found.type
    check_label(taxonomy, found.layer, type_)
    attributes = check_attributes(taxonomy, found.layer, attributes)
    if edit.status is not None and edit.status not in taxonomy.statuses:
        raise UsageError(Problem("--status", None, Code.UNKNOWN_STATUS, f"unknown status {edit.status!r}",
                                 "statuses are: " + ", ".join(taxonomy.statuses)))
    changes: dict[str, Any] = {"type": type_, "attributes": attributes}
    if edit.status is not None:
        changes["status"] = edit.status
    if edit.status == "suggested" and found.status != "suggested" and found.suggested_by is not None:
        # un-accepting a detector's suggestion makes it the detector's again (as before review accept; #15)
        changes.update(reviewed_by=None, annotator=found.suggested_by, suggested_by=None)
    if edit.note is not None:
        changes["note"] = edit.note or None
    if edit.start is not None or edit.end is not None:
        changes.update(_new_offsets(corpus, found, edit))
    if found.method.startswith("rule:") and any(changes.get(k, getattr(found, k)) != getattr(found, k)
                                                for k in ("type", "attributes", "start", "end")):
        changes["edited"] = True
    return found.with_changes(**changes)


def _new_offsets(corpus: CorpusReader, found: Span, edit: SpanEdit) -> dict[str, Any]:
    from ..model import context

    document = corpus.document(found.doc_id)
    start, end = edit.start if edit.start is not None else found.start, edit.end or found.end
    check_offsets(document, start, end)
    prefix, suffix = context(document.text, start, end)
    return {"start": start, "end": end, "text": document.text[start:end], "prefix": prefix, "suffix": suffix,
            "text_sha256": document.text_sha256}


def replace_span(corpus: CorpusReader, edited: Span) -> None:
    def change(content: StoreContent) -> StoreContent:
        _locked_span(content, edited.id)
        content.spans = [edited if s.id == edited.id else s for s in content.spans]
        return content

    change_store(corpus, edited.doc_id, change)


def _paths(corpus: CorpusReader, doc_ids: list[str], cross: bool) -> dict[Path, str]:
    paths = [corpus.layout.store(doc_id) for doc_id in doc_ids]
    if cross:
        paths.append(corpus.layout.cross_document_store)
    return {path: corpus.layout.relative(path) for path in paths}


def remove_span(corpus: CorpusReader, span_id: str, cascade: bool = False) -> tuple[Span, list[Relation]]:
    """Remove a span; relations that use it block the removal unless ``cascade`` removes them too. The span's
    store and the cross-document store are both locked while the relations are checked and the span removed."""
    doc = find_span(corpus, span_id).doc_id
    own = corpus.layout.store(doc)
    outcome: list[tuple[Span, list[Relation]]] = []

    def change(contents: dict[Path, StoreContent]) -> dict[Path, StoreContent]:
        found = _locked_span(contents[own], span_id)
        using = [r for c in contents.values() for r in c.relations if span_id in (r.head, r.tail)]
        if using and not cascade:
            raise UsageError(Problem("<arguments>", None, Code.SPAN_IN_USE, f"{span_id} is used by {len(using)} "
                                     "relation(s): " + ", ".join(r.id for r in using),
                                     "remove them first, or pass --cascade"))
        removed = {r.id for r in using}
        contents[own].spans = [s for s in contents[own].spans if s.id != span_id]
        for content in contents.values():
            content.relations = [r for r in content.relations if r.id not in removed]
        outcome.append((found, using))
        return contents

    update_many(_paths(corpus, [doc], cross=True), change)
    return outcome[0]


def relate(corpus: CorpusReader, head_id: str, tail_id: str, type_: str, annotator: str | None = None,
           method: str = "manual", status: str = "gold", note: str | None = None) -> Relation:
    """Relate two spans; both are looked up again under the locks of their stores and of the relation's store,
    so a span removed meanwhile cannot be left with a relation pointing at it."""
    head_doc, tail_doc = find_span(corpus, head_id).doc_id, find_span(corpus, tail_id).doc_id
    paths = _paths(corpus, sorted({head_doc, tail_doc}), cross=head_doc != tail_doc)
    made: list[Relation] = []

    def change(contents: dict[Path, StoreContent]) -> dict[Path, StoreContent]:
        head = _locked_span(contents[corpus.layout.store(head_doc)], head_id)
        tail = _locked_span(contents[corpus.layout.store(tail_doc)], tail_id)
        relation = make_relation(corpus.taxonomy, type_, head, tail, annotator=annotator, method=method,
                                 status=status, note=note)
        target = contents[corpus.layout.cross_document_store if relation.cross_document
                          else corpus.layout.store(head_doc)]
        if any(r.id == relation.id for r in target.relations):
            raise UsageError(Problem("<arguments>", None, Code.DUPLICATE_RELATION,
                                     f"{relation.type} {relation.head} → {relation.tail} exists", "nothing to do"))
        target.relations.append(relation)
        made.append(relation)
        return contents

    update_many(paths, change)
    return made[0]


def add_relations(corpus: CorpusReader, relations: list[Relation], skip_existing: bool = False) -> list[Relation]:
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
                    raise UsageError(Problem("<arguments>", None, Code.DUPLICATE_RELATION,
                                             f"{relation.type} {relation.head} → {relation.tail} exists",
                                             "nothing to do"))
                ids.add(relation.id)
                content.relations.append(relation)
                added.append(relation)
            return content

        update(path, change, corpus.layout.relative(path))
    return added
