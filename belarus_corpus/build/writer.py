"""Parquet writing with an explicit schema carrying the Hugging Face features, in bounded batches."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BATCH_ROWS = 256
ROW_GROUP_ROWS = 65536


@dataclass(frozen=True)
class TableSpec:
    """What every file of one config shares: the features, their Arrow schema and the row encoder (made once per
    build: ``Features.arrow_schema`` alone costs milliseconds, and a build opens five writers per shard)."""

    features: Any
    schema: Any
    encode: Callable[[dict[str, Any]], dict[str, Any]]


def table_spec(features: Any) -> TableSpec:
    return TableSpec(features, features.arrow_schema, row_encoder(features))


class ConfigWriter:
    """Streams the rows of one (config, split) into one Parquet file, in row groups of ``BATCH_ROWS`` rows (the
    last one shorter). Rows come as dicts (``add``) or as Arrow tables of rows written before (``add_table``, rows
    kept from the previous build); the same rows give the same bytes either way."""

    def __init__(self, path: Path, spec: TableSpec, metadata: dict[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path = path
        self.features = spec.features
        merged = dict(spec.schema.metadata or {})
        merged.update({key.encode(): value.encode() for key, value in metadata.items()})
        self.schema = spec.schema.with_metadata(merged)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression="zstd", write_statistics=True)
        self._pa = pa
        self._encode = spec.encode
        self._tables: list[Any] = []  # buffered rows as Arrow tables, before the rows in _rows
        self._rows: list[dict[str, Any]] = []
        self._buffered = 0
        self.count = 0  # rows written

    @property
    def added(self) -> int:
        """Rows added so far, written or buffered."""
        return self.count + self._buffered

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(self._encode(row))
        self._buffered += 1
        if self._buffered >= BATCH_ROWS:
            self._write(final=False)

    def add_table(self, table: Any) -> None:
        """Rows as stored (labels already encoded), e.g. a slice of a file of this config read back."""
        if not table.num_rows:
            return
        self._seal()
        self._tables.append(table.cast(self.schema))
        self._buffered += table.num_rows
        if self._buffered >= BATCH_ROWS:
            self._write(final=False)

    def _seal(self) -> None:
        if self._rows:
            self._tables.append(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def _write(self, final: bool) -> None:
        """Write every full batch buffered (and the rest too when ``final``)."""
        self._seal()
        if not self._tables:
            return
        buffered = self._tables[0] if len(self._tables) == 1 else self._pa.concat_tables(self._tables)
        start = 0
        while buffered.num_rows - start >= BATCH_ROWS or (final and start < buffered.num_rows):
            batch = buffered.slice(start, BATCH_ROWS).combine_chunks()
            self._writer.write_table(batch, row_group_size=ROW_GROUP_ROWS)
            start += batch.num_rows
        rest = buffered.slice(start)
        self.count += start
        self._tables = [rest] if rest.num_rows else []
        self._buffered = rest.num_rows

    def flush(self) -> None:
        self._write(final=True)

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
