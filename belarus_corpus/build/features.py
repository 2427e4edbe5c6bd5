"""Explicit dataset features per config, derived from the taxonomy; the Arrow schemas come from them."""

from __future__ import annotations

from typing import Any

from ..taxonomy import Taxonomy

CONFIGS = ("documents", "paragraphs", "spans", "relations", "sentences", "tokens", "review_spans", "review_relations",
           "labels")
DOCUMENT_CONFIGS = CONFIGS[:-1]
"""The configs whose rows belong to documents (and so to their splits); ``labels`` is one table for all."""
LABELS_SPLIT = "labels"
"""The one split of the ``labels`` config (a lookup table of ClassLabel names, not data of a split)."""
REVIEW_OF = {"review_spans": "spans", "review_relations": "relations"}
"""The configs of the records that are not gold (``gold.py``), with the features of their gold config."""
SOURCE_FIELDS = ("publisher", "url", "published_date", "retrieved_date", "licence", "translated_from")


def all_span_types(taxonomy: Taxonomy) -> list[str]:
    names = [name for layer in taxonomy.layers.values() for name in layer.types]
    if len(names) != len(set(names)):
        raise ValueError("span type names must be unique across layers to share one ClassLabel")
    return names


def features_for(config: str, taxonomy: Taxonomy) -> Any:
    """The ``datasets.Features`` of one config (imports datasets)."""
    import datasets as ds

    string, int32 = ds.Value("string"), ds.Value("int32")
    role = ds.ClassLabel(names=list(taxonomy.paragraph_roles))
    status = ds.ClassLabel(names=list(taxonomy.statuses))
    config = REVIEW_OF.get(config, config)
    common = {"annotator": string, "method": string, "status": status, "created": string,
              "guidelines_version": string, "note": string}
    if config == "documents":
        return ds.Features({
            "doc_id": string, "split": string, "fold": int32, "title": string, "text": string, "n_chars": int32,
            "raw_sha256": string, "text_sha256": string,
            "language": string, "language_probability": ds.Value("float32"),
            "paragraphs": ds.List({"start": int32, "end": int32, "role": role, "duplicate_of": int32}),
            "original_file_name": string, "ingested_at": string,
            "source": {**{name: string for name in SOURCE_FIELDS}, "authors": ds.List(string)},
            "unknown": ds.List({"field": string, "reason": string}),
            "assessments": ds.List({"field": string, "value": string, "basis": string, "by": string}),
            "normalization": string,
            "normalization_changes": ds.List({"step": string, "count": int32}),
        })
    if config == "paragraphs":
        return ds.Features({
            "doc_id": string, "index": int32, "start": int32, "end": int32, "role": role,
            "duplicate_of": int32, "text": string, "language": string, "language_probability": ds.Value("float32"),
        })
    if config == "spans":
        attributes = {name: string for name in taxonomy.all_attributes()}
        return ds.Features({
            "id": string, "doc_id": string, "layer": ds.ClassLabel(names=list(taxonomy.layers)),
            "type": ds.ClassLabel(names=all_span_types(taxonomy)), "start": int32, "end": int32, "text": string,
            "prefix": string, "suffix": string, "attributes": attributes, **common, "text_sha256": string,
            "reviewed_by": string, "edited": ds.Value("bool"), "suggested_by": string,
            "source_bytes": {"start": ds.Value("int64"), "end": ds.Value("int64")},
        })
    if config == "relations":
        return ds.Features({
            "id": string, "type": ds.ClassLabel(names=list(taxonomy.relations)), "head": string, "tail": string,
            "head_doc": string, "tail_doc": string, "cross_document": ds.Value("bool"), **common,
            "reviewed_by": string,
        })
    if config == "sentences":
        item = {"id": string, "layer": ds.ClassLabel(names=list(taxonomy.layers)),
                "type": ds.ClassLabel(names=all_span_types(taxonomy)), "start": int32, "end": int32,
                "token_start": int32, "token_end": int32, "token_aligned": ds.Value("bool")}
        return ds.Features({
            "doc_id": string, "index": int32, "sentence": int32, "n_sentences": int32, "paragraph": int32,
            "start": int32, "end": int32, "text": string, "tokens": ds.List(string), "token_starts": ds.List(int32),
            "token_ends": ds.List(int32), "spans": ds.List(item),
        })
    if config == "labels":
        return ds.Features({"config": string, "field": string, "index": int32, "name": string})
    if config == "tokens":
        tags = {f"{name}_tags": ds.List(ds.ClassLabel(names=taxonomy.bio_labels(name))) for name in taxonomy.layers}
        return ds.Features({
            "doc_id": string, "tokens": ds.List(string), "token_starts": ds.List(int32),
            "token_ends": ds.List(int32), **tags,
        })
    raise KeyError(config)
