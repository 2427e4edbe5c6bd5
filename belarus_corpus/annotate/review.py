"""Reviewing suggestions: accept or reject spans and relations by id or by detector.

Rejected records stay in the store (so the same proposal is not made again); who decided is recorded in
``reviewed_by``. Only suggestions are reviewed: a detector's (or an import's) proposal, or the reviewer's own
suggested records. Another annotator's manual records kept as ``suggested`` (a blind pass awaiting curation)
are that annotator's annotations: review leaves them as they are and says so (``belarus-corpus curate`` merges
them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import Problem, UsageError
from ..model import Relation, Span
from ..store import StoreContent, load, update, update_many
from .records import check_annotator

if TYPE_CHECKING:
    from ..reader import CorpusReader

DECISIONS = {"accept": "gold", "reject": "rejected"}
Record = Span | Relation


@dataclass
class ReviewOutcome:
    changed: list[Record] = field(default_factory=list)
    not_suggested: list[str] = field(default_factory=list)
    others_annotations: list[str] = field(default_factory=list)  # suggested manual records of another annotator


def reviewable(record: Record, reviewer: str) -> bool:
    """A suggestion ``reviewer`` may accept or reject: proposed by a detector or an import, or their own."""
    return record.status == "suggested" and (record.method != "manual" or record.annotator == reviewer)


def _stores(corpus: CorpusReader, doc_ids: list[str] | None) -> list[Path]:
    paths = [corpus.layout.store(doc_id) for doc_id in doc_ids or corpus.doc_ids()]
    return [*paths, corpus.layout.cross_document_store] if doc_ids is None else paths


def _decider(chosen: Callable[[Record], bool], status: str, outcome: ReviewOutcome,
             reviewer: str) -> Callable[[StoreContent], StoreContent]:
    """The change that sets ``status`` on every chosen suggestion of one store."""

    def decide(record: Record) -> Record:
        if chosen(record) and record.status == "suggested" and not reviewable(record, reviewer):
            outcome.others_annotations.append(record.id)
        elif chosen(record) and record.status == "suggested":
            record = record.with_changes(status=status, reviewed_by=reviewer)
            if status == "gold" and record.annotator.startswith("rule:"):  # the reviewer now answers for it
                record = record.with_changes(annotator=reviewer, suggested_by=record.annotator)
            outcome.changed.append(record)
        return record

    def change(content: StoreContent) -> StoreContent:
        content.spans = [decide(s) for s in content.spans]  # type: ignore[misc]
        content.relations = [decide(r) for r in content.relations]  # type: ignore[misc]
        return content

    return change


def _decide(corpus: CorpusReader, paths: list[Path], chosen: Callable[[Record], bool], status: str,
            outcome: ReviewOutcome, annotator: str | None, dry_run: bool = False) -> None:
    """Set ``status`` on every chosen suggestion, one locked store at a time (``dry_run``: only say which)."""
    change = _decider(chosen, status, outcome, check_annotator(annotator))
    for path in paths:
        if path.is_file() and dry_run:
            change(load(path, corpus.layout.relative(path)))
        elif path.is_file():
            update(path, change, corpus.layout.relative(path))


def _records(content: StoreContent) -> list[Record]:
    return [*content.spans, *content.relations]


def _stores_holding(corpus: CorpusReader, wanted: set[str]) -> dict[Path, str]:
    """The stores that hold the wanted ids now (read without locks: the decision reads them again under them)."""
    found: dict[Path, str] = {}
    for path in _stores(corpus, None):
        if path.is_file():
            content = load(path, corpus.layout.relative(path))
            if any(r.id in wanted for r in _records(content)):
                found[path] = corpus.layout.relative(path)
    return found


def decide_ids(corpus: CorpusReader, decision: str, ids: list[str], annotator: str | None = None,
               dry_run: bool = False) -> ReviewOutcome:
    """Decide the given suggestions; the stores that hold them are read and written under all their locks, so an
    id removed meanwhile is refused (``unknown-span``, nothing written) rather than silently skipped. With
    ``dry_run``, the outcome says what would change and nothing is written."""
    wanted, outcome = set(ids), ReviewOutcome()
    decide = _decider(lambda r: r.id in wanted, DECISIONS[decision], outcome, check_annotator(annotator))

    def change(contents: dict[Path, StoreContent]) -> dict[Path, StoreContent]:
        states = {r.id: r.status for content in contents.values() for r in _records(content) if r.id in wanted}
        missing = sorted(wanted - set(states))
        if missing:
            raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_SPAN, "no span or relation " +
                                     ", ".join(missing),
                                     "list suggestions with 'belarus-corpus annotate list --status suggested'"))
        outcome.not_suggested = sorted(i for i, s in states.items() if s != "suggested")
        return {path: decide(content) for path, content in contents.items()}

    stores = _stores_holding(corpus, wanted)
    if dry_run:
        change({path: load(path, shown) for path, shown in stores.items()})
    else:
        update_many(stores, change)
    return outcome


def decide_detector(corpus: CorpusReader, decision: str, detector: str, doc_ids: list[str] | None = None,
                    annotator: str | None = None, dry_run: bool = False) -> ReviewOutcome:
    from .detecting import choose_detectors

    prefix = f"rule:{detector}" if not detector.startswith("rule:") else detector
    choose_detectors([prefix.removeprefix("rule:").partition("@")[0]])  # exit 2 with the known names
    outcome = ReviewOutcome()
    _decide(corpus, _stores(corpus, doc_ids), lambda r: r.method == prefix or r.method.startswith(prefix + "@"),
            DECISIONS[decision], outcome, annotator, dry_run)
    return outcome


def retype(corpus: CorpusReader, span: Span, type_: str) -> Span:
    from .operations import SpanEdit, update_span

    return update_span(corpus, span.id, SpanEdit(type=type_), doc_id=span.doc_id)
