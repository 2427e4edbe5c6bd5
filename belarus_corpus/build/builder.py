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
from .shard_tasks import PreviousBuild
from .shard_writer import abandoned_on_error, entry_rows, entry_warnings, write_documents
from .shards import INPUTS_KEY, Entry, Shard, copy_shard, inputs_digest, kept_rows, plan_shards, reusable, shared_inputs
from .splits import SplitPlan, read_plan
from .tables import relation_rows
from .writer import ConfigWriter, TableSpec, table_spec, version_metadata

if TYPE_CHECKING:
    from ..engine import EngineOptions
    from ..reader import CorpusReader
    from .facts_types import Partial
    from .shard_tasks import ShardDone, ShardJob

DEFAULT_SPLIT = "train"
SHARDS_PER_TASK = 4
ENGINE_MIN_SHARDS = 8
"""Below this many shards (about 400 documents) the local executor writes them in this process."""


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


def build(corpus: CorpusReader, out: Path, split_by_document: str | None = None, incremental: bool = True,
          workers: int | None = None, engine: EngineOptions | None = None) -> BuildResult:
    """Build ``out`` from the corpus; the shards are the engine's tasks (``engine``, or the local executor with
    ``workers`` processes). A killed build leaves a resumable folder beside ``out`` (``shard_tasks``)."""
    from ..engine import EngineOptions

    engine = engine or EngineOptions(workers=workers)
    out = out.resolve()
    if out == corpus.root or out in corpus.root.parents:
        raise UsageError(Problem(str(out), None, Code.UNSAFE_OUTPUT, "the build folder would contain the corpus",
                                 "choose an empty or dedicated folder, e.g. dist/belarus-corpus"))
    _refuse_source_folder(corpus, out)
    return _build(corpus, out, split_by_document, incremental, engine)


