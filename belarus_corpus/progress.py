"""Progress bars for long operations: shown on stderr when it is a terminal (rich.progress, cleared when done),
nothing at all otherwise (pipes, CI logs, tests), and never with ``BELARUS_CORPUS_PROGRESS=0``.

Library loops wrap their iterables: ``for shard in track(shards, "build: shards")``; the bar never changes what
the loop yields, so results are the same with or without a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")


def wanted(console: Console | None = None) -> bool:
    """Whether to draw: a terminal on stderr (or the given console), and not switched off."""
    if os.environ.get("BELARUS_CORPUS_PROGRESS", "") in ("0", "no", "off", "false"):
        return False
    if console is not None:
        return console.is_terminal
    stream = sys.stderr
    return hasattr(stream, "isatty") and stream.isatty()


def track(items: Iterable[T], label: str, total: int | None = None, weight: Callable[[T], int] | None = None,
          console: Console | None = None) -> Iterator[T]:
    """Yield ``items``; on a terminal, advance a bar by ``weight(item)`` (default 1) out of ``total``
    (default ``len(items)`` when it has one)."""
    if not wanted(console):
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    size = total if total is not None else (len(items) if isinstance(items, Sized) else None)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console or Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=size)
        for item in items:
            yield item
            bar.advance(task, weight(item) if weight else 1)
