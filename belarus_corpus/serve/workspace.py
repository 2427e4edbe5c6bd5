"""What one server works on: the corpus, who annotates, where curation decisions are kept, and its secrets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..layout import check_doc_id
from .security import Secrets

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .corpus_writes import CorpusWrites

DEFAULT_DECISIONS = "curation/decisions.jsonl"


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8642
    annotator: str | None = None
    decisions: str = DEFAULT_DECISIONS
    token: str | None = None


@dataclass
class Workspace:
    """``corpus`` is read; every write goes through ``writes`` (the ``Corpus`` methods, ``Corpus.serve`` passes
    the corpus as both)."""

    corpus: CorpusReader
    writes: CorpusWrites
    annotator: str
    decisions: Path
    keys: Secrets = field(default_factory=Secrets.new)

    @classmethod
    def open(cls, corpus: CorpusReader, writes: CorpusWrites, options: ServeOptions) -> Workspace:
        from ..annotate.records import check_annotator

        decisions = corpus.layout.inside(corpus.root / options.decisions)
        return cls(corpus, writes, check_annotator(options.annotator), decisions, Secrets.new(options.token))

    def curation_view(self, annotators: list[str], strategy: str | None, doc_id: str | None = None) -> Any:
        from ..curate.decisions import read_decisions
        from ..curate.engine import curate
        from ..curate.strategies import parse_strategy
        from .curation import curation_view, versions_of

        seen = versions_of(self.corpus, self.decisions)
        result = None
        if annotators:
            chosen = parse_strategy(strategy or "unanimous", len(set(annotators)))
            result = curate(self.corpus, tuple(annotators), chosen, read_decisions(self.decisions), None,
                            self.corpus.layout.relative(self.decisions))
        return curation_view(self.corpus, result, self.decisions, check_doc_id(doc_id) if doc_id else None, seen)
