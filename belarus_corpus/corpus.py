"""``Corpus(root)``: the Python API that every CLI command wraps."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest import Ingested, IngestOptions, ingest_file
from .reader import CorpusReader

if TYPE_CHECKING:
    from .build.result import BuildResult
    from .validate.report import Report


class Corpus(CorpusReader):
    """A corpus root: ``raw/``, ``annotations/``, ``schema/``; one method per command."""

    def ingest(self, paths: Iterable[str | Path], options: IngestOptions | None = None) -> list[Ingested]:
        chosen = options or IngestOptions()
        return [ingest_file(self.layout, Path(path), chosen) for path in paths]

    def validate(self, paths: Iterable[str | Path] | None = None) -> Report:
        from .checks import validate_corpus as validate

        return validate(self.root, paths)

    def build(self, out: str | Path | None = None, **options: Any) -> BuildResult:
        from .build.builder import build

        return build(self, Path(out) if out else self.layout.dist_dir / "belarus-corpus", **options)
