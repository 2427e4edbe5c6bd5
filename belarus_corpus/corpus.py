"""``Corpus(root)``: the Python API that every CLI command wraps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import Document, load_document
from .ingest import Ingested, IngestOptions, ingest_file
from .layout import Layout
from .store import StoreContent, load
from .taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from .build.builder import BuildResult
    from .validate.report import Report


class Corpus:
    """A corpus root: ``raw/``, ``annotations/``, ``schema/``."""

    def __init__(self, root: str | Path = ".") -> None:
        self.layout = Layout.at(root)

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def taxonomy(self) -> Taxonomy:
        return load_taxonomy(self.layout.root)

    def doc_ids(self) -> list[str]:
        return self.layout.doc_ids()

    def document(self, doc_id: str) -> Document:
        return load_document(self.layout, doc_id)

    def documents(self) -> Iterator[Document]:
        for doc_id in self.doc_ids():
            yield self.document(doc_id)

    def annotations(self, doc_id: str) -> StoreContent:
        return load(self.layout.store(doc_id), self.layout.relative(self.layout.store(doc_id)))

    def cross_document(self) -> StoreContent:
        path = self.layout.cross_document_store
        return load(path, self.layout.relative(path))

    def ingest(self, paths: Iterable[str | Path], options: IngestOptions | None = None) -> list[Ingested]:
        chosen = options or IngestOptions()
        return [ingest_file(self.layout, Path(path), chosen) for path in paths]

    def validate(self, paths: Iterable[str | Path] | None = None) -> Report:
        from .validate import validate

        return validate(self.root, paths)

    def build(self, out: str | Path | None = None, **options: Any) -> BuildResult:
        from .build.builder import build

        return build(self, Path(out) if out else self.layout.dist_dir / "belarus-corpus", **options)
