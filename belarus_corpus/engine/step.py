"""The datatrove pipeline step every stage runs: one task's input file in, its result file out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datatrove.pipeline.base import PipelineStep

from .tasks import run_task


class TaskStep(PipelineStep):  # type: ignore[misc]
    """Runs task ``rank`` of a stage from the work folder; counts the items it did in datatrove's statistics."""

    name = "belarus-corpus"
    type = "⚙️ - STAGE"

    def __init__(self, folder: str, stage: str) -> None:
        super().__init__()
        self.folder = folder
        self.stage = stage

    def run(self, data: Any = None, rank: int = 0, world_size: int = 1) -> Any:
        with self.track_time(unit="task"):
            done = run_task(Path(self.folder), rank)
        self.stat_update(f"{self.stage} items", value=done)
        yield from ()
