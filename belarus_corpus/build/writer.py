"""Parquet writing with an explicit schema carrying the Hugging Face features, in bounded batches."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

BATCH_ROWS = 256
ROW_GROUP_ROWS = 65536


class ConfigWriter:
    """Streams the rows of one (config, split) into one Parquet file."""

    def __init__(self, path: Path, features: Any, metadata: dict[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path = path
        self.features = features
        schema = features.arrow_schema
        merged = dict(schema.metadata or {})
        merged.update({key.encode(): value.encode() for key, value in metadata.items()})
        self.schema = schema.with_metadata(merged)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression="zstd", write_statistics=True)
        self._pa = pa
        self._encode = row_encoder(features)
        self._rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(self._encode(row))
        if len(self._rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
        self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
        self.count += len(self._rows)
        self._rows = []

    def add_file_metadata(self, key: str, value: str) -> None:
        """A key-value pair in the file's footer only (not in the Arrow schema that readers of the rows get)."""
        self._writer.add_key_value_metadata({key: value})

    def close(self) -> None:
        self.flush()
        self._writer.close()


def _label_encoder(feature: Any) -> Callable[[Any], Any] | None:
    """Encoder of the ClassLabel values inside ``feature`` (names → integers); None when there are none."""
    kind = type(feature).__name__
    if kind == "ClassLabel":
        index = {name: number for number, name in enumerate(feature.names)}
        return lambda value: None if value is None else index[value]
    if kind in ("List", "LargeList", "Sequence") and hasattr(feature, "feature"):
        inner = _label_encoder(feature.feature)
        return None if inner is None else (lambda values: None if values is None else [inner(v) for v in values])
    if isinstance(feature, dict):
        return _struct_encoder(feature)
    return None


def _struct_encoder(features: dict[str, Any]) -> Callable[[Any], Any] | None:
    encoders = {key: enc for key, sub in features.items() if (enc := _label_encoder(sub)) is not None}
    if not encoders:
        return None

    def encode(row: Any) -> Any:
        if row is None:
            return None
        row = dict(row)
        for key, enc in encoders.items():
            row[key] = enc(row.get(key))
        return row

    return encode


def row_encoder(features: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A faster ``Features.encode_example`` for our rows: only ClassLabel names need encoding."""
    encode = _struct_encoder(dict(features))
    return encode if encode is not None else (lambda row: row)


def version_metadata(dataset_version: str, package_version: str) -> dict[str, str]:
    return {"belarus_corpus": json.dumps({"dataset_version": dataset_version, "package_version": package_version},
                                         sort_keys=True)}
