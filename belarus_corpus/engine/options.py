"""How a stage is run: which executor, how many workers and tasks, where task files go."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..codes import Code
from ..errors import Problem, UsageError

EXECUTORS = ("local", "slurm", "ray")


@dataclass(frozen=True)
class EngineOptions:
    """``executor`` runs the tasks: ``local`` (processes on this machine, the default), ``slurm`` (a job array,
    waited for) or ``ray`` (a Ray cluster: ``ray_address``, or one started on this machine). ``workers``: tasks at
    once (local default: the CPU count); ``tasks``: how many tasks the items are split into (default: by the
    stage's chunk size); asking for tasks always runs datatrove, even for a small job. ``work_dir`` holds task
    inputs, results and datatrove's logs; Slurm and a multi-node Ray cluster need it on a shared file system."""

    executor: str = "local"
    workers: int | None = None
    tasks: int | None = None
    work_dir: Path | None = None
    partition: str | None = None
    time: str = "02:00:00"
    cpus_per_task: int = 1
    mem_per_cpu_gb: float = 2.0
    env_command: str | None = None
    ray_address: str | None = None
    poll_seconds: float = 10.0

    def __post_init__(self) -> None:
        if self.executor not in EXECUTORS:
            raise _usage("--executor", f"unknown executor {self.executor!r}", "choose local, slurm or ray")
        if self.workers is not None and self.workers < 1:
            raise _usage("--workers", f"{self.workers} workers", "give 1 or more")
        if self.tasks is not None and self.tasks < 1:
            raise _usage("--tasks", f"{self.tasks} tasks", "give 1 or more")
        if self.executor == "slurm" and (self.work_dir is None or self.partition is None):
            raise _usage("--executor", "slurm needs --work-dir (on a file system the nodes share) and --partition",
                         "e.g. --executor slurm --partition cpu --work-dir /shared/belarus-corpus-work")

    @property
    def local_workers(self) -> int:
        if self.workers:
            return self.workers
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


DEFAULT = EngineOptions()


def _usage(where: str, message: str, hint: str) -> UsageError:
    return UsageError(Problem(where, None, Code.BAD_ENGINE_OPTIONS, message, hint))
