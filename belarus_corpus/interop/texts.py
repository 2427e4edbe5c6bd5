"""The document texts an import checks offsets against: from a ``CorpusReader`` (read lazily) or from plain strings."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..normalize import Normalized, normalize
from ..taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from ..reader import CorpusReader


@dataclass(frozen=True)
class DocText:
    doc_id: str
    normalized: Normalized

    @property
    def text(self) -> str:
        return self.normalized.text

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def is_boundary(self, index: int) -> bool:
        return self.normalized.is_boundary(index)


class TextSource:
    """``get(doc_id)`` gives a document's normalized text, or None when the corpus has no such document."""

    def __init__(self, taxonomy: Taxonomy, corpus: CorpusReader | None = None,
                 texts: Mapping[str, str] | None = None) -> None:
        self.taxonomy = taxonomy
        self._corpus = corpus
        self._texts = dict(texts or {})
        self._known = set(corpus.doc_ids()) if corpus is not None else set(self._texts)
        self._cache: dict[str, DocText] = {}

    @classmethod
    def from_corpus(cls, corpus: CorpusReader) -> TextSource:
        return cls(corpus.taxonomy, corpus=corpus)

    @classmethod
    def from_texts(cls, texts: Mapping[str, str], taxonomy: Taxonomy | None = None) -> TextSource:
        """Plain normalized texts by doc id (normalizing them again changes nothing)."""
        return cls(taxonomy or load_taxonomy(), texts=texts)

    def get(self, doc_id: str) -> DocText | None:
        if doc_id not in self._known:
            return None
        if doc_id not in self._cache:
            if self._corpus is not None:
                self._cache[doc_id] = DocText(doc_id, self._corpus.document(doc_id).normalized)
            else:
                self._cache[doc_id] = DocText(doc_id, normalize(self._texts[doc_id]))
        return self._cache[doc_id]


def text_source(source: CorpusReader | TextSource) -> TextSource:
    return source if isinstance(source, TextSource) else TextSource.from_corpus(source)
