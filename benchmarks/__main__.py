"""``python -m benchmarks [--quick]``: every benchmark of the issue "Performance at corpus scale".

For each operation it prints our time, a floor measured in the same run on the same data, their ratio and the
target, and writes everything to ``benchmarks/out/results.json`` (``results-quick.json`` with ``--quick``).
Every measurement runs in a fresh subprocess (``benchmarks.probe``), which also reports its peak RSS and its CPU
time; the CPU-time ratio is printed beside the wall-time ratio because other work on the machine inflates wall
time but hardly CPU time. Corpora come from ``benchmarks.generate`` and are cached under ``benchmarks/out/corpora/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .generate import OUT, cached_corpus, generate

REPO = Path(__file__).resolve().parent.parent
PROBE_ENV = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
             "PYTHONHASHSEED": "0"}


@dataclass(frozen=True)
class Plan:
    """Sizes of one run. ``validate``/``build`` are the 10× sizes; the 1× sizes are a tenth of them."""

    name: str
    validate: tuple[int, int]
    build: tuple[int, int]
    reference_records: int
    detector_docs: int
    suggest_docs: int
    cli_runs: int
    budget_seconds: float
    load_configs: tuple[str, ...] = ("spans",)
    guard: bool = True  # measure at 1× only when the 10× run would not fit the budget
    datasheet: bool = True
    seed: int = 0

    @staticmethod
    def tenth(size: tuple[int, int]) -> tuple[int, int]:
        return max(1, size[0] // 10), max(1, size[1] // 10)


FULL = Plan("full", validate=(10_000, 1_000_000), build=(1_000, 100_000), reference_records=10_000,
            detector_docs=500, suggest_docs=500, cli_runs=15, budget_seconds=600)
QUICK = Plan("quick", validate=(40, 4_000), build=(20, 2_000), reference_records=1_000, detector_docs=20,
             suggest_docs=10, cli_runs=3, budget_seconds=60, guard=False, datasheet=False)


@dataclass
class Row:
    operation: str
    size: str
    ours: float | None
    floor: float | None
    floor_name: str
    unit: str = "s"
    target: str = ""
    limit: float | None = None  # ratio ≤ limit (or < limit when strict); for MB/s: ours ≥ limit
    strict: bool = False
    ours_cpu: float | None = None
    floor_cpu: float | None = None
    ratio: float | None = None
    cpu_ratio: float | None = None
    met: bool | None = None
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def finish(self) -> Row:
        if self.ours is not None and self.floor:
            self.ratio = round(self.ours / self.floor, 3)
        if self.ours_cpu is not None and self.floor_cpu:
            self.cpu_ratio = round(self.ours_cpu / self.floor_cpu, 3)
        if self.limit is not None:
            if self.unit == "MB/s":
                self.met = self.ours is not None and self.ours >= self.limit
            elif self.ratio is not None:
                self.met = self.ratio < self.limit if self.strict else self.ratio <= self.limit
            else:
                self.met = False
        for name, result in self.details.items():
            if isinstance(result, dict) and result.get("error"):
                self.notes.append(f"{name} FAILED: {result['error']}")
        return self


def _size(docs: int, spans: int) -> str:
    return f"{docs:,} docs / {spans:,} spans"


class Runner:
    def __init__(self, plan: Plan, out: Path) -> None:
        self.plan = plan
        self.out = out
        self.work = out / "work" / plan.name
        self.began = time.perf_counter()
        self.deadline = self.began + plan.budget_seconds
        self.rows: list[Row] = []
        self.rss: list[dict[str, Any]] = []
        self.corpora: dict[str, dict[str, Any]] = {}
        self.log: list[str] = []
        self.load_before = os.getloadavg()

    # ----------------------------------------------------------------------------------------------- helpers

    def say(self, message: str) -> None:
        line = f"[{time.perf_counter() - self.began:6.1f}s] {message}"
        self.log.append(line)
        print(line, file=sys.stderr, flush=True)

    def remaining(self) -> float:
        return self.deadline - time.perf_counter()

    def probe(self, *args: str) -> dict[str, Any]:
        env = {**os.environ, **PROBE_ENV, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
        began = time.perf_counter()
        timeout = max(120.0, self.remaining() + 300)
        try:
            done = subprocess.run([sys.executable, "-m", "benchmarks.probe", *args], cwd=REPO, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s"}
        wall = time.perf_counter() - began
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            error = (done.stderr.strip().splitlines() or ["no output"])[-1][:500]
            self.say(f"probe {args[0]} failed: {error}")
            return {"error": error, "process_seconds": round(wall, 3)}
        result: dict[str, Any] = json.loads(lines[-1])
        result["process_seconds"] = round(wall, 3)
        return result

    def corpus(self, docs: int, spans: int) -> Path:
        key = f"n{docs}-m{spans}"
        if key in self.corpora:
            return Path(self.corpora[key]["root"])
        self.say(f"corpus {_size(docs, spans)} ...")
        root, info = cached_corpus(docs, spans, self.plan.seed, self.out)
        self.corpora[key] = {"root": str(root), "cached": info["cached"], "generation_seconds": info["seconds"],
                             "text_mb": round(info["text_bytes"] / 1e6, 2),
                             "annotations_mb": round(info["annotation_bytes"] / 1e6, 2),
                             "cross_document_relations": info["cross_document_relations"]}
        self.say(f"corpus {_size(docs, spans)}: {'cached' if info['cached'] else 'generated'} "
                 f"({info['seconds']} s to generate)")
        return root

    def add(self, row: Row) -> Row:
        self.rows.append(row.finish())
        shown = "n/a" if row.ours is None else f"{row.ours:.3f} {row.unit}"
        self.say(f"{row.operation} [{row.size}]: {shown}, floor {row.floor}, ratio {row.ratio}, cpu {row.cpu_ratio}")
        return row

    def compare(self, operation: str, size: str, ours: dict[str, Any], floor: dict[str, Any], floor_name: str,
                target: str, limit: float | None, notes: list[str], strict: bool = False) -> Row:
        return self.add(Row(operation, size, ours.get("seconds"), floor.get("seconds"), floor_name, target=target,
                            limit=limit, strict=strict, ours_cpu=ours.get("cpu_seconds"),
                            floor_cpu=floor.get("cpu_seconds"), notes=notes, details={"ours": ours, "floor": floor}))

    # ----------------------------------------------------------------------------------------------- run

    def run(self) -> dict[str, Any]:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        v10 = self.corpus(*self.plan.validate)
        v1 = self.corpus(*Plan.tenth(self.plan.validate))
        b10 = self.corpus(*self.plan.build)
        b1 = self.corpus(*Plan.tenth(self.plan.build))
        generated = sum(c["generation_seconds"] for c in self.corpora.values() if not c["cached"])
        self.say(f"corpora ready ({generated:.1f} s of generation in this run)")
        self.cli()
        # The 1× runs first: they also tell whether the 10× runs fit the time budget (validate 10× first).
        v_first = self.probe("validate", str(v1))
        self.check_valid(v_first, v1)
        a_first = self.probe("floor-a", str(v1))
        b_first, b_notes = self.run_build(b1, self.work / "build-1x")
        validate_10x = 13 * (v_first.get("seconds", 60) + a_first.get("seconds", 10)) + 15
        build_10x = 11 * b_first.get("seconds", 60) * 2.3  # build, floor, incremental rebuild
        rest = 90  # load_dataset, suggest, detectors
        big_validate = not self.plan.guard or validate_10x + 4 * b_first.get("seconds", 60) + rest < self.remaining()
        big_build = not self.plan.guard or (validate_10x if big_validate else 15) + build_10x + rest < self.remaining()
        self.say(f"estimates: validate 10× {validate_10x:.0f} s, build 10× {build_10x:.0f} s; "
                 f"{self.remaining():.0f} s left: validate at 10× {big_validate}, build at 10× {big_build}")
        self.validate(v1, v10, v_first, a_first, big_validate)
        build_dir = self.build(b1, b10, b_first, b_notes, big_build)
        self.load_dataset(build_dir)
        self.suggest(v1)
        self.datasheet(b1, b10)
        return self.results()

    def cli(self) -> None:
        script = Path(sys.executable).parent / "belarus-corpus"
        command = [str(script)] if script.exists() else [
            sys.executable, "-c", "from belarus_corpus.cli import main; main()"]
        empty = self.work / "empty-corpus"
        generate(empty, 0, 0, self.plan.seed, workers=1)
        env = {**os.environ, **PROBE_ENV}
        commands = {"click": [sys.executable, "-c", "import click"], "python": [sys.executable, "-c", "pass"],
                    "help": [*command, "--help"], "validate": [*command, "validate", "--root", str(empty)]}
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        errors: dict[str, str] = {}
        for _ in range(self.plan.cli_runs):  # interleaved, so that load from elsewhere hits every command alike
            for name, args in commands.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                began = time.perf_counter()
                done = subprocess.run(args, env=env, capture_output=True, cwd=self.work)
                walls[name].append(time.perf_counter() - began)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                if done.returncode != 0:
                    errors[name] = f"{' '.join(args[1:])} exited {done.returncode}: {done.stderr.decode()[-300:]}"
        best: dict[str, dict[str, Any]] = {
            name: {"seconds": round(min(walls[name]), 4), "cpu_seconds": round(min(cpus[name]), 4),
                   "runs": [round(w, 4) for w in walls[name]]} for name in commands}
        for name, error in errors.items():
            best[name]["error"] = error
        notes = [f"best of {self.plan.cli_runs} interleaved runs, subprocess wall time (CPU: user+sys of the child); "
                 f"bare `python -c pass` takes {best['python']['seconds']} s"]
        self.compare("cli --help", "-", best["help"], best["click"], "python -c 'import click'", "≤ 2× floor", 2.0,
                     notes)
        self.compare("cli validate (empty corpus)", "0 docs", best["validate"], best["click"],
                     "python -c 'import click'", "(no target)", None, list(notes))

    def validate(self, v1: Path, v10: Path, first: dict[str, Any], floor_first: dict[str, Any], big: bool) -> None:
        small, large = Plan.tenth(self.plan.validate), self.plan.validate
        rss_large: dict[str, Any] | None = None
        if not big:
            self.say(f"validate at {_size(*large)} does not fit the time budget: measuring at {_size(*small)} only")
            ours, floor, root, size = first, floor_first, v1, small
        else:
            ours = self.probe("validate", str(v10))
            self.check_valid(ours, v10)
            floor = self.probe("floor-a", str(v10))
            root, size, rss_large = v10, large, ours
        label = _size(*size)
        notes = ["ours: belarus_corpus.validate.validate(root) in a fresh process (imports before the clock); "
                 "besides the schema it checks provenance, raw hashes, offsets and text against the normalized "
                 "document, ids, order, relations and cross-document endpoints; it checks the documents with one "
                 f"worker process per CPU ({os.cpu_count()} here), so its wall time is compared with a floor that "
                 "uses one process, and its CPU time (the cpu ratio column: main process plus workers) with the "
                 "floor's",
                 "floor A: orjson.loads of every line of every store + jsonschema_rs is_valid against "
                 "schemagen.span_schema/relation_schema (validators compiled inside the clock)",
                 f"at {_size(*small)}: ours {first.get('seconds')} s, floor A {floor_first.get('seconds')} s"]
        if size != large:
            notes.append(f"the target size {_size(*large)} did not fit the time budget")
        self.compare("validate", label, ours, floor, "A: orjson + jsonschema_rs", "≤ 3× floor A", 3.0, notes)
        reference = self.probe("reference-b", str(root), "--max-records", str(self.plan.reference_records))
        ref_notes = ["reference B: jsonschema.Draft202012Validator made per store file (as check-jsonschema does "
                     "per file), json.loads per line, every error collected with iter_errors"]
        if reference.get("extrapolated"):
            checked, total = reference["records_checked"], reference["records_total"]
            ref_notes.append(f"B measured on the first {checked:,} of {total:,} records "
                             f"({reference['measured_seconds']} s) and extrapolated by record count")
        self.compare("validate vs reference B", label, ours, reference, "B: jsonschema, check-jsonschema style",
                     "< 1× (faster than B)", 1.0, ref_notes, strict=True)
        self.rss_row("validate", first, rss_large, small, large)

    def check_valid(self, result: dict[str, Any], root: Path) -> None:
        if result.get("error") or not result.get("valid", False):
            raise RuntimeError(f"the generated corpus at {root} does not validate: "
                               f"{result.get('error') or result.get('first_problems')}")

    def rss_row(self, operation: str, small: dict[str, Any], large: dict[str, Any] | None,
                small_size: tuple[int, int], large_size: tuple[int, int]) -> None:
        entry: dict[str, Any] = {"operation": operation, "size_1x": _size(*small_size), "size_10x": _size(*large_size),
                                 "peak_rss_mb_1x": small.get("peak_rss_mb"),
                                 "rss_after_imports_mb_1x": small.get("rss_after_imports_mb"),
                                 "peak_rss_mb_10x": None, "rss_after_imports_mb_10x": None, "ratio": None,
                                 "target": "peak at 10× ≤ 1.5× peak at 1×", "met": None}
        if large is not None and large.get("peak_rss_mb") and small.get("peak_rss_mb"):
            entry.update(peak_rss_mb_10x=large["peak_rss_mb"], rss_after_imports_mb_10x=large["rss_after_imports_mb"],
                         ratio=round(large["peak_rss_mb"] / small["peak_rss_mb"], 3))
            entry["met"] = entry["ratio"] <= 1.5
        self.rss.append(entry)
        notes = [f"each in a fresh process (ru_maxrss); RSS after imports: {entry['rss_after_imports_mb_1x']} MB "
                 f"at 1×, {entry['rss_after_imports_mb_10x']} MB at 10×"]
        if large is None:
            notes.append("the 10× size did not fit the time budget")
        self.add(Row(f"peak RSS {operation}", f"{entry['size_10x']} vs {entry['size_1x']}", entry["peak_rss_mb_10x"],
                     entry["peak_rss_mb_1x"], "peak RSS at 1×", unit="MB", target="≤ 1.5×", limit=1.5, notes=notes))

    def build(self, b1: Path, b10: Path, first: dict[str, Any], first_notes: list[str], big: bool) -> Path:
        small, large = Plan.tenth(self.plan.build), self.plan.build
        copy = self.work / "corpus-edit"
        out = self.work / "build-10x"
        rss_large: dict[str, Any] | None = None
        if not big:
            self.say(f"build at {_size(*large)} does not fit the time budget: measuring at {_size(*small)} only")
            shutil.copytree(b1, copy)
            large = small
            ours, notes = self.run_build(copy, out)
        else:
            shutil.copytree(b10, copy)
            ours, notes = self.run_build(copy, out)
            rss_large = ours
        notes += first_notes
        floor = self.probe("floor-build", str(copy), str(self.work / "floor-build"))
        notes = ["ours: Corpus.build(out, incremental=False) into a new folder, datasets and pyarrow imported before "
                 "the clock; includes the card (release facts), Croissant, checksums, shard digests, staging swap",
                 "floor: the same documents and stores read with Corpus.document/annotations, rows made by "
                 "build.tables (document_row, paragraph_rows, span_rows, relation_rows, token_row), ClassLabel "
                 "strings mapped to ints with plain dicts, then per config one "
                 "pa.Table.from_pylist(rows, schema=features.arrow_schema) + pq.write_table(zstd); no "
                 "Features.encode_example, no metadata, card, Croissant, checksums or sharding",
                 f"floor split: {floor.get('rows_seconds')} s reading documents + making rows, the rest "
                 "Arrow conversion and writing", f"at {_size(*small)}: ours {first.get('seconds')} s", *notes]
        self.compare("build", _size(*large), ours, floor, "pyarrow write_table of the same rows", "≤ 2× floor", 2.0,
                     notes)
        self.rss_row("build", first, rss_large, small, large)
        self.incremental(copy, out, ours, large)
        return out

    def run_build(self, root: Path, out: Path) -> tuple[dict[str, Any], list[str]]:
        result = self.probe("build", str(root), str(out), "--full")
        notes: list[str] = []
        if "error" in result:
            notes.append(f"THE FULL BUILD FAILED at this size: {result['error'][:300]} — the time shown is a build "
                         "with belarus_corpus.build.croissant blocked (the card and checksums are still written)")
            shutil.rmtree(out, ignore_errors=True)
            result = self.probe("build", str(root), str(out), "--full", "--without-croissant")
            result["full_build_error"] = notes[0]
        return result, notes

    def incremental(self, corpus_root: Path, out: Path, full: dict[str, Any], size: tuple[int, int]) -> None:
        if not full.get("has_incremental"):
            self.compare("incremental rebuild", _size(*size), full, full, "full build", "≤ 0.10× full", 0.10,
                         ["the builder has no incremental mode: a rebuild is a full build"])
            return
        edited = edit_one_document(corpus_root)
        args = ["build", str(corpus_root), str(out)]
        if "full_build_error" in full:
            args.append("--without-croissant")
        rebuild = self.probe(*args)
        shards = len(list((out / "data" / "documents").glob("*.parquet"))) if out.exists() else None
        notes = [f"edited {edited} (one span added with annotate.operations.add_spans), then Corpus.build(out) "
                 f"again (incremental=True): {rebuild.get('reused_shards')} of {shards} document shards reused",
                 "floor = the full build of the same corpus (row 'build')"]
        self.compare("incremental rebuild", _size(*size), rebuild, full, "full build", "≤ 0.10× full", 0.10, notes)

    def load_dataset(self, build_dir: Path) -> None:
        for config in self.plan.load_configs:
            ours = self.probe("load", "ours", str(build_dir), config, str(self.work / f"hf-cache-ours-{config}"))
            floor = self.probe("load", "parquet", str(build_dir), config, str(self.work / f"hf-cache-pq-{config}"))
            self.compare(f"load_dataset {config}", _size(*self.plan.build), ours, floor,
                         'load_dataset("parquet", data_files=same files)', "(no target)", None,
                         [f"load_dataset(DIR, {config!r}) vs the same Parquet files; fresh cache dirs, offline, "
                          f"datasets imported before the clock; rows {ours.get('rows')}"])

    def suggest(self, v1: Path) -> None:
        detectors = self.probe("detectors", str(v1), "--limit", str(self.plan.detector_docs))
        self.add(Row("suggest detectors", f"{detectors.get('documents')} docs / {detectors.get('megabytes')} MB",
                     detectors.get("mb_per_s"), None, "-", unit="MB/s", target="≥ 5 MB/s", limit=5.0,
                     ours_cpu=detectors.get("cpu_seconds"),
                     notes=["one process: every registry.DETECTORS detector on each DocumentView, then every "
                            "CORPUS_DETECTORS detector on all views; views made beforehand "
                            f"({detectors.get('view_seconds')} s, not counted); text MB = UTF-8 bytes",
                            "seconds per detector: " + json.dumps(detectors.get("per_detector"))],
                     details={"ours": detectors}))
        subset = self.work / "suggest-corpus"
        copy_subset(v1, subset, self.plan.suggest_docs)
        runner = self.probe("suggest", str(subset))
        self.add(Row("suggest (runner, end to end)", f"{self.plan.suggest_docs} docs / {runner.get('megabytes')} MB",
                     runner.get("mb_per_s"), None, "-", unit="MB/s", target="≥ 5 MB/s", limit=5.0,
                     ours_cpu=runner.get("cpu_seconds"),
                     notes=["annotate.suggesting.suggest(corpus) on a copy of documents with their stores, with one "
                            f"worker process per CPU ({os.cpu_count()} here): views for the corpus detectors, then per "
                            "document the detectors, spans made and checked, the store read, merged and rewritten "
                            f"(fsync'd); {runner.get('added')} spans and {runner.get('relations_added')} relations "
                            f"added; CPU {runner.get('cpu_seconds')} s in all"],
                     details={"ours": runner}))

    def datasheet(self, b1: Path, b10: Path) -> None:
        name = "validate's datasheet check"
        sizes = f"{_size(*self.plan.build)} vs {_size(*Plan.tenth(self.plan.build))}"
        if not self.plan.datasheet:
            self.add(Row(name, sizes, None, None, "-", target="(no target)", notes=["not measured in --quick mode"]))
            return
        small = self.probe("datasheet", str(b1))
        if self.plan.guard and 15 * small.get("seconds", 0) > self.remaining() - 10:
            self.add(Row(name, sizes, None, None, "-", target="(no target)", notes=["did not fit the time budget"]))
            return
        large = self.probe("datasheet", str(b10))
        self.compare(name, sizes, large, small, "the same at 1×", "(no target; 10× the data)", None,
                     ["datasheet.generated_block(corpus), which validate recomputes when DATASHEET.md exists "
                      "(the synthetic corpora have none, so the validate rows do not include it); block "
                      f"{small.get('block_bytes')} → {large.get('block_bytes')} bytes; it reads every document and "
                      "store three times (stats.corpus_stats, and release.facts.corpus_facts twice)"])

    # ----------------------------------------------------------------------------------------------- output

    def results(self) -> dict[str, Any]:
        total = time.perf_counter() - self.began
        return {"mode": self.plan.name, "machine": machine(), "plan": asdict(self.plan), "corpora": self.corpora,
                "operations": [asdict(row) for row in self.rows], "rss": self.rss,
                "load_average": {"start": list(self.load_before), "end": list(os.getloadavg())},
                "total_seconds": round(total, 1), "budget_seconds": self.plan.budget_seconds,
                "within_budget": total <= self.plan.budget_seconds, "log": self.log}


def edit_one_document(root: Path) -> str:
    """Add one span to the first document through the library (the change a user makes between two builds)."""
    import re

    from belarus_corpus import Corpus
    from belarus_corpus.annotate.operations import add_spans
    from belarus_corpus.annotate.records import make_span

    corpus = Corpus(root)
    doc_id = corpus.doc_ids()[0]
    document = corpus.document(doc_id)
    taken = {(s.layer, s.type, s.start, s.end) for s in corpus.annotations(doc_id).spans}
    for match in re.finditer(r"\w+", document.text):
        if ("artifact", "factual-error", match.start(), match.end()) not in taken:
            span = make_span(document, corpus.taxonomy, layer="artifact", type_="factual-error", start=match.start(),
                             end=match.end(), attributes={"explanation": "benchmark edit"}, annotator="benchmark")
            add_spans(corpus, doc_id, [span])
            return doc_id
    raise RuntimeError(f"nothing left to annotate in {doc_id}")


def copy_subset(root: Path, target: Path, count: int) -> None:
    """The first ``count`` documents of ``root`` with their stores (no cross-document store) at ``target``."""
    from belarus_corpus.layout import Layout

    shutil.rmtree(target, ignore_errors=True)
    for name in ("raw", "annotations"):
        (target / name).mkdir(parents=True)
    shutil.copytree(root / "schema", target / "schema")
    shutil.copyfile(root / "DATASET_VERSION", target / "DATASET_VERSION")
    for doc_id in Layout.at(root).doc_ids()[:count]:
        for name in (f"raw/{doc_id}.txt", f"raw/{doc_id}.provenance.json", f"annotations/{doc_id}.jsonl"):
            if (root / name).exists():
                shutil.copyfile(root / name, target / name)


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = {}
    for name in ("belarus-corpus", "datasets", "pyarrow", "orjson", "jsonschema", "jsonschema-rs", "click"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {"nproc": len(os.sched_getaffinity(0)), "cpu_model": model, "python": platform.python_version(),
            "platform": platform.platform(), "packages": packages, "git_commit": commit.stdout.strip() or None}


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "MB/s":
        return f"{value:.2f} MB/s"
    return f"{value:.3f} s"


def render(results: dict[str, Any]) -> str:
    info = results["machine"]
    load = results["load_average"]
    lines = [f"belarus-corpus benchmarks ({results['mode']}): nproc {info['nproc']}, {info['cpu_model']}, "
             f"Python {info['python']}, commit {info['git_commit']}; load average {load['start'][0]:.1f} at the "
             f"start, {load['end'][0]:.1f} at the end", ""]
    header = ("operation", "size", "ours", "floor", "ratio", "cpu ratio", "target", "met")
    rows: list[tuple[str, ...]] = [header]
    for row in results["operations"]:
        met = "n/a" if row["met"] is None else ("yes" if row["met"] else "NO")
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}×"
        cpu = "-" if row["cpu_ratio"] is None else f"{row['cpu_ratio']:.2f}×"
        floor = "-" if row["floor"] is None else f"{_fmt(row['floor'], row['unit'])} ({row['floor_name']})"
        rows.append((row["operation"], row["size"], _fmt(row["ours"], row["unit"]), floor, ratio, cpu, row["target"],
                     met))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for index, cells in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines += ["", "Notes:"]
    for row in results["operations"]:
        lines += [f"- {row['operation']}: {note}" for note in row["notes"]]
    lines += ["", "Corpora (benchmarks/out/corpora):"]
    for key, corpus in results["corpora"].items():
        state = "cached" if corpus["cached"] else "generated in this run"
        lines.append(f"- {key}: {corpus['text_mb']} MB text, {corpus['annotations_mb']} MB annotations, "
                     f"{corpus['cross_document_relations']} cross-document relations; {state} "
                     f"(generation takes {corpus['generation_seconds']} s)")
    budget = results["budget_seconds"]
    lines.append(f"\nTotal {results['total_seconds']} s ({'within' if results['within_budget'] else 'OVER'} the "
                 f"budget of {budget:.0f} s).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny corpora, a smoke run of every benchmark (< 1 min)")
    parser.add_argument("--out", type=Path, default=OUT, help="where corpora, work files and results go")
    parser.add_argument("--json", type=Path, help="results file (default: OUT/results.json or results-quick.json)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    runner = Runner(plan, args.out.resolve())
    results = runner.run()
    target = args.json or args.out / ("results-quick.json" if args.quick else "results.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(results))
    print(f"\nresults: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
