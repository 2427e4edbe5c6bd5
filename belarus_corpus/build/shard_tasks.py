"""The build's per-shard stage: each task writes (or reuses from the previous build) its shards' Parquet files in
the staging folder and returns what the build result needs of them, so the main process only merges, in shard
order, and writes the cross-document file, the card, Croissant and the checksums.

The staging folder and the engine's task files live in one folder named by a digest of the build plan (every
shard's inputs): a build that was killed leaves it behind, and the same build run again finds it, skips the tasks
that completed and redoes the others; the bytes are those of an uninterrupted build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import Partial
    from .result import BuildResult
    from .shards import Shard

RESUME_PREFIX = ".building-resume-"
"""``.<name>.building-resume-<digest>``: beside the pid-named staging folders of earlier versions (doctor knows
both)."""


@dataclass
class PreviousBuild:
    folder: Path
    digests: dict[str, str]  # from its checksums.sha256, just verified


@dataclass
class ShardDone:
    """One shard's share of the build result, as a task returns it."""

    partial: Partial
    files: list[Path] = field(default_factory=list)
    file_rows: dict[str, int] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[Any] = field(default_factory=list)
    reused: int = 0


@dataclass(frozen=True)
class ShardJob:
    """What every shard task needs of the build (picklable)."""

    corpus: CorpusReader
    staging: Path
    dataset_version: str
    shared: str
    previous: PreviousBuild | None


def work_folder(out: Path, shards: list[Shard], shared: str) -> Path:
    """The build's resumable folder beside ``out``: named by the digest of the plan (shard names and inputs)."""
    digest = hashlib.sha256(shared.encode())
    for shard in shards:
        digest.update(f"\0{shard.file_name()}\0{shard.inputs}".encode())
    return out.parent / f".{out.name}{RESUME_PREFIX}{digest.hexdigest()[:16]}"


def remove_stale(out: Path, keep: Path) -> None:
    """Resumable folders of earlier builds of ``out`` made from other inputs (they can never be resumed)."""
    for path in out.parent.glob(f".{out.name}{RESUME_PREFIX}*"):
        if path != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def merge_done(result: BuildResult, item: ShardDone) -> None:
    from collections import Counter

    result.files += item.files
    result.file_rows.update(item.file_rows)
    result.digests.update(item.digests)
    result.warnings += item.warnings
    result.reused_shards += item.reused
    for config, counts in item.counts.items():
        result.counts.setdefault(config, Counter()).update(counts)


def pid_file(work: Path) -> Path:
    return work / "pid"


@contextlib.contextmanager
def claimed(work: Path, out: Path) -> Iterator[None]:
    """Hold the folder's lock (inside it: it goes with the folder) and record this process as its builder; a
    lock that cannot be written is reported as the build folder that cannot be."""
    import dataclasses

    from ..errors import CorpusError
    from ..fsio import locked

    work.mkdir(parents=True, exist_ok=True)
    lock = locked(work / "build")
    try:
        lock.__enter__()
    except CorpusError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise CorpusError([dataclasses.replace(p, file=str(out)) for p in error.problems]) from error
    try:
        work.mkdir(parents=True, exist_ok=True)  # a build with the same plan may have finished and removed it
        pid_file(work).write_text(str(os.getpid()), encoding="utf-8")
        yield
    finally:
        lock.__exit__(None, None, None)
