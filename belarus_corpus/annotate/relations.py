"""Relations by id: find, edit (type, status, note, attributes) and remove, each under the lock of its store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, UsageError
from ..model import Relation, Span
from ..store import StoreContent, update

if TYPE_CHECKING:
    from ..reader import CorpusReader


def relation_stores(corpus: CorpusReader, doc_ids: list[str] | None = None) -> list[Path]:
    """Where relations live: each document's store, then the cross-document store (kept when any doc is asked
    for, since a cross-document relation belongs to both of its documents)."""
    return [*(corpus.layout.store(d) for d in doc_ids or corpus.doc_ids()), corpus.layout.cross_document_store]


def iter_relations(corpus: CorpusReader, doc_ids: list[str] | None = None) -> Iterator[Relation]:
    wanted = set(doc_ids or [])
    for doc_id in doc_ids or corpus.doc_ids():
        yield from corpus.annotations(doc_id).relations
    for relation in corpus.cross_document().relations:
        if not wanted or relation.head_doc in wanted or relation.tail_doc in wanted:
            yield relation


def unknown_relation(relation_id: str) -> UsageError:
    return UsageError(Problem("<arguments>", None, Code.UNKNOWN_SPAN, f"no relation {relation_id!r}",
                              "list relations with 'belarus-corpus annotate list --kind relations'"))


def find_relation(corpus: CorpusReader, relation_id: str) -> tuple[Relation, Path]:
    """The relation and the store that holds it."""
    for path in relation_stores(corpus):
        if not path.is_file():
            continue
        content = corpus.annotations(path.stem) if path != corpus.layout.cross_document_store \
            else corpus.cross_document()
        for relation in content.relations:
            if relation.id == relation_id:
                return relation, path
    raise unknown_relation(relation_id)


@dataclass
class RelationEdit:
    """What to change on a relation; its id, head and tail stay."""

    type: str | None = None
    status: str | None = None
    note: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    remove_attributes: tuple[str, ...] = ()


def _edited(corpus: CorpusReader, relation: Relation, edit: RelationEdit, head: Span, tail: Span) -> Relation:
    from .records import make_relation

    taxonomy = corpus.taxonomy
    type_ = edit.type or relation.type
    make_relation(taxonomy, type_, head, tail, annotator=relation.annotator)  # checks the type fits the spans
    if edit.status is not None and edit.status not in taxonomy.statuses:
        raise UsageError(Problem("--status", None, Code.UNKNOWN_STATUS, f"unknown status {edit.status!r}",
                                 "statuses are: " + ", ".join(taxonomy.statuses)))
    attributes = {**relation.attributes, **edit.attributes}
    for name in edit.remove_attributes:
        attributes.pop(name, None)
    changes: dict[str, Any] = {"type": type_, "attributes": dict(sorted(attributes.items()))}
    if edit.status is not None:
        changes["status"] = edit.status
    if edit.note is not None:
        changes["note"] = edit.note or None
    return relation.with_changes(**changes)


def update_relation(corpus: CorpusReader, relation_id: str, edit: RelationEdit) -> Relation:
    """Edit a relation in place, on the record read under its store's lock."""
    from .operations import find_span

    found, path = find_relation(corpus, relation_id)
    head, tail = find_span(corpus, found.head, found.head_doc), find_span(corpus, found.tail, found.tail_doc)
    edited: list[Relation] = []

    def change(content: StoreContent) -> StoreContent:
        current = next((r for r in content.relations if r.id == relation_id), None)
        if current is None:
            raise unknown_relation(relation_id)
        new = _edited(corpus, current, edit, head, tail)
        content.relations = [new if r.id == relation_id else r for r in content.relations]
        edited.append(new)
        return content

    update(path, change, corpus.layout.relative(path))
    return edited[0]


def remove_relation(corpus: CorpusReader, relation_id: str) -> Relation:
    _, path = find_relation(corpus, relation_id)
    removed: list[Relation] = []

    def change(content: StoreContent) -> StoreContent:
        removed.extend(r for r in content.relations if r.id == relation_id)
        if not removed:
            raise unknown_relation(relation_id)
        content.relations = [r for r in content.relations if r.id != relation_id]
        return content

    update(path, change, corpus.layout.relative(path))
    return removed[0]
