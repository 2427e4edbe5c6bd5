"""brat standoff: ``<doc_id>.txt`` (the normalized text) and ``<doc_id>.ann``, plus ``annotation.conf`` and
``visual.conf`` generated from the taxonomy, so the export folder opens as a brat collection.

Mapping (offsets are code points of the ``.txt``, which is how brat counts them):

* a span is ``T<n>\\t<layer>_<type> <start> <end>\\t<text>``; a span whose text contains a line break is written
  as fragments cut at each line-breaking character (``0 5;6 9``; a fragment may be empty), brat's own way of
  marking text across lines; import joins fragments separated only by white space back into one span;
* an attribute with an enum (``checkworthiness``, ``target``) is an ``A`` line; free-text attributes and every
  other field of the record (id, annotator, status, method, created, guidelines version, note, review fields)
  are JSON in an ``AnnotatorNotes`` (``#``) line after ``belarus-corpus:``; a note a brat user writes without
  that mark becomes (or is added to) the span's note;
* a relation is ``R<n>\\t<type> Arg1:T<head> Arg2:T<tail>`` with its own ``#`` line.

Cannot carry: cross-document relations (brat relations stay within one document; each is reported as an
export loss). Import also refuses events, normalizations and equivalences, and discontinuous spans.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_text
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
from .brat_ann import NOTE_MARK, Ann, TextBound, note_text, parse_ann, textbound_line
from .brat_conf import BratAttribute, annotation_conf, brat_attributes, label_table, visual_conf
from .texts import DocText, TextSource, text_source

if TYPE_CHECKING:
    from ..reader import CorpusReader

NAME = "brat"
SPAN_IN_LINES = {"kind", "doc_id", "layer", "type", "start", "end", "text", "prefix", "suffix", "text_sha256",
                 "attributes"}
RELATION_IN_LINES = {"kind", "type", "head", "tail", "head_doc", "tail_doc"}


def export(source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> ExportReport:
    selection = as_selection(source, layers, statuses)
    taxonomy = selection.taxonomy
    labels = {pair: label for label, pair in label_table(taxonomy).items()}
    attributes = brat_attributes(taxonomy)
    report = ExportReport([], list(selection.problems))
    for name, content in (("annotation.conf", annotation_conf(taxonomy)), ("visual.conf", visual_conf(taxonomy))):
        report.files.append(_write(out / name, content))
    for doc in selection.documents:
        lines, spans, relations = _ann_lines(doc, labels, attributes, report.losses)
        report.files.append(_write(out / f"{doc.doc_id}.txt", doc.text))
        report.files.append(_write(out / f"{doc.doc_id}.ann", "".join(line + "\n" for line in lines)))
        report.spans += spans
        report.relations += relations
    for relation in selection.cross_relations:
        report.losses.append(export_loss(None, relation.id, f"brat has no cross-document relations ({relation.type} "
                                         f"{relation.head_doc} → {relation.tail_doc})",
                                         "export with --format jsonl or spacy to keep cross-document relations"))
    return report


def _write(path: Path, content: str) -> Path:
    atomic_write_text(path, content)
    return path


def _ann_lines(doc: DocumentAnnotations, labels: dict[tuple[str, str], str], attributes: dict[str, BratAttribute],
               losses: list[Problem]) -> tuple[list[str], int, int]:
    lines: list[str] = []
    ids: dict[str, str] = {}
    counter = {"A": 0, "#": 0}
    for span in doc.spans:
        label = labels.get((span.layer, span.type))
        if label is None:
            losses.append(export_loss(doc, span.id, f"{span.layer}/{span.type} is not in the taxonomy",
                                      "fix the span ('belarus-corpus validate' reports it)"))
            continue
        ids[span.id] = f"T{len(ids) + 1}"
        lines.append(textbound_line(ids[span.id], label, doc.text, span.start, span.end))
        in_note = _attribute_lines(span, ids[span.id], label, attributes, counter, lines)
        lines.append(_note_line(ids[span.id], _span_meta(span, in_note), counter))
    written = 0
    for relation in doc.relations:
        if relation.head not in ids or relation.tail not in ids:
            losses.append(export_loss(doc, relation.id, "an endpoint of this relation was not exported",
                                      "fix the endpoint span first"))
            continue
        written += 1
        lines.append(f"R{written}\t{relation.type} Arg1:{ids[relation.head]} Arg2:{ids[relation.tail]}")
        lines.append(_note_line(f"R{written}", _relation_meta(relation), counter))
    return lines, len(ids), written


def _attribute_lines(span: Span, ann_id: str, label: str, attributes: dict[str, BratAttribute],
                     counter: dict[str, int], lines: list[str]) -> dict[str, Any]:
    """Write the attributes brat can hold as A lines; return the others (they go into the note)."""
    rest: dict[str, Any] = {}
    for name, value in sorted(span.attributes.items()):
        spec = attributes.get(name)
        if spec is not None and isinstance(value, str) and value in spec.values and label in spec.labels:
            counter["A"] += 1
            lines.append(f"A{counter['A']}\t{name} {ann_id} {value}")
        else:
            rest[name] = value
    return rest


def _note_line(target: str, payload: dict[str, Any], counter: dict[str, int]) -> str:
    counter["#"] += 1
    return f"#{counter['#']}\tAnnotatorNotes {target}\t{note_text(payload)}"


def _span_meta(span: Span, attributes: dict[str, Any]) -> dict[str, Any]:
    """Everything the T and A lines do not say (id, provenance, note, free-text attributes)."""
    meta = {key: value for key, value in span.to_dict().items() if key not in SPAN_IN_LINES}
    meta["attributes"] = attributes
    return {key: value for key, value in meta.items() if value != {}}


def _relation_meta(relation: Relation) -> dict[str, Any]:
    meta = {key: value for key, value in relation.to_dict().items() if key not in RELATION_IN_LINES}
    return {key: value for key, value in meta.items() if value != {}}


def import_(path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False, annotator: str | None = None,
            created: str | None = None) -> ImportResult:
    """Read every ``.ann`` of a folder (or one ``.ann`` file); the document is the file's stem."""
    texts = text_source(source)
    table = label_table(texts.taxonomy)
    spans: list[SpanCandidate] = []
    relations: list[RelationCandidate] = []
    problems: list[Problem] = []
    for ann_path in _ann_files(path):
        doc = texts.get(ann_path.stem)
        if doc is None:
            problems.append(Where(str(ann_path)).problem(
                Code.UNKNOWN_DOCUMENT, f"no document {ann_path.stem!r} in this corpus",
                "name the .ann after the document id, or ingest the document first"))
            continue
        ann = _read_ann(ann_path, problems)
        if ann is None:
            continue
        problems += ann.problems
        _check_txt(ann_path.with_suffix(".txt"), doc, problems)
        spans += _spans(ann, doc, table, problems)
        relations += _relations(ann, doc.doc_id, problems)
        _dangling(ann, problems)
    return assemble(spans, relations, texts, ImportOptions(NAME, as_gold, annotator, created), problems)


