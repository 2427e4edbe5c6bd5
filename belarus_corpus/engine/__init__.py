"""The per-document stages (build shards, suggest, validate units, facts, ingest normalization) as datatrove
pipeline steps, run by a local, Slurm or Ray executor.

A stage's items (doc ids, shards, units) are split, in order, into tasks; each task's input is written to the
work folder (``inputs/NNNNN.pickle``), one datatrove ``TaskStep`` runs it and writes its result
(``results/NNNNN.pickle``), and the results are read back in task order. So the outcome does not depend on the
executor, the number of workers or the number of tasks, and datatrove's completion markers (``completions/`` in
its logging folder) let a rerun over the same work folder skip the tasks that finished. Small jobs on the local
executor run in this process without datatrove (it is imported only when used).
"""

from .options import EXECUTORS, EngineOptions
from .run import Stage, run_stage

__all__ = ["EXECUTORS", "EngineOptions", "Stage", "run_stage"]
