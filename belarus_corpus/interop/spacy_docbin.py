"""spaCy ``DocBin`` (``corpus.spacy``): one ``Doc`` per document, spans in ``doc.spans[<layer>]``.

Each ``Doc`` is built with ``Doc(vocab, words, spaces)`` from the corpus tokenizer (``build.tokens.tokenize``),
white space between tokens becoming a trailing space or a white-space token, so ``doc.text`` is exactly the
normalized text and ``span.start_char``/``span.end_char`` are our offsets. Read it with
``DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)``.

Mapping: a span is ``doc.spans[layer]`` member with ``label_`` = type and ``id_`` = our span id.
``doc.user_data["belarus_corpus"]`` (kept by ``DocBin(store_user_data=True)``) holds
``{"doc_id", "text_sha256", "spans": {span id: the span's record without offsets, text, type and context},
"relations": [relation records]}``; a relation, cross-document ones too, is
stored with the document of its head and names its endpoints by span id and doc id.

Cannot carry: spans whose edges are not token edges (``char_span(..., alignment_mode="strict")`` gives None;
reported as ``export-loss``) and the relations that touch them. Import makes new records (new ids, annotator
kept).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..build.tokens import tokenize
from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_bytes
from ..model import Relation, Span
from .assemble import ImportOptions, assemble
from .base import (
    DocumentAnnotations,
    ExportReport,
    ImportResult,
    RelationCandidate,
    Selection,
    SpanCandidate,
    Where,
    as_dict,
    as_selection,
    export_loss,
)
from .texts import TextSource, text_source

if TYPE_CHECKING:
    from ..reader import CorpusReader

NAME = "spacy"
FILE_NAME = "corpus.spacy"
USER_DATA_KEY = "belarus_corpus"
SPAN_IN_DOC = {"kind", "doc_id", "type", "start", "end", "text", "prefix", "suffix", "text_sha256"}


def words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """Our tokens, plus white space: one space after a token is its ``whitespace_``, any other a token of its own."""
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in [*tokenize(text), (len(text), len(text))]:
        gap = text[position:start]
        if gap.startswith(" ") and words:
            spaces[-1], gap = True, gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if end > start:
            words.append(text[start:end])
            spaces.append(False)
        position = end
    return words, spaces


def require_spacy() -> None:
    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise CorpusError(Problem("<environment>", None, Code.SPACY_MISSING, "spaCy is not installed",
                                  "pip install 'belarus-corpus[interop]' (spaCy 3.7 or later)")) from exc


def export(source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> ExportReport:
    require_spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    selection = as_selection(source, layers, statuses)
    report = ExportReport([], list(selection.problems))
    vocab = Vocab()
    docs, carried = [], set()
    for doc in selection.documents:
        built = _doc(vocab, doc, selection.layers, report.losses)
        carried |= set(built.user_data[USER_DATA_KEY]["spans"])
        docs.append((doc, built))
    by_id = {doc.doc_id: built for doc, built in docs}
    for doc, built in docs:
        report.relations += _relations(doc, doc.relations, carried, built, report.losses)
    report.relations += _cross_relations(selection.cross_relations, carried, by_id, report.losses)
    docbin = DocBin(store_user_data=True)
    for _, built in docs:
        docbin.add(built)
    path = out / FILE_NAME
    atomic_write_bytes(path, docbin.to_bytes())
    report.files.append(path)
    report.spans = len(carried)
    return report


def _doc(vocab: Any, doc: DocumentAnnotations, layers: Sequence[str], losses: list[Problem]) -> Any:
    from spacy.tokens import Doc

    words, spaces = words_and_spaces(doc.text)
    built = Doc(vocab, words=words, spaces=spaces)
    assert built.text == doc.text, "the token view must reproduce the text"
    groups: dict[str, list[Any]] = {layer: [] for layer in layers}
    meta: dict[str, Any] = {}
    for span in doc.spans:
        made = built.char_span(span.start, span.end, label=span.type, span_id=span.id, alignment_mode="strict")
        if made is None:
            losses.append(export_loss(doc, span.id, f"{span.start}:{span.end} is not on spaCy token edges of the "
                                      "corpus tokenizer", "use jsonl or brat to keep spans inside tokens"))
            continue
        groups.setdefault(span.layer, []).append(made)
        meta[span.id] = _span_meta(span)
    for layer, spans in groups.items():
        built.spans[layer] = spans
    sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    built.user_data[USER_DATA_KEY] = {"doc_id": doc.doc_id, "text_sha256": sha, "spans": meta, "relations": []}
    return built


def _span_meta(span: Span) -> dict[str, Any]:
    """The span's record without what the Doc itself says (offsets, text, type, context)."""
    return {key: value for key, value in span.to_dict().items() if key not in SPAN_IN_DOC}


