"""``python -m benchmarks [--quick]``: every benchmark of the issue "Performance at corpus scale".

For each operation it prints our time, a floor measured in the same run on the same data, their ratio and the
target, and writes everything to ``benchmarks/out/results.json`` (``results-quick.json`` with ``--quick``).
Every measurement runs in a fresh subprocess (``benchmarks.probe``), which also reports its peak RSS and its CPU
time; the CPU-time ratio is printed beside the wall-time ratio because other work on the machine inflates wall
time but hardly CPU time. Corpora come from ``benchmarks.generate`` and are cached under ``benchmarks/out/corpora/``.
"""

from __future__ import annotations

import argparse
import dataclasses
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
    """Sizes of one run: every target is measured at ``docs`` documents (100 spans each); the 1× runs that peak
    RSS is compared with are a tenth of that."""

    name: str
    docs: int
    reference_records: int
    detector_docs: int
    cli_runs: int
    budget_seconds: float
    load_configs: tuple[str, ...] = ("spans",)
    seed: int = 0

    @property
    def large(self) -> tuple[int, int]:
        return self.docs, 100 * self.docs

    @property
    def small(self) -> tuple[int, int]:
        return max(1, self.docs // 10), max(1, 10 * self.docs)


FULL = Plan("full", docs=10_000, reference_records=10_000, detector_docs=500, cli_runs=15, budget_seconds=1800)
QUICK = Plan("quick", docs=40, reference_records=1_000, detector_docs=20, cli_runs=3, budget_seconds=120)


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
        large = self.corpus(*self.plan.large)
        small = self.corpus(*self.plan.small)
        generated = sum(c["generation_seconds"] for c in self.corpora.values() if not c["cached"])
        self.say(f"corpora ready ({generated:.1f} s of generation in this run)")
        self.cli()
        self.validate(small, large)
        build_dir = self.build(small, large)
        self.load_dataset(build_dir)
        self.suggest(large)
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

    def validate(self, v1: Path, v10: Path) -> None:
        small, large = self.plan.small, self.plan.large
        first = self.probe("validate", str(v1))
        self.check_valid(first, v1)
        ours = self.probe("validate", str(v10))
        self.check_valid(ours, v10)
        floor = self.probe("floor-a", str(v10))
        label = _size(*large)
        notes = ["ours: belarus_corpus.validate.validate(root) in a fresh process (imports before the clock); "
                 "besides the schema it checks provenance, raw hashes, offsets and text against the normalized "
                 "document, ids, order, relations and cross-document endpoints; it checks the documents with "
                 f"the default engine (local, one worker per CPU: {os.cpu_count()} here), so its wall time is "
                 "compared with a floor that uses one process, and its CPU time (the cpu ratio column: main "
                 "process plus workers) with the floor's",
                 "floor A: orjson.loads of every line of every store + jsonschema_rs is_valid against "
                 "schemagen.span_schema/relation_schema (validators compiled inside the clock)"]
        self.compare("validate", label, ours, floor, "A: orjson + jsonschema_rs", "≤ 2× floor A", 2.0, notes)
        with_sheet = self.probe("validate", str(v10), "--with-datasheet")
        if with_sheet.get("codes") not in (["stale-datasheet"], None):
            with_sheet["error"] = f"unexpected problems: {with_sheet.get('first_problems')}"
        self.compare("validate with DATASHEET.md", label, with_sheet, ours, "validate without DATASHEET.md",
                     "≤ 1.2× without", 1.2,
                     ["a DATASHEET.md with an empty generated block is put in the corpus (removed afterwards): "
                      "validate computes the statistics to compare them, and reports the block as stale"])
        reference = self.probe("reference-b", str(v10), "--max-records", str(self.plan.reference_records))
        ref_notes = ["reference B: jsonschema.Draft202012Validator made per store file (as check-jsonschema does "
                     "per file), json.loads per line, every error collected with iter_errors"]
        if reference.get("extrapolated"):
            checked, total = reference["records_checked"], reference["records_total"]
            ref_notes.append(f"B measured on the first {checked:,} of {total:,} records "
                             f"({reference['measured_seconds']} s) and extrapolated by record count")
        self.compare("validate vs reference B", label, ours, reference, "B: jsonschema, check-jsonschema style",
                     "< 1× (faster than B)", 1.0, ref_notes, strict=True)
        self.rss_row("validate", first, ours, small, large)

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

    def build(self, b1: Path, b10: Path) -> Path:
        small, large = self.plan.small, self.plan.large
        copy = self.work / "corpus-edit"
        out = self.work / "build-10x"
        link_copy(b10, copy)
        first = self.run_build(b1, self.work / "build-1x")
        ours = self.run_build(copy, out)
        floor = self.probe("floor-build", str(copy), str(self.work / "floor-build"))
        notes = ["ours: Corpus.build(out, incremental=False) into a new folder with the default engine (local, "
                 f"{os.cpu_count()} workers), datasets and pyarrow imported before the clock; includes the card "
                 "(release facts), Croissant, checksums, shard digests, staging swap",
                 "floor: DuckDB (default threads: "
                 f"{floor.get('threads')}) COPY (SELECT * FROM read_json('annotations/*.jsonl')), "
                 "read_text('raw/*.txt') and read_json('raw/*.provenance.json') TO Parquet (zstd): the same "
                 f"inputs, no rows of ours; rows {floor.get('rows')}",
                 f"at {_size(*small)}: ours {first.get('seconds')} s"]
        self.compare("build", _size(*large), ours, floor, "DuckDB read_json/read_text → Parquet zstd", "≤ 3× floor",
                     3.0, notes)
        one = self.run_build(copy, self.work / "build-1-worker", "--workers", "1")
        self.compare("build, 2 workers vs 1", _size(*large), one, ours, "build with 2 workers",
                     "1 worker ≥ 1.7× 2 workers", None,
                     ["ratio = one worker's wall time / two workers' (the speed-up); target ≥ 1.7"])
        self.speedup_check()
        shutil.rmtree(self.work / "build-1-worker", ignore_errors=True)
        self.rss_row("build", first, ours, small, large)
        self.incremental(copy, out, ours, large)
        return out

    def speedup_check(self) -> None:
        row = self.rows[-1]
        row.target, row.met = "≥ 1.7× (speed-up)", row.ratio is not None and row.ratio >= 1.7

    def run_build(self, root: Path, out: Path, *extra: str) -> dict[str, Any]:
        return self.probe("build", str(root), str(out), "--full", *extra)

    def incremental(self, corpus_root: Path, out: Path, full: dict[str, Any], size: tuple[int, int]) -> None:
        edited = edit_one_document(corpus_root)
        rebuild = self.probe("build", str(corpus_root), str(out))
        shards = len(list((out / "data" / "documents").glob("*.parquet"))) if out.exists() else None
        notes = [f"edited {edited} (one span added with annotate.operations.add_spans), then Corpus.build(out) "
                 f"again (incremental=True): {rebuild.get('reused_shards')} of {shards} document shards reused",
                 "floor = the full build of the same corpus (row 'build')"]
        self.compare("incremental rebuild", _size(*size), rebuild, full, "full build", "≤ 0.05× full", 0.05, notes)

    def load_dataset(self, build_dir: Path) -> None:
        for config in self.plan.load_configs:
            ours = self.probe("load", "ours", str(build_dir), config, str(self.work / f"hf-cache-ours-{config}"))
            floor = self.probe("load", "parquet", str(build_dir), config, str(self.work / f"hf-cache-pq-{config}"))
            self.compare(f"load_dataset {config}", _size(*self.plan.large), ours, floor,
                         'load_dataset("parquet", data_files=same files)', "(no target)", None,
                         [f"load_dataset(DIR, {config!r}) vs the same Parquet files; fresh cache dirs, offline, "
                          f"datasets imported before the clock; rows {ours.get('rows')}"])

    def suggest(self, root: Path) -> None:
        detectors = self.probe("detectors", str(root), "--limit", str(self.plan.detector_docs))
        self.add(Row("suggest detectors", f"{detectors.get('documents')} docs / {detectors.get('megabytes')} MB",
                     detectors.get("mb_per_s"), None, "-", unit="MB/s", target="(no target)",
                     ours_cpu=detectors.get("cpu_seconds"),
                     notes=["one process: every registry.DETECTORS detector on each DocumentView, then every "
                            "CORPUS_DETECTORS detector on all views; views made beforehand "
                            f"({detectors.get('view_seconds')} s, not counted); text MB = UTF-8 bytes",
                            "seconds per detector: " + json.dumps(detectors.get("per_detector"))],
                     details={"ours": detectors}))
        size = _size(*self.plan.large)
        runs = {}
        for workers in (2, 1):
            subset = self.work / "suggest-corpus"
            link_copy(root, subset)
            runs[workers] = self.probe("suggest", str(subset), "--workers", str(workers))
            shutil.rmtree(subset, ignore_errors=True)
        ours = runs[2]
        floor = self.probe("floor-suggest", str(root), str(ours.get("proposed", 0)), str(self.work / "floor.jsonl"))
        (self.work / "floor.jsonl").unlink(missing_ok=True)
        megabytes = ours.get("megabytes")
        notes = ["annotate.suggesting.suggest(corpus) on a copy of the corpus with its stores, default engine (local, "
                 f"2 workers): views for the corpus detectors, then per document the detectors, spans made and "
                 "checked, the store read, merged and rewritten (fsync'd); "
                 f"{ours.get('proposed')} proposed, {ours.get('added')} spans and {ours.get('relations_added')} "
                 "relations added",
                 f"floor: the same raw texts read and normalized (BOM, line ends, unicodedata NFC), one compiled "
                 f"regex of the hedge lexicon ({floor.get('matches')} matches), {floor.get('records')} records "
                 f"(= proposals) written as JSON lines: {floor.get('mb_per_s')} MB/s, one process"]
        self.add(Row("suggest (end to end)", f"{size} / {megabytes} MB", ours.get("mb_per_s"), None, "-",
                     unit="MB/s", target="≥ 5 MB/s", limit=5.0, ours_cpu=ours.get("cpu_seconds"),
                     notes=notes[:1], details={"ours": ours}))
        self.compare("suggest vs its floor", size, ours, floor, "read + NFC + one hedge regex + JSON lines",
                     "≤ 4× floor", 4.0, notes)
        self.compare("suggest, 2 workers vs 1", size, runs[1], ours, "suggest with 2 workers",
                     "≥ 1.7× (speed-up)", None, ["ratio = one worker's wall time / two workers'"])
        self.speedup_check()

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


def link_copy(root: Path, target: Path) -> None:
    """A working copy of a corpus: raw/ hard-linked (never written: every write is a new file renamed into
    place), everything else copied."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root, target, ignore=shutil.ignore_patterns("raw"))
    shutil.copytree(root / "raw", target / "raw", copy_function=os.link)


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
    parser.add_argument("--docs", type=int, help=f"documents in the target size (default {FULL.docs:,}; 100 spans "
                        "each; the 1× runs for peak RSS use a tenth)")
    parser.add_argument("--out", type=Path, default=OUT, help="where corpora, work files and results go")
    parser.add_argument("--json", type=Path, help="results file (default: OUT/results.json or results-quick.json)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.docs:
        plan = dataclasses.replace(plan, docs=args.docs)
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
