"""Which records are gold: the one rule every build, count and score uses.

A record is gold when its status is ``gold``; but when a document (or the cross-document store) has any record
of the annotator ``curated``, its gold is only the ``curated`` records with status ``gold``: curation merged the
independent passes, and their own records stay in the store for agreement and review, not as gold.

``detector_of`` says which detector (``rule:<name>@<version>``) a gold record began as, following a curated
record's ``sources`` back to the records it was made from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

CURATED = "curated"
GOLD = "gold"


class Record(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def annotator(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def method(self) -> str: ...


R = TypeVar("R", bound=Record)
S = TypeVar("S", bound=Record)


def is_curated(records: Iterable[Record]) -> bool:
    """Whether the store has any record of the ``curated`` annotator."""
    return any(record.annotator == CURATED for record in records)


def gold_records(records: Sequence[R], curated: bool | None = None) -> list[R]:
    """The gold records of one store, in their order; ``curated`` says whether the store is curated (default: when
    any of ``records`` is a ``curated`` record; pass it when spans and relations are looked at apart)."""
    if curated is None:
        curated = is_curated(records)
    return [r for r in records if r.status == GOLD and (not curated or r.annotator == CURATED)]


@dataclass(frozen=True)
class Gold(Generic[S, R]):
    """The gold spans and relations of one store, and the records left out (for the review configs)."""

    spans: list[S]
    relations: list[R]
    other_spans: list[S]
    other_relations: list[R]
    curated: bool


def split_gold(spans: Sequence[S], relations: Sequence[R]) -> Gold[S, R]:
    """Gold and not gold, for a store's spans and relations together (curation is decided over both)."""
    curated = is_curated(spans) or is_curated(relations)
    gold_spans = gold_records(spans, curated)
    gold_relations = gold_records(relations, curated)
    span_ids = {r.id for r in gold_spans}
    relation_ids = {r.id for r in gold_relations}
    return Gold(gold_spans, gold_relations, [s for s in spans if s.id not in span_ids],
                [r for r in relations if r.id not in relation_ids], curated)


def detector_of(record: Record, by_id: Mapping[str, Record]) -> str | None:
    """The detector (``rule:<name>@<version>``) a record began as: its method or ``suggested_by``, or, for a
    curated record, that of the first of its ``sources`` (``annotator:id``, in this store) that began as one."""
    suggested = getattr(record, "suggested_by", None)
    if suggested:
        return str(suggested)
    if record.method.startswith("rule:"):
        return record.method
    for source in getattr(record, "sources", None) or []:
        found = by_id.get(str(source).rpartition(":")[2])
        if found is not None and found is not record:
            detector = detector_of(found, {})
            if detector:
                return detector
    return None


def gold_origin(method: str, edited: bool, detector: str | None = None) -> str:
    """How a gold record came to be: an accepted or an edited suggestion, a manual addition, or an import;
    ``detector`` is the detector it began as (``detector_of``; a curated record's sources decide)."""
    if method.startswith("rule:") or detector:
        return "edited suggestion" if edited else "accepted suggestion"
    if method.startswith("curate:"):
        return "manual"  # merged from manual records of the independent passes
    return "manual" if method == "manual" else method.split(":")[0]
