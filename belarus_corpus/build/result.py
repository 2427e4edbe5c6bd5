"""What a build produced (`BuildResult`), and the dataset version it stamps: shared by the builder and the files
it writes beside the data (card, Croissant, checksums), so that none of those imports the builder."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import CorpusFacts
    from .splits import Assignment


@dataclass
class BuildResult:
    out: Path
    dataset_version: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    reused_shards: int = 0
    facts: CorpusFacts | None = None  # release.facts, merged from the shards' partials, for card and Croissant
    file_rows: dict[str, int] = field(default_factory=dict)  # rows per Parquet file, by path in the build
    digests: dict[str, str] = field(default_factory=dict)  # SHA-256 already known, by path in the build
    assignments: dict[str, Assignment] = field(default_factory=dict)  # doc_id → split and fold


def dataset_version_of(corpus: CorpusReader) -> str:
    path = corpus.root / "DATASET_VERSION"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "0.0.0"
