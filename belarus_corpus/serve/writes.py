"""Every write the pages make, each through the library function the CLI uses, inside ``fsio.expecting`` with
the version of the file the page was loaded with: a stale write is refused under the file's lock (409)."""

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
    from ..curate.queues import Curation
    from ..reader import CorpusReader


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

    def mapping(self, name: str) -> dict[str, str]:
        value = self.raw.get(name) or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise _bad(name, f"{name} must be an object of strings")
        return {str(k): v for k, v in value.items() if v != ""}


def _bad(where: str, message: str) -> UsageError:
    return UsageError(Problem(where, None, Code.USAGE, message, "send the fields the page sends"))


def refuse_stale(versions: dict[Path, str]) -> None:
    stale = [path.name for path, version in versions.items() if file_version(path) != version]
    if stale:
        raise UsageError(Problem(stale[0], None, Code.STALE_VERSION, f"{', '.join(stale)} changed since the page "
                                 "was loaded; nothing was written", "reload to see the other change, then make "
                                 "yours again"))


@dataclass(frozen=True)
class Writer:
    """Who writes (the server's annotator) into which corpus, and where curation decisions are kept."""

    corpus: CorpusReader
    annotator: str
    decisions: Path
    _serial: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _store(self, doc_id: str) -> Path:
        return self.corpus.layout.store(check_doc_id(doc_id))

    @contextlib.contextmanager
    def _against(self, versions: dict[Path, str]) -> Iterator[None]:
        """One write at a time from this server (so its threads never poll each other's file locks), refused
        early when a version is already stale, and checked again under each file's lock (``fsio.expecting``),
        which is what keeps a CLI command or a second server from being written over."""
        with self._serial:
            refuse_stale(versions)
            with expecting(versions):
                yield

    def add_span(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.api import add_span

        store = self._store(doc_id)
        version = body.need("version")
        refuse_stale({store: version})  # the cheap refusal, before the document is read
        offsets = OffsetMap(self.corpus.document(doc_id).text)
        start = offsets.to_code_point(body.integer("start16"), "start16")
        end = offsets.to_code_point(body.integer("end16"), "end16")
        with self._against({store: version}):
            span = add_span(self.corpus, doc_id, layer=body.need("layer"), type_=body.need("type"), start=start,
                            end=end, attributes=body.mapping("attributes"), note=body.text("note", required=False),
                            annotator=self.annotator)
        return {"id": span.id, "start": span.start, "end": span.end, "text": span.text}

    def review(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.operations import find_span
        from ..annotate.review import decide_ids

        decision = body.need("decision")
        if decision not in ("accept", "reject"):
            raise _bad("decision", "decision is accept or reject")
        span_id = find_span(self.corpus, body.need("span_id"), check_doc_id(doc_id)).id
        with self._against({self._store(doc_id): body.need("version")}):
            outcome = decide_ids(self.corpus, decision, [span_id], self.annotator)
        return {"changed": [r.id for r in outcome.changed], "not_suggested": outcome.not_suggested,
                "others_annotations": outcome.others_annotations}

    def relate(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.operations import find_span, relate

        head = find_span(self.corpus, body.need("head"), check_doc_id(doc_id))
        tail = find_span(self.corpus, body.need("tail"), doc_id)
        with self._against({self._store(doc_id): body.need("version")}):
            relation = relate(self.corpus, head.id, tail.id, body.need("type"), annotator=self.annotator,
                              note=body.text("note", required=False))
        return {"id": relation.id, "type": relation.type, "head": relation.head, "tail": relation.tail}

    def progress(self, doc_id: str, body: Body) -> dict[str, Any]:
        from ..annotate.blind import progress_path, set_progress

        state = body.need("state")
        with self._against({progress_path(self.corpus, self.annotator): body.need("version")}):
            set_progress(self.corpus, self.annotator, check_doc_id(doc_id), state)
        return {"state": state}

    def curation(self, body: Body) -> Curation:
        from ..curate.decisions import read_decisions
        from ..curate.engine import curate
        from ..curate.strategies import parse_strategy

        annotators = tuple(body.strings("annotators"))
        strategy = parse_strategy(body.text("strategy", required=False) or "unanimous", len(set(annotators)))
        return curate(self.corpus, annotators, strategy, read_decisions(self.decisions), None,
                      self.corpus.layout.relative(self.decisions))

    def decide(self, body: Body) -> dict[str, Any]:
        from ..curate.decisions import Decision, append_decisions

        result = self.curation(body)
        dispute, choose, reason = body.need("dispute"), body.text("choose", required=False), body.need("reason")
        unit = next((u for u in result.disputed if u.id == dispute), None)
        if unit is None:
            raise UsageError(Problem("dispute", None, Code.UNKNOWN_CURATION_RECORD, f"{dispute} is no open dispute of "
                                     "these annotators (settled meanwhile?)", "reload the curation page"))
        if choose is not None and choose not in {s.id for s in unit.spans}:
            raise _bad("choose", f"{choose} is not one of the dispute's records")
        if not reason.strip():
            raise _bad("reason", "every decision gives its reason")
        with self._against({self.decisions: body.need("version")}):
            append_decisions(self.decisions, [Decision(dispute, choose, reason.strip(), self.annotator)])
        return {"dispute": dispute, "choose": choose}

    def write_gold(self, body: Body) -> dict[str, Any]:
        from ..curate.engine import write_gold

        versions = body.mapping("versions")
        result = self.curation(body)
        stores = {self._store(doc_id): versions.get(doc_id, "") for doc_id in result.gold}
        with self._against(stores):  # every store checked before the first is written, and each under its lock
            spans, relations = write_gold(self.corpus, result)
        return {"written": spans, "relations_written": relations}
