"""One task's files: its input (the stage's function, its items and arguments) and its result, and running it."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CorpusError, Problem

INPUTS, RESULTS, LOGS = "inputs", "results", "datatrove"


@dataclass(frozen=True)
class TaskFailure:
    """What a task returns instead of its results when it stopped on a user-facing error (a ``CorpusError``)."""

    problems: list[Problem]


def task_input(function: Any, chunk: list[Any], arguments: tuple[Any, ...]) -> bytes:
    """A task's input file: the stage's function (by name), its items and its arguments."""
    return pickle.dumps((function, chunk, arguments), protocol=pickle.HIGHEST_PROTOCOL)


def read_task_file(path: Path) -> Any:
    """A task's input or result file, written by this package in its own work folder (never a user's file);
    ``ValueError`` when it is not one."""
    try:
        return pickle.loads(path.read_bytes())
    except pickle.UnpicklingError as error:
        raise ValueError(f"{path} is not a task file: {error}") from error


def input_path(folder: Path, rank: int) -> Path:
    return folder / INPUTS / f"{rank:05d}.pickle"


def result_path(folder: Path, rank: int) -> Path:
    return folder / RESULTS / f"{rank:05d}.pickle"


def run_task(folder: Path, rank: int) -> int:
    """Run one task from its input file and write its result file; the number of items it did."""
    from ..fsio import atomic_write_bytes

    function, chunk, args = read_task_file(input_path(folder, rank))
    try:
        results: Any = function(chunk, *args)
    except CorpusError as error:
        results = TaskFailure(error.problems)
    atomic_write_bytes(result_path(folder, rank), pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    return len(chunk)