def _build(corpus: CorpusReader, out: Path, split_by_document: str | None, incremental: bool,
           engine: EngineOptions) -> BuildResult:
    """Plan, check, then write in the resumable folder (``shard_tasks``) and swap the result in. The folder is kept
    when the process is killed or a task fails on the executor, so the same build run again resumes; it is removed
    on success, on Ctrl-C and on a write error (the previous build is untouched either way)."""
    from .shard_tasks import claimed, remove_stale, work_folder

    result = BuildResult(out=out, dataset_version=dataset_version_of(corpus))
    run = _Run(corpus, Path(), result, _previous_build(out) if incremental else None,
               shared_inputs(corpus, result.dataset_version))
    shards, doc_splits = _plan_shards(run, split_by_document)
    _refuse_invalid(corpus, engine, _changed_documents(run, shards))
    work = work_folder(out, shards, f"{run.shared}\0{sorted(result.assignments.items())}")
    run.staging = staging = work / "build"
    try:
        remove_stale(out, work)
        with claimed(work, out):
            _write_all(run, shards, doc_splits, engine, work)
            from .release_files import write_release_files

            write_release_files(corpus, staging, result)
            _swap_in(staging, out)
            shutil.rmtree(work, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        if exc.errno is None:  # not a file system error (e.g. pyarrow failing to decode)
            raise
        from ..fsio import write_error  # disk full, read-only, permissions: the previous build is untouched

        raise write_error(out, exc) from exc
    except KeyboardInterrupt:
        shutil.rmtree(work, ignore_errors=True)
        raise
    result.files = [out / path.relative_to(staging) for path in result.files]
    return result


def _changed_documents(run: _Run, shards: list[Shard]) -> set[str] | None:
    """The documents whose inputs differ from those the previous build's rows were made from (None: no previous
    build). The others were checked when it was built, from the same files and taxonomy."""
    if run.previous is None:
        return None
    from .shards import FOOTER_CONFIG, stored_entries

    before: dict[str, str] = {}
    for shard in shards:
        stored = stored_entries(run.previous.folder / "data" / FOOTER_CONFIG / shard.file_name())
        before.update((str(e.get("doc_id")), str(e.get("inputs"))) for e in (stored[1] if stored else []))
    return {d for shard in shards for d, inputs in shard.doc_inputs.items() if before.get(d) != inputs}


def _refuse_invalid(corpus: CorpusReader, engine: EngineOptions | None = None,
                    documents: set[str] | None = None) -> None:
    """Build only what validates: an invalid record or a document without provenance stops it with the report.
    A stale DATASHEET.md does not (it is generated from the data, and not checked by the validate stage;
    ``release`` refuses it)."""
    from ..validate import validate
    from ..validate.report import summary

    blocking = validate(corpus.root, engine=engine, documents=documents)
    if not blocking.valid:
        raise CorpusError([*blocking.sorted_problems(), Problem(
            "<corpus>", None, Code.BUILD_REFUSED, f"not built: {summary(blocking)}",
            "fix the errors above (belarus-corpus validate lists them), then build again")])


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


def _plan_shards(run: _Run, split_spec: str | None) -> tuple[list[Shard], dict[str, str]]:
    """The shards (each with the digest of its inputs) and every document's split."""
    corpus, result = run.corpus, run.result
    plan = _plan(corpus, split_spec)
    assignments = {d: plan.assign(d) for d in corpus.doc_ids()}
    result.assignments = assignments
    doc_splits = {d: a.split for d, a in assignments.items()}
    shards = plan_shards(doc_splits) if doc_splits else [Shard(DEFAULT_SPLIT, 0, 1)]
    for shard in shards:
        shard.folds = {d: assignments[d].fold for d in shard.doc_ids}
        shard.inputs = inputs_digest(corpus, shard, run.shared)
    return shards, doc_splits


def _write_all(run: _Run, shards: list[Shard], doc_splits: dict[str, str], engine: EngineOptions,
               work: Path) -> None:
    from .facts import finish_facts, merge_partials

    partials = write_shards(run, shards, engine, work)
    partials.append(_write_cross_document(run, doc_splits))
    _write_labels(run)
    result = run.result
    result.facts = finish_facts(run.corpus, merge_partials(partials))
    result.counts = {config: Counter(dict(sorted(counts.items()))) for config, counts in sorted(result.counts.items())}


def _plan(corpus: CorpusReader, split_spec: str | None) -> SplitPlan:
    """``--split-by-document`` (every document by the hash rule) or the committed plan (``build/splits.py``)."""
    if not split_spec:
        return read_plan(corpus)
    seed, ratios = parse_split_spec(split_spec)
    return SplitPlan(seed, dict(ratios))


def write_shards(run: _Run, shards: list[Shard], engine: EngineOptions | None, work: Path) -> list[Partial]:
    """Every shard written or reused by the engine's tasks; their results merged into ``run.result`` in order."""
    from ..engine import Stage, run_stage
    from .shard_tasks import ShardJob, merge_done

    job = ShardJob(run.corpus, run.staging, run.result.dataset_version, run.shared, run.previous)
    stage: Stage[Shard, ShardDone] = Stage("build", build_task, SHARDS_PER_TASK, ENGINE_MIN_SHARDS)
    done: list[ShardDone] = run_stage(stage, shards, lambda _: (job,), engine, work_dir=work / "engine")
    partials = []
    for item in done:
        merge_done(run.result, item)
        partials.append(item.partial)
    return partials


def build_task(shards: list[Shard], job: ShardJob) -> list[ShardDone]:
    """Write or reuse each shard (files left by an interrupted attempt are replaced, never written into)."""
    from .shard_tasks import ShardDone

    done = []
    run = _Run(job.corpus, job.staging, BuildResult(out=job.staging, dataset_version=job.dataset_version),
               job.previous, job.shared)
    for shard in shards:
        for config in DOCUMENT_CONFIGS:
            (job.staging / "data" / config / shard.file_name()).unlink(missing_ok=True)
        result = run.result = BuildResult(out=job.staging, dataset_version=job.dataset_version)
        partial = _write_or_reuse(run, shard)
        done.append(ShardDone(partial, result.files, result.file_rows, result.digests,
                              {config: dict(counts) for config, counts in result.counts.items()},
                              result.warnings, result.reused_shards))
    return done


def _write_or_reuse(run: _Run, shard: Shard) -> Partial:
    """Copy the shard from the previous build when its inputs are unchanged, else write it; its partial facts."""
    if not shard.inputs:
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
