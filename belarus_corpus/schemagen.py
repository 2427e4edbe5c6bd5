"""Span and relation JSON Schemas (2020-12), generated from the taxonomy so that a label is added in one place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .layout import DOC_ID_PATTERN
from .model import ANNOTATOR_PATTERN, SUGGESTED_BY_PATTERN
from .taxonomy import AttributeSpec, LayerSpec, Taxonomy

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://github.com/belarus-corpus/belarus-corpus/schema/"
ID_PATTERNS = {"span": "^s_[0-9a-f]{16}$", "relation": "^r_[0-9a-f]{16}$"}
METHOD_PATTERN = r"^(manual|rule:[a-z0-9][a-z0-9-]*@[0-9]+|import:[a-z0-9-]+|curate:[a-z0-9.-]+)$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
OPTIONAL_SPAN_PROPERTIES = ("note", "reviewed_by", "edited", "suggested_by", "sources", "curation")
OPTIONAL_RELATION_PROPERTIES = ("note", "reviewed_by", "suggested_by", "sources", "curation")
GENERATED_NOTE = "Generated from taxonomy.json by `belarus-corpus schema --write`; do not edit by hand."


def _attribute_schema(spec: AttributeSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": spec.type, "description": spec.description}
    if spec.enum:
        schema["enum"] = list(spec.enum)
    if spec.pattern:
        schema["pattern"] = spec.pattern
    return schema


def _layer_rule(layer: LayerSpec) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "type": "object",
        "properties": {name: _attribute_schema(spec) for name, spec in layer.attributes.items()},
        "additionalProperties": False,
    }
    if layer.required_attributes:
        attributes["required"] = list(layer.required_attributes)
    return {
        "if": {"properties": {"layer": {"const": layer.name}}, "required": ["layer"]},
        "then": {"properties": {"type": {"enum": list(layer.types)}, "attributes": attributes}},
    }


def _common(kind: str, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "kind": {"const": kind, "description": "Record kind in a mixed store file."},
        "id": {"type": "string", "pattern": ID_PATTERNS[kind], "description": "Stable id; never changes."},
        "annotator": {"type": "string", "pattern": ANNOTATOR_PATTERN,
                      "description": "Who made the record, named as what it is: a person or tool (no path "
                      "characters), or rule:<detector>@<version> for a detector's own proposals."},
        "suggested_by": {"type": "string", "pattern": SUGGESTED_BY_PATTERN,
                         "description": "The detector that proposed an accepted suggestion (the reviewer is then "
                         "the annotator)."},
        "method": {"type": "string", "pattern": METHOD_PATTERN,
                   "description": "How it was made: manual, rule:<detector>@<version>, import:<format> or "
                   "curate:<strategy>."},
        "status": {"enum": list(taxonomy.statuses)},
        "created": {"type": "string", "pattern": DATE_PATTERN, "description": "Creation date (YYYY-MM-DD)."},
        "guidelines_version": {"type": "string", "minLength": 1},
        "note": {"type": "string"},
    }


def span_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    properties = {
        **_common("span", taxonomy),
        "doc_id": {"type": "string", "pattern": DOC_ID_PATTERN},
        "layer": {"enum": list(taxonomy.layers)},
        "type": {"type": "string"},
        "start": {"type": "integer", "minimum": 0, "description": "Code point offset into the normalized text."},
        "end": {"type": "integer", "minimum": 1, "description": "End-exclusive code point offset."},
        "text": {"type": "string", "minLength": 1, "description": "Exactly text[start:end]."},
        "prefix": {"type": "string", "description": "Up to 32 code points before the span, for re-anchoring."},
        "suffix": {"type": "string", "description": "Up to 32 code points after the span, for re-anchoring."},
        "attributes": {"type": "object"},
        "text_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                        "description": "SHA-256 of the normalized text the offsets refer to."},
        "reviewed_by": {"type": "string", "minLength": 1,
                        "description": "Who accepted or rejected a suggestion (absent when never reviewed)."},
        **_curation_properties("span"),
        "edited": {"const": True, "description": "Present when a suggestion was changed (type, offsets or "
                   "attributes) after it was proposed."},
    }
    return {
        "$schema": DRAFT,
        "$id": BASE_ID + "span.schema.json",
        "title": "Span annotation",
        "description": f"One span annotation in annotations/<doc_id>.jsonl. {GENERATED_NOTE}",
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in OPTIONAL_SPAN_PROPERTIES],
        "additionalProperties": False,
        "allOf": [_layer_rule(layer) for layer in taxonomy.layers.values()],
        "examples": [_span_example(taxonomy)],
    }


def _curation_properties(kind: str) -> dict[str, Any]:
    """``sources`` and ``curation`` of a curated record (a record the curator added has no sources)."""
    pattern = "^.+:" + ID_PATTERNS[kind][1:]
    return {
        "sources": {"type": "array", "items": {"type": "string", "pattern": pattern},
                    "description": f"A curated record's sources: annotator:record id of every {kind} it merges "
                    "(empty when the curator added it)."},
        "curation": {"type": "string", "minLength": 1,
                     "description": "How a curated record was made: the strategy, or the decision and its reason."},
    }


def relation_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    properties = {
        **_common("relation", taxonomy),
        "type": {"enum": list(taxonomy.relations)},
        "head": {"type": "string", "pattern": ID_PATTERNS["span"]},
        "tail": {"type": "string", "pattern": ID_PATTERNS["span"]},
        "head_doc": {"type": "string", "pattern": DOC_ID_PATTERN},
        "tail_doc": {"type": "string", "pattern": DOC_ID_PATTERN},
        "attributes": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
        "reviewed_by": {"type": "string", "minLength": 1,
                        "description": "Who accepted or rejected a suggested relation (absent when never reviewed)."},
        **_curation_properties("relation"),
    }
    return {
        "$schema": DRAFT,
        "$id": BASE_ID + "relation.schema.json",
        "title": "Relation between two spans",
        "description": "A typed, directed relation; cross-document relations live in "
        f"annotations/_cross_document.jsonl. {GENERATED_NOTE}",
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in OPTIONAL_RELATION_PROPERTIES],
        "additionalProperties": False,
        "examples": [{
            "kind": "relation", "id": "r_0123456789abcdef", "type": "hedge-scope", "head": "s_0123456789abcdef",
            "tail": "s_fedcba9876543210", "head_doc": "000_3b0f4b3db40a5bc3", "tail_doc": "000_3b0f4b3db40a5bc3",
            "attributes": {}, "annotator": "example", "method": "manual", "status": "gold",
            "created": "2025-11-01", "guidelines_version": taxonomy.guidelines_version,
        }],
    }


def _span_example(taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "kind": "span", "id": "s_0123456789abcdef", "doc_id": "000_3b0f4b3db40a5bc3", "layer": "artifact",
        "type": "hypothetical-framing", "start": 322, "end": 346, "text": "hypothetical second term",
        "prefix": "almost eight months into his ", "suffix": ", marks a significant departur",
        "attributes": {"explanation": "Trump's second term was real in 2025."}, "annotator": "example",
        "method": "manual", "status": "gold", "created": "2025-11-01",
        "guidelines_version": taxonomy.guidelines_version, "text_sha256": "0" * 64,
    }


def generated_schemas(taxonomy: Taxonomy) -> dict[str, str]:
    """File name → canonical JSON text of every generated schema."""
    schemas = {"span.schema.json": span_schema(taxonomy), "relation.schema.json": relation_schema(taxonomy)}
    return {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n" for name, schema in schemas.items()}


def stale_schemas(schema_dir: Path, taxonomy: Taxonomy) -> list[Path]:
    """The generated schema files in ``schema_dir`` that are missing or differ from what ``taxonomy`` generates."""
    return [schema_dir / name for name, text in generated_schemas(taxonomy).items()
            if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != text]


def write_schemas(schema_dir: Path, taxonomy: Taxonomy, paths: list[Path]) -> None:
    """Rewrite ``paths`` (generated schema files of ``schema_dir``) atomically from ``taxonomy``."""
    from .fsio import atomic_write_text

    generated = generated_schemas(taxonomy)
    for path in paths:
        atomic_write_text(schema_dir / path.name, generated[path.name])
