"""One measurement in a fresh process: ``python -m benchmarks.probe OPERATION ARGS...``.

Prints one JSON object on the last line of stdout: ``seconds`` (wall time of the operation itself, measured
after the imports listed for it), ``cpu_seconds`` (this process and the worker processes it waited for),
``peak_rss_mb`` (``ru_maxrss`` of this process or its largest worker, at the end),
``rss_after_imports_mb`` (``VmHWM`` right before the operation) and operation-specific fields.
The runner (``python -m benchmarks``) starts one of these per measurement, so no run warms another's caches.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OFFLINE = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
           "TOKENIZERS_PARALLELISM": "false"}


def vm_hwm_mb() -> float:
    """Peak resident set size so far (``VmHWM`` of /proc/self/status), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """Peak RSS of this process or of the largest worker process it waited for (a pool's workers count too)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(operation: Callable[[], dict[str, Any] | None]) -> dict[str, Any]:
    """Wall and CPU time (user + system of this process and of the worker processes it waited for), peak RSS."""
    before = vm_hwm_mb()
    began, cpu_began, children_began = time.perf_counter(), time.process_time(), children_cpu_seconds()
    extra = operation() or {}
    seconds = time.perf_counter() - began
    own_cpu, children_cpu = time.process_time() - cpu_began, children_cpu_seconds() - children_began
    return {"seconds": round(seconds, 4), "cpu_seconds": round(own_cpu + children_cpu, 4),
            "worker_cpu_seconds": round(children_cpu, 4), "peak_rss_mb": round(peak_rss_mb(), 1),
            "rss_after_imports_mb": round(before, 1), **extra}


def store_files(root: Path) -> list[Path]:
    return sorted((root / "annotations").glob("*.jsonl"))


# ------------------------------------------------------------------------------------------------ validate


def op_validate(root: Path, with_datasheet: bool = False) -> dict[str, Any]:
    """``checks.validate_corpus(root)``, what ``belarus-corpus validate`` runs; with ``with_datasheet``, a
    DATASHEET.md with an empty generated block is put in the corpus first (removed afterwards), so validate
    computes the statistics to compare them (and reports the block as stale: only that problem is expected)."""
    from belarus_corpus.checks import validate_corpus as validate  # what `belarus-corpus validate` runs
    from belarus_corpus.datasheet import BEGIN, DATASHEET, END

    datasheet = root / DATASHEET
    if with_datasheet:
        datasheet.write_text(f"# Datasheet\n\n{BEGIN}\n{END}\n", encoding="utf-8")

    def run() -> dict[str, Any]:
        report = validate(root)
        return {"valid": report.valid, "errors": len(report.errors), "problems": len(report.problems),
                "codes": sorted({p.code for p in report.problems}), "stats": dict(report.stats),
                "first_problems": [p.render() for p in report.sorted_problems()[:3]]}

    try:
        return measure(run)
    finally:
        if with_datasheet:
            datasheet.unlink()


def _schemas(root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    from belarus_corpus.schemagen import relation_schema, span_schema
    from belarus_corpus.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(root)
    return span_schema(taxonomy), relation_schema(taxonomy)


def op_floor_a(root: Path) -> dict[str, Any]:
    """orjson parses every line of every store; jsonschema_rs validates each record against the same schemas."""
    import jsonschema_rs
    import orjson

    def run() -> dict[str, Any]:
        span, relation = _schemas(root)
        validators = {"span": jsonschema_rs.validator_for(span), "relation": jsonschema_rs.validator_for(relation)}
        records = invalid = 0
        for path in store_files(root):
            with path.open("rb") as handle:
                for line in handle:
                    record = orjson.loads(line)
                    if not validators["relation" if record.get("kind") == "relation" else "span"].is_valid(record):
                        invalid += 1
                    records += 1
        return {"records": records, "invalid": invalid}

    return measure(run)


def op_reference_b(root: Path, max_records: int) -> dict[str, Any]:
    """What check-jsonschema does, file by file: build a Draft 2020-12 validator, json-load, collect all errors.

    Stops after the store that reaches ``max_records`` records (0: no limit) and extrapolates to every record of
    the corpus by count (the cost per record does not depend on the position in the corpus).
    """
    import jsonschema

    def run() -> dict[str, Any]:
        span, relation = _schemas(root)
        files = store_files(root)
        records = errors = files_done = 0
        for path in files:
            validators = {"span": jsonschema.Draft202012Validator(span),
                          "relation": jsonschema.Draft202012Validator(relation)}
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    kind = "relation" if record.get("kind") == "relation" else "span"
                    errors += sum(1 for _ in validators[kind].iter_errors(record))
                    records += 1
            files_done += 1
            if max_records and records >= max_records:
                break
        return {"records_checked": records, "files_checked": files_done, "files": len(files), "errors": errors}

    result = measure(run)
    total = count_records(root)
    result["records_total"] = total
    result["measured_seconds"] = result["seconds"]
    if result["records_checked"] < total:
        scale = total / max(1, result["records_checked"])
        result["seconds"] = round(result["seconds"] * scale, 4)
        result["cpu_seconds"] = round(result["cpu_seconds"] * scale, 4)
        result["extrapolated"] = True
    return result


def count_records(root: Path) -> int:
    total = 0
    for path in store_files(root):
        with path.open("rb") as handle:
            total += sum(1 for _ in handle)
    return total


# ------------------------------------------------------------------------------------------------ build


def _block_croissant() -> None:
    sys.modules["belarus_corpus.build.croissant"] = None  # type: ignore[assignment]


def op_build(root: Path, out: Path, incremental: bool, without_croissant: bool,
             workers: int | None = None) -> dict[str, Any]:
    import inspect

    import datasets  # noqa: F401  (imported before the clock starts, as in the floor)
    import pyarrow.parquet  # noqa: F401

    from belarus_corpus import Corpus
    from belarus_corpus.build import builder

    if without_croissant:
        _block_croissant()
    corpus = Corpus(root)
    options: dict[str, Any] = {}
    has_incremental = "incremental" in inspect.signature(builder.build).parameters
    if has_incremental:
        options["incremental"] = incremental
    if workers is not None:
        if "workers" not in inspect.signature(builder.build).parameters:
            return {"error": "the builder has no workers option (it runs in one process)"}
        options["workers"] = workers

    def run() -> dict[str, Any]:
        result = corpus.build(out, **options)
        return {"counts": {k: dict(v) for k, v in result.counts.items()}, "warnings": len(result.warnings),
                "reused_shards": getattr(result, "reused_shards", None), "files": len(result.files),
                "has_incremental": has_incremental}

    try:
        return measure(run)
    except Exception as error:  # reported, not raised: the runner falls back and says so
        return {"error": f"{type(error).__name__}: {error}"[:600], "peak_rss_mb": round(peak_rss_mb(), 1)}


def op_floor_build(root: Path, out: Path) -> dict[str, Any]:
    """An independent floor: DuckDB reads the same JSONL stores (cross-document store included), raw texts and
    provenance records and writes them as Parquet (zstd), with its default schema inference and thread count;
    nothing of ours is imported."""
    import duckdb

    def run() -> dict[str, Any]:
        out.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect()
        sources = {
            "annotations": f"read_json('{root}/annotations/*.jsonl')",
            "texts": f"read_text('{root}/raw/*.txt')",
            "provenance": f"read_json('{root}/raw/*.provenance.json')",
        }
        rows = {}
        for name, source in sources.items():
            target = out / f"{name}.parquet"
            connection.execute(f"COPY (SELECT * FROM {source}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
            rows[name] = connection.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()[0]
        threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]
        connection.close()
        return {"rows": rows, "threads": threads, "duckdb": duckdb.__version__}

    return measure(run)


# ------------------------------------------------------------------------------------------------ load_dataset


def op_load(kind: str, folder: Path, config: str, cache: Path) -> dict[str, Any]:
    os.environ.update(OFFLINE)
    import datasets

    datasets.disable_progress_bars()

    def run() -> dict[str, Any]:
        if kind == "ours":
            loaded = datasets.load_dataset(str(folder), config, cache_dir=str(cache))
        else:
            files = sorted(str(p) for p in (folder / "data" / config).glob("*.parquet"))
            loaded = datasets.load_dataset("parquet", data_files={"train": files}, cache_dir=str(cache))
        return {"rows": {split: data.num_rows for split, data in loaded.items()}}

    return measure(run)


# ------------------------------------------------------------------------------------------------ suggest


def op_detectors(root: Path, limit: int) -> dict[str, Any]:
    """Every registered detector over ``DocumentView``s of the first ``limit`` documents (no store writes)."""
    from belarus_corpus import Corpus
    from belarus_corpus.annotate.detecting import view_of
    from belarus_corpus.suggest import registry

    corpus = Corpus(root)
    began = time.perf_counter()
    views = [view_of(corpus.document(doc_id)) for doc_id in corpus.doc_ids()[:limit]]
    view_seconds = time.perf_counter() - began
    megabytes = sum(len(view.text.encode("utf-8")) for view in views) / 1e6
    per_detector: dict[str, float] = {}

    def run() -> dict[str, Any]:
        proposals = 0
        for name, detector in registry.DETECTORS.items():
            started = time.perf_counter()
            for view in views:
                proposals += sum(1 for _ in detector.detect(view))
            per_detector[name] = round(time.perf_counter() - started, 4)
        for name, corpus_detector in registry.CORPUS_DETECTORS.items():
            started = time.perf_counter()
            proposals += len(corpus_detector.detect_corpus(views).proposals)
            per_detector[name] = round(time.perf_counter() - started, 4)
        return {"proposals": proposals}

    result = measure(run)
    result.update(megabytes=round(megabytes, 3), documents=len(views), view_seconds=round(view_seconds, 4),
                  per_detector=per_detector, mb_per_s=round(megabytes / result["seconds"], 3))
    return result


def op_suggest(root: Path, workers: int | None) -> dict[str, Any]:
    """The ``suggest`` runner end to end on every document of ``root`` (which it changes: pass a copy)."""
    from belarus_corpus import Corpus
    from belarus_corpus.annotate import suggesting
    from belarus_corpus.suggest import registry  # noqa: F401

    corpus = Corpus(root)
    megabytes = sum(p.stat().st_size for p in (root / "raw").glob("*.txt")) / 1e6

    def run() -> dict[str, Any]:
        report = suggesting.suggest(corpus, workers=workers)
        return {"proposed": sum(report.proposed.values()), "added": sum(report.added.values()),
                "relations_added": report.relations_added, "characters": report.characters}

    result = measure(run)
    result.update(megabytes=round(megabytes, 3), mb_per_s=round(megabytes / result["seconds"], 3), workers=workers)
    return result


def hedge_floor_regex() -> re.Pattern[str]:
    """One regular expression of every phrase of the hedge lexicon (cues and approximators), longest first,
    case-insensitive, on word boundaries; a space in a phrase matches any white space."""
    from belarus_corpus.suggest import __file__ as suggest_init

    table = json.loads((Path(suggest_init).parent / "data" / "hedges.json").read_text(encoding="utf-8"))
    phrases = {p for group in table["cues"].values() for p in group} | set(table["figure_bound_approximators"])
    alternatives = [re.escape(p).replace("\\ ", r"\s+") for p in sorted(phrases, key=lambda p: (-len(p), p))]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def op_floor_suggest(root: Path, records: int, out: Path) -> dict[str, Any]:
    """The suggest floor: read and normalize the same texts (BOM, line ends, NFC: the stdlib), one compiled regex
    of the hedge lexicon over them, and ``records`` span-like records written as JSON lines (cycling over the
    matches when there are fewer)."""
    import unicodedata

    import orjson

    paths = sorted((root / "raw").glob("*.txt"))
    megabytes = sum(p.stat().st_size for p in paths) / 1e6

    def run() -> dict[str, Any]:
        pattern = hedge_floor_regex()
        found: list[dict[str, Any]] = []
        for path in paths:
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
            text = unicodedata.normalize("NFC", text.replace("\r", "\n"))
            doc_id = path.name.removesuffix(".txt")
            found += ({"doc_id": doc_id, "layer": "claim", "type": "hedge", "start": m.start(), "end": m.end(),
                       "text": m.group(), "status": "suggested"} for m in pattern.finditer(text))
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            for index in range(records):
                handle.write(orjson.dumps(found[index % len(found)] if found else {}) + b"\n")
        return {"matches": len(found), "records": records}

    result = measure(run)
    result.update(megabytes=round(megabytes, 3), mb_per_s=round(megabytes / result["seconds"], 3))
    return result


# ------------------------------------------------------------------------------------------------ datasheet


def op_datasheet(root: Path) -> dict[str, Any]:
    """What validate's stale-datasheet check computes when the corpus has a DATASHEET.md."""
    from belarus_corpus import Corpus
    from belarus_corpus.datasheet import generated_block

    corpus = Corpus(root)

    def run() -> dict[str, Any]:
        return {"block_bytes": len(generated_block(corpus).encode("utf-8"))}

    return measure(run)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.probe")
    sub = parser.add_subparsers(dest="operation", required=True)
    validate = sub.add_parser("validate")
    validate.add_argument("root", type=Path)
    validate.add_argument("--with-datasheet", action="store_true")
    sub.add_parser("floor-a").add_argument("root", type=Path)
    reference = sub.add_parser("reference-b")
    reference.add_argument("root", type=Path)
    reference.add_argument("--max-records", type=int, default=0)
    build = sub.add_parser("build")
    build.add_argument("root", type=Path)
    build.add_argument("out", type=Path)
    build.add_argument("--full", action="store_true", help="incremental=False when the builder has the option")
    build.add_argument("--without-croissant", action="store_true")
    build.add_argument("--workers", type=int)
    floor = sub.add_parser("floor-build")
    floor.add_argument("root", type=Path)
    floor.add_argument("out", type=Path)
    load = sub.add_parser("load")
    load.add_argument("kind", choices=["ours", "parquet"])
    load.add_argument("folder", type=Path)
    load.add_argument("config")
    load.add_argument("cache", type=Path)
    detectors = sub.add_parser("detectors")
    detectors.add_argument("root", type=Path)
    detectors.add_argument("--limit", type=int, default=10**9)
    suggest = sub.add_parser("suggest")
    suggest.add_argument("root", type=Path)
    suggest.add_argument("--workers", type=int)
    floor_suggest = sub.add_parser("floor-suggest")
    floor_suggest.add_argument("root", type=Path)
    floor_suggest.add_argument("records", type=int)
    floor_suggest.add_argument("out", type=Path)
    sub.add_parser("datasheet").add_argument("root", type=Path)
    args = parser.parse_args(argv)
    os.environ.update(OFFLINE)
    if args.operation == "validate":
        result = op_validate(args.root, args.with_datasheet)
    elif args.operation == "floor-a":
        result = op_floor_a(args.root)
    elif args.operation == "reference-b":
        result = op_reference_b(args.root, args.max_records)
    elif args.operation == "build":
        result = op_build(args.root, args.out, not args.full, args.without_croissant, args.workers)
    elif args.operation == "floor-build":
        result = op_floor_build(args.root, args.out)
    elif args.operation == "load":
        result = op_load(args.kind, args.folder, args.config, args.cache)
    elif args.operation == "detectors":
        result = op_detectors(args.root, args.limit)
    elif args.operation == "suggest":
        result = op_suggest(args.root, args.workers)
    elif args.operation == "floor-suggest":
        result = op_floor_suggest(args.root, args.records, args.out)
    else:
        result = op_datasheet(args.root)
    print(json.dumps(result, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
