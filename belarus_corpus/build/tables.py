"""Rows of every config, produced one document at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..gold import Gold, detector_of, split_gold
from ..ingest.sourcemap_locate import source_byte_range
from ..model import Relation, Span
from ..provenance_record import ProvenanceRecord
from ..taxonomy import Taxonomy
from .sentences import sentence_rows
from .tokens import TagIssue, bio_tags, tokenize


@dataclass
class DocumentBundle:
    """One document with its spans and in-document relations: everything its rows depend on."""

    document: Document
    spans: list[Span]
    relations: list[Relation]
    tag_issues: list[TagIssue] = field(default_factory=list)
    split: str = "train"
    fold: int = 0
    gold: Gold[Span, Relation] = field(init=False)

    def __post_init__(self) -> None:
        self.gold = split_gold(self.spans, self.relations)


def bundle_rows(bundle: DocumentBundle, taxonomy: Taxonomy) -> Iterator[tuple[str, dict[str, Any]]]:
    """(config, row) for every row of one document, in the order the build writes them."""
    yield "documents", document_row(bundle)
    for row in paragraph_rows(bundle):
        yield "paragraphs", row
    by_id = {span.id: span for span in bundle.spans}
    for config, spans in (("spans", bundle.gold.spans), ("review_spans", bundle.gold.other_spans)):
        for row in span_rows(spans, taxonomy, by_id, bundle.document):
            yield config, row
    for config, relations in (("relations", bundle.gold.relations), ("review_relations", bundle.gold.other_relations)):
        for row in relation_rows(relations):
            yield config, row
    doc = bundle.document
    paragraphs = [(p.index, p.start, p.end) for p in doc.paragraphs]
    for row in sentence_rows(doc.doc_id, doc.text, paragraphs, bundle.gold.spans):
        yield "sentences", row
    yield "tokens", token_row(bundle, taxonomy)


def _language(provenance: ProvenanceRecord) -> tuple[str | None, float | None]:
    guess = provenance["language"]["document"]
    return guess.get("code"), guess.get("probability")


def document_row(bundle: DocumentBundle) -> dict[str, Any]:
    doc, prov = bundle.document, bundle.document.provenance
    code, probability = _language(prov)
    source = prov["source"]
    return {
        "doc_id": doc.doc_id, "split": bundle.split, "fold": bundle.fold, "title": doc.title, "text": doc.text,
        "n_chars": len(doc.text),
        "raw_sha256": doc.raw_sha256, "text_sha256": doc.text_sha256,
        "language": code, "language_probability": probability,
        "paragraphs": [{"start": p.start, "end": p.end, "role": p.role, "duplicate_of": p.duplicate_of}
                       for p in doc.paragraphs],
        "original_file_name": prov.get("original_file_name"), "ingested_at": prov.get("ingested_at"),
        "source": {**{k: source.get(k) for k in ("publisher", "url", "published_date", "retrieved_date", "licence",
                                                  "translated_from")}, "authors": source.get("authors")},
        "unknown": [{"field": k, "reason": v} for k, v in sorted(prov["unknown"].items())],
        "assessments": [{"field": k, "value": str(v.get("value")), "basis": v.get("basis"), "by": v.get("by")}
                        for k, v in sorted(prov["assessments"].items())],
        "normalization": prov["normalization"].get("pipeline"),
        "normalization_changes": [{"step": k, "count": v}
                                  for k, v in sorted(prov["normalization"]["changes"].items())],
    }


def paragraph_rows(bundle: DocumentBundle) -> Iterator[dict[str, Any]]:
    doc = bundle.document
    detected = {p.get("index"): p for p in doc.provenance["language"]["paragraphs"]}
    for paragraph in doc.paragraphs:
        guess = detected.get(paragraph.index)
        same = guess is not None and guess.get("start") == paragraph.start and guess.get("end") == paragraph.end
        yield {"doc_id": doc.doc_id, "index": paragraph.index, "start": paragraph.start, "end": paragraph.end,
               "role": paragraph.role, "duplicate_of": paragraph.duplicate_of,
               "text": doc.text[paragraph.start : paragraph.end],
               "language": guess.get("code") if guess is not None and same else None,
               "language_probability": guess.get("probability") if guess is not None and same else None}


def span_rows(spans: list[Span], taxonomy: Taxonomy, by_id: dict[str, Span] | None = None,
              document: Document | None = None) -> Iterator[dict[str, Any]]:
    """Rows of the spans (or review_spans) config; ``suggested_by`` is the detector the span began as
    (``gold.detector_of``, through a curated span's sources among ``by_id``); ``source_bytes`` where the span is
    in the raw file (``ingest.sourcemap_locate``)."""
    names = list(taxonomy.all_attributes())
    for span in sorted(spans, key=Span.sort_key):
        row = span.to_dict()
        row.pop("kind")
        row["attributes"] = {name: _attribute_text(span.attributes.get(name)) for name in names}
        row["note"] = span.note
        row["reviewed_by"] = span.reviewed_by
        row["edited"] = span.edited
        row["suggested_by"] = detector_of(span, by_id or {})
        row["source_bytes"] = source_byte_range(document, span.start, span.end) if document else None
        yield row


def label_rows(features: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The labels config: every ClassLabel of every config (``field`` is a dotted path), index and name."""
    for config, config_features in features.items():
        for path, names in _class_labels(config_features):
            for index, name in enumerate(names):
                yield {"config": config, "field": path, "index": index, "name": name}


def _class_labels(features: Any, prefix: str = "") -> Iterator[tuple[str, list[str]]]:
    for name, feature in features.items():
        inner = feature.feature if type(feature).__name__ == "List" else feature
        if type(inner).__name__ == "ClassLabel":
            yield f"{prefix}{name}", list(inner.names)
        elif isinstance(inner, dict):
            yield from _class_labels(inner, f"{prefix}{name}.")


def _attribute_text(value: Any) -> str | None:
    return None if value is None else str(value)


def relation_rows(relations: list[Relation]) -> Iterator[dict[str, Any]]:
    for relation in sorted(relations, key=Relation.sort_key):
        row = relation.to_dict()
        row.pop("kind")
        row.pop("attributes")
        row["cross_document"] = relation.cross_document
        row["note"] = relation.note
        row["reviewed_by"] = relation.reviewed_by
        yield row


def token_row(bundle: DocumentBundle, taxonomy: Taxonomy) -> dict[str, Any]:
    doc = bundle.document
    tokens = tokenize(doc.text)
    row: dict[str, Any] = {"doc_id": doc.doc_id, "tokens": [doc.text[s:e] for s, e in tokens],
                           "token_starts": [s for s, _ in tokens], "token_ends": [e for _, e in tokens]}
    for layer in taxonomy.layers:
        gold = [s for s in bundle.gold.spans if s.layer == layer]
        row[f"{layer}_tags"], issues = bio_tags(tokens, gold)
        bundle.tag_issues.extend(issues)
    return row
