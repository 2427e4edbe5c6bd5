"""``validate_corpus(root)``: the corpus's files (the validate stage) and the documents generated from its facts.

The validate stage sits below the build and its facts, so it cannot check DATASHEET.md itself; this module, above
both, composes the two checks. It is what `belarus-corpus validate` and `belarus-corpus release` run. The facts
DATASHEET.md is compared with are gathered in validate's own pass (``build.facts_collect``, handed down as a
``validate.Collector``), so a corpus with a DATASHEET.md is read once, not twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .codes import Code
from .datasheet import DATASHEET, check_datasheet
from .errors import CorpusError, Problem
from .reader import CorpusReader
from .validate import validate, validate_collecting
from .validate.report import Report

if TYPE_CHECKING:
    from .build.facts_collect import Gathered
    from .engine import EngineOptions


def validate_corpus(root: str | Path, paths: Iterable[str | Path] | None = None,
                    workers: int | None = None, engine: EngineOptions | None = None) -> Report:
    """Every check of the corpus at ``root``; given ``paths``, only those store files (and no DATASHEET.md check).
    The per-document checks run on the engine (``engine``, or the local executor with ``workers``)."""
    chosen = list(paths) if paths is not None else []
    if chosen:
        return validate(root, chosen, workers, engine)
    if not (CorpusReader(root).root / DATASHEET).is_file():
        return validate(root, None, workers, engine)
    from .build.facts_collect import collector

    report, gathered = validate_collecting(root, collector(), workers, engine)
    report.extend(generated_file_problems(root, engine, gathered))
    return report


def generated_file_problems(root: str | Path, engine: EngineOptions | None = None,
                            gathered: Gathered | None = None) -> list[Problem]:
    """DATASHEET.md's generated block against the facts (``gathered`` in validate's pass, or computed now)."""
    corpus = CorpusReader(root)
    try:
        if gathered is None:
            return check_datasheet(corpus, engine)
        return check_datasheet(corpus, engine, lambda: _block(corpus, gathered))
    except CorpusError as error:
        return [Problem("DATASHEET.md", None, Code.STALE_DATASHEET, "cannot compute the statistics: "
                        + error.problems[0].message, "fix the problems above first", severity="warning")]


def _block(corpus: CorpusReader, gathered: Gathered) -> str:
    from .build.facts import finish_facts, merge_partials, relations_partial
    from .build.scorecard_parts import lines_of
    from .datasheet import block_of

    if gathered.problems:
        raise CorpusError(gathered.problems)
    cross = relations_partial(corpus.cross_document().relations)
    return block_of(finish_facts(corpus, merge_partials([gathered.partial, cross])), lines_of(gathered.scorecard))
