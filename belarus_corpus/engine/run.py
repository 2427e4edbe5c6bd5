"""Running a stage: items split in order into tasks, each task's input and result a file, results in task order."""

from __future__ import annotations

import hashlib
import math
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..codes import Code
from ..errors import CorpusError, Problem
from .options import DEFAULT, EngineOptions
from .tasks import INPUTS, LOGS, RESULTS, TaskFailure, input_path, read_task_file, result_path, task_input

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Stage(Generic[Item, Result]):
    """A per-document stage: ``function(items, *arguments(items))`` gives one task's results (a module-level
    function, so that it pickles by name); ``chunk`` items a task by default; on the local executor, fewer than
    ``min_items`` items (and no ``tasks`` asked for) run in this process without datatrove."""

    name: str
    function: Callable[..., list[Result]]
    chunk: int
    min_items: int


def run_stage(stage: Stage[Item, Result], items: Sequence[Item],
              arguments: Callable[[list[Item]], tuple[Any, ...]] = lambda _: (),
              options: EngineOptions | None = None, work_dir: Path | None = None) -> list[Result]:
    """Every task's results, in task order. ``work_dir`` (or ``options.work_dir``) keeps the task files: a rerun
    over the same folder with the same items skips the tasks that completed; without one, a temporary folder is
    used and removed."""
    options = options or DEFAULT
    chunks = split(list(items), options.tasks or default_tasks(stage, len(items), options))
    if _inline(stage, options, len(items)):
        return [result for chunk in chunks for result in stage.function(chunk, *arguments(chunk))]
    payloads = [task_input(stage.function, chunk, arguments(chunk)) for chunk in chunks]
    if work_dir is not None:
        return _run_tasks(stage, payloads, options, work_dir.resolve())
    if options.work_dir is not None:  # named by the inputs: a rerun of the same work resumes, other work does not
        digest = hashlib.sha256(b"".join(hashlib.sha256(p).digest() for p in payloads)).hexdigest()[:16]
        folder = options.work_dir.resolve() / f"{stage.name}-{digest}"
        results = _run_tasks(stage, payloads, options, folder)
        for name in (INPUTS, RESULTS, f"{LOGS}/completions"):  # the logs and statistics stay
            shutil.rmtree(folder / name, ignore_errors=True)
        return results
    folder = Path(tempfile.mkdtemp(prefix=f"belarus-corpus-{stage.name}-"))
    try:
        return _run_tasks(stage, payloads, options, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def default_tasks(stage: Stage[Any, Any], count: int, options: EngineOptions) -> int:
    """One task per ``stage.chunk`` items; on the local executor at most four a worker (each task costs
    datatrove's bookkeeping: a log file, statistics, a completion marker)."""
    tasks = math.ceil(count / stage.chunk)
    return min(tasks, 4 * options.local_workers) if options.executor == "local" else tasks


def split(items: list[Item], tasks: int) -> list[list[Item]]:
    """``tasks`` contiguous runs of ``items`` (never an empty one), as even as they can be."""
    tasks = max(1, min(tasks, len(items)))
    size, extra = divmod(len(items), tasks)
    chunks, start = [], 0
    for index in range(tasks):
        end = start + size + (1 if index < extra else 0)
        chunks.append(items[start:end])
        start = end
    return chunks


def _inline(stage: Stage[Any, Any], options: EngineOptions, count: int) -> bool:
    if options.executor != "local" or options.tasks is not None:
        return False
    return options.local_workers <= 1 or count < stage.min_items


def _run_tasks(stage: Stage[Any, Result], payloads: list[bytes], options: EngineOptions,
               folder: Path) -> list[Result]:
    from ..fsio import atomic_write_bytes
    from .executors import execute

    (folder / RESULTS).mkdir(parents=True, exist_ok=True)
    for rank, payload in enumerate(payloads):
        if not (folder / LOGS / "completions" / f"{rank:05d}").exists():
            atomic_write_bytes(input_path(folder, rank), payload)
    execute(stage.name, folder, len(payloads), options)
    results: list[Result] = []
    for rank in range(len(payloads)):
        results += _read_result(folder, rank)
    return results


def _read_result(folder: Path, rank: int) -> list[Any]:
    path = result_path(folder, rank)
    try:
        loaded = read_task_file(path)
    except (OSError, ValueError, EOFError) as error:
        (folder / LOGS / "completions" / f"{rank:05d}").unlink(missing_ok=True)  # a rerun does it again
        raise CorpusError(Problem(str(path), None, Code.ENGINE_TASK_FAILED, f"task {rank} left no result ({error})",
                                  f"see the task logs in {folder / LOGS / 'logs'}, then run again")) from error
    if isinstance(loaded, TaskFailure):
        (folder / LOGS / "completions" / f"{rank:05d}").unlink(missing_ok=True)  # a rerun does it again
        raise CorpusError(loaded.problems)
    return list(loaded)