def _relations(doc: DocumentAnnotations | None, relations: list[Relation], carried: set[str], built: Any,
               losses: list[Problem]) -> int:
    kept = 0
    for relation in relations:
        if relation.head in carried and relation.tail in carried:
            record = relation.to_dict()
            record.pop("kind")
            built.user_data[USER_DATA_KEY]["relations"].append(record)
            kept += 1
        else:
            losses.append(export_loss(doc, relation.id, "an endpoint of this relation is not in the DocBin",
                                      "see the loss reported for the endpoint span"))
    return kept


def _cross_relations(relations: list[Relation], carried: set[str], by_id: dict[str, Any],
                     losses: list[Problem]) -> int:
    kept = 0
    for relation in relations:
        if relation.head_doc in by_id:
            kept += _relations(None, [relation], carried, by_id[relation.head_doc], losses)
        else:
            losses.append(export_loss(None, relation.id, f"document {relation.head_doc} is not exported", ""))
    return kept


def import_(path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False, annotator: str | None = None,
            created: str | None = None) -> ImportResult:
    require_spacy()
    texts = text_source(source)
    problems: list[Problem] = []
    spans: list[SpanCandidate] = []
    relations: list[RelationCandidate] = []
    for index, built in enumerate(_read_docs(path)):
        where = Where(str(path), None, f"doc {index}")
        meta = _plain(built.user_data.get(USER_DATA_KEY)) or {}
        doc_id = meta.get("doc_id")
        doc = texts.get(doc_id) if isinstance(doc_id, str) else None
        if doc is None:
            problems.append(where.problem(Code.UNKNOWN_DOCUMENT, f"user_data[{USER_DATA_KEY!r}]['doc_id'] is "
                                          f"{meta.get('doc_id')!r}, not a document of this corpus; not imported",
                                          "import DocBins made by 'belarus-corpus export --format spacy'"))
            continue
        if built.text != doc.text:
            problems.append(where.problem(Code.DOCUMENT_TEXT_DIFFERS, f"the Doc's text is not the text of {doc.doc_id}",
                                          "offsets are checked against the corpus text", severity="warning"))
        spans += _spans(built, doc.doc_id, meta.get("spans") or {}, where)
        relations += [_relation(record, where, i) for i, record in enumerate(meta.get("relations") or [])
                      if isinstance(record, dict)]
    return assemble(spans, relations, texts, ImportOptions(NAME, as_gold, annotator, created), problems)


@functools.lru_cache(maxsize=1)
def _vocab() -> Any:
    """The vocabulary of ``spacy.blank("en")`` (loading it takes a moment, so once per process)."""
    import spacy

    return spacy.blank("en").vocab


def _read_docs(path: Path) -> list[Any]:
    from spacy.tokens import DocBin

    try:
        return list(DocBin().from_disk(path).get_docs(_vocab()))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(Problem(str(path), None, Code.INVALID_DOCBIN, f"cannot read a spaCy DocBin: {exc}",
                                  "pass a .spacy file written by DocBin.to_disk")) from exc


def _spans(built: Any, doc_id: str, meta: dict[str, Any], where: Where) -> list[SpanCandidate]:
    found = []
    for layer, group in built.spans.items():
        for index, span in enumerate(group):
            extra = meta.get(span.id_) if span.id_ else None
            extra = extra if isinstance(extra, dict) else {}
            found.append(SpanCandidate(span.id_ or f"{layer}[{index}]", doc_id, layer, span.label_, span.start_char,
                                       span.end_char, Where(where.file, None, f"{where.path} spans[{layer}][{index}]"),
                                       span.text, as_dict(extra.get("attributes")), _text(extra.get("note")),
                                       _text(extra.get("annotator")), _text(extra.get("guidelines_version"))))
    return found


def _relation(record: dict[str, Any], where: Where, index: int) -> RelationCandidate:
    return RelationCandidate(str(record.get("type")), (str(record.get("head_doc")), str(record.get("head"))),
                             (str(record.get("tail_doc")), str(record.get("tail"))),
                             Where(where.file, None, f"{where.path} relations[{index}]"),
                             as_dict(record.get("attributes")), _text(record.get("note")),
                             _text(record.get("annotator")), _text(record.get("guidelines_version")))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _plain(value: Any) -> Any:
    """user_data comes back from msgpack with tuples for lists; make it plain JSON data again."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
