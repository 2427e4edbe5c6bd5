"""Parquet writing with an explicit schema carrying the Hugging Face features, in bounded batches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BATCH_ROWS = 2048
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
        self._rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(self.features.encode_example(row))
        if len(self._rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
        self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
        self.count += len(self._rows)
        self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()


def version_metadata(dataset_version: str, package_version: str) -> dict[str, str]:
    return {"belarus_corpus": json.dumps({"dataset_version": dataset_version, "package_version": package_version},
                                         sort_keys=True)}
