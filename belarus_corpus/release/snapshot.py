"""A snapshot of a build: features, labels and one fingerprint per record, enough to diff two versions.

Records are decoded before hashing (``ClassLabel`` indices become names), so a record's fingerprint only
changes when what it says changes. A snapshot is stored in each release record (``releases/<version>.json``)
so the next release can be compared with it without rebuilding the old one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build.features import CONFIGS

KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",), "paragraphs": ("doc_id", "index"), "spans": ("id",), "relations": ("id",),
    "tokens": ("doc_id",), "review_spans": ("id",), "review_relations": ("id",),
    "sentences": ("doc_id", "index"), "labels": ("config", "field", "index"),
}
SUMMARY: dict[str, tuple[str, ...]] = {
    "documents": ("title", "n_chars", "text_sha256"),
    "paragraphs": ("start", "end", "role"),
    "spans": ("doc_id", "layer", "type", "start", "end", "status", "text"),
    "relations": ("type", "head", "tail", "head_doc", "tail_doc", "status"),
    "tokens": (),
    "review_spans": ("doc_id", "layer", "type", "start", "end", "status", "annotator", "text"),
    "review_relations": ("type", "head", "tail", "head_doc", "tail_doc", "status", "annotator"),
    "sentences": ("start", "end"),
    "labels": ("name",),
}
SNAPSHOT_FORMAT = 1


@dataclass
class Snapshot:
    """What a diff needs from one version of the dataset."""

    version: str | None
    types: dict[str, dict[str, str]] = field(default_factory=dict)
    """config → field path → type (``Value(string)``, ``ClassLabel``, ``List`` ...)."""
    labels: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """config → field path → ClassLabel names."""
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    """config → record key → {"split", "hash", summary fields}."""
    checksums: dict[str, str] = field(default_factory=dict)
    field_hashes: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict, repr=False)
    """config → key → field → hash; only for snapshots read from a build (not stored in release records)."""

    def to_json(self) -> dict[str, Any]:
        return {"format": SNAPSHOT_FORMAT, "version": self.version, "types": self.types, "labels": self.labels,
                "records": self.records}

    @classmethod
    def from_json(cls, data: dict[str, Any], checksums: dict[str, str] | None = None) -> Snapshot:
        return cls(version=data.get("version"), types=data.get("types", {}), labels=data.get("labels", {}),
                   records=data.get("records", {}), checksums=checksums or {})


def record_key(config: str, row: dict[str, Any]) -> str:
    return "#".join(str(row[name]) for name in KEYS[config])


def digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode(value: Any, feature: Any) -> Any:
    """ClassLabel indices → names, recursively; everything else unchanged."""
    kind = type(feature).__name__
    if value is None:
        return None
    if kind == "ClassLabel":
        return feature.int2str(int(value))
    if kind in ("List", "Sequence", "LargeList"):
        return [decode(item, feature.feature) for item in value]
    if isinstance(feature, dict):
        return {name: decode(value.get(name), sub) for name, sub in feature.items()}
    return value


def flatten_features(features: dict[str, Any], prefix: str = "") -> tuple[dict[str, str], dict[str, list[str]]]:
    """Field path → type, and field path → label names, of a ``Features.to_dict()``-like mapping."""
    types: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    for name, spec in features.items():
        path = f"{prefix}{name}"
        _flatten_one(path, spec, types, labels)
    return types, labels


def _flatten_one(path: str, spec: Any, types: dict[str, str], labels: dict[str, list[str]]) -> None:
    if isinstance(spec, dict) and "_type" in spec:
        kind = spec["_type"]
        if kind == "ClassLabel":
            types[path] = "ClassLabel"
            labels[path] = list(spec.get("names", []))
        elif kind == "Value":
            types[path] = f"Value({spec.get('dtype')})"
        elif kind in ("List", "Sequence", "LargeList"):
            types[path] = "List"
            _flatten_one(f"{path}[]", spec.get("feature"), types, labels)
        else:
            types[path] = str(kind)
    elif isinstance(spec, dict):
        types[path] = "Struct"
        for name, sub in spec.items():
            _flatten_one(f"{path}.{name}", sub, types, labels)
    elif isinstance(spec, list) and len(spec) == 1:
        types[path] = "List"
        _flatten_one(f"{path}[]", spec[0], types, labels)
    else:
        types[path] = repr(spec)


def snapshot_of_build(folder: Path) -> Snapshot:
    """Read every Parquet file of a build folder."""
    import datasets
    import pyarrow.parquet as pq

    from ..build.checksums import CHECKSUMS

    snapshot = Snapshot(version=None)
    manifest = folder / CHECKSUMS
    if manifest.is_file():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            sha, _, name = line.partition("  ")
            if name:
                snapshot.checksums[name] = sha
    for config in CONFIGS:
        paths = sorted((folder / "data" / config).glob("*.parquet"))
        if not paths:
            continue
        records: dict[str, dict[str, Any]] = {}
        hashes: dict[str, dict[str, str]] = {}
        for path in paths:
            parquet = pq.ParquetFile(str(path))
            schema = parquet.schema_arrow
            features = datasets.Features.from_arrow_schema(schema)
            snapshot.types[config], snapshot.labels[config] = flatten_features(features.to_dict())
            snapshot.version = snapshot.version or _version_of(schema)
            split = path.name.split("-", 1)[0]
            for batch in parquet.iter_batches(batch_size=512):
                for row in batch.to_pylist():
                    decoded = {name: decode(row.get(name), feature) for name, feature in features.items()}
                    key = record_key(config, decoded)
                    summary = {name: decoded.get(name) for name in SUMMARY[config]}
                    records[key] = {"split": split, "hash": digest(decoded), **summary}
                    hashes[key] = {name: digest(value) for name, value in decoded.items()}
        snapshot.records[config] = dict(sorted(records.items()))
        snapshot.field_hashes[config] = hashes
    return snapshot


def _version_of(schema: Any) -> str | None:
    raw = (schema.metadata or {}).get(b"belarus_corpus")
    if not raw:
        return None
    value = json.loads(raw.decode("utf-8")).get("dataset_version")
    return str(value) if value is not None else None
