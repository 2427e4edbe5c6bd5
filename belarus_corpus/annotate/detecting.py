"""Running detectors: choosing them, a document's view, proposals made into spans, and runs of documents as the
engine's tasks for a large corpus (results in document order, so any executor gives what one process gives)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..codes import Code
from ..document import Document
from ..errors import Problem, UsageError
from ..model import Span
from ..taxonomy import Taxonomy
from .records import make_span, today

if TYPE_CHECKING:
    from ..engine import EngineOptions
    from ..reader import CorpusReader
    from ..suggest.base import DocumentView, LinkProposal, Proposal

PARALLEL_MIN_DOCS = 64
CHUNK_DOCS = 32

Found = tuple[str, Span]  # (detector name, span)
Result = TypeVar("Result")


@dataclass
class DocumentResult:
    """What the detectors found in one document, as spans ready to store."""

    doc_id: str
    characters: int
    proposed: Counter[str] = field(default_factory=Counter)
    spans: list[Found] = field(default_factory=list)
    invalid: list[Problem] = field(default_factory=list)
    links: list[tuple[str, LinkProposal]] = field(default_factory=list)  # (method, link) within the document


def choose_detectors(names: Sequence[str] | None) -> tuple[list[Any], list[Any]]:
    """(document detectors, corpus detectors) by name, or every registered one."""
    from ..suggest import registry

    if not names:
        return list(registry.DETECTORS.values()), list(registry.CORPUS_DETECTORS.values())
    chosen = []
    for name in names:
        try:
            chosen.append(registry.get(name))
        except KeyError as exc:
            raise UsageError(Problem("--detector", None, Code.UNKNOWN_DETECTOR, str(exc.args[0]),
                                     "choose one of the names listed")) from exc
    document = [d for d in chosen if hasattr(d, "detect")]
    return document, [d for d in chosen if not hasattr(d, "detect")]


def view_of(document: Document) -> DocumentView:
    from ..suggest.base import DocumentView

    return DocumentView(document.doc_id, document.text, tuple((p.start, p.end, p.role) for p in document.paragraphs))


def make_suggested(taxonomy: Taxonomy, document: Document, method: str, proposal: Proposal,
                   invalid: list[Problem], created: str | None = None, score: float | None = None) -> Span | None:
    """The proposal as a ``suggested`` span (its note starts with its confidence ``score`` when given), or None
    (and a warning) when it is not a valid span."""
    from ..suggest.base import with_confidence

    note = proposal.note if score is None else with_confidence(proposal.note, score)
    try:
        return make_span(document, taxonomy, layer=proposal.layer, type_=proposal.type, start=proposal.start,
                         end=proposal.end, attributes=proposal.attributes, annotator=method,
                         method=method, status="suggested", note=note, created=created)
    except UsageError as error:
        source = method.partition("@")[0]
        invalid += [Problem(source, None, p.code, f"{document.doc_id}: {p.message}", p.hint, severity="warning")
                    for p in error.problems]
        return None


def in_chunks(run: Callable[..., list[Result]], doc_ids: list[str],
              arguments: Callable[[list[str]], tuple[Any, ...]], engine: EngineOptions | None,
              name: str) -> list[Result]:
    """``run`` over runs of documents as the engine's tasks (suggest's chunk size and threshold), in order."""
    from ..engine import Stage, run_stage

    return run_stage(Stage(name, run, CHUNK_DOCS, PARALLEL_MIN_DOCS), doc_ids, arguments, engine)


def views_chunk(doc_ids: list[str], root: str) -> list[DocumentView]:
    from ..reader import CorpusReader

    corpus = CorpusReader(root)
    return [view_of(corpus.document(doc_id)) for doc_id in doc_ids]


def detect_document(corpus: CorpusReader, taxonomy: Taxonomy, detectors: list[Any], doc_id: str,
                    extra: Sequence[tuple[str, Proposal, float]] = (), view: DocumentView | None = None,
                    min_score: float | None = None) -> DocumentResult:
    """Run the document detectors on one document (on ``view`` when it was made already); make spans of their
    proposals scored at least ``min_score`` and of ``extra`` ones (detector id, proposal, score; chosen already)."""
    from ..suggest.base import confidence_of

    document = corpus.document(doc_id)
    result = DocumentResult(doc_id, len(document.text))
    created = today()
    if detectors:
        if view is None or view.text != document.text:
            view = view_of(document)
        for detector in detectors:
            method = f"rule:{detector.name}@{detector.version}"
            with_links = getattr(detector, "detect_with_links", None)
            if with_links is None:
                proposals = detector.detect(view)
            else:
                proposals, links = with_links(view)
                result.links += [(method, link) for link in links]
            for proposal in proposals:
                score = confidence_of(detector, proposal)
                if min_score is not None and score < min_score:
                    continue
                result.proposed[detector.name] += 1
                span = make_suggested(taxonomy, document, method, proposal, result.invalid, created, score)
                _keep(result, detector.name, span)
    for detector_id, proposal, score in extra:
        name = detector_id.partition("@")[0]
        span = make_suggested(taxonomy, document, f"rule:{detector_id}", proposal, result.invalid, created, score)
        _keep(result, name, span)
    return result


def _keep(result: DocumentResult, name: str, span: Span | None) -> None:
    if span is not None:
        result.spans.append((name, span))
