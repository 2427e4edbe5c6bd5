"""The shapes of the corpus facts (`facts.corpus_facts`): what the card, Croissant, DATASHEET.md and `stats` read.

They are TypedDicts rather than dataclasses because the facts are JSON all the way (they are stored in shard
footers and compared across builds); mypy checks every ``facts["..."]`` lookup against these declarations, so a
misspelt or removed fact is a type error, not a ``KeyError`` in front of a user.
"""

from __future__ import annotations

from typing import Any, TypedDict


class LayerFacts(TypedDict):
    description: str
    types: dict[str, str]


class AssessmentFact(TypedDict):
    value: str
    basis: Any
    by: Any


class DocumentFacts(TypedDict):
    doc_id: str
    title: str | None
    original_file_name: str | None
    raw_sha256: str
    raw_bytes: int
    characters: int
    paragraphs: int
    paragraph_roles: dict[str, int]
    language: str | None
    language_probability: float | None
    language_detector: str | None
    normalization: str | None
    source: dict[str, Any]
    unknown: dict[str, str]
    assessments: dict[str, AssessmentFact]
    spans: int
    gold_by_layer: dict[str, int]


class SourceFacts(TypedDict):
    known: int
    unknown: int
    known_in: list[str]
    values: list[str]
    reasons: dict[str, int]


class ClusterReport(TypedDict):
    doc_id: str
    span_id: str
    type: str
    text: str
    value: str | None


class ClusterGroup(TypedDict):
    type: str
    documents: list[str]
    values: list[str]
    verdict: str


class ClusterFacts(TypedDict):
    cluster: str
    documents: list[str]
    reports: list[ClusterReport]
    groups: list[ClusterGroup]
    agree: bool


class SpanFacts(TypedDict):
    total: int
    by_status: dict[str, int]
    by_method: dict[str, int]
    by_method_version: dict[str, int]
    by_annotator: dict[str, int]
    by_layer_status: dict[str, int]
    gold_by_layer: dict[str, int]
    gold_by_type: dict[str, int]
    gold_from_rules: dict[str, int]
    gold_origin: dict[str, int]
    by_reviewer: dict[str, int]
    positions_with_several_annotators: int


class RelationFacts(TypedDict):
    total: int
    by_type: dict[str, int]
    by_status: dict[str, int]
    by_method: dict[str, int]
    by_annotator: dict[str, int]
    cross_document: int


class Partial(TypedDict):
    """The facts of some documents, merged in any grouping (see "Computing the facts" in facts.py)."""

    documents: list[DocumentFacts]
    spans: dict[str, dict[str, int]]
    relations: dict[str, dict[str, int]]
    positions_with_several_annotators: int
    cluster_reports: dict[str, list[ClusterReport]]
    clustered_claims_not_gold: int
    paragraph_languages: dict[str, int]


class CorpusFacts(TypedDict):
    dataset_version: str
    taxonomy_version: str
    guidelines_version: str
    layers: dict[str, LayerFacts]
    documents: int
    characters: int
    paragraphs: int
    paragraph_roles: dict[str, int]
    languages: dict[str, int]
    paragraph_languages: dict[str, int]
    language_detectors: list[str]
    normalization: list[str]
    sources: dict[str, SourceFacts]
    assessments: dict[str, list[dict[str, Any]]]
    spans: SpanFacts
    relations: RelationFacts
    clusters: list[ClusterFacts]
    clustered_claims_not_gold: int
    per_document: list[DocumentFacts]
