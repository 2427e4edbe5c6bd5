"""Corrections a curator makes in a decision: an edited gold record, or a span no annotator made. Both are
checked like any annotation (label, attributes, offsets); a mistake names the decisions file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, Problem, UsageError
from ..gold import CURATED
from ..model import Span, span_id
from .decisions import Decision

if TYPE_CHECKING:
    from ..reader import CorpusReader



def _located(error: UsageError | CorpusError, decision: Decision, file: str) -> CorpusError:
    return CorpusError([Problem(file, decision.line, p.code, p.message, p.hint) for p in error.problems])


def edited(corpus: CorpusReader, made: Span, decision: Decision, file: str) -> Span:
    """``made`` with the decision's edit: a new type, attributes changed (``null`` removes one), a note."""
    from ..annotate.records import check_attributes, check_label

    edit: dict[str, Any] = decision.edit or {}
    type_ = edit.get("type", made.type)
    attributes = dict(made.attributes)
    for name, value in (edit.get("attributes") or {}).items():
        if value is None:
            attributes.pop(name, None)
        else:
            attributes[name] = value
    try:
        check_label(corpus.taxonomy, made.layer, type_)
        attributes = check_attributes(corpus.taxonomy, made.layer, attributes)
    except UsageError as error:
        raise _located(error, decision, file) from None
    note = edit.get("note", made.note)
    return made.with_changes(type=type_, attributes=attributes, note=note, edited=True,
                             id=span_id(made.doc_id, made.layer, type_, made.start, made.end, CURATED, made.method,
                                        attributes))


def added_span(corpus: CorpusReader, decision: Decision, file: str) -> Span:
    """A gold span the curator adds (no annotator made it): ``sources`` is empty and ``curation`` says why."""
    from ..annotate.records import make_span

    add: dict[str, Any] = decision.add or {}
    try:
        document = corpus.document(add["doc_id"])
        span = make_span(document, corpus.taxonomy, layer=add["layer"], type_=add["type"], start=add["start"],
                         end=add["end"], attributes=add.get("attributes") or {}, annotator=CURATED,
                         method="curate:added", note=add.get("note"), created=add.get("created"))
    except (UsageError, CorpusError) as error:
        raise _located(error, decision, file) from None
    return span.with_changes(sources=[], curation=f"added by {decision.by or 'unknown'}: {decision.reason}")