def _ann_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.ann") if p.is_file())
    if path.is_file() and path.suffix == ".ann":
        return [path]
    raise CorpusError(Problem(str(path), None, Code.FILE_NOT_FOUND, "not a .ann file or a folder of them",
                              "pass the brat collection folder or one .ann file"))


def _read_ann(path: Path, problems: list[Problem]) -> Ann | None:
    try:
        return parse_ann(path.read_text(encoding="utf-8"), str(path))
    except UnicodeDecodeError as exc:
        problems.append(Where(str(path)).problem(Code.NOT_UTF8, f"invalid UTF-8 at byte {exc.start}",
                                                 "brat writes UTF-8; re-save the file as UTF-8"))
        return None


def _check_txt(path: Path, doc: DocText, problems: list[Problem]) -> None:
    if path.is_file() and path.read_bytes() != doc.text.encode("utf-8"):
        problems.append(Where(str(path)).problem(
            Code.DOCUMENT_TEXT_DIFFERS, f"this is not the corpus's normalized text of {doc.doc_id}",
            "offsets are checked against the corpus text; spans whose text differs are refused", severity="warning"))


def _spans(ann: Ann, doc: DocText, table: dict[str, tuple[str, str]], problems: list[Problem]) -> list[SpanCandidate]:
    found: list[SpanCandidate] = []
    for bound in ann.textbounds:
        pair = table.get(bound.label)
        if pair is None:
            problems.append(bound.where.problem(Code.UNKNOWN_LABEL, f"{bound.ann_id}: {bound.label!r} is not a "
                                                "<layer>_<type> label of the taxonomy; not imported",
                                                "use the labels of the generated annotation.conf"))
            continue
        hull = _hull(bound, doc, problems)
        if hull is None:
            continue
        meta, note = _meta(ann.notes.get(bound.ann_id, []), problems)
        attributes = as_dict(meta.get("attributes"))
        attributes.update({name: value for name, value, _ in ann.attributes.get(bound.ann_id, [])})
        found.append(SpanCandidate(bound.ann_id, doc.doc_id, pair[0], pair[1], hull[0], hull[1], bound.where,
                                   attributes=attributes, note=note, annotator=_str(meta.get("annotator")),
                                   guidelines_version=_str(meta.get("guidelines_version"))))
    return found


