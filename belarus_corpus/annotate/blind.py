"""Blind annotation: an annotator's view shows only their own records, unless they ask for the others' or for
the detectors' suggestions; and each annotator's progress per document (not started / in progress / done),
recorded in ``metadata/progress/<annotator>.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import Problem, UsageError
from ..fsio import atomic_write_bytes, locked
from ..model import Record
from .records import check_annotator

if TYPE_CHECKING:
    from pathlib import Path

    from ..reader import CorpusReader

STATES = ("not started", "in progress", "done")


@dataclass(frozen=True)
class BlindView:
    """Who is looking, and what else they asked to see."""

    annotator: str | None = None
    others: bool = False
    suggestions: bool = False

    def shows(self, record: Record) -> bool:
        if self.annotator is None or record.annotator == self.annotator:
            return True
        if record.annotator.startswith("rule:"):
            return self.suggestions
        return self.others


def progress_path(corpus: CorpusReader, annotator: str) -> Path:
    return corpus.root / "metadata" / "progress" / f"{check_annotator(annotator)}.json"


def read_progress(corpus: CorpusReader, annotator: str) -> dict[str, str]:
    """Every document's state for this annotator; a document with none recorded is 'in progress' when the
    annotator has records in it, else 'not started'."""
    path = progress_path(corpus, annotator)
    recorded: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    states = {}
    for doc_id in corpus.doc_ids():
        state = recorded.get(doc_id)
        if state is None:
            mine = any(s.annotator == annotator for s in corpus.annotations(doc_id).spans)
            state = "in progress" if mine else "not started"
        states[doc_id] = state
    return states


def set_progress(corpus: CorpusReader, annotator: str, doc_id: str, state: str) -> None:
    if state not in STATES:
        raise UsageError(Problem("--state", None, Code.UNKNOWN_PROGRESS_STATE, f"unknown state {state!r}",
                                 "one of: " + ", ".join(STATES)))
    if doc_id not in corpus.doc_ids():
        raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_DOCUMENT, f"no document {doc_id!r}",
                                 "see the ids with 'belarus-corpus stats'"))
    path = progress_path(corpus, annotator)
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        recorded = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        recorded[doc_id] = state
        atomic_write_bytes(path, (json.dumps(dict(sorted(recorded.items())), indent=1) + "\n").encode("utf-8"))
