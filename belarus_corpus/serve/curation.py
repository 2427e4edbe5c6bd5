"""The curation view: every annotator's records side by side per unit (agreed, incomplete, disputed, decided),
with the decisions and their reasons, and the versions a write of decisions or gold is made against."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from ..fsio import file_version
from .views import annotators_of, store_version

if TYPE_CHECKING:
    from pathlib import Path

    from ..curate.decisions import Decision
    from ..curate.queues import Curation, Unit
    from ..model import Span
    from ..reader import CorpusReader


class RecordCell(TypedDict):
    id: str
    type: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any]
    annotator: str


class UnitRow(TypedDict):
    id: str
    doc_id: str
    layer: str
    state: str
    cells: dict[str, list[RecordCell]]
    variants: list[list[RecordCell]]
    decision: dict[str, Any] | None


def _cell(span: Span) -> RecordCell:
    return RecordCell(id=span.id, type=span.type, start=span.start, end=span.end, text=span.text,
                      attributes=span.attributes, annotator=span.annotator)


def _row(unit: Unit, state: str, annotators: tuple[str, ...], decision: Decision | None = None) -> UnitRow:
    cells: dict[str, list[RecordCell]] = {name: [] for name in annotators}
    for span in sorted(unit.spans, key=lambda s: (s.start, s.end, s.id)):
        cells[span.annotator].append(_cell(span))
    chosen = None if decision is None else {"choose": decision.choose, "reason": decision.reason, "by": decision.by}
    return UnitRow(id=unit.id, doc_id=unit.doc_id, layer=unit.layer, state=state, cells=cells,
                   variants=[[_cell(s) for s in group] for group in unit.variants().values()], decision=chosen)


def curation_rows(result: Curation, doc_id: str | None) -> list[UnitRow]:
    names = result.annotators
    rows = [_row(u, "disputed", names) for u in result.disputed]
    rows += [_row(s.unit, "decided", names, s.decisions[0]) for s in result.decided]
    rows += [_row(u, "incomplete", names) for u in result.incomplete]
    rows += [_row(u, "agreed", names) for u in result.agreed]
    chosen = [r for r in rows if doc_id is None or r["doc_id"] == doc_id]
    return sorted(chosen, key=lambda r: (r["doc_id"], min((c["start"] for v in r["variants"] for c in v), default=0),
                                         r["layer"], r["id"]))


def versions_of(corpus: CorpusReader, decisions: Path) -> dict[str, Any]:
    """The versions a write of decisions or gold is made against (read before the curation is made, so a write in
    between makes the page stale rather than lost)."""
    return {"versions": {d: store_version(corpus, d) for d in corpus.doc_ids()},
            "cross_version": file_version(corpus.layout.cross_document_store),
            "decisions_version": file_version(decisions)}


def curation_view(corpus: CorpusReader, result: Curation | None, decisions: Path, doc_id: str | None,
                  seen: dict[str, Any]) -> dict[str, Any]:
    counts = {} if result is None else {"agreed": len(result.agreed), "decided": len(result.decided),
                                        "incomplete": len(result.incomplete), "disputed": len(result.disputed)}
    disputed_docs = sorted({u.doc_id for u in result.disputed}) if result else []
    return {"annotators": annotators_of(corpus), "chosen": list(result.annotators) if result else [],
            "strategy": result.strategy if result else None, "counts": counts, "doc_ids": corpus.doc_ids(),
            "doc_id": doc_id, "disputed_docs": disputed_docs,
            "rows": curation_rows(result, doc_id) if result else [],
            "decisions_file": corpus.layout.relative(decisions), **seen}
