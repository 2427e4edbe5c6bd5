"""Croissant record sets: one per config, typed from the features; ClassLabel fields are integer indices that
``references`` the index of their label set (an ``sc:Enumeration`` record set of index and name); every config
declares its key, and ``doc_id`` (and ``head_doc``/``tail_doc``) reference ``documents/doc_id``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .features import CONFIGS, LABELS_SPLIT, features_for

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .result import BuildResult

SPLIT_URLS = {"train": "cr:TrainingSplit", "validation": "cr:ValidationSplit", "test": "cr:TestSplit"}
SPLIT_REGEX = r"^(?:.*/)?([A-Za-z0-9_]+)-\d{5}-of-\d{5}(?:-[A-Za-z0-9_-]+)?\.parquet$"
DATA_TYPES = {"string": "sc:Text", "large_string": "sc:Text", "int32": "cr:Int32", "int64": "cr:Int64",
              "float32": "cr:Float32", "float64": "cr:Float64", "bool": "sc:Boolean"}
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",), "paragraphs": ("doc_id", "index"), "spans": ("id",), "relations": ("id",),
    "sentences": ("doc_id", "index"), "tokens": ("doc_id",), "review_spans": ("id",), "review_relations": ("id",),
    "labels": ("config", "field", "index"),
}
DOCUMENT_FIELDS = ("doc_id", "head_doc", "tail_doc")
"""Fields that name a document: foreign keys to ``documents/doc_id`` (outside the documents config)."""

LabelSets = dict[str, tuple[list[str], list[str]]]


def label_sets(corpus: CorpusReader) -> LabelSets:
    """Enumeration id → (names, fields using it), one per distinct list of ClassLabel names."""
    by_names: dict[tuple[str, ...], str] = {}
    sets: LabelSets = {}
    for config in CONFIGS:
        for path, feature in _class_labels(features_for(config, corpus.taxonomy)):
            names = tuple(feature.names)
            field_id = f"{config}/{path}"
            if names not in by_names:
                by_names[names] = "labels-" + path.replace("/", "-")
                if by_names[names] in sets:
                    by_names[names] = f"labels-{config}-{path.replace('/', '-')}"
                sets[by_names[names]] = (list(names), [])
            sets[by_names[names]][1].append(field_id)
    return sets


def _class_labels(features: Any, prefix: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name, feature in features.items():
        inner = feature.feature if type(feature).__name__ == "List" else feature
        if type(inner).__name__ == "ClassLabel":
            found.append((f"{prefix}{name}", inner))
        elif isinstance(inner, dict):
            found += _class_labels(inner, f"{prefix}{name}/")
    return found


def _enumeration_of(field_id: str, labels: LabelSets) -> str | None:
    return next((rid for rid, (_, users) in labels.items() if field_id in users), None)


def record_set(corpus: CorpusReader, config: str, result: BuildResult, labels: LabelSets) -> dict[str, Any]:
    from .card_fields import CONFIG_DESCRIPTIONS, describe_field

    features = features_for(config, corpus.taxonomy)
    source = {"fileSet": {"@id": f"parquet-{config}"}}
    fields = []
    for name, feature in features.items():
        node = _field(f"{config}/{name}", name, feature, describe_field(config, name), source, labels, column=name)
        if config != "documents" and name in DOCUMENT_FIELDS:
            node["references"] = {"field": {"@id": "documents/doc_id"}}
        fields.append(node)
    if "split" not in features and config != "labels":  # documents carry their split as a column
        fields.append({
            "@type": "cr:Field", "@id": f"{config}/split", "name": "split", "dataType": "sc:Text",
            "description": "The split, from the Parquet file's name (see the splits record set).",
            "source": {**source, "extract": {"fileProperty": "fullpath"}, "transform": {"regex": SPLIT_REGEX}},
        })
    rows = sum(result.counts.get(config, {}).values())
    key = [{"@id": f"{config}/{name}"} for name in KEYS[config]]
    return {
        "@type": "cr:RecordSet", "@id": config, "name": config,
        "description": f"{CONFIG_DESCRIPTIONS.get(config, config)}; {rows} rows in this version"
        + (f" (one split, {LABELS_SPLIT!r})." if config == "labels" else "."),
        "key": key[0] if len(key) == 1 else key,
        "field": fields,
    }


def _field(field_id: str, name: str, feature: Any, description: str, source: dict[str, Any],
           labels: LabelSets, column: str, json_path: str | None = None) -> dict[str, Any]:
    kind = type(feature).__name__
    node: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": name}
    inner = feature.feature if kind == "List" else feature
    if kind == "List":
        node["isArray"] = True
        node["arrayShape"] = "-1"
    if isinstance(inner, dict):
        node["description"] = description or f"The {name} structure."
        node["subField"] = [
            _field(f"{field_id}/{key}", key, sub, "", source, labels, column,
                   f"{json_path}.{key}" if json_path else key)
            for key, sub in inner.items()
        ]
        return node
    node["dataType"] = _data_type(inner)
    if type(inner).__name__ == "ClassLabel":
        enumeration = _enumeration_of(field_id, labels) or ""
        names = ", ".join(f"{i} {n}" for i, n in enumerate(inner.names))
        description = (f"{description} " if description else "") + (
            f"ClassLabel index into the {enumeration} enumeration: {names}.")
        node["references"] = {"field": {"@id": f"{enumeration}/index"}}
    if description:
        node["description"] = description
    node["source"] = {**source, "extract": {"column": column}}
    if json_path:
        node["source"]["transform"] = {"jsonPath": json_path}
    return node


def _data_type(feature: Any) -> str:
    kind = type(feature).__name__
    if kind == "ClassLabel":
        return "sc:Integer"
    if kind == "Value":
        return DATA_TYPES.get(str(feature.dtype), "sc:Text")
    return "sc:Text"


def splits_record_set(result: BuildResult) -> dict[str, Any]:
    names = sorted({split for counts in result.counts.values() for split in counts} - {LABELS_SPLIT})
    other = [name for name in names if name not in SPLIT_URLS]
    return {
        "@type": "cr:RecordSet", "@id": "splits", "name": "splits", "dataType": "cr:Split",
        "description": "The splits of this build: by document, the same in every config (the documents config "
        "carries each document's split and fold)." + (
            f" Also present, with no standard meaning: {', '.join(other)}." if other else ""),
        "key": {"@id": "splits/name"},
        "field": [{"@type": "cr:Field", "@id": "splits/name", "name": "name", "dataType": "sc:Text"},
                  {"@type": "cr:Field", "@id": "splits/url", "name": "url", "dataType": "sc:URL"}],
        "data": [{"splits/name": name, "splits/url": SPLIT_URLS[name]} for name in names if name in SPLIT_URLS],
    }


def enumeration(rid: str, names: list[str], users: list[str]) -> dict[str, Any]:
    return {
        "@type": "cr:RecordSet", "@id": rid, "name": rid, "dataType": "sc:Enumeration",
        "description": "Names of the ClassLabel indices of " + ", ".join(users) + ".",
        "key": {"@id": f"{rid}/index"},
        "field": [{"@type": "cr:Field", "@id": f"{rid}/index", "name": "index", "dataType": "sc:Integer"},
                  {"@type": "cr:Field", "@id": f"{rid}/name", "name": "name", "dataType": "sc:Text"}],
        "data": [{f"{rid}/index": index, f"{rid}/name": name} for index, name in enumerate(names)],
    }
