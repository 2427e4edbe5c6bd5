"""Operations that fail part-way: concurrent writers, a writer killed mid-write, a full disk, a read-only
repository, Ctrl-C during a build, a corrupted build. Old files stay intact and valid; nothing is lost."""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_support import (
    ARTICLE,
    CHILD,
    DOC,
    Frozen,
    chmod_tree,
    doctor_cli,
    expect,
    read_only_command,
    read_only_strategy,
    records,
    run,
    snapshot,
    tree_changes,
)

from belarus_corpus import Corpus
from belarus_corpus.build.checksums import verify
from belarus_corpus.model import span_id

WRITERS, SPANS_EACH, BATCH = 8, 200, 10


def child(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), *(str(a) for a in args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    """The first line the child prints that starts with ``prefix``."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line.strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    _, err = process.communicate()
    raise AssertionError(f"the child never printed {prefix!r}; exit {process.returncode}\n{err[-3000:]}")


# concurrent writers ---------------------------------------------------------------------------------------------

def test_eight_concurrent_writer_processes_lose_nothing(corpus_root: Path, store: Path) -> None:
    """8 processes add 200 spans each to one store through the API, 10 spans per locked read-modify-write
    (1,600 single-span rewrites of an ever larger store would take minutes: each rewrites the whole file)."""
    before = records(store)
    writers = [child("writer", corpus_root, str(w), str(SPANS_EACH), str(BATCH)) for w in range(WRITERS)]
    for process in writers:
        wait_for(process, "ready")
    for process in writers:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in writers:
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err[-3000:]
    found = {r["id"] for r in records(store)}
    wanted = {span_id(DOC, "claim", "event", i, i + 1 + w, f"writer-{w}", "manual")
              for w in range(WRITERS) for i in range(SPANS_EACH)}
    assert len(wanted) == WRITERS * SPANS_EACH
    assert not wanted - found, f"{len(wanted - found)} spans lost"
    assert {r["id"] for r in before} <= found
    assert len(records(store)) == len(before) + WRITERS * SPANS_EACH
    checked = run(["validate", "--root", corpus_root])
    assert checked.returncode == 0, checked.describe()


# killed mid-write -----------------------------------------------------------------------------------------------

def test_writer_killed_mid_write_leaves_the_old_store_intact(corpus_root: Path, store: Path) -> None:
    before = snapshot(corpus_root)
    writer = child("slow-store-write", corpus_root)
    announced = wait_for(writer, "writing").split()
    total, temp = int(announced[1]), Path(announced[2])
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert temp.parent == store.parent and temp.is_file()
    assert 0 < temp.stat().st_size < total, "the kill was meant to land mid-write"
    changes = tree_changes(before, snapshot(corpus_root))
    assert changes == {"added": [f"annotations/{temp.name}"], "removed": [], "changed": []}
    checked = run(["validate", "--root", corpus_root])
    assert checked.returncode == 0, checked.describe()
    found = run(["--root", corpus_root], command=doctor_cli())
    expect(found, 0, "leftover-temp-file", file=f"annotations/{temp.name}", severity="warning", hint="rm")
    added = run(["annotate", "add", "--root", corpus_root, DOC, "--layer", "claim", "--type", "event",
                 "--quote", "The envoy met"])
    assert added.returncode == 0, added.describe()


# disk full ------------------------------------------------------------------------------------------------------

def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn``: files may not grow past ``limit`` bytes; SIGXFSZ ignored, so write() fails with EFBIG."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_during_a_store_write(corpus_root: Path, store: Path, frozen: Frozen) -> None:
    frozen(corpus_root)
    limit = store.stat().st_size + 50
    result = run(["annotate", "add", "--root", corpus_root, DOC, "--layer", "claim", "--type", "event",
                  "--quote", "The envoy met"], preexec_fn=file_size_limit(limit))
    expect(result, 1, "disk-full", file=f"annotations/{DOC}.jsonl", line=None)
    frozen.check()
    assert run(["validate", "--root", corpus_root]).returncode == 0


def test_disk_full_during_ingest_writes_neither_file(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    article = tmp_path / "second.txt"
    article.write_text(ARTICLE.replace("Minsk", "Washington"), encoding="utf-8")
    frozen(corpus_root)
    result = run(["ingest", "--root", corpus_root, article],
                 preexec_fn=file_size_limit(article.stat().st_size + 10))
    expect(result, 1, "disk-full", file="raw/second.provenance.json", line=None)
    frozen.check()


@pytest.fixture
def built(corpus_root: Path) -> Path:
    """The corpus with a complete build in dist/belarus-corpus."""
    result = Corpus(corpus_root).build()
    assert not verify(result.out)
    return result.out


def test_disk_full_during_build_keeps_the_previous_build(corpus_root: Path, built: Path, frozen: Frozen) -> None:
    frozen(corpus_root)
    result = run(["build", "--root", corpus_root], preexec_fn=file_size_limit(2000))
    expect(result, 1, "disk-full", file="dist/belarus-corpus", line=None)
    frozen.check()
    assert not verify(built)


# a read-only repository -----------------------------------------------------------------------------------------

READ_ONLY_COMMANDS = {
    "annotate-add": (["annotate", "add", "{root}", DOC, "--layer", "claim", "--type", "event", "--quote",
                      "The envoy met"], f"annotations/{DOC}.jsonl.lock"),
    "ingest": (["ingest", "{root}", "{article}"], "raw/.ingest.lock"),
    "build": (["build", "{root}"], "dist/belarus-corpus"),
}


@pytest.mark.parametrize("name", sorted(READ_ONLY_COMMANDS))
def test_read_only_repository(corpus_root: Path, built: Path, tmp_path: Path, frozen: Frozen, name: str) -> None:
    """Made read-only for real: a read-only bind mount in a private mount namespace when running as root (where
    chmod stops nothing), chmod otherwise; EROFS raised in-process only where neither works."""
    article = tmp_path / "second.txt"
    article.write_text(ARTICLE.replace("Minsk", "Washington"), encoding="utf-8")
    template, named = READ_ONLY_COMMANDS[name]
    args = [a.replace("{article}", str(article)) for a in template]
    args = [part for a in args for part in (["--root", str(corpus_root)] if a == "{root}" else [a])]
    strategy = read_only_strategy()
    frozen(corpus_root)
    if strategy == "chmod":
        chmod_tree(corpus_root, writable=False)
    try:
        result = run(args, command=read_only_command(corpus_root, strategy))
    finally:
        if strategy == "chmod":
            chmod_tree(corpus_root, writable=True)
    code = "permission-denied" if strategy == "chmod" else "read-only"
    expect(result, 1, code, file=named, line=None)
    frozen.check(allow_new_locks=False)


# Ctrl-C and SIGKILL during a build ------------------------------------------------------------------------------

def test_ctrl_c_during_build_keeps_the_previous_build(corpus_root: Path, built: Path, frozen: Frozen) -> None:
    frozen(corpus_root)
    builder = child("build-waiting", corpus_root)
    wait_for(builder, "staged")
    assert list(built.parent.glob(".belarus-corpus.building-*")), "the new build should be half-written now"
    builder.send_signal(signal.SIGINT)
    _, err = builder.communicate(timeout=60)
    assert builder.returncode == 130, err[-3000:]
    assert "interrupted" in err and "Traceback" not in err, err[-3000:]
    frozen.check()
    assert not verify(built)


def test_ctrl_c_between_the_two_renames_restores_the_previous_build(corpus_root: Path, built: Path,
                                                                    frozen: Frozen) -> None:
    frozen(corpus_root)
    builder = child("build-interrupted-between-renames", corpus_root)
    wait_for(builder, "between renames")
    _, err = builder.communicate(timeout=60)
    assert builder.returncode == 130, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    frozen.check()
    assert not verify(built)


def test_build_killed_mid_way_leaves_the_previous_build_and_a_folder_doctor_reports(
        corpus_root: Path, built: Path) -> None:
    before = snapshot(built)
    builder = child("build-waiting", corpus_root)
    wait_for(builder, "staged")
    builder.send_signal(signal.SIGKILL)
    builder.communicate(timeout=30)
    (staging,) = built.parent.glob(".belarus-corpus.building-*")
    assert snapshot(built) == before
    assert not verify(built)
    found = run(["--root", corpus_root], command=doctor_cli())
    expect(found, 0, "stale-build-folder", file=f"dist/{staging.name}", severity="warning", hint="rm -r")
    rebuilt = run(["build", "--root", corpus_root])
    assert rebuilt.returncode == 0, rebuilt.describe()
    assert not verify(built)


# a corrupted build ----------------------------------------------------------------------------------------------

def test_corrupted_parquet_is_reported_and_replaced_by_a_rebuild(corpus_root: Path, built: Path) -> None:
    parquet = next((built / "data" / "documents").glob("*.parquet"))
    good = parquet.read_bytes()
    corrupted = bytearray(good)
    corrupted[40:48] = b"\x00CORRUPT"  # inside the first data page: the footer still reads
    parquet.write_bytes(bytes(corrupted))
    (problem,) = verify(built)
    assert (problem.code, problem.file) == ("checksum-mismatch", str(parquet))
    verified = run(["verify", built])
    expect(verified, 1, "checksum-mismatch", file=f"dist/belarus-corpus/data/documents/{parquet.name}", line=None,
           hint="belarus-corpus build")
    found = run(["--root", corpus_root], command=doctor_cli())
    expect(found, 1, "checksum-mismatch", file=f"dist/belarus-corpus/data/documents/{parquet.name}")
    rebuilt = run(["build", "--root", corpus_root])
    assert rebuilt.returncode == 0, rebuilt.describe()
    assert not verify(built)
    assert run(["verify", built]).returncode == 0
    assert parquet.read_bytes() == good


def test_leftovers_do_not_block_the_next_command(corpus_root: Path, built: Path) -> None:
    """Stale lock files, a temp file and old build folders from interrupted runs: the next commands just work."""
    (corpus_root / "annotations" / f".{DOC}.jsonl.a1b2c3d4.tmp").write_bytes(b'{"kind":"span"')
    shutil.copytree(built, built.parent / ".belarus-corpus.building-999999")
    added = run(["annotate", "add", "--root", corpus_root, DOC, "--layer", "claim", "--type", "event",
                 "--quote", "The envoy met"])
    assert added.returncode == 0, added.describe()
    assert run(["build", "--root", corpus_root]).returncode == 0
    assert not verify(built)
