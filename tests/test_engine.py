"""The datatrove engine: the same bytes whatever the executor, the number of workers and of tasks; a killed build
resumes with only its unfinished tasks redone. No timing is asserted."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.annotate import suggesting
from belarus_corpus.engine import EngineOptions, Stage, run_stage
from belarus_corpus.engine.run import split
from belarus_corpus.errors import CorpusError, UsageError
from belarus_corpus.validate import validate
from helpers import tree

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is not part of the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.generate import generate  # noqa: E402

DOCS = 160  # four shards of the build (50 documents a shard)


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("engine") / "corpus"
    generate(root, DOCS, 20 * DOCS, seed=11, workers=1)
    return root


def _copy(root: Path, target: Path) -> Corpus:
    shutil.copytree(root, target)
    return Corpus(target)


def _build(root: Path, out: Path, engine: EngineOptions | None) -> dict[str, bytes]:
    Corpus(root).build(out, incremental=False, engine=engine)
    return tree(out)


LOCAL = {"local, inline": None, "local, 1 worker": EngineOptions(workers=1, tasks=3),
         "local, 2 workers": EngineOptions(workers=2, tasks=4), "local, 2 workers, 2 tasks": EngineOptions(
             workers=2, tasks=2)}


def test_split_keeps_order_and_never_makes_an_empty_task() -> None:
    items = list(range(10))
    for tasks in (1, 3, 4, 10, 25):
        chunks = split(items, tasks)
        assert [item for chunk in chunks for item in chunk] == items
        assert all(chunks) and len(chunks) == min(tasks, 10)
        assert max(map(len, chunks)) - min(map(len, chunks)) <= 1


def test_build_is_byte_identical_on_every_local_setting(bench_corpus: Path, tmp_path: Path) -> None:
    built = {name: _build(bench_corpus, tmp_path / name.replace(" ", "-"), engine) for name, engine in LOCAL.items()}
    reference = built.pop("local, inline")
    assert len([name for name in reference if name.startswith("data/documents/")]) == 4
    for name, files in built.items():
        assert files == reference, name
    assert not list(tmp_path.glob(".*resume-*")), "the resumable folder is removed after a build"


def test_suggest_and_validate_are_identical_on_every_local_setting(bench_corpus: Path, tmp_path: Path) -> None:
    stores, reports = {}, {}
    for name, engine in LOCAL.items():
        corpus = _copy(bench_corpus, tmp_path / name.replace(" ", "-"))
        report = suggesting.suggest(corpus, engine=engine)
        stores[name] = (tree(corpus.root / "annotations"), report.lines(), [p.render() for p in report.invalid])
        checked = validate(corpus.root, engine=engine)
        reports[name] = ([p.to_dict() for p in checked.problems], dict(checked.stats))
    reference, report = stores.pop("local, inline"), reports.pop("local, inline")
    assert reference[0] != tree(bench_corpus / "annotations"), "suggest added spans"
    for name in stores:
        assert stores[name] == reference, name
        assert reports[name] == report, name


def test_a_work_dir_keeps_the_logs_and_a_rerun_gives_the_same(bench_corpus: Path, tmp_path: Path) -> None:
    engine = EngineOptions(workers=2, tasks=3, work_dir=tmp_path / "work")
    first = validate(bench_corpus, engine=engine)
    again = validate(bench_corpus, engine=engine)
    assert [p.to_dict() for p in first.problems] == [p.to_dict() for p in again.problems]
    logs = list((tmp_path / "work").glob("validate-*/datatrove/logs/task_*.log"))
    assert len(logs) == 3
    assert list((tmp_path / "work").glob("validate-*/datatrove/stats.json"))


def test_bad_engine_options_are_usage_errors(tmp_path: Path) -> None:
    for options in ({"executor": "dask"}, {"workers": 0}, {"tasks": 0}, {"executor": "slurm"}):
        with pytest.raises(UsageError) as raised:
            EngineOptions(**options)  # type: ignore[arg-type]
        assert raised.value.problems[0].code == "bad-engine-options"


def test_a_stage_result_comes_back_in_task_order(tmp_path: Path) -> None:
    stage: Stage[str, str] = Stage("test", _shout, chunk=2, min_items=0)
    items = [f"item-{i}" for i in range(9)]
    for engine in (EngineOptions(workers=1, tasks=4), EngineOptions(workers=2, tasks=5), EngineOptions(workers=2)):
        assert run_stage(stage, items, lambda chunk: (len(chunk),), engine) == [f"{i.upper()}/{n}" for i, n in zip(
            items, [len(c) for c in split(items, engine.tasks or 5) for _ in c], strict=True)]


def test_a_damaged_work_folder_is_reported_not_trusted(tmp_path: Path) -> None:
    """A finished task whose result file was damaged afterwards is an engine-task-failed error naming the file;
    the task is marked unfinished, so the next run does it again."""
    stage: Stage[str, str] = Stage("test", _shout, chunk=2, min_items=0)
    items = [f"item-{i}" for i in range(6)]
    engine = EngineOptions(workers=1, tasks=3)
    first = run_stage(stage, items, lambda chunk: (len(chunk),), engine, work_dir=tmp_path / "work")
    (tmp_path / "work" / "results" / "00001.pickle").write_bytes(b"not a task file")
    with pytest.raises(CorpusError) as raised:
        run_stage(stage, items, lambda chunk: (len(chunk),), engine, work_dir=tmp_path / "work")
    (problem,) = raised.value.problems
    assert problem.code == "engine-task-failed" and problem.file.endswith("00001.pickle")
    assert run_stage(stage, items, lambda chunk: (len(chunk),), engine, work_dir=tmp_path / "work") == first


def _shout(chunk: list[str], size: int) -> list[str]:
    return [f"{item.upper()}/{size}" for item in chunk]


# ---------------------------------------------------------------------------------------------- resume


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from belarus_corpus.cli import main; main()", *args]


def _completed(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.building-resume-*/engine/datatrove/completions/*"))


def test_a_killed_build_resumes_redoing_only_unfinished_tasks(bench_corpus: Path, tmp_path: Path) -> None:
    corpus = _copy(bench_corpus, tmp_path / "corpus")
    out = tmp_path / "dist" / "ds"
    args = _cli("build", "--root", str(corpus.root), "--out", str(out), "--workers", "1", "--tasks", "4")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(args, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not _completed(out) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    done = _completed(out)
    if not done or len(done) == 4:
        pytest.skip(f"could not stop the build between two tasks (completed: {done})")
    work = next(out.parent.glob(f".{out.name}.building-resume-*"))
    kept = {p.relative_to(work / "build"): p.stat().st_ino for p in (work / "build" / "data").rglob("*.parquet")}
    assert not out.exists()
    rerun = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    inodes = {p.relative_to(out): p.stat().st_ino for p in (out / "data").rglob("*.parquet")}
    same = {name for name, inode in kept.items() if inodes.get(name) == inode}
    finished = {f"-{int(rank):05d}-of-" for rank in done}  # one shard a task here, shard i in task i
    expected = {name for name in kept if any(part in name.name for part in finished)}
    assert expected and same == expected, (done, sorted(map(str, same)))
    assert tree(out) == _build(corpus.root, tmp_path / "uninterrupted", None)
    assert not list(out.parent.glob(f".{out.name}.building-resume-*"))


# ---------------------------------------------------------------------------------------------- Ray


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'belarus-corpus[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        yield
    finally:
        ray.shutdown()


def test_ray_gives_the_same_bytes_as_the_local_executor(bench_corpus: Path, tmp_path: Path,
                                                        ray_cluster: None) -> None:
    engine = EngineOptions(executor="ray", workers=2, tasks=3)
    assert _build(bench_corpus, tmp_path / "ray", engine) == _build(bench_corpus, tmp_path / "local", None)
    on_ray, local = _copy(bench_corpus, tmp_path / "suggest-ray"), _copy(bench_corpus, tmp_path / "suggest-local")
    assert suggesting.suggest(on_ray, engine=engine).lines() == suggesting.suggest(local).lines()
    assert tree(on_ray.root / "annotations") == tree(local.root / "annotations")
    report, alone = validate(on_ray.root, engine=engine), validate(local.root)
    assert [p.to_dict() for p in report.problems] == [p.to_dict() for p in alone.problems]


def test_an_incremental_build_checks_the_edited_documents(bench_corpus: Path, tmp_path: Path) -> None:
    """A rebuild validates only the documents whose files changed since the previous build, and still refuses an
    invalid edit (nothing written, the previous build kept)."""
    corpus = _copy(bench_corpus, tmp_path / "corpus")
    out = corpus.build(tmp_path / "out").out
    before = tree(out)
    doc_id = corpus.doc_ids()[-1]
    store = corpus.layout.store(doc_id)
    lines = store.read_bytes().splitlines(keepends=True)
    store.write_bytes(lines[0].replace(b'"start":', b'"start":-', 1) + b"".join(lines[1:]))
    with pytest.raises(CorpusError) as raised:
        corpus.build(out)
    assert "build-refused" in {p.code for p in raised.value.problems}
    assert any(doc_id in (p.file or "") for p in raised.value.problems)
    assert tree(out) == before
