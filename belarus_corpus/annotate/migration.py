"""Migrating stores written before annotators were kept apart (#16).

Before, every detector proposal was made by one annotator, ``belarus-corpus-rules``, and kept that name after a
reviewer accepted it. Now a detector is an annotator of its own, named as its method (``rule:<name>@<version>``),
and an accepted suggestion belongs to the reviewer who accepted it, with the detector kept in ``suggested_by``.
Ids, methods, statuses, dates and everything else stay as they were recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Record
from ..store import StoreContent, update

if TYPE_CHECKING:
    from ..reader import CorpusReader

LEGACY_RULES_ANNOTATOR = "belarus-corpus-rules"


@dataclass
class MigrationOutcome:
    changed: int = 0
    stores: int = 0


def migrated(record: Record) -> Record:
    """The record under the per-annotator model (itself when nothing needs to change)."""
    if record.annotator != LEGACY_RULES_ANNOTATOR or not record.method.startswith("rule:"):
        return record
    if record.status == "gold" and record.reviewed_by:
        return record.with_changes(annotator=record.reviewed_by, suggested_by=record.method)
    return record.with_changes(annotator=record.method)


def migrate(corpus: CorpusReader) -> MigrationOutcome:
    """Rewrite every store of the corpus (locked, atomic, canonical); a migrated store is left as it is."""
    outcome = MigrationOutcome()
    paths = [corpus.layout.store(doc_id) for doc_id in corpus.doc_ids()] + [corpus.layout.cross_document_store]
    for path in paths:
        if not path.is_file():
            continue

        def change(content: StoreContent) -> StoreContent:
            spans = [migrated(s) for s in content.spans]
            relations = [migrated(r) for r in content.relations]
            pairs = [*zip(spans, content.spans, strict=True), *zip(relations, content.relations, strict=True)]
            outcome.changed += sum(new is not old for new, old in pairs)
            return StoreContent(spans, relations)  # type: ignore[arg-type]

        update(path, change, corpus.layout.relative(path))
        outcome.stores += 1
    return outcome
