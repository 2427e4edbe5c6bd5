"""Build orchestration: rows for every config, one document at a time, into a fresh folder swapped in whole."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._version import __version__
from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from .features import DOCUMENT_CONFIGS, features_for
from .result import BuildResult, dataset_version_of
from .shard_writer import abandoned_on_error, entry_rows, entry_warnings, write_documents
from .shards import INPUTS_KEY, Entry, Shard, copy_shard, inputs_digest, kept_rows, plan_shards, reusable, shared_inputs
from .splits import SplitPlan, read_plan
from .tables import relation_rows
from .writer import ConfigWriter, TableSpec, table_spec, version_metadata

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import Partial

DEFAULT_SPLIT = "train"


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
    return UsageError(Problem("--split-by-document", None, Code.BAD_SPLIT, f"{spec!r} is not SEED:RATIO...",
                              "give a seed and 1-3 ratios that sum to 1, e.g. 13:0.8:0.2"))


def build(corpus: CorpusReader, out: Path, split_by_document: str | None = None,
          incremental: bool = True) -> BuildResult:
    out = out.resolve()
    if out == corpus.root or out in corpus.root.parents:
        raise UsageError(Problem(str(out), None, Code.UNSAFE_OUTPUT, "the build folder would contain the corpus",
                                 "choose an empty or dedicated folder, e.g. dist/belarus-corpus"))
    _refuse_source_folder(corpus, out)
    _refuse_invalid(corpus)
    version = dataset_version_of(corpus)
    result = BuildResult(out=out, dataset_version=version)
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _write_all(corpus, staging, result, split_by_document, _previous_build(out) if incremental else None)
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


def _refuse_invalid(corpus: CorpusReader) -> None:
    """Build only what validates: an invalid record or a document without provenance stops it with the report.
    A stale DATASHEET.md does not (it is generated from the data, and not checked by the validate stage;
    ``release`` refuses it)."""
    from ..validate import validate
    from ..validate.report import summary

    blocking = validate(corpus.root)
    if not blocking.valid:
        raise CorpusError([*blocking.sorted_problems(), Problem(
            "<corpus>", None, Code.BUILD_REFUSED, f"not built: {summary(blocking)}",
            "fix the errors above (belarus-corpus validate lists them), then build again")])


@dataclass
class PreviousBuild:
    folder: Path
    digests: dict[str, str]  # from its checksums.sha256, just verified


def _previous_build(out: Path) -> PreviousBuild | None:
    """Reuse shards only from a previous build whose files all match its checksums: a corrupted file must be
    written again, not copied into the new build (where it would get a fresh, matching checksum)."""
    from .checksums import verified_digests

    digests = verified_digests(out) if out.is_dir() else None
    return PreviousBuild(out, digests) if digests is not None else None


def _refuse_source_folder(corpus: CorpusReader, out: Path) -> None:
    """A build swapped in over raw/, annotations/ or schema/ (or a folder inside them) would lose sources."""
    layout = corpus.layout
    for source in (layout.raw_dir, layout.annotations_dir, layout.schema_dir):
        if out == source or source in out.parents:
            raise UsageError(Problem(str(out), None, Code.UNSAFE_OUTPUT,
                                     f"the build folder would be inside the corpus's {source.name}/ folder",
                                     "choose a dedicated folder, e.g. dist/belarus-corpus"))
    if out.exists() and not out.is_dir():
        raise UsageError(Problem(str(out), None, Code.UNSAFE_OUTPUT, "a file of that name exists",
                                 "choose a folder for the build, e.g. dist/belarus-corpus"))
    if out.is_dir() and not (out / "checksums.sha256").exists() and any(out.iterdir()):
        raise CorpusError(Problem(str(out), None, Code.UNSAFE_OUTPUT, "the folder exists and is not a build",
                                  "choose another --out, or remove the folder"))  # checked again at the swap


@dataclass
class _Run:
    """One build in progress: where it writes, what it reuses, and what every shard shares."""

    corpus: CorpusReader
    staging: Path
    result: BuildResult
    previous: PreviousBuild | None
    shared: str = ""  # shards.shared_inputs
    specs: dict[str, TableSpec] = field(default_factory=dict)

    def spec(self, config: str) -> TableSpec:
        if config not in self.specs:
            self.specs[config] = table_spec(features_for(config, self.corpus.taxonomy))
        return self.specs[config]


def _write_all(corpus: CorpusReader, staging: Path, result: BuildResult, split_spec: str | None,
               previous: PreviousBuild | None) -> None:
    from .facts import finish_facts, merge_partials

    plan = _plan(corpus, split_spec)
    assignments = {d: plan.assign(d) for d in corpus.doc_ids()}
    result.assignments = assignments
    doc_splits = {d: a.split for d, a in assignments.items()}
    shards = plan_shards(doc_splits) if doc_splits else [Shard(DEFAULT_SPLIT, 0, 1)]
    for shard in shards:
        shard.folds = {d: assignments[d].fold for d in shard.doc_ids}
    run = _Run(corpus, staging, result, previous, shared_inputs(corpus, result.dataset_version))
    from ..progress import track

    partials = [_write_or_reuse(run, shard) for shard in track(shards, "build")]
    partials.append(_write_cross_document(run, doc_splits))
    _write_labels(run)
    result.facts = finish_facts(corpus, merge_partials(partials))
    result.counts = {config: Counter(dict(sorted(counts.items()))) for config, counts in sorted(result.counts.items())}


def _plan(corpus: CorpusReader, split_spec: str | None) -> SplitPlan:
    """``--split-by-document`` (every document by the hash rule) or the committed plan (``build/splits.py``)."""
    if not split_spec:
        return read_plan(corpus)
    seed, ratios = parse_split_spec(split_spec)
    return SplitPlan(seed, dict(ratios))


def _write_or_reuse(run: _Run, shard: Shard) -> Partial:
    """Copy the shard from the previous build when its inputs are unchanged, else write it; its partial facts."""
    shard.inputs = inputs_digest(run.corpus, shard, run.shared)
    previous, result = run.previous, run.result
    entries = reusable(previous.folder, shard, DOCUMENT_CONFIGS) if previous is not None else None
    if previous is None or entries is None:
        return _write_shard(run, shard)
    rows = entry_rows(entries)
    for path in copy_shard(previous.folder, run.staging, shard, DOCUMENT_CONFIGS):
        name = _name(path)
        result.files.append(path)
        result.file_rows[name] = rows[path.parent.name]
        if name in previous.digests:
            result.digests[name] = previous.digests[name]
    result.reused_shards += 1
    return _taken(result, shard, entries)


def _write_shard(run: _Run, shard: Shard) -> Partial:
    """Write the shard's files (keeping the rows of unchanged documents from the previous build)."""
    writers = {config: _writer(run, config, shard) for config in DOCUMENT_CONFIGS}
    kept = kept_rows(run.previous.folder, shard, DOCUMENT_CONFIGS) if run.previous is not None else None
    with abandoned_on_error(list(writers.values())):
        entries = write_documents(run.corpus, shard, writers, kept)
        for writer in writers.values():
            _close(writer, run.result)
    return _taken(run.result, shard, entries)


