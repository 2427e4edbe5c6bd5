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
import resource
import sys
import time
from collections.abc import Callable, Iterator
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


def op_validate(root: Path) -> dict[str, Any]:
    from belarus_corpus.validate import validate

    def run() -> dict[str, Any]:
        report = validate(root)
        return {"valid": report.valid, "errors": len(report.errors), "problems": len(report.problems),
                "stats": dict(report.stats), "first_problems": [p.render() for p in report.sorted_problems()[:3]]}

    return measure(run)


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


def op_build(root: Path, out: Path, incremental: bool, without_croissant: bool) -> dict[str, Any]:
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

    def run() -> dict[str, Any]:
        result = corpus.build(out, **options)
        return {"counts": {k: dict(v) for k, v in result.counts.items()}, "warnings": len(result.warnings),
                "reused_shards": getattr(result, "reused_shards", None), "files": len(result.files),
                "has_incremental": has_incremental}

    try:
        return measure(run)
    except Exception as error:  # reported, not raised: the runner falls back and says so
        return {"error": f"{type(error).__name__}: {error}"[:600], "peak_rss_mb": round(peak_rss_mb(), 1)}


def floor_rows(root: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(config, row) for every row of every config, made by the library's own row functions."""
    from belarus_corpus import Corpus
    from belarus_corpus.build.tables import (
        DocumentBundle,
        document_row,
        paragraph_rows,
        relation_rows,
        span_rows,
        token_row,
    )

    corpus = Corpus(root)
    taxonomy = corpus.taxonomy
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        bundle = DocumentBundle(corpus.document(doc_id), content.spans, content.relations)
        yield "documents", document_row(bundle)
        for row in paragraph_rows(bundle):
            yield "paragraphs", row
        for row in span_rows(bundle, taxonomy):
            yield "spans", row
        for row in relation_rows(bundle.relations):
            yield "relations", row
        yield "tokens", token_row(bundle, taxonomy)
    for row in relation_rows(corpus.cross_document().relations):
        yield "relations", row


def op_floor_build(root: Path, out: Path) -> dict[str, Any]:
    """Rows exactly as the builder makes them, ClassLabels mapped with plain dicts, one ``write_table`` per config."""
    import datasets  # noqa: F401
    import pyarrow as pa
    import pyarrow.parquet as pq

    from belarus_corpus.build.features import CONFIGS, features_for
    from belarus_corpus.build.writer import row_encoder
    from belarus_corpus.taxonomy import load_taxonomy

    def run() -> dict[str, Any]:
        taxonomy = load_taxonomy(root)
        features = {config: features_for(config, taxonomy) for config in CONFIGS}
        # the builder's own label encoder: plain dicts of ClassLabel names to integers, built once per config
        encoders = {config: row_encoder(features[config]) for config in CONFIGS}
        rows: dict[str, list[dict[str, Any]]] = {config: [] for config in CONFIGS}
        began = time.perf_counter()
        for config, row in floor_rows(root):
            rows[config].append(encoders[config](row))
        rows_seconds = time.perf_counter() - began
        out.mkdir(parents=True, exist_ok=True)
        for config in CONFIGS:
            table = pa.Table.from_pylist(rows[config], schema=features[config].arrow_schema)
            pq.write_table(table, out / f"{config}.parquet", compression="zstd")
        return {"rows": {config: len(items) for config, items in rows.items()},
                "rows_seconds": round(rows_seconds, 4)}

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


def op_suggest(root: Path) -> dict[str, Any]:
    """The ``suggest`` runner end to end on every document of ``root`` (which it changes: pass a copy)."""
    from belarus_corpus import Corpus
    from belarus_corpus.annotate import suggesting
    from belarus_corpus.suggest import registry  # noqa: F401

    corpus = Corpus(root)
    megabytes = sum(p.stat().st_size for p in (root / "raw").glob("*.txt")) / 1e6

    def run() -> dict[str, Any]:
        report = suggesting.suggest(corpus)
        return {"proposed": sum(report.proposed.values()), "added": sum(report.added.values()),
                "relations_added": report.relations_added, "characters": report.characters}

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
    sub.add_parser("validate").add_argument("root", type=Path)
    sub.add_parser("floor-a").add_argument("root", type=Path)
    reference = sub.add_parser("reference-b")
    reference.add_argument("root", type=Path)
    reference.add_argument("--max-records", type=int, default=0)
    build = sub.add_parser("build")
    build.add_argument("root", type=Path)
    build.add_argument("out", type=Path)
    build.add_argument("--full", action="store_true", help="incremental=False when the builder has the option")
    build.add_argument("--without-croissant", action="store_true")
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
    sub.add_parser("suggest").add_argument("root", type=Path)
    sub.add_parser("datasheet").add_argument("root", type=Path)
    args = parser.parse_args(argv)
    os.environ.update(OFFLINE)
    if args.operation == "validate":
        result = op_validate(args.root)
    elif args.operation == "floor-a":
        result = op_floor_a(args.root)
    elif args.operation == "reference-b":
        result = op_reference_b(args.root, args.max_records)
    elif args.operation == "build":
        result = op_build(args.root, args.out, not args.full, args.without_croissant)
    elif args.operation == "floor-build":
        result = op_floor_build(args.root, args.out)
    elif args.operation == "load":
        result = op_load(args.kind, args.folder, args.config, args.cache)
    elif args.operation == "detectors":
        result = op_detectors(args.root, args.limit)
    elif args.operation == "suggest":
        result = op_suggest(args.root)
    else:
        result = op_datasheet(args.root)
    print(json.dumps(result, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
