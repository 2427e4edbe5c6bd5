"""JSON Lines: our own span and relation records, one per line, exactly as in ``annotations/*.jsonl``.

Export writes ``annotations.jsonl``: each document's spans then its relations (canonical order and bytes, as in
the stores), then the cross-document relations. It carries everything, so nothing is ever reported as a loss.

Import reads a ``.jsonl`` file, or every ``*.jsonl`` file of a folder (the ``annotations/`` folder of another
checkout works). Offsets and text are checked against this corpus; the records get new ids, ``method:
import:jsonl``, ``status: suggested`` (or gold), today's date, and fresh ``prefix``/``suffix``/``text_sha256``;
annotator, attributes, note and guidelines version are kept. Relations name their endpoints by the ids in the
file, which are mapped to the new ids.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_bytes
from ..store import parse_lines
from .assemble import ImportOptions, assemble
from .base import ExportReport, ImportResult, RelationCandidate, Selection, SpanCandidate, Where, as_dict, as_selection
from .texts import TextSource, text_source

if TYPE_CHECKING:
    from ..reader import CorpusReader

NAME = "jsonl"
FILE_NAME = "annotations.jsonl"


def export(source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> ExportReport:
    from ..store import dumps_record

    selection = as_selection(source, layers, statuses)
    lines: list[bytes] = []
    relations = 0
    for doc in selection.documents:
        lines += [dumps_record(span.to_dict()) for span in doc.spans]
        lines += [dumps_record(relation.to_dict()) for relation in doc.relations]
        relations += len(doc.relations)
    lines += [dumps_record(relation.to_dict()) for relation in selection.cross_relations]
    path = out / FILE_NAME
    atomic_write_bytes(path, b"".join(line + b"\n" for line in lines))
    return ExportReport([path], list(selection.problems), selection.span_count(),
                        relations + len(selection.cross_relations))


def import_(path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False, annotator: str | None = None,
            created: str | None = None) -> ImportResult:
    texts = text_source(source)
    spans: list[SpanCandidate] = []
    relations: list[RelationCandidate] = []
    problems: list[Problem] = []
    for file in _files(path):
        for where, record in _records(file, problems):
            if record.get("kind") == "relation":
                _relation(record, where, relations, problems)
            else:
                _span(record, where, spans, problems)
    return assemble(spans, relations, texts, ImportOptions(NAME, as_gold, annotator, created), problems)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.jsonl") if p.is_file())
    if path.is_file():
        return [path]
    raise CorpusError(Problem(str(path), None, Code.FILE_NOT_FOUND, "no such file or folder", "check the path"))


def _records(file: Path, problems: list[Problem]) -> Iterator[tuple[Where, dict[str, Any]]]:
    for parsed in parse_lines(file):
        if parsed.problem is not None or parsed.record is None:
            problems.append(parsed.problem or Where(str(file), parsed.line).problem(Code.INVALID_JSON,
                                                                                    "unreadable line"))
            continue
        yield Where(str(file), parsed.line), parsed.record


_SPAN_NEEDS = {"id": str, "doc_id": str, "layer": str, "type": str, "start": int, "end": int}
_RELATION_NEEDS = {"type": str, "head": str, "tail": str, "head_doc": str, "tail_doc": str}


def _invalid(record: dict[str, Any], needs: Mapping[str, type]) -> str | None:
    for name, kind in needs.items():
        value = record.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            return f"{name} is missing or not a {kind.__name__}"
    if not isinstance(record.get("attributes", {}), dict):
        return "attributes is not an object"
    for name in ("text", "note", "annotator", "guidelines_version"):
        if record.get(name) is not None and not isinstance(record[name], str):
            return f"{name} is not a string"
    return None


def _span(record: dict[str, Any], where: Where, out: list[SpanCandidate], problems: list[Problem]) -> None:
    reason = _invalid(record, _SPAN_NEEDS)
    if reason is not None:
        problems.append(where.problem(Code.INVALID_RECORD, f"not a span record: {reason}",
                                      "see schema/span.schema.json", _text_id(record)))
        return
    out.append(SpanCandidate(ref=record["id"], doc_id=record["doc_id"], layer=record["layer"], type=record["type"],
                             start=record["start"], end=record["end"], where=where, text=record.get("text"),
                             attributes=as_dict(record.get("attributes")), note=record.get("note"),
                             annotator=record.get("annotator"), guidelines_version=record.get("guidelines_version")))


def _relation(record: dict[str, Any], where: Where, out: list[RelationCandidate], problems: list[Problem]) -> None:
    reason = _invalid(record, _RELATION_NEEDS)
    if reason is not None:
        problems.append(where.problem(Code.INVALID_RECORD, f"not a relation record: {reason}",
                                      "see schema/relation.schema.json", _text_id(record)))
        return
    out.append(RelationCandidate(type=record["type"], head=(record["head_doc"], record["head"]),
                                 tail=(record["tail_doc"], record["tail"]), where=where,
                                 attributes=as_dict(record.get("attributes")), note=record.get("note"),
                                 annotator=record.get("annotator"),
                                 guidelines_version=record.get("guidelines_version")))


def _text_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    return value if isinstance(value, str) else None
