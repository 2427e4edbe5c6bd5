"""The files beside the data in a build: dataset card, Croissant metadata, checksums."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .card import render_card
from .checksums import write_checksums

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .result import BuildResult


def write_release_files(corpus: CorpusReader, staging: Path, result: BuildResult) -> None:
    card = staging / "README.md"
    card.write_text(render_card(corpus, staging, result), encoding="utf-8")
    result.files.append(card)
    try:
        from .croissant import write_croissant
    except ImportError:
        pass
    else:
        result.files.append(write_croissant(corpus, staging, result))
    result.files.append(write_checksums(staging, result.digests))
