"""Importing an annotation pass written as quotes (one file per document): span lines with ``local_id``, ``layer``,
``type``, ``quote``, ``occurrence`` (1-based), ``context_before`` and ``attributes``; relation lines with ``type``,
``source`` (head) and ``target`` (tail) naming local ids. Every quote is resolved to offsets in the normalized
text; the whole pass is checked before anything is written, and any problem (with file and line) writes nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..model import Relation, Span
from .operations import add_relations, add_spans
from .records import check_annotator, make_relation, make_span

if TYPE_CHECKING:
    from ..reader import CorpusReader


@dataclass
class QuotePass:
    spans: dict[str, list[Span]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


def _locate(text: str, quote: str, occurrence: int, before: str) -> int | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return start if text[:start].endswith(before) else None


def _read_document(corpus: CorpusReader, doc_id: str, path: Path, annotator: str, status: str,
                   problems: list[Problem]) -> tuple[list[Span], list[Relation]]:
    document = corpus.document(doc_id)
    by_local: dict[str, Span] = {}
    relations: list[Relation] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = (str(path), number)
        try:
            record: dict[str, Any] = json.loads(line)
            if record["kind"] == "span":
                start = _locate(document.text, record["quote"], int(record.get("occurrence", 1)),
                                record.get("context_before", ""))
                if start is None:
                    problems.append(Problem(*where, Code.QUOTE_NOT_FOUND, f"{record['quote'][:60]!r} (occurrence "
                                            f"{record.get('occurrence', 1)}) is not in {doc_id} after its context",
                                            "fix quote, occurrence or context_before"))
                    continue
                by_local[record["local_id"]] = make_span(
                    document, corpus.taxonomy, layer=record["layer"], type_=record["type"], start=start,
                    end=start + len(record["quote"]), attributes=record.get("attributes"), annotator=annotator,
                    status=status, note=record.get("note"))
            else:
                head, tail = by_local.get(record["source"]), by_local.get(record["target"])
                if head is None or tail is None:
                    problems.append(Problem(*where, Code.UNKNOWN_LOCAL_ID, f"relation names {record['source']!r} → "
                                            f"{record['target']!r}, not both earlier spans", "relate spans above"))
                    continue
                relations.append(make_relation(corpus.taxonomy, record["type"], head, tail, annotator=annotator,
                                               status=status, note=record.get("note")))
        except UsageError as error:
            problems += [Problem(*where, p.code, p.message, p.hint) for p in error.problems]
        except (KeyError, ValueError, TypeError) as error:
            problems.append(Problem(*where, Code.BAD_QUOTE_RECORD, f"not a quote record: {error}",
                                    "see the format in annotate/quote_import.py"))
    return list(by_local.values()), relations


def read_pass(corpus: CorpusReader, folder: Path, annotator: str, status: str = "gold") -> QuotePass:
    who = check_annotator(annotator)
    problems: list[Problem] = []
    result = QuotePass()
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem not in corpus.doc_ids():
            problems.append(Problem(str(path), None, Code.UNKNOWN_DOCUMENT, f"no document {path.stem!r}",
                                    "name each file <doc_id>.jsonl"))
            continue
        spans, relations = _read_document(corpus, path.stem, path, who, status, problems)
        result.spans[path.stem] = spans
        result.relations += relations
    if problems:
        raise CorpusError(problems)
    return result


def import_pass(corpus: CorpusReader, folder: Path, annotator: str, status: str = "gold") -> QuotePass:
    """Read and check the whole pass, then add it (an annotator's records already there are kept)."""
    result = read_pass(corpus, folder, annotator, status)
    for doc_id, spans in result.spans.items():
        add_spans(corpus, doc_id, spans, skip_existing=True)
    add_relations(corpus, result.relations, skip_existing=True)
    return result
