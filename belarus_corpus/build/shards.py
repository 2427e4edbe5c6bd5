"""Sharding for incremental builds: documents fall into stable hash shards; a shard whose inputs did not change
is copied from the previous build instead of being written again."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..normalize import pipeline_id

if TYPE_CHECKING:
    from ..corpus import Corpus

DOCS_PER_SHARD = 100
INPUTS_KEY = "belarus_corpus_inputs"
FACTS_KEY = "belarus_corpus_facts"
"""Footer key of the shard's partial release facts (``release.facts.document_partial`` merged), as JSON."""
FACTS_CONFIG = "documents"
"""The config whose shard files carry ``FACTS_KEY``."""


@dataclass
class Shard:
    split: str
    index: int
    count: int
    doc_ids: list[str] = field(default_factory=list)
    inputs: str = ""

    def file_name(self, suffix: str = "") -> str:
        return f"{self.split}-{self.index:05d}-of-{self.count:05d}{suffix}.parquet"


def shard_count(n_docs: int) -> int:
    return max(1, math.ceil(n_docs / DOCS_PER_SHARD))


def shard_index(doc_id: str, count: int) -> int:
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % count


def plan_shards(doc_splits: dict[str, str]) -> list[Shard]:
    by_split: dict[str, list[str]] = {}
    for doc_id, split in sorted(doc_splits.items()):
        by_split.setdefault(split, []).append(doc_id)
    shards = []
    for split, doc_ids in sorted(by_split.items()):
        count = shard_count(len(doc_ids))
        group = [Shard(split, index, count) for index in range(count)]
        for doc_id in doc_ids:
            group[shard_index(doc_id, count)].doc_ids.append(doc_id)
        shards += group
    return shards


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def inputs_digest(corpus: Corpus, shard: Shard, dataset_version: str) -> str:
    """Everything a shard's rows depend on: package, taxonomy, pipeline, and each document's files."""
    digest = hashlib.sha256()
    taxonomy = json.dumps(corpus.taxonomy.source, sort_keys=True)
    digest.update(f"{__version__}\0{dataset_version}\0{pipeline_id()}\0{taxonomy}\0{shard.file_name()}".encode())
    for doc_id in shard.doc_ids:
        for path in (corpus.layout.raw_text(doc_id), corpus.layout.provenance(doc_id), corpus.layout.store(doc_id)):
            digest.update(f"\0{doc_id}\0{_file_digest(path)}".encode())
    return digest.hexdigest()


def read_footer(path: Path) -> dict[bytes, bytes] | None:
    """The key-value metadata of a Parquet file's footer; None when the file is missing or unreadable."""
    import pyarrow.parquet as pq

    try:
        return dict(pq.read_metadata(path).metadata or {})
    except Exception:
        return None


def reusable_facts(previous: Path, shard: Shard, configs: tuple[str, ...]) -> dict[str, Any] | None:
    """The shard's stored partial facts when the previous build has this shard for every config, made from the
    same inputs (and with its facts); else None, and the shard is written again."""
    footers = [read_footer(previous / "data" / config / shard.file_name()) for config in configs]
    if any(footer is None or footer.get(INPUTS_KEY.encode(), b"").decode() != shard.inputs for footer in footers):
        return None
    stored = dict(zip(configs, footers, strict=True))[FACTS_CONFIG] or {}
    facts = stored.get(FACTS_KEY.encode())
    if facts is None:
        return None
    try:
        loaded = json.loads(facts)
    except ValueError:
        return None
    return loaded if isinstance(loaded, dict) else None


def copy_shard(previous: Path, staging: Path, shard: Shard, configs: tuple[str, ...]) -> list[Path]:
    copied = []
    for config in configs:
        target = staging / "data" / config / shard.file_name()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(previous / "data" / config / shard.file_name(), target)
        copied.append(target)
    return copied
