"""Writing an import's records into the stores: all checked first, then each store changed under its lock.

* an imported id already in a store is refused (``id-exists``: the same file was imported before);
* a span with the layer, type, offsets and attributes of a span already there (of any status: a rejected
  span stays rejected) is skipped (``already-present``, a warning; relations to it are pointed at the
  existing span); one that differs only in attributes from a span that is not rejected is refused
  (``duplicate-span``: update the existing span instead);
* a relation that is already there (same type, head and tail) is skipped (``already-present``).

Nothing is written when anything is refused. Another writer changing a store between the check and the write
is caught again under the lock, so nothing is ever written twice; stores already written stay written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import CorpusError, Problem
from ..model import Relation, Span, relation_id
from ..store import StoreContent, update
from .base import ImportResult

if TYPE_CHECKING:
    from pathlib import Path

    from ..reader import CorpusReader

CROSS = ""


@dataclass
class Applied:
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


def apply_import(corpus: CorpusReader, result: ImportResult, dry_run: bool = False) -> Applied:
    """Store the records of ``result`` (refusing everything if one is refused); ``dry_run`` only checks."""
    existing = {doc_id: corpus.annotations(doc_id) for doc_id in _documents(result)}
    existing[CROSS] = corpus.cross_document()
    applied = Applied()
    errors: list[Problem] = []
    remap = _plan_spans(corpus, result.spans, existing, applied, errors)
    _plan_relations(corpus, result.relations, remap, existing, applied)
    if errors:
        raise CorpusError(errors)
    if not dry_run:
        _write(corpus, applied)
    return applied


def _documents(result: ImportResult) -> set[str]:
    return {s.doc_id for s in result.spans} | {r.head_doc for r in result.relations}


def _plan_spans(corpus: CorpusReader, spans: list[Span], existing: dict[str, StoreContent], applied: Applied,
                errors: list[Problem]) -> dict[str, str]:
    remap: dict[str, str] = {}
    for span in spans:
        content = existing[span.doc_id]
        store = _shown(corpus, span.doc_id)
        if any(s.id == span.id for s in content.spans):
            errors.append(Problem(store, None, Code.ID_EXISTS, f"{span.id} is already in the store",
                                  "this file (or these spans) was imported before; nothing was written", "", span.id))
            continue
        key = (span.layer, span.type, span.start, span.end)
        matches = sorted((s for s in content.spans if (s.layer, s.type, s.start, s.end) == key),
                         key=lambda s: s.status == "rejected")
        same = next((s for s in matches if s.attributes == span.attributes), None)
        live = next((s for s in matches if s.status != "rejected"), None)
        if same is not None:
            remap[span.id] = same.id
            applied.skipped.append(Problem(store, None, Code.ALREADY_PRESENT, f"{span.layer}/{span.type} "
                                           f"{span.start}:{span.end} is already {same.id} ({same.status}); skipped",
                                           "", "", span.id, "warning"))
        elif live is not None:
            errors.append(Problem(store, None, Code.DUPLICATE_SPAN, f"{span.layer}/{span.type} {span.start}:{span.end} "
                                  f"is already {live.id}, with other attributes",
                                  f"update {live.id} with 'belarus-corpus annotate update' or remove the span from "
                                  "the file; nothing was written", "", span.id))
        else:
            applied.spans.append(span)
    return remap


def _plan_relations(corpus: CorpusReader, relations: list[Relation], remap: dict[str, str],
                    existing: dict[str, StoreContent], applied: Applied) -> None:
    for relation in relations:
        head, tail = remap.get(relation.head, relation.head), remap.get(relation.tail, relation.tail)
        moved = relation.with_changes(id=relation_id(relation.type, head, tail), head=head, tail=tail)
        key = CROSS if moved.cross_document else moved.head_doc
        if key not in existing:
            existing[key] = _load(corpus, key)
        if any(r.id == moved.id for r in existing[key].relations):
            applied.skipped.append(Problem(_shown(corpus, key), None, Code.ALREADY_PRESENT, f"{moved.type} {head} → "
                                           f"{tail} is already there; skipped", "", "", moved.id, "warning"))
        else:
            applied.relations.append(moved)


def _load(corpus: CorpusReader, key: str) -> StoreContent:
    return corpus.cross_document() if key == CROSS else corpus.annotations(key)


def _shown(corpus: CorpusReader, key: str) -> str:
    path = corpus.layout.cross_document_store if key == CROSS else corpus.layout.store(key)
    return corpus.layout.relative(path)


def _write(corpus: CorpusReader, applied: Applied) -> None:
    groups: dict[str, tuple[list[Span], list[Relation]]] = {}
    for span in applied.spans:
        groups.setdefault(span.doc_id, ([], []))[0].append(span)
    for relation in applied.relations:
        groups.setdefault(CROSS if relation.cross_document else relation.head_doc, ([], []))[1].append(relation)
    from ..progress import track

    for key in track(sorted(groups, key=lambda k: (k == CROSS, k)), "import: writing"):
        spans, relations = groups[key]
        path = corpus.layout.cross_document_store if key == CROSS else corpus.layout.store(key)
        update(path, _adder(spans, relations, _shown(corpus, key)), _shown(corpus, key))


def _adder(spans: list[Span], relations: list[Relation], store: str) -> Callable[[StoreContent], StoreContent]:
    def change(content: StoreContent) -> StoreContent:
        taken = {s.id for s in content.spans} | {r.id for r in content.relations}
        clash = [s.id for s in spans if s.id in taken] + [r.id for r in relations if r.id in taken]
        if clash:
            raise CorpusError([Problem(store, None, Code.ID_EXISTS, f"{record_id} was written by another process "
                                       "meanwhile", "run the import again to see what is left", "", record_id)
                               for record_id in clash])
        content.spans += spans
        content.relations += relations
        return content

    return change


def import_file(corpus: CorpusReader, format_name: str, path: Path, as_gold: bool = False,
                annotator: str | None = None, skip_invalid: bool = False,
                dry_run: bool = False) -> tuple[ImportResult, Applied]:
    """Read ``path`` in ``format_name`` and store what it holds; any refused record refuses the whole file unless
    ``skip_invalid`` (then the rest is stored). The result keeps every problem for the caller to show."""
    from .registry import format_module

    result = format_module(format_name).import_(path, corpus, as_gold=as_gold, annotator=annotator)
    if result.errors and not skip_invalid:
        raise CorpusError([*result.problems, Problem(
            str(path), None, Code.IMPORT_REFUSED, f"{len(result.errors)} records were refused; nothing was imported",
            "fix the file, or pass --skip-invalid to import the rest")])
    return result, apply_import(corpus, result, dry_run=dry_run)
