"""Build orchestration: rows for every config, one document at a time, into a fresh folder swapped in whole."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import CorpusError, Problem, UsageError
from .features import CONFIGS, features_for
from .shards import FACTS_CONFIG, FACTS_KEY, INPUTS_KEY, Shard, copy_shard, inputs_digest, plan_shards, reusable_facts
from .tables import DocumentBundle, document_row, paragraph_rows, relation_rows, span_rows, token_row
from .tokens import TOKENIZER
from .writer import ConfigWriter, version_metadata

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..release.facts import Partial

DEFAULT_SPLIT = "train"


@dataclass
class BuildResult:
    out: Path
    dataset_version: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    reused_shards: int = 0
    facts: dict[str, Any] | None = None  # release.facts, merged from the shards' partials, for card and Croissant


def parse_split_spec(spec: str) -> tuple[int, list[tuple[str, float]]]:
    """``SEED:RATIO[:RATIO[:RATIO]]`` → seed and (split, ratio) pairs for train/validation/test."""
    parts = spec.split(":")
    try:
        seed, ratios = int(parts[0]), [float(p) for p in parts[1:]]
    except ValueError as exc:
        raise _bad_split(spec) from exc
    if not 1 <= len(ratios) <= 3 or any(r <= 0 for r in ratios) or abs(sum(ratios) - 1) > 1e-6:
        raise _bad_split(spec)
    return seed, list(zip(("train", "validation", "test"), ratios, strict=False))


def _bad_split(spec: str) -> UsageError:
    return UsageError(Problem("--split-by-document", None, "bad-split", f"{spec!r} is not SEED:RATIO...",
                              "give a seed and 1-3 ratios that sum to 1, e.g. 13:0.8:0.2"))


def split_of(doc_id: str, seed: int, splits: list[tuple[str, float]]) -> str:
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    cumulative = 0.0
    for name, ratio in splits:
        cumulative += ratio
        if point < cumulative:
            return name
    return splits[-1][0]


def dataset_version_of(corpus: Corpus) -> str:
    path = corpus.root / "DATASET_VERSION"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "0.0.0"


def build(corpus: Corpus, out: Path, split_by_document: str | None = None, incremental: bool = True) -> BuildResult:
    out = out.resolve()
    if out == corpus.root or out in corpus.root.parents:
        raise UsageError(Problem(str(out), None, "unsafe-output", "the build folder would contain the corpus",
                                 "choose an empty or dedicated folder, e.g. dist/belarus-corpus"))
    _refuse_source_folder(corpus, out)
    version = dataset_version_of(corpus)
    result = BuildResult(out=out, dataset_version=version)
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _write_all(corpus, staging, result, split_by_document, out if incremental and _intact(out) else None)
        from .release_files import write_release_files

        write_release_files(corpus, staging, result)
        _swap_in(staging, out)
    except OSError as exc:
        if exc.errno is None:  # not a file system error (e.g. pyarrow failing to decode)
            raise
        from ..fsio import write_error  # disk full, read-only, permissions: the previous build is untouched

        raise write_error(out, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.files = [out / path.relative_to(staging) for path in result.files]
    return result


def _intact(previous: Path) -> bool:
    """Reuse shards only from a previous build whose files all match its checksums: a corrupted file must be
    written again, not copied into the new build (where it would get a fresh, matching checksum)."""
    from .checksums import verify

    return previous.is_dir() and not verify(previous)


def _refuse_source_folder(corpus: Corpus, out: Path) -> None:
    """A build swapped in over raw/, annotations/ or schema/ (or a folder inside them) would lose sources."""
    layout = corpus.layout
    for source in (layout.raw_dir, layout.annotations_dir, layout.schema_dir):
        if out == source or source in out.parents:
            raise UsageError(Problem(str(out), None, "unsafe-output",
                                     f"the build folder would be inside the corpus's {source.name}/ folder",
                                     "choose a dedicated folder, e.g. dist/belarus-corpus"))
    if out.exists() and not out.is_dir():
        raise UsageError(Problem(str(out), None, "unsafe-output", "a file of that name exists",
                                 "choose a folder for the build, e.g. dist/belarus-corpus"))
    if out.is_dir() and not (out / "checksums.sha256").exists() and any(out.iterdir()):
        raise CorpusError(Problem(str(out), None, "unsafe-output", "the folder exists and is not a build",
                                  "choose another --out, or remove the folder"))  # checked again at the swap


def _write_all(corpus: Corpus, staging: Path, result: BuildResult, split_spec: str | None,
               previous: Path | None) -> None:
    from ..release.facts import finish_facts, merge_partials, relations_partial

    split = parse_split_spec(split_spec) if split_spec else None
    doc_splits = {d: split_of(d, *split) if split else DEFAULT_SPLIT for d in corpus.doc_ids()}
    shards = plan_shards(doc_splits) if doc_splits else [Shard(DEFAULT_SPLIT, 0, 1)]
    partials = []
    for shard in shards:
        shard.inputs = inputs_digest(corpus, shard, result.dataset_version)
        stored = reusable_facts(previous, shard, CONFIGS) if previous is not None else None
        if previous is not None and stored is not None:
            result.files += copy_shard(previous, staging, shard, CONFIGS)
            result.reused_shards += 1
            partials.append(stored)
        else:
            partials.append(_write_shard(corpus, staging, shard, result))
    cross = Shard(DEFAULT_SPLIT if split is None else "cross_document", 0, 1)
    relations = corpus.cross_document().relations
    writer = _writer(corpus, staging, "relations", cross, result, suffix="-cross-document")
    with _abandoned_on_error([writer]):
        for row in relation_rows(relations):
            writer.add(row)
        _close(writer, result)
    partials.append(relations_partial(relations))
    result.facts = finish_facts(corpus, merge_partials(partials))
    _count_rows(staging, result)


def _writer(corpus: Corpus, staging: Path, config: str, shard: Shard, result: BuildResult,
            suffix: str = "") -> ConfigWriter:
    metadata = {**version_metadata(result.dataset_version, __version__), INPUTS_KEY: shard.inputs}
    path = staging / "data" / config / shard.file_name(suffix)
    return ConfigWriter(path, features_for(config, corpus.taxonomy), metadata)


def _close(writer: ConfigWriter, result: BuildResult) -> None:
    writer.close()
    result.files.append(writer.path)


def _write_shard(corpus: Corpus, staging: Path, shard: Shard, result: BuildResult) -> Partial:
    """Write the shard's files; return its partial facts, also stored in the footer of its documents file."""
    from ..release.facts import document_partial, merge_partials

    writers = {config: _writer(corpus, staging, config, shard, result) for config in CONFIGS}
    partials = []
    with _abandoned_on_error(list(writers.values())):
        for doc_id in shard.doc_ids:
            content = corpus.annotations(doc_id)
            bundle = DocumentBundle(corpus.document(doc_id), content.spans, content.relations)
            _write_document(bundle, writers, corpus.taxonomy, result)
            partials.append(document_partial(bundle.document, bundle.spans, bundle.relations))
        stored = json.dumps(merge_partials(partials), ensure_ascii=False, separators=(",", ":"))
        writers[FACTS_CONFIG].add_file_metadata(FACTS_KEY, stored)
        for writer in writers.values():
            _close(writer, result)
    facts: Partial = json.loads(stored)  # as a reused shard will give them back
    return facts


