"""datatrove executors for a stage: local processes, a Slurm job array (waited for), or Ray tasks.

datatrove logs with loguru; its messages go to the task log files in the work folder, not to the terminal (a
command's output stays what the command prints)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from datatrove.executor.local import LocalPipelineExecutor
from loguru import logger

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from .options import EngineOptions
from .step import TaskStep
from .tasks import LOGS

_START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
"""fork: workers start in milliseconds with the parent's imports (pyarrow, datasets) and need no ``__main__``
guard in the caller's script; elsewhere spawn, as Python's own default there."""


class QuietLocalExecutor(LocalPipelineExecutor):  # type: ignore[misc]
    """datatrove's local executor with its task logs in the log files only (the terminal gets errors)."""

    def _run_for_rank(self, rank: int, local_rank: int = 0, node_rank: int = -1) -> Any:
        logger.enable("datatrove")
        try:
            return super()._run_for_rank(rank, local_rank=local_rank + 1, node_rank=node_rank)
        finally:
            logger.disable("datatrove")


def execute(stage: str, folder: Path, tasks: int, options: EngineOptions) -> None:
    """Run the stage's ``tasks`` tasks from ``folder`` on the chosen executor and wait until they are done."""
    pipeline = [TaskStep(str(folder), stage)]
    logging_dir = str(folder / LOGS)
    logger.disable("datatrove")
    try:
        if options.executor == "local":
            QuietLocalExecutor(pipeline, tasks=tasks, workers=min(options.local_workers, tasks),
                               logging_dir=logging_dir, start_method=_START_METHOD).run()
        elif options.executor == "ray":
            _run_on_ray(pipeline, tasks, logging_dir, options)
        else:
            _run_on_slurm(stage, pipeline, tasks, logging_dir, options)
    finally:
        logger.enable("datatrove")
    missing = _incomplete(folder, tasks)
    if missing:
        raise CorpusError(Problem(str(folder / LOGS), None, Code.ENGINE_TASK_FAILED,
                                  f"{len(missing)} of {tasks} tasks of {stage} did not complete (first: {missing[0]})",
                                  f"see {folder / LOGS / 'logs'}; run the same command again to redo only those"))


def _incomplete(folder: Path, tasks: int) -> list[int]:
    done = folder / LOGS / "completions"
    return [rank for rank in range(tasks) if not (done / f"{rank:05d}").exists()]


def _run_on_ray(pipeline: list[Any], tasks: int, logging_dir: str, options: EngineOptions) -> None:
    try:
        import ray
        from datatrove.executor.ray import RayPipelineExecutor
    except ImportError as error:
        raise UsageError(Problem("--executor", None, Code.BAD_ENGINE_OPTIONS, f"ray is not installed ({error})",
                                 "pip install 'belarus-corpus[ray]', or use --executor local")) from error
    if not ray.is_initialized():
        ray.init(address=options.ray_address, log_to_driver=False, include_dashboard=False)
    RayPipelineExecutor(pipeline, tasks=tasks, workers=options.workers or tasks, logging_dir=logging_dir,
                        cpus_per_task=options.cpus_per_task, mem_per_cpu_gb=options.mem_per_cpu_gb).run()


def _run_on_slurm(stage: str, pipeline: list[Any], tasks: int, logging_dir: str, options: EngineOptions) -> None:
    """Submit the job array (``sbatch``) and wait for it: poll the completion markers, and stop waiting with an
    error when the job has left the queue with tasks unfinished."""
    from datatrove.executor.slurm import SlurmPipelineExecutor

    executor = SlurmPipelineExecutor(
        pipeline, tasks=tasks, time=options.time, partition=options.partition, cpus_per_task=options.cpus_per_task,
        mem_per_cpu_gb=options.mem_per_cpu_gb, workers=options.workers or -1, job_name=f"belarus-corpus-{stage}",
        env_command=options.env_command, logging_dir=logging_dir, qos="", mail_type="NONE")
    executor.run()
    folder = Path(logging_dir).parent
    while _incomplete(folder, tasks):
        if executor.job_id in (None, -1) or not _in_queue(str(executor.job_id)):
            time.sleep(options.poll_seconds)  # markers written just before the job left the queue
            return
        time.sleep(options.poll_seconds)


def _in_queue(job_id: str) -> bool:
    done = subprocess.run(["squeue", "--noheader", "--jobs", job_id], capture_output=True, text=True, check=False)
    return done.returncode == 0 and bool(done.stdout.strip())
