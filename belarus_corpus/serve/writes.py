"""Every write the pages make, each through the ``Corpus`` method the CLI calls (``CorpusWrites``: so each is an
entry of the operations log), inside ``fsio.expecting`` with the version of each file the page was loaded with: a
stale write is refused under the file's lock (409)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, UsageError
from ..fsio import expecting, file_version
from ..layout import check_doc_id
from .offsets import OffsetMap

if TYPE_CHECKING:
    from ..annotate.oplog import Operation
    from ..curate.decisions import Decision
    from ..curate.queues import Unit
    from ..reader import CorpusReader
    from .corpus_writes import CorpusWrites


class Body:
    """A request's JSON object, read field by field with a clear refusal for a missing or wrong one."""

    def __init__(self, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise _bad("<request>", "the request body is not a JSON object")
        self.raw = raw

    def text(self, name: str, required: bool = True) -> str | None:
        value = self.raw.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or (required and not value):
            raise _bad(name, f"{name} must be a non-empty string")
        return value

    def need(self, name: str) -> str:
        value = self.text(name)
        assert value is not None
        return value

    def integer(self, name: str) -> int:
        value = self.raw.get(name)
        if type(value) is not int:
            raise _bad(name, f"{name} must be an integer")
        return value

    def strings(self, name: str) -> list[str]:
        value = self.raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _bad(name, f"{name} must be a list of strings")
        return value

    def flag(self, name: str) -> bool:
        value = self.raw.get(name, False)
        if not isinstance(value, bool):
            raise _bad(name, f"{name} must be true or false")
        return value

    def mapping(self, name: str) -> dict[str, str]:
        value = self.raw.get(name) or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise _bad(name, f"{name} must be an object of strings")
        return {str(k): v for k, v in value.items() if v != ""}


def _bad(where: str, message: str) -> UsageError:
    return UsageError(Problem(where, None, Code.USAGE, message, "send the fields the page sends"))


def unknown_dispute(dispute: str) -> UsageError:
    return UsageError(Problem("dispute", None, Code.UNKNOWN_CURATION_RECORD, f"{dispute} is no open dispute of "
                              "these annotators (settled meanwhile?)", "reload the curation page"))


def refuse_stale(versions: dict[Path, str]) -> None:
    stale = [path.name for path, version in versions.items() if file_version(path) != version]
    if stale:
        raise UsageError(Problem(stale[0], None, Code.STALE_VERSION, f"{', '.join(stale)} changed since the page "
                                 "was loaded; nothing was written", "reload to see the other change, then make "
                                 "yours again"))


@dataclass(frozen=True)
class Writer:
    """Who writes (the server's annotator) into which corpus (read through ``corpus``, written through
    ``writes``), where curation decisions are kept, and the ids of the operations this server made."""

    corpus: CorpusReader
    writes: CorpusWrites
    annotator: str
    decisions: Path
    own: list[int] = field(default_factory=list)
    _serial: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _store(self, doc_id: str) -> Path:
        return self.corpus.layout.store(check_doc_id(doc_id))

    def _versions(self, doc_id: str, body: Body, cross: bool = False) -> dict[Path, str]:
        """The page's version of the document's store (and of the cross-document store, when the write may
        touch it); a file the method does not lock is not checked."""
        versions = {self._store(doc_id): body.need("version")}
        if cross:
            versions[self.corpus.layout.cross_document_store] = body.need("cross_version")
        return versions

    @contextlib.contextmanager
    def _against(self, versions: dict[Path, str]) -> Iterator[None]:
        """One write at a time from this server (so its threads never poll each other's file locks), refused
        early when a version is already stale, and checked again under each file's lock (``fsio.expecting``),
        which is what keeps a CLI command or a second server from being written over. The operations it logs
        are kept as this server's own (for the undo button)."""
        from ..annotate.oplog import OPERATION_OBSERVER

        def mine(operation: Operation) -> None:
            self.own.append(operation.id)

        with self._serial:
            refuse_stale(versions)
            token = OPERATION_OBSERVER.set(mine)
            try:
                with expecting(versions):
                    yield
            finally:
                OPERATION_OBSERVER.reset(token)

    def add_span(self, doc_id: str, body: Body) -> dict[str, Any]:
        store = self._store(doc_id)
        version = body.need("version")
        refuse_stale({store: version})  # the cheap refusal, before the document is read
        offsets = OffsetMap(self.corpus.document(doc_id).text)
        start = offsets.to_code_point(body.integer("start16"), "start16")
        end = offsets.to_code_point(body.integer("end16"), "end16")
        with self._against({store: version}):
            span = self.writes.annotate_add(doc_id, layer=body.need("layer"), type_=body.need("type"), start=start,
                                            end=end, attributes=body.mapping("attributes"),
                                            note=body.text("note", required=False), annotator=self.annotator)
        return {"id": span.id, "start": span.start, "end": span.end, "text": span.text}

    def update_span(self, doc_id: str, span_id: str, body: Body) -> dict[str, Any]:
        """Set a span's type, attributes (the whole set: those not sent are removed), status and note."""
        from ..annotate.operations import SpanEdit, find_span

        found = find_span(self.corpus, span_id, check_doc_id(doc_id))
        attributes = body.mapping("attributes") if "attributes" in body.raw else None
        removed = tuple(sorted(set(found.attributes) - set(attributes))) if attributes is not None else ()
        edit = SpanEdit(type=body.text("type", required=False), attributes=attributes, remove_attributes=removed,
                        status=body.text("status", required=False), note=body.raw.get("note") if
                        isinstance(body.raw.get("note"), str) else None)
        with self._against(self._versions(doc_id, body)):
            span = self.writes.annotate_update(found.id, edit)
        return {"id": span.id, "type": span.type, "status": span.status, "attributes": span.attributes}

    def remove(self, doc_id: str, record_id: str, body: Body) -> dict[str, Any]:
        """Remove a span of this document (``cascade``: with the relations that use it) or a relation it holds or
        a cross-document relation with an end in it."""
        from ..annotate.operations import find_span
        from ..annotate.relations import find_relation

        if record_id.startswith("r_"):
            relation = find_relation(self.corpus, record_id)[0]
            if doc_id not in (relation.head_doc, relation.tail_doc):
                raise _bad("relation", f"{record_id} has no end in {doc_id}")
        else:
            find_span(self.corpus, record_id, check_doc_id(doc_id))
        with self._against(self._versions(doc_id, body, cross=True)):
            removed = self.writes.annotate_rm(record_id, cascade=body.flag("cascade"))
        return {"spans": [s.id for s in removed.spans], "relations": [r.id for r in removed.relations]}

    def review(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.operations import find_span

        decision = body.need("decision")
        if decision not in ("accept", "reject"):
            raise _bad("decision", "decision is accept or reject")
        span_id = find_span(self.corpus, body.need("span_id"), check_doc_id(doc_id)).id
        method = self.writes.review_accept if decision == "accept" else self.writes.review_reject
        with self._against(self._versions(doc_id, body)):
            outcome = method([span_id], annotator=self.annotator)
        return {"changed": [r.id for r in outcome.changed], "not_suggested": outcome.not_suggested,
                "others_annotations": outcome.others_annotations}

    def relate(self, doc_id: str, body: Body) -> dict[str, Any]:
        """Relate a span of this document (the head) to a span of this one or, for a cross-document type, of
        another document (the tail)."""
        from ..annotate.operations import find_span

        head = find_span(self.corpus, body.need("head"), check_doc_id(doc_id))
        tail = find_span(self.corpus, body.need("tail"))
        with self._against(self._versions(doc_id, body, cross=tail.doc_id != head.doc_id)):
            relation = self.writes.annotate_relate(head.id, tail.id, body.need("type"), annotator=self.annotator,
                                                   note=body.text("note", required=False))
        return {"id": relation.id, "type": relation.type, "head": relation.head, "tail": relation.tail,
                "cross_document": relation.cross_document}

    def progress(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.blind import progress_path

        state = body.need("state")
        with self._against({progress_path(self.corpus, self.annotator): body.need("version")}):
            self.writes.annotate_progress(self.annotator, check_doc_id(doc_id), state)
        return {"state": state}

    def last_own(self) -> dict[str, Any] | None:
        """This server's last operation, when it is still the last one of the log not undone (else None)."""
        from ..annotate.oplog import pending, read_log

        todo = pending(read_log(self.corpus))
        if not todo or not self.own or todo[-1].id != self.own[-1]:
            return None
        return {"operation": todo[-1].id, "command": todo[-1].command, "at": todo[-1].at}

    def undo(self, body: Body) -> dict[str, Any]:
        """Undo this server's last operation (``annotate undo`` with its id: refused when another came since)."""
        wanted = body.integer("operation")
        if not self.own or self.own[-1] != wanted:
            raise UsageError(Problem("operation", None, Code.NOTHING_TO_UNDO, f"#{wanted} is not this workspace's "
                                     "last operation", "reload the page"))
        with self._serial:
            undone = self.writes.annotate_undo(expected=wanted)
            self.own.pop()
        return {"undone": undone.operation.id, "command": undone.operation.command, "entry": undone.entry.id}

    def _chosen(self, body: Body) -> tuple[list[str], str]:
        from ..curate.strategies import parse_strategy

        annotators = body.strings("annotators")
        strategy = body.text("strategy", required=False) or "unanimous"
        parse_strategy(strategy, len(set(annotators)))  # refused here, before any lock
        return annotators, strategy

    def decide(self, body: Body) -> dict[str, Any]:
        """Append one decision, through ``Corpus.curate``'s ``settle`` (as ``curate --interactive`` does)."""
        from ..curate.decisions import Decision

        annotators, strategy = self._chosen(body)
        dispute, choose, reason = body.need("dispute"), body.text("choose", required=False), body.need("reason")
        if not reason.strip():
            raise _bad("reason", "every decision gives its reason")

        made: list[Decision] = []

        def settle(units: list[Unit]) -> list[Decision]:
            unit = next((u for u in units if u.id == dispute), None)
            if unit is None:
                raise unknown_dispute(dispute)
            if choose is not None and choose not in {s.id for s in unit.spans}:
                raise _bad("choose", f"{choose} is not one of the dispute's records")
            made.append(Decision(dispute, choose, reason.strip(), self.annotator))
            return made

        with self._against({self.decisions: body.need("version")}):
            self.writes.curate(annotators, strategy, self.decisions, settle=settle)
        if not made:  # nothing open to settle at all
            raise unknown_dispute(dispute)
        return {"dispute": dispute, "choose": choose}

    def write_gold(self, body: Body) -> dict[str, Any]:
        """Write the curated gold to every store it touches, all or nothing (``curate.engine.write_gold``)."""
        versions = body.mapping("versions")
        annotators, strategy = self._chosen(body)
        result = self.writes.curate(annotators, strategy, self.decisions).curation
        stores = {self._store(doc_id): versions.get(doc_id, "") for doc_id in result.gold}
        stores[self.corpus.layout.cross_document_store] = body.need("cross_version")
        with self._against(stores):  # every store's lock is held, and its version checked, before any is written
            outcome = self.writes.curate(annotators, strategy, self.decisions, write=True)
        spans, relations = outcome.written or (0, 0)
        return {"written": spans, "relations_written": relations}