def _hull(bound: TextBound, doc: DocText, problems: list[Problem]) -> tuple[int, int] | None:
    """One span from the fragments, if only white space separates them and the text field matches them."""
    pieces = sorted(bound.pieces)
    for (_, end), (start, _) in pairwise(pieces):
        if start < end or doc.text[end:start].strip():
            problems.append(bound.where.problem(Code.DISCONTINUOUS_SPAN, f"{bound.ann_id} has fragments separated by "
                                                "text; a span here is one stretch of text", "split it into spans"))
            return None
    start, end = pieces[0][0], pieces[-1][1]
    in_range = start >= 0 and end <= len(doc.text)
    expected = " ".join(doc.text[a:b] for a, b in pieces)
    if bound.text is not None and in_range and bound.text != expected:
        problems.append(bound.where.problem(Code.OFFSET_MISMATCH,
                                            f"{bound.ann_id}: the line has {bound.text[:40]!r} but "
                                            f"the document has {expected[:40]!r} at these offsets",
                                            "the .ann was made for another version of the text"))
        return None
    return start, end


def _meta(notes: list[tuple[str, Where]], problems: list[Problem]) -> tuple[dict[str, Any], str | None]:
    """Our JSON note (if any) and the note text: the exported note plus what brat users wrote."""
    meta: dict[str, Any] = {}
    human: list[str] = []
    for text, where in notes:
        if not text.startswith(NOTE_MARK):
            human.append(text)
            continue
        try:
            loaded = json.loads(text[len(NOTE_MARK):])
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict) or meta:
            problems.append(where.problem(Code.INVALID_NOTE, "this belarus-corpus note is not one JSON object, or is a "
                                          "second one for the same annotation; ignored",
                                          "restore the note from the export, or remove it", severity="warning"))
            continue
        meta = loaded
    parts = ([meta["note"]] if isinstance(meta.get("note"), str) else []) + human
    return meta, "\n".join(parts) if parts else None


def _relations(ann: Ann, doc_id: str, problems: list[Problem]) -> list[RelationCandidate]:
    found = []
    for link in ann.links:
        meta, note = _meta(ann.notes.get(link.ann_id, []), problems)
        attributes = as_dict(meta.get("attributes"))
        attributes.update({name: value for name, value, _ in ann.attributes.get(link.ann_id, [])})
        found.append(RelationCandidate(link.type, (doc_id, link.arg1), (doc_id, link.arg2), link.where, attributes,
                                       note, _str(meta.get("annotator")), _str(meta.get("guidelines_version"))))
    return found


def _dangling(ann: Ann, problems: list[Problem]) -> None:
    known = {b.ann_id for b in ann.textbounds} | {link.ann_id for link in ann.links}
    lines = [(target, where) for target, items in ann.attributes.items() for _, _, where in items]
    lines += [(target, where) for target, notes in ann.notes.items() for _, where in notes]
    problems += [where.problem(Code.DANGLING_REFERENCE, f"this line refers to {target}, which is not in the file",
                               "remove the line, or restore the annotation", severity="warning")
                 for target, where in lines if target not in known]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
