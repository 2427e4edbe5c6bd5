"""The rows of one shard, one document at a time: made from the document, or kept from the previous build when
the document's inputs did not change; and each document's footer entry (``shards.Entry``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem
from .features import DOCUMENT_CONFIGS
from .shards import DOCUMENTS_KEY, FOOTER_CONFIG, Entry, KeptRows, Shard, dump_entries, load_entries
from .tables import DocumentBundle, bundle_rows
from .tokens import TOKENIZER

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .writer import ConfigWriter


def write_documents(corpus: CorpusReader, shard: Shard, writers: dict[str, ConfigWriter],
                    kept: KeptRows | None) -> list[Entry]:
    """Add every document's rows to the shard's writers and its entry to the documents file's footer; the entries,
    as a later build will read them back."""
    entries = []
    for doc_id in shard.doc_ids:
        if kept is not None and doc_id in kept.entries:
            for config, writer in writers.items():
                writer.add_table(kept.rows(doc_id, config))
            entries.append(kept.entries[doc_id])
        else:
            entries.append(_write_document(corpus, shard, doc_id, writers))
    stored = dump_entries(entries)
    writers[FOOTER_CONFIG].add_file_metadata(DOCUMENTS_KEY, stored)
    loaded: list[Entry] = load_entries(stored)
    return loaded


def _write_document(corpus: CorpusReader, shard: Shard, doc_id: str, writers: dict[str, ConfigWriter]) -> Entry:
    from .facts import document_partial

    before = {config: writer.added for config, writer in writers.items()}
    content = corpus.annotations(doc_id)
    bundle = DocumentBundle(corpus.document(doc_id), content.spans, content.relations, split=shard.split,
                            fold=shard.folds.get(doc_id, 0))
    for config, row in bundle_rows(bundle, corpus.taxonomy):
        writers[config].add(row)
    return {"doc_id": doc_id, "inputs": shard.doc_inputs.get(doc_id, ""),
            "rows": {config: writer.added - before[config] for config, writer in writers.items()},
            "facts": document_partial(bundle.document, bundle.spans, bundle.relations),
            "warnings": [{"span_id": issue.span_id, "reason": issue.reason} for issue in bundle.tag_issues]}


def entry_warnings(entry: Entry) -> list[Problem]:
    doc_id = entry["doc_id"]
    return [Problem(f"annotations/{doc_id}.jsonl", None, Code.UNTAGGABLE_SPAN,
                    f"{item['span_id']}: {item['reason']}; left out of the {TOKENIZER} BIO tags",
                    "the spans config still has it", record_id=item["span_id"], severity="warning")
            for item in entry["warnings"]]


def entry_rows(entries: list[Entry]) -> dict[str, int]:
    return {config: sum(int(entry["rows"][config]) for entry in entries) for config in DOCUMENT_CONFIGS}


@contextlib.contextmanager
def abandoned_on_error(writers: list[ConfigWriter]) -> Iterator[None]:
    """On a failure (disk full, Ctrl-C), close the Parquet writers once and quietly (the staging folder is deleted
    anyway), so that their finalizers do not retry and print tracebacks after the real error message."""
    try:
        yield
    except BaseException:
        for writer in writers:
            with contextlib.suppress(Exception):
                writer.close()
            parquet: Any = getattr(writer, "_writer", None)
            if parquet is not None and getattr(parquet, "is_open", False):
                parquet.is_open = False
        raise
