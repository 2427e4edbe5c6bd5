"""``fmt``: rewrite stores canonically; refuses (changing nothing) a store with a line it cannot parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fsio import locked
from ..store import canonical_bytes, load, save

if TYPE_CHECKING:
    from ..reader import CorpusReader


def format_stores(corpus: CorpusReader, check_only: bool = False) -> list[str]:
    changed = []
    directory = corpus.layout.annotations_dir
    paths = sorted(directory.glob("*.jsonl")) if directory.is_dir() else []
    for path in paths:
        shown = corpus.layout.relative(path)
        with locked(path):
            content = load(path, shown)
            if path.read_bytes() != canonical_bytes(content.spans, content.relations):
                changed.append(shown)
                if not check_only:
                    save(path, content)
    return changed
