"""Sharding for incremental builds: documents fall into stable hash shards; a shard whose inputs did not change
is copied from the previous build, and in a shard that did change, the rows of its unchanged documents are taken
from the previous build's files instead of being made again.

The documents file of each shard carries, in its footer (``DOCUMENTS_KEY``), one entry per document in row
order: the digest of the document's inputs, its row count per config, its partial release facts and its build
warnings. That is all a later build needs to reuse the shard, or some of its documents, without reading them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..normalize import pipeline_id

if TYPE_CHECKING:
    from ..layout import Layout
    from ..reader import CorpusReader

DOCS_PER_SHARD = 50
INPUTS_KEY = "belarus_corpus_inputs"
DOCUMENTS_KEY = "belarus_corpus_documents"
"""Footer key (documents file of each shard only) of the per-document entries, as JSON."""
FOOTER_CONFIG = "documents"

Entry = dict[str, Any]
"""``{"doc_id", "inputs", "rows": {config: count}, "facts": build.facts partial, "warnings": [...]}``."""


@dataclass
class Shard:
    split: str
    index: int
    count: int
    doc_ids: list[str] = field(default_factory=list)
    inputs: str = ""
    doc_inputs: dict[str, str] = field(default_factory=dict)
    folds: dict[str, int] = field(default_factory=dict)  # doc_id → cross-validation fold (build/splits.py)

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


# --------------------------------------------------------------------------------------------------------------
# Inputs


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, or ``-`` when there is no such file (read in blocks into one buffer)."""
    digest = hashlib.sha256()
    try:
        handle = os.open(path, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return "-"
    try:
        while block := os.read(handle, 1 << 20):
            digest.update(block)
    except IsADirectoryError:
        return "-"
    finally:
        os.close(handle)
    return digest.hexdigest()


def shared_inputs(corpus: CorpusReader, dataset_version: str) -> str:
    """Digest of what every row depends on besides its document: package, dataset version, pipeline, taxonomy."""
    taxonomy = json.dumps(corpus.taxonomy.source, sort_keys=True)
    return hashlib.sha256(f"{__version__}\0{dataset_version}\0{pipeline_id()}\0{taxonomy}".encode()).hexdigest()


def document_inputs(layout: Layout, doc_id: str, shared: str) -> str:
    """Everything a document's rows depend on: ``shared_inputs`` and the document's raw, provenance and store."""
    digest = hashlib.sha256(f"{shared}\0{doc_id}".encode())
    for path in (layout.raw_text(doc_id), layout.provenance(doc_id), layout.store(doc_id)):
        digest.update(f"\0{file_digest(path)}".encode())
    return digest.hexdigest()


def inputs_digest(corpus: CorpusReader, shard: Shard, shared: str) -> str:
    """Everything a shard's rows depend on (its name and its documents' inputs); fills ``shard.doc_inputs``."""
    digest = hashlib.sha256(f"{shared}\0{shard.file_name()}".encode())
    for doc_id in shard.doc_ids:
        shard.doc_inputs[doc_id] = document_inputs(corpus.layout, doc_id, f"{shared}\0fold={shard.folds.get(doc_id)}")
        digest.update(f"\0{doc_id}\0{shard.doc_inputs[doc_id]}".encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------------------
# Reuse


def dump_entries(entries: list[Entry]) -> str:
    import orjson

    return orjson.dumps(entries).decode("utf-8")


def load_entries(stored: bytes | str) -> Any:
    import orjson

    return orjson.loads(stored)


def stored_entries(path: Path) -> tuple[str, list[Entry]] | None:
    """(inputs digest, entries) from the footer of a shard's documents file; None when missing or unreadable."""
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_metadata(path).metadata or {}
        entries = load_entries(metadata[DOCUMENTS_KEY.encode()])
    except Exception:
        return None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return None
    return metadata.get(INPUTS_KEY.encode(), b"").decode(), entries


def reusable(previous: Path, shard: Shard, configs: tuple[str, ...]) -> list[Entry] | None:
    """The entries of the previous build's copy of this shard when it was made from the same inputs, else None.

    Only the documents file's footer is read: the previous build's files were just checked against its checksums,
    and a build writes all files of a shard from the same inputs, so the other files need only be there."""
    stored = stored_entries(previous / "data" / FOOTER_CONFIG / shard.file_name())
    if stored is None or stored[0] != shard.inputs:
        return None
    if not all((previous / "data" / config / shard.file_name()).is_file() for config in configs):
        return None
    return stored[1]


def copy_shard(previous: Path, staging: Path, shard: Shard, configs: tuple[str, ...]) -> list[Path]:
    """The shard's files in ``staging``: hard links to the previous build's (never written to; the previous build
    is removed after the swap), or copies where the file system has no hard links."""
    copied = []
    for config in configs:
        source, target = previous / "data" / config / shard.file_name(), staging / "data" / config / shard.file_name()
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        copied.append(target)
    return copied


@dataclass
class KeptRows:
    """The rows, in the previous build's copy of a changed shard, of the documents whose inputs did not change."""

    entries: dict[str, Entry]
    tables: dict[str, Any]  # config → the previous file's rows (Arrow)
    offsets: dict[str, dict[str, int]]  # doc_id → config → first row

    def rows(self, doc_id: str, config: str) -> Any:
        return self.tables[config].slice(self.offsets[doc_id][config], self.entries[doc_id]["rows"][config])


def kept_rows(previous: Path, shard: Shard, configs: tuple[str, ...]) -> KeptRows | None:
    """What can be kept of the previous build's copy of ``shard``; None when nothing can."""
    stored = stored_entries(previous / "data" / FOOTER_CONFIG / shard.file_name())
    if stored is None:
        return None
    entries = stored[1]
    kept = {e["doc_id"]: e for e in entries if shard.doc_inputs.get(str(e.get("doc_id"))) == e.get("inputs")}
    if not kept:
        return None
    tables, offsets = _previous_tables(previous, shard, configs, entries)
    if tables is None:
        return None
    return KeptRows(kept, tables, offsets)


def _previous_tables(previous: Path, shard: Shard, configs: tuple[str, ...],
                     entries: list[Entry]) -> tuple[dict[str, Any] | None, dict[str, dict[str, int]]]:
    """The previous files' rows and each document's first row in them; None when they do not add up."""
    import pyarrow.parquet as pq

    offsets: dict[str, dict[str, int]] = {str(e["doc_id"]): {} for e in entries}
    tables = {}
    for config in configs:
        try:
            table = pq.ParquetFile(previous / "data" / config / shard.file_name()).read()
            start = 0
            for entry in entries:
                offsets[str(entry["doc_id"])][config] = start
                start += int(entry["rows"][config])
        except Exception:
            return None, {}
        if start != table.num_rows:
            return None, {}
        tables[config] = table
    return tables, offsets
