"""CoNLL-style BIO: one token per line, ``TOKEN<TAB>START<TAB>END<TAB><tag per layer>``, in ``corpus.conll``.

Tokens come from the corpus tokenizer (``build.tokens.tokenize``, ``regex-words@2``), the same as the ``tokens``
table of the built dataset; START/END are code point offsets into the normalized text. Tags are ``O``,
``B-<type>``, ``I-<type>``, one column per exported layer, named in the ``# columns = ...`` header. Each document
starts with ``# doc_id = ...`` and ``# text_sha256 = ...``; a blank line ends each sentence (a line break, or
``.``/``!``/``?`` before a capitalised token, never inside a span) and each document. A token that begins with
``#`` is still a token line (comments start with ``# ``, a hash and a space).

Cannot carry (each reported at export as an ``export-loss`` warning; ``path`` ``$`` means the span itself):
spans whose edges are not token edges and spans overlapping an earlier span of the same layer (``$``);
attributes and notes (``$.attributes``, ``$.note``; a span with a required attribute, a stance without its
target, is reported with ``$`` since it cannot be imported back); relations (``$``); ids, annotators and
statuses (an export that mixes statuses gets one warning with path ``$.status``).

Import rebuilds the spans of each column from the tags (an ``I-`` without a ``B-`` starts a span, as in the
usual lenient reading), checks every token against the document text, and refuses spans over a token that
does not match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..build.tokens import TOKENIZER, TagIssue, bio_tags, spans_from_tags, tokenize
from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_text
from .assemble import ImportOptions, assemble
from .base import (
    DocumentAnnotations,
    ExportReport,
    ImportResult,
    RelationCandidate,
    Selection,
    SpanCandidate,
    Where,
    as_selection,
    export_loss,
    mixed_statuses,
)
from .conll_read import ConllDocument, read_conll
from .conll_sentences import sentence_starts
from .texts import TextSource, text_source

if TYPE_CHECKING:
    from ..reader import CorpusReader

NAME = "conll"
FILE_NAME = "corpus.conll"
FIXED_COLUMNS = ("token", "start", "end")


def export(source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> ExportReport:
    selection = as_selection(source, layers, statuses)
    report = ExportReport([], [*selection.problems, *mixed_statuses(selection, "CoNLL")])
    lines = [f"# columns = {' '.join(FIXED_COLUMNS + selection.layers)}", f"# tokenizer = {TOKENIZER}", ""]
    for doc in selection.documents:
        lines += _document_lines(doc, selection, report)
    for relation in selection.cross_relations:
        report.losses.append(export_loss(None, relation.id, "CoNLL has no relations", "use jsonl, brat or spacy"))
    path = out / FILE_NAME
    atomic_write_text(path, "\n".join(lines) + "\n")
    report.files.append(path)
    return report


def _document_lines(doc: DocumentAnnotations, selection: Selection, report: ExportReport) -> list[str]:
    tokens = tokenize(doc.text)
    columns: list[list[str]] = []
    for layer in selection.layers:
        tags, issues = bio_tags(tokens, [s for s in doc.spans if s.layer == layer])
        columns.append(tags)
        report.losses += [_tag_loss(doc, issue) for issue in issues]
        report.spans += sum(1 for s in doc.spans if s.layer == layer) - len(issues)
    report.losses += _field_losses(doc, selection)
    report.losses += [export_loss(doc, r.id, "CoNLL has no relations", "use jsonl, brat or spacy")
                      for r in doc.relations]
    sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    lines = [f"# doc_id = {doc.doc_id}", f"# text_sha256 = {sha}"]
    starts = set(sentence_starts(doc.text, tokens, [(s.start, s.end) for s in doc.spans]))
    for index, (start, end) in enumerate(tokens):
        if index in starts and index > 0:
            lines.append("")
        lines.append("\t".join([doc.text[start:end], str(start), str(end), *(col[index] for col in columns)]))
    return [*lines, ""]


def _tag_loss(doc: DocumentAnnotations, issue: TagIssue) -> Problem:
    return export_loss(doc, issue.span_id, f"not in the BIO tags: {issue.reason}",
                       "CoNLL carries spans on token edges without overlaps in a layer; use jsonl, brat or spacy")


def _field_losses(doc: DocumentAnnotations, selection: Selection) -> list[Problem]:
    losses = []
    for span in doc.spans:
        layer = selection.taxonomy.layers.get(span.layer)
        required = list(layer.required_attributes) if layer is not None else []
        if required:
            losses.append(export_loss(doc, span.id, f"the required attribute {', '.join(required)} is not in the "
                                      "tags, so this span cannot be imported back", "use jsonl, brat or spacy"))
        elif span.attributes:
            names = ", ".join(sorted(span.attributes))
            losses.append(export_loss(doc, span.id, f"attribute(s) {names} not in the tags", "use jsonl, brat or spacy",
                                      "$.attributes"))
        if span.note is not None:
            losses.append(export_loss(doc, span.id, "the note is not in the tags", "use jsonl, brat or spacy",
                                      "$.note"))
    return losses


def import_(path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False, annotator: str | None = None,
            created: str | None = None) -> ImportResult:
    texts = text_source(source)
    if not path.is_file():
        raise CorpusError(Problem(str(path), None, Code.FILE_NOT_FOUND, "no such file", "pass a .conll file"))
    problems: list[Problem] = []
    layers, documents = read_conll(path, texts, problems)
    spans: list[SpanCandidate] = []
    for doc in documents:
        spans += _spans(doc, layers, problems)
    relations: list[RelationCandidate] = []
    return assemble(spans, relations, texts, ImportOptions(NAME, as_gold, annotator, created), problems)


def _spans(doc: ConllDocument, layers: list[str], problems: list[Problem]) -> list[SpanCandidate]:
    found = []
    first_of = {start: index for index, (start, _) in enumerate(doc.tokens)}
    last_of = {end: index for index, (_, end) in enumerate(doc.tokens)}
    for column, layer in enumerate(layers):
        tags = [row[column] for row in doc.tags]
        for start, end, type_ in spans_from_tags(doc.tokens, tags):
            first, last = first_of[start], last_of[end]
            where = Where(doc.where.file, doc.lines[first], f"column {layer}")
            if doc.bad.intersection(range(first, last + 1)):
                problems.append(where.problem(Code.OFFSET_MISMATCH, f"a token of this {layer} span does not match the "
                                              "document text; not imported", "the file was made for another text"))
                continue
            found.append(SpanCandidate(f"{layer}:{start}:{end}:{type_}", doc.doc_id, layer, type_, start, end, where))
    return found
