"""The corpus facts and the detector scorecard gathered in validate's own pass (``validate.Collector``), for the
DATASHEET.md check: no second pass over the corpus.

Per document, validate hands over what it has just read and checked: the document and its store's records. A
document whose files and store had no problem at all is taken from those records (``model.Span``/``Relation``
made without the store loader's checks, which validate has just done); any other goes the way ``corpus_facts``
goes, reading its files again, so that a document the loader refuses stops the statistics as before. Each gives
its partial facts (``facts.document_partial``) and its scorecard part (``scorecard_parts``); both merge in any
order, and the first document (in name order) whose facts could not be computed says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, Problem
from ..model import OPTIONAL_RELATION_FIELDS, OPTIONAL_SPAN_FIELDS, Relation, Span
from .facts import document_partial, empty_partial, merge_partials
from .facts_types import Partial
from .scorecard import store_records
from .scorecard_parts import ScorecardPart, document_part, empty_part, merge_parts

if TYPE_CHECKING:
    from ..validate.units import Checked, Collector

_SPAN_FIELDS = frozenset({"kind", *Span.__dataclass_fields__})
_RELATION_FIELDS = frozenset({"kind", *Relation.__dataclass_fields__})


@dataclass
class Gathered:
    """The facts of some documents: their merged partial and scorecard part, or why they cannot be computed."""

    partial: Partial = field(default_factory=empty_partial)
    scorecard: ScorecardPart = field(default_factory=empty_part)
    problems: list[Problem] = field(default_factory=list)  # of the first document the loader refused


def collector() -> Collector:
    from ..validate.units import Collector

    return Collector(gather, merge)


def gather(checked: Checked) -> Gathered:
    """One document's facts, from what validate read (or, for a document with problems, from its files)."""
    document = checked.document
    records = _trusted(checked) if checked.clean and document is not None else None
    if document is None or records is None:
        from ..reader import CorpusReader

        corpus = CorpusReader(checked.root)
        try:
            content = corpus.annotations(checked.doc_id)
            document = corpus.document(checked.doc_id)
        except CorpusError as error:
            return Gathered(problems=error.problems)
        spans, relations = content.spans, content.relations
    else:
        spans, relations = records
    return Gathered(document_partial(document, spans, relations), document_part(store_records(spans, relations)))


def merge(items: list[Gathered]) -> Gathered:
    failed = next((item.problems for item in items if item.problems), [])
    return Gathered(merge_partials(item.partial for item in items), merge_parts(item.scorecard for item in items),
                    failed)


def _trusted(checked: Checked) -> tuple[list[Span], list[Relation]] | None:
    """The records as the store loader would make them, when every field is one the model knows."""
    spans: list[Span] = []
    relations: list[Relation] = []
    for record in checked.records:
        kind = record.get("kind")
        if kind == "span" and record.keys() <= _SPAN_FIELDS:
            spans.append(_built(Span, {"attributes": {}, **OPTIONAL_SPAN_FIELDS}, record))
        elif kind == "relation" and record.keys() <= _RELATION_FIELDS:
            relations.append(_built(Relation, {"attributes": {}, **OPTIONAL_RELATION_FIELDS}, record))
        else:
            return None
    return spans, relations


def _built(cls: type[Any], defaults: dict[str, Any], record: dict[str, Any]) -> Any:
    built = object.__new__(cls)
    values = {**defaults, **record}
    del values["kind"]
    built.__dict__.update(values)
    return built
