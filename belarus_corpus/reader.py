"""``CorpusReader(root)``: read access to a corpus folder, the handle every stage takes.

The stages (annotate, suggest, curate, validate, build, release, interop, ...) read documents and stores through
this class, never through `Corpus`, which sits at the top of the package and calls the stages: so the stages
depend on the core, not on the API that composes them (ARCHITECTURE.md, "Layers").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .document import Document, load_document
from .layout import Layout
from .store import StoreContent, load
from .taxonomy import Taxonomy, load_taxonomy


class CorpusReader:
    """A corpus root (``raw/``, ``annotations/``, ``schema/``), opened for reading."""

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
