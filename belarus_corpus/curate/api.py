"""``curate_corpus``: one curation run as the command makes it (strategy parsed, decisions read, disputes settled
by a callback and appended, gold written on request)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import Problem, UsageError
from .decisions import Decision, append_decisions, read_decisions
from .engine import curate, write_gold
from .strategies import parse_strategy

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .queues import Curation, Unit


@dataclass
class CurateOutcome:
    """The queues of a curation, and how many gold spans and relations were written (None: only reported)."""

    curation: Curation
    written: tuple[int, int] | None


def curate_corpus(corpus: CorpusReader, annotators: tuple[str, ...], strategy: str,
                  decisions: str | Path | None = None, doc_ids: Sequence[str] | None = None, write: bool = False,
                  settle: Callable[[list[Unit]], list[Decision]] | None = None) -> CurateOutcome:
    chosen = parse_strategy(strategy, len(set(annotators)))
    path = Path(decisions) if decisions else None
    settled = read_decisions(path)
    shown, only = str(decisions) if decisions else "decisions", list(doc_ids) if doc_ids else None
    result = curate(corpus, annotators, chosen, settled, only, shown)
    if settle is not None and (result.disputed or result.incomplete):
        if path is None:
            raise UsageError(Problem("--interactive", None, Code.BAD_DECISION,
                                     "settling disputes needs a decisions file to keep the decisions in",
                                     "pass --decisions FILE"))
        new = settle([*result.disputed, *result.incomplete])  # an incomplete unit: keep its one variant, or not
        append_decisions(path, new)
        result = curate(corpus, annotators, chosen, [*settled, *new], only, shown)
    return CurateOutcome(result, write_gold(corpus, result) if write else None)
