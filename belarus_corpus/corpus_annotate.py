"""``Corpus`` methods for annotating and reviewing: one method per ``annotate``/``review`` command.

Every method that writes is one entry of the operations log (``annotate/oplog.py``), so ``annotate_undo`` can
take it back. Results are typed records; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .model import Relation, Span

if TYPE_CHECKING:
    from .annotate.blind import BlindView
    from .annotate.listing import FindQuery, Hit, Listing, ListQuery
    from .annotate.migration import MigrationOutcome
    from .annotate.operations import Removed, SpanEdit
    from .annotate.oplog import Operation, Undone
    from .annotate.quote_import import QuotePass
    from .annotate.reanchoring import ReanchorOutcome
    from .annotate.relations import RelationEdit
    from .annotate.review import ReviewOutcome
    from .annotate.session import ReviewSession
    from .annotate.showing import ShownDocument, ShownRecord
    from .reader import CorpusReader

Record = Span | Relation


@dataclass(frozen=True)
class LayerTypes:
    """One layer of the taxonomy as ``annotate types`` lists it."""

    layer: str
    types: list[str]
    attributes: dict[str, list[str]]  # name → allowed values ([] for free text)
    required: list[str]


@dataclass(frozen=True)
class TaxonomySummary:
    version: str
    layers: list[LayerTypes]
    relations: dict[str, str]  # relation type → "head layers → tail layers"


class AnnotateMethods:
    """Mixed into :class:`belarus_corpus.Corpus`."""

    def _self(self) -> CorpusReader:
        return cast("CorpusReader", self)

    def _recorded(self, command: str) -> Any:
        from .annotate.oplog import recorded

        return recorded(self._self(), command)

    def annotate_add(self, doc_id: str, *, layer: str, type_: str, quote: str | None = None,
                     occurrence: int | None = None, start: int | None = None, end: int | None = None,
                     attributes: tuple[str, ...] | dict[str, Any] = (), note: str | None = None,
                     status: str = "gold", annotator: str | None = None) -> Span:
        """Add one span, anchored by ``quote`` (its ``occurrence``) or by ``start``/``end``.


        >>> Corpus(".").annotate_add("story", layer="hedge", type_="reportative", quote="officials said")
        """
        from .annotate.api import add_span

        with self._recorded(f"annotate add {doc_id} {layer}/{type_}"):
            return add_span(self._self(), doc_id, layer=layer, type_=type_, quote=quote, occurrence=occurrence,
                            start=start, end=end, attributes=attributes, note=note, status=status,
                            annotator=annotator)

    def annotate_list(self, query: ListQuery) -> Listing:
        """Spans and relations matching ``query``.


        >>> Corpus(".").annotate_list(ListQuery(["story"], kind="relations")).relations
        """
        from .annotate.listing import list_records

        return list_records(self._self(), query)

    def annotate_show(self, target: str, layers: list[str] | None = None,
                      statuses: list[str] | None = None, view: BlindView | None = None
                      ) -> ShownDocument | ShownRecord:
        """A document with its spans (``target`` is a doc id), or one record in context (an ``s_``/``r_`` id).


        >>> Corpus(".").annotate_show("story", layers=["hedge"]).spans
        """
        from .annotate.showing import is_record_id, show_document, show_record

        corpus = self._self()
        if is_record_id(target, corpus.doc_ids()):
            return show_record(corpus, target)
        from .annotate.listing import check_docs

        check_docs(corpus, [target])
        return show_document(corpus, target, layers or [], statuses or ["gold", "suggested"], view)

    def annotate_update(self, record_id: str, edit: SpanEdit | RelationEdit) -> Record:
        """Edit a span (``SpanEdit``) or a relation (``RelationEdit``) by id; the id never changes.


        >>> Corpus(".").annotate_update("r_0123456789abcdef", RelationEdit(status="rejected"))
        """
        from .annotate.operations import SpanEdit, update_span
        from .annotate.relations import update_relation

        with self._recorded(f"annotate update {record_id}"):
            if isinstance(edit, SpanEdit):
                return update_span(self._self(), record_id, edit)
            return update_relation(self._self(), record_id, edit)

    def annotate_rm(self, record_id: str, cascade: bool = False,
                    confirm: Callable[[Record], bool] | None = None) -> Removed:
        """Remove a span (with ``cascade``, the relations using it too) or a relation, by id; ``confirm`` is
        asked first with the record, and nothing is removed when it says no.


        >>> Corpus(".").annotate_rm("r_0123456789abcdef")
        """
        from .annotate.operations import Removed, find_span, remove_span
        from .annotate.relations import find_relation, remove_relation

        corpus = self._self()
        found: Record = find_relation(corpus, record_id)[0] if record_id.startswith("r_") \
            else find_span(corpus, record_id)
        if confirm is not None and not confirm(found):
            return Removed()
        with self._recorded(f"annotate rm {record_id}"):
            if isinstance(found, Relation):
                return Removed(relations=[remove_relation(corpus, record_id)])
            span, relations = remove_span(corpus, record_id, cascade=cascade)
            return Removed([span], relations)

    def annotate_relate(self, head_id: str, tail_id: str, type_: str, note: str | None = None,
                        annotator: str | None = None) -> Relation:
        """Relate two spans (a cross-document type may join spans of two documents).


        >>> Corpus(".").annotate_relate("s_hedge…", "s_claim…", "hedge-scope")
        """
        from .annotate.operations import relate

        with self._recorded(f"annotate relate {head_id} {tail_id} {type_}"):
            return relate(self._self(), head_id, tail_id, type_, annotator=annotator, note=note)

    def annotate_find(self, query: FindQuery) -> list[Hit]:
        """Where a text or regular expression occurs in the documents, with the spans there.


        >>> Corpus(".").annotate_find(FindQuery("reportedly", ignore_case=True, unannotated=True))
        """
        from .annotate.listing import find

        return find(self._self(), query)

    def annotate_undo(self, expected: int | None = None) -> Undone:
        """Take back the last operation of the log not undone yet (refused if its stores changed since).


        >>> Corpus(".").annotate_undo().operation.command
        """
        from .annotate.oplog import undo

        return undo(self._self(), expected)

    def annotate_history(self, limit: int | None = None) -> list[Operation]:
        """The operations log, newest last (undo entries included).


        >>> [op.command for op in Corpus(".").annotate_history(5)]
        """
        from .annotate.oplog import read_log

        entries = read_log(self._self())
        return entries[-limit:] if limit else entries

    def annotate_reanchor(self, doc_ids: list[str] | None = None) -> list[ReanchorOutcome]:
        """Move spans to their documents' current text; those that cannot be placed become orphaned.


        >>> Corpus(".").annotate_reanchor(["story"])[0].moved
        """
        from .annotate.reanchoring import reanchor_documents

        with self._recorded("annotate reanchor " + " ".join(doc_ids or ["(all)"])):
            return reanchor_documents(self._self(), doc_ids)

    def annotate_migrate(self) -> MigrationOutcome:
        """Give old stores per-annotator records.


        >>> Corpus(".").annotate_migrate().changed
        """
        from .annotate.migration import migrate

        with self._recorded("annotate migrate"):
            return migrate(self._self())

    def annotate_import_quotes(self, folder: str | Path, annotator: str, status: str = "gold") -> QuotePass:
        """Import a pass written as quotes as one annotator's records.


        >>> Corpus(".").annotate_import_quotes("second-pass/", "reviewer-b")
        """
        from .annotate.quote_import import import_pass

        with self._recorded(f"annotate import-quotes {folder} --annotator {annotator}"):
            return import_pass(self._self(), Path(folder), annotator, status)

    def annotate_progress(self, annotator: str, doc_id: str | None = None, state: str | None = None
                          ) -> dict[str, str]:
        """An annotator's state per document, after setting ``doc_id`` to ``state`` when both are given.


        >>> Corpus(".").annotate_progress("alice", "story", "done")["story"]
        """
        from .annotate.blind import read_progress, set_progress

        if doc_id is not None and state is not None:
            set_progress(self._self(), annotator, doc_id, state)
        return read_progress(self._self(), annotator)

    def annotate_types(self) -> TaxonomySummary:
        """The layers, types, attributes and relation types annotations may use (the corpus's taxonomy).


        >>> [layer.layer for layer in Corpus(".").annotate_types().layers]
        """
        taxonomy = self._self().taxonomy
        layers = [LayerTypes(name, list(layer.types), {a: list(s.enum or []) for a, s in layer.attributes.items()},
                             list(layer.required_attributes)) for name, layer in taxonomy.layers.items()]
        relations = {name: f"{'/'.join(spec.head_layers)} → {'/'.join(spec.tail_layers)}"
                     + (" (across documents too)" if spec.cross_document else "")
                     for name, spec in taxonomy.relations.items()}
        return TaxonomySummary(taxonomy.version, layers, relations)

    def review_accept(self, ids: list[str] | None = None, detector: str | None = None,
                      doc_ids: list[str] | None = None, annotator: str | None = None,
                      dry_run: bool = False) -> ReviewOutcome:
        """Accept suggestions (they become gold) by id or by detector; ``dry_run`` says which, changing nothing.

        >>> Corpus(".").review_accept(detector="boilerplate", dry_run=True).changed
        """
        return self._review("accept", ids, detector, doc_ids, annotator, dry_run)

    def review_reject(self, ids: list[str] | None = None, detector: str | None = None,
                      doc_ids: list[str] | None = None, annotator: str | None = None,
                      dry_run: bool = False) -> ReviewOutcome:
        """Reject suggestions (kept as rejected, so not proposed again) by id or by detector.

        >>> Corpus(".").review_reject(["s_0123456789abcdef"])
        """
        return self._review("reject", ids, detector, doc_ids, annotator, dry_run)

    def _review(self, decision: str, ids: list[str] | None, detector: str | None, doc_ids: list[str] | None,
                annotator: str | None, dry_run: bool) -> ReviewOutcome:
        from .annotate.review import decide_detector, decide_ids

        corpus = self._self()
        if detector:
            with self._recorded(f"review {decision} --detector {detector}"):
                return decide_detector(corpus, decision, detector, doc_ids, annotator, dry_run)
        with self._recorded(f"review {decision} " + " ".join(ids or [])):
            return decide_ids(corpus, decision, list(ids or []), annotator, dry_run)

    def review_interactive(self, doc_ids: list[str] | None = None, detector: str | None = None,
                       annotator: str | None = None) -> ReviewSession:
        """The suggestions to review one at a time, and the edits a reviewer makes on them (each logged).


        >>> session = Corpus(".").review_interactive(["story"]); session.decide("accept")
        """
        from .annotate.session import ReviewSession

        return ReviewSession.open(self._self(), doc_ids or [], detector, annotator)