def _taken(result: BuildResult, shard: Shard, entries: list[Entry]) -> Partial:
    """Count the shard's rows and warnings into the result; its partial facts."""
    from .facts import merge_partials

    _add_counts(result, shard.split, entry_rows(entries))
    for entry in entries:
        result.warnings += entry_warnings(entry)
    return merge_partials(entry["facts"] for entry in entries)


def _write_cross_document(run: _Run, doc_splits: dict[str, str]) -> Partial:
    """Cross-document relations, gold in ``relations`` and the rest in ``review_relations``, each in the split of
    its head's document (so a relation never leaves the split of the document it starts in)."""
    from ..gold import Gold, split_gold
    from ..model import Relation, Span
    from .facts import relations_partial

    relations = run.corpus.cross_document().relations
    gold: Gold[Span, Relation] = split_gold([], relations)
    by_split: dict[str, dict[str, list[Relation]]] = {}
    for config, chosen in (("relations", gold.relations), ("review_relations", gold.other_relations)):
        for relation in chosen:
            split = doc_splits.get(relation.head_doc, DEFAULT_SPLIT)
            by_split.setdefault(split, {}).setdefault(config, []).append(relation)
    if not by_split:
        by_split[DEFAULT_SPLIT] = {}
    for split, configs in sorted(by_split.items()):
        cross = Shard(split, 0, 1)
        for config in ("relations", "review_relations"):
            writer = _writer(run, config, cross, suffix="-cross-document")
            with abandoned_on_error([writer]):
                for row in relation_rows(configs.get(config, [])):
                    writer.add(row)
                _close(writer, run.result)
            _add_counts(run.result, split, {config: writer.count})
    return relations_partial(relations)


def _write_labels(run: _Run) -> None:
    from .features import DOCUMENT_CONFIGS, LABELS_SPLIT
    from .tables import label_rows

    writer = _writer(run, "labels", Shard(LABELS_SPLIT, 0, 1))
    with abandoned_on_error([writer]):
        for row in label_rows({config: run.spec(config).features for config in DOCUMENT_CONFIGS}):
            writer.add(row)
        _close(writer, run.result)
    _add_counts(run.result, LABELS_SPLIT, {"labels": writer.count})


def _writer(run: _Run, config: str, shard: Shard, suffix: str = "") -> ConfigWriter:
    metadata = {**version_metadata(run.result.dataset_version, __version__), INPUTS_KEY: shard.inputs}
    return ConfigWriter(run.staging / "data" / config / shard.file_name(suffix), run.spec(config), metadata)


def _close(writer: ConfigWriter, result: BuildResult) -> None:
    writer.close()
    result.files.append(writer.path)
    result.file_rows[_name(writer.path)] = writer.count


def _name(path: Path) -> str:
    """A Parquet file's path in the build: ``data/<config>/<file>``."""
    return "/".join(path.parts[-3:])


def _add_counts(result: BuildResult, split: str, rows: dict[str, int]) -> None:
    for config, count in rows.items():
        counts = result.counts.setdefault(config, Counter())
        counts[split] += count


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by the finished ``staging`` folder; a reader never sees a half-written build."""
    out.parent.mkdir(parents=True, exist_ok=True)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        if not (out / "checksums.sha256").exists() and any(out.iterdir()):
            raise CorpusError(Problem(str(out), None, Code.UNSAFE_OUTPUT, "the folder exists and is not a build",
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
