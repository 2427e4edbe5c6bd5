"""Reading a build back with ``datasets.load_dataset`` (offline), to show that it loads."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .features import CONFIGS


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")


def load_config(folder: Path, config: str, cache_dir: str | None = None, streaming: bool = False) -> Any:
    _offline()
    import datasets

    datasets.disable_progress_bars()
    return datasets.load_dataset(str(folder), config, cache_dir=cache_dir, streaming=streaming)


def config_rows(folder: Path, config: str) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(path).metadata.num_rows for path in sorted((folder / "data" / config).glob("*.parquet")))


def describe_load(folder: Path) -> str:
    lines = [f"datasets.load_dataset({str(folder)!r}, CONFIG), offline:"]
    with tempfile.TemporaryDirectory(prefix="belarus-corpus-load-") as cache:
        for config in CONFIGS:
            if config_rows(folder, config) == 0:  # datasets 5 cannot load a split without rows, but can stream it
                for split, data in load_config(folder, config, cache, streaming=True).items():
                    lines.append(f"  {config}/{split}: 0 rows (streamed: datasets cannot load an empty split)")
                    lines.append("    features: " + ", ".join(f"{k}={_short(v)}" for k, v in data.features.items()))
                continue
            loaded = load_config(folder, config, cache)
            for split, data in loaded.items():
                lines.append(f"  {config}/{split}: {data.num_rows} rows")
                lines.append("    features: " + ", ".join(f"{k}={_short(v)}" for k, v in data.features.items()))
    return "\n".join(lines)


def _short(feature: Any) -> str:
    name = type(feature).__name__
    if name == "Value":
        return str(feature.dtype)
    if name == "ClassLabel":
        return f"ClassLabel({feature.num_classes})"
    if name == "List":
        return f"List[{_short(feature.feature)}]"
    if isinstance(feature, dict):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in feature.items()) + "}"
    return name
