"""What the workspace may write, as a Protocol: the ``Corpus`` methods the CLI calls. ``Corpus`` implements it
and hands itself over in ``Corpus.serve``; serve sits below corpus in the layers, so it names the methods it
needs rather than importing the class. Each method is one entry of the operations log (``annotate undo`` sees
web edits), and takes the locks and validation the CLI's command takes; the page's versions are checked under
those locks by ``fsio.expecting`` around the call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..annotate.operations import Removed, SpanEdit
    from ..annotate.oplog import Undone
    from ..annotate.relations import RelationEdit
    from ..annotate.review import ReviewOutcome
    from ..curate.api import CurateOutcome
    from ..curate.decisions import Decision
    from ..curate.queues import Unit
    from ..model import Relation, Span


class CorpusWrites(Protocol):
    """The write methods of :class:`belarus_corpus.Corpus` the workspace calls (mypy checks ``Corpus`` against it
    where ``Corpus.serve`` hands itself over)."""

    def annotate_add(self, doc_id: str, *, layer: str, type_: str, quote: str | None = None,
                     occurrence: int | None = None, start: int | None = None, end: int | None = None,
                     attributes: tuple[str, ...] | dict[str, Any] = (), note: str | None = None,
                     status: str = "gold", annotator: str | None = None) -> Span: ...

    def annotate_update(self, record_id: str, edit: SpanEdit | RelationEdit) -> Span | Relation: ...

    def annotate_rm(self, record_id: str, cascade: bool = False,
                    confirm: Callable[[Span | Relation], bool] | None = None) -> Removed: ...

    def annotate_relate(self, head_id: str, tail_id: str, type_: str, note: str | None = None,
                        annotator: str | None = None) -> Relation: ...

    def annotate_undo(self, expected: int | None = None) -> Undone: ...

    def annotate_progress(self, annotator: str, doc_id: str | None = None, state: str | None = None
                          ) -> dict[str, str]: ...

    def review_accept(self, ids: list[str] | None = None, detector: str | None = None,
                      doc_ids: list[str] | None = None, annotator: str | None = None,
                      dry_run: bool = False) -> ReviewOutcome: ...

    def review_reject(self, ids: list[str] | None = None, detector: str | None = None,
                      doc_ids: list[str] | None = None, annotator: str | None = None,
                      dry_run: bool = False) -> ReviewOutcome: ...

    def curate(self, annotators: Sequence[str], strategy: str = "unanimous", decisions: str | Path | None = None,
               doc_ids: Sequence[str] | None = None, write: bool = False,
               settle: Callable[[list[Unit]], list[Decision]] | None = None) -> CurateOutcome: ...
