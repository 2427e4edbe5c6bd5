"""``validate_corpus(root)``: the corpus's files (the validate stage) and the documents generated from its facts.

The validate stage sits below the build and its facts, so it cannot check DATASHEET.md itself; this module, above
both, composes the two checks. It is what `belarus-corpus validate` and `belarus-corpus release` run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .codes import Code
from .datasheet import check_datasheet
from .errors import CorpusError, Problem
from .reader import CorpusReader
from .validate import validate
from .validate.report import Report

if TYPE_CHECKING:
    from .engine import EngineOptions


def validate_corpus(root: str | Path, paths: Iterable[str | Path] | None = None,
                    workers: int | None = None, engine: EngineOptions | None = None) -> Report:
    """Every check of the corpus at ``root``; given ``paths``, only those store files (and no DATASHEET.md check).
    The per-document checks run on the engine (``engine``, or the local executor with ``workers``)."""
    chosen = list(paths) if paths is not None else []
    report = validate(root, chosen or None, workers, engine)
    if not chosen:
        report.extend(generated_file_problems(root, engine))
    return report


def generated_file_problems(root: str | Path, engine: EngineOptions | None = None) -> list[Problem]:
    """DATASHEET.md's generated block against the facts computed now."""
    try:
        return check_datasheet(CorpusReader(root), engine)
    except CorpusError as error:
        return [Problem("DATASHEET.md", None, Code.STALE_DATASHEET, "cannot compute the statistics: "
                        + error.problems[0].message, "fix the problems above first", severity="warning")]
