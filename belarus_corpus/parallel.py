"""Spreading independent per-document work over processes: chunks in order, results in order.

A pool pays off only for many documents (a worker process costs tens of milliseconds to start), so below
``min_items`` the chunks run in this process; the results are the same either way, which the callers test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

Result = TypeVar("Result")


def in_chunks(run: Callable[..., list[Result]], items: list[str], arguments: Callable[[list[str]], tuple[Any, ...]],
              workers: int, chunk_size: int, min_items: int) -> Iterator[Result]:
    """``run(chunk, *arguments(chunk))`` over chunks of ``items``, results in order; a process pool of ``workers``
    for ``min_items`` items or more (each task carries only its own chunk's arguments)."""
    chunks = [items[i:i + chunk_size] for i in range(0, len(items), chunk_size)]
    if workers <= 1 or len(items) < min_items:
        for chunk in chunks:
            yield from run(chunk, *arguments(chunk))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        for results in pool.map(run, chunks, *zip(*(arguments(chunk) for chunk in chunks), strict=True)):
            yield from results
