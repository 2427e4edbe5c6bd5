"""Helpers for the interop tests: making span/relation records, comparing what comes back, file paths per format."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from belarus_corpus.interop import ExportReport, ImportResult, Selection
from belarus_corpus.model import Relation, Span, context, relation_id, span_id

IMPORT_PATH = {
    "brat": lambda out: out,
    "labelstudio": lambda out: out / "tasks.json",
    "conll": lambda out: out / "corpus.conll",
    "spacy": lambda out: out / "corpus.spacy",
    "jsonl": lambda out: out / "annotations.jsonl",
}


def make_span(doc_id: str, text: str, layer: str, type_: str, start: int, end: int, *,
              attributes: dict[str, Any] | None = None, status: str = "gold", note: str | None = None,
              annotator: str = "tester") -> Span:
    prefix, suffix = context(text, start, end)
    return Span(id=span_id(doc_id, layer, type_, start, end, annotator, "manual"), doc_id=doc_id, layer=layer,
                type=type_, start=start, end=end, text=text[start:end], prefix=prefix, suffix=suffix,
                annotator=annotator, method="manual", status=status, created="2025-11-01", guidelines_version="1.0",
                text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), attributes=dict(attributes or {}),
                note=note)


def quote_span(doc_id: str, text: str, layer: str, type_: str, quote: str, **kwargs: Any) -> Span:
    start = text.index(quote)
    return make_span(doc_id, text, layer, type_, start, start + len(quote), **kwargs)


def make_relation(type_: str, head: Span, tail: Span, note: str | None = None, status: str = "gold") -> Relation:
    return Relation(id=relation_id(type_, head.id, tail.id), type=type_, head=head.id, tail=tail.id,
                    head_doc=head.doc_id, tail_doc=tail.doc_id, annotator="tester", method="manual", status=status,
                    created="2025-11-01", guidelines_version="1.0", note=note)


def span_key(span: Span, attributes: bool = True, note: bool = True) -> tuple[Any, ...]:
    return (span.doc_id, span.layer, span.type, span.start, span.end, span.text,
            json.dumps(span.attributes, sort_keys=True) if attributes else None, span.note if note else None)


def lost(report: ExportReport) -> tuple[set[str], dict[str, set[str]]]:
    """Ids of records lost whole, and the parts lost of the others (by id)."""
    whole = {p.record_id for p in report.losses if p.path == "$" and p.record_id}
    parts: dict[str, set[str]] = {}
    for problem in report.losses:
        if problem.path != "$" and problem.record_id:
            parts.setdefault(problem.record_id, set()).add(problem.path)
    return whole, parts


def expected_spans(selection: Selection, report: ExportReport, carries_fields: bool = True) -> Counter[tuple[Any, ...]]:
    whole, parts = lost(report)
    return Counter(span_key(s, carries_fields and "$.attributes" not in parts.get(s.id, set()),
                            carries_fields and "$.note" not in parts.get(s.id, set()))
                   for doc in selection.documents for s in doc.spans if s.id not in whole)


def imported_spans(result: ImportResult, selection: Selection, report: ExportReport,
                   carries_fields: bool = True) -> Counter[tuple[Any, ...]]:
    """Keys of the imported spans, leaving out the parts the export reported as lost for the original span."""
    _, parts = lost(report)
    originals = {span_key(s, False, False): s.id for doc in selection.documents for s in doc.spans}
    keys: Counter[tuple[Any, ...]] = Counter()
    for span in result.spans:
        original = parts.get(originals.get(span_key(span, False, False), ""), set())
        keys[span_key(span, carries_fields and "$.attributes" not in original,
                      carries_fields and "$.note" not in original)] += 1
    return keys


def relation_keys(relations: list[Relation], spans: dict[str, Span]) -> Counter[tuple[Any, ...]]:
    return Counter((r.type, span_key(spans[r.head], False, False), span_key(spans[r.tail], False, False),
                    json.dumps(r.attributes, sort_keys=True), r.note) for r in relations)


def all_relations(selection: Selection) -> list[Relation]:
    return [r for doc in selection.documents for r in doc.relations] + list(selection.cross_relations)


def write_text(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path
