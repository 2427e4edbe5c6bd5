"""What the card says about each config and field: descriptions (a test keeps every field described) and the
Markdown tables of the data fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .features import CONFIGS, REVIEW_OF, features_for
from .tokens import TOKENIZER

if TYPE_CHECKING:
    from ..reader import CorpusReader

CONFIG_DESCRIPTIONS = {
    "documents": "one row per article: normalized text, paragraphs, provenance (source, unknowns, assessments)",
    "paragraphs": "one row per paragraph: offsets, rule-based role, verbatim-duplicate link, detected language",
    "spans": "one row per gold span, every layer: offsets into the document text, label, attributes, who/how/when",
    "relations": "one row per gold relation between two spans (within a document or across documents)",
    "review_spans": "one row per span record that is not gold: unreviewed suggestions, rejections, and the "
                    "independent passes' own records once a document is curated",
    "review_relations": "one row per relation record that is not gold (as review_spans)",
    "sentences": "one row per sentence (or run of sentences a gold span crosses): text, offsets, tokens and every "
                 "gold span of every layer it contains, overlaps included (spaCy spancat span lists)",
    "labels": "one row per ClassLabel name of every config: config, field, index, name (for SQL joins)",
    "tokens": "one row per document: regex word tokens with offsets and one BIO tag sequence per layer (gold "
              "spans that overlap another of their layer or do not sit on token edges are left out)",
}

FIELD_DESCRIPTIONS = {
    "doc_id": "Document id (the raw file's stem); joins all configs.",
    "split": "The document's split (train, validation or test); every row of the document is in that split.",
    "fold": "The document's cross-validation fold (0 to k-1; metadata/splits.json).",
    "title": "The title paragraph's text, if the document has one.",
    "text": "Normalized text (Unicode NFC, LF newlines, no BOM or zero-width characters); all offsets index it.",
    "n_chars": "Length of `text` in code points.",
    "raw_sha256": "SHA-256 of the raw file as ingested.",
    "text_sha256": "SHA-256 of the normalized text (UTF-8) the offsets refer to.",
    "language": "Detected language code (langdetect, seed 0).",
    "language_probability": "Probability of the detected language.",
    "paragraphs": "Paragraph offsets, roles and duplicate links, as in the paragraphs config.",
    "original_file_name": "File name the raw text was delivered under.",
    "ingested_at": "When the raw file was ingested (UTC, from its provenance record).",
    "source": "Source metadata; null where unknown (see `unknown`).",
    "unknown": "Source fields that are unknown, each with the recorded reason.",
    "assessments": "Judgements about the document (e.g. translated, machine-written), with basis and assessor.",
    "normalization": "Normalization pipeline id.",
    "normalization_changes": "How many changes each normalization step made.",
    "index": "Paragraph number within the document, from 0.",
    "start": "Start offset (code points, inclusive) into the document's `text`.",
    "end": "End offset (code points, exclusive) into the document's `text`.",
    "role": "Paragraph role assigned by layout rules.",
    "duplicate_of": "Index of an earlier paragraph this one repeats verbatim, else null.",
    "id": "Stable record id.",
    "layer": "Annotation layer.",
    "prefix": "Up to 32 characters before the span, for re-anchoring.",
    "suffix": "Up to 32 characters after the span, for re-anchoring.",
    "attributes": "Layer attributes, null when not set.",
    "annotator": "Annotator id recorded with the annotation.",
    "method": "`manual`, `rule:<detector>@<version>` for machine proposals, or `import:<format>`.",
    "status": "gold (accepted), suggested (unreviewed proposal), rejected, or orphaned (text changed under it).",
    "created": "Date the annotation was created.",
    "guidelines_version": "Annotation guidelines version in force.",
    "note": "Free-text note.",
    "reviewed_by": "Who accepted or rejected a suggested span (null when it was never reviewed).",
    "edited": "True when a suggested span was changed (type, offsets or attributes) before it was accepted.",
    "source_bytes": "Byte range [start, end) of the span in the document's raw file (for a web page, the HTML).",
    "head": "Id of the head span.",
    "tail": "Id of the tail span.",
    "head_doc": "Document of the head span.",
    "tail_doc": "Document of the tail span.",
    "cross_document": "Whether head and tail are in different documents.",
    "tokens": f"Tokens ({TOKENIZER}).",
    "token_starts": "Start offset of each token.",
    "token_ends": "End offset of each token.",
    "suggested_by": "The detector (`rule:<name>@<version>`) the record began as a suggestion of (for a curated "
                    "record, through its sources); null when it began as a manual annotation.",
    "sentence": "Number of the row's first sentence within the document, from 0.",
    "n_sentences": "How many sentences the row holds (more than 1 when a gold span crosses between them).",
    "paragraph": "Index of the paragraph the row starts in.",
    "spans": "Every gold span inside the row: layer, type, offsets into the row's `text`, covering tokens "
             "(`token_start`, end-exclusive `token_end`) and whether its edges are token edges.",
    "config": "The config whose field uses the label.",
    "field": "The field (dotted path inside structs and lists).",
    "name": "The label's name.",
}

FIELD_DESCRIPTIONS_BY_CONFIG = {
    "paragraphs.text": "The paragraph's text (the document's `text[start:end]`).",
    "spans.text": "The span's text (the document's `text[start:end]`).",
    "spans.type": "Span type (unique across layers).",
    "relations.type": "Relation type.",
    "sentences.index": "Row number within the document, from 0.",
    "sentences.start": "Start offset of the row in the document's `text`.",
    "sentences.end": "End offset of the row in the document's `text` (exclusive).",
    "sentences.text": "The row's text (the document's `text[start:end]`).",
    "sentences.tokens": "Tokens of the row's text (regex-words@2).",
    "sentences.token_starts": "Start offset of each token in the row's `text`.",
    "sentences.token_ends": "End offset of each token in the row's `text`.",
    "labels.index": "The integer stored in the field for this label.",
}

TAGS_DESCRIPTION = "BIO tags of the {layer} layer's gold spans, one per token."


def fields_markdown(corpus: CorpusReader) -> str:
    blocks = []
    for config in CONFIGS:
        features = features_for(config, corpus.taxonomy)
        lines = [f"**{config}**", "", "| Field | Type | Description |", "|---|---|---|"]
        for name, feature in features.items():
            lines += _field_rows(name, feature, describe_field(config, name))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def describe_field(config: str, name: str) -> str:
    match = re.fullmatch(r"(.+)_tags", name)
    if match:
        return TAGS_DESCRIPTION.format(layer=match.group(1))
    config = REVIEW_OF.get(config, config)
    return FIELD_DESCRIPTIONS_BY_CONFIG.get(f"{config}.{name}") or FIELD_DESCRIPTIONS.get(name, "")


def undescribed_fields(corpus: CorpusReader) -> list[str]:
    """Top-level fields the card has no description for (a test keeps this empty)."""
    return [f"{config}.{name}" for config in CONFIGS for name in features_for(config, corpus.taxonomy)
            if not describe_field(config, name)]


def _field_rows(name: str, feature: Any, description: str) -> list[str]:
    rows = [f"| `{name}` | {_type_name(feature)} | {description} |"]
    inner = feature.feature if type(feature).__name__ == "List" else feature
    if isinstance(inner, dict):
        for key, value in inner.items():
            rows.append(f"| `{name}.{key}` | {_type_name(value)} | |")
    return rows


def _type_name(feature: Any) -> str:
    kind = type(feature).__name__
    if kind == "Value":
        return str(feature.dtype)
    if kind == "ClassLabel":
        names = feature.names
        shown = ", ".join(f"{i} {n}" for i, n in enumerate(names))
        return f"ClassLabel ({shown})"
    if kind == "List":
        return f"list of {_type_name(feature.feature)}"
    if isinstance(feature, dict):
        return "struct"
    return kind