@contextlib.contextmanager
def _abandoned_on_error(writers: list[ConfigWriter]) -> Iterator[None]:
    """On a failure (disk full, Ctrl-C), close the Parquet writers once and quietly (the staging folder is deleted
    anyway), so that their finalizers do not retry and print tracebacks after the real error message."""
    try:
        yield
    except BaseException:
        for writer in writers:
            with contextlib.suppress(Exception):
                writer.close()
            parquet = getattr(writer, "_writer", None)
            if parquet is not None and getattr(parquet, "is_open", False):
                parquet.is_open = False
        raise


def _count_rows(staging: Path, result: BuildResult) -> None:
    import pyarrow.parquet as pq

    for path in sorted((staging / "data").rglob("*.parquet")):
        config, split = path.parent.name, path.name.split("-")[0]
        counts = result.counts.setdefault(config, Counter())
        counts[split] += pq.ParquetFile(path).metadata.num_rows


def _write_document(bundle: DocumentBundle, writers: dict[str, ConfigWriter], taxonomy: Any,
                    result: BuildResult) -> None:
    doc_id = bundle.document.doc_id
    writers["documents"].add(document_row(bundle))
    for row in paragraph_rows(bundle):
        writers["paragraphs"].add(row)
    for row in span_rows(bundle, taxonomy):
        writers["spans"].add(row)
    for row in relation_rows(bundle.relations):
        writers["relations"].add(row)
    writers["tokens"].add(token_row(bundle, taxonomy))
    for issue in bundle.tag_issues:
        result.warnings.append(Problem(f"annotations/{doc_id}.jsonl", None, "untaggable-span",
                                       f"{issue.span_id}: {issue.reason}; left out of the {TOKENIZER} BIO tags",
                                       "the spans config still has it", record_id=issue.span_id,
                                       severity="warning"))


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by the finished ``staging`` folder; a reader never sees a half-written build."""
    out.parent.mkdir(parents=True, exist_ok=True)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        if not (out / "checksums.sha256").exists() and any(out.iterdir()):
            raise CorpusError(Problem(str(out), None, "unsafe-output", "the folder exists and is not a build",
                                      "choose another --out, or remove the folder"))
        shutil.rmtree(old, ignore_errors=True)  # a stale copy from an earlier process with this pid
        os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        # Interrupted (Ctrl-C) or failed between the two renames: put the previous build back.
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(old)
