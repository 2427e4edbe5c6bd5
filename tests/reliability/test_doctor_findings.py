"""``belarus-corpus doctor``: each thing an interrupted or failed command can leave behind is found, named, and
comes with the command that fixes it; doctor itself changes nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock
from reliability_support import ARTICLE, DOC, Frozen, doctor_cli, expect, run

from belarus_corpus import Corpus
from belarus_corpus.build.checksums import verify
from belarus_corpus.doctor import doctor


def run_doctor(root: Path, *options: str) -> object:
    return run(["--root", root, *options], command=doctor_cli())


def _remove_locks(root: Path) -> None:
    for folder in ("raw", "annotations"):
        for path in (root / folder).glob("*.lock"):
            path.unlink()
        for path in (root / folder).glob(".*.lock"):
            path.unlink()


@pytest.fixture
def built(corpus_root: Path) -> Path:
    out = Corpus(corpus_root).build().out
    assert not verify(out)
    return out


def test_a_clean_repository_has_nothing_to_fix(corpus_root: Path, built: Path, frozen: Frozen) -> None:
    _remove_locks(corpus_root)
    frozen(corpus_root)
    result = run_doctor(corpus_root)
    assert result.returncode == 0, result.describe()
    assert result.problems == []
    assert "nothing to fix" in result.stdout
    frozen.check(allow_new_locks=False)


def test_edited_raw_file_is_an_error(corpus_root: Path, frozen: Frozen) -> None:
    raw = corpus_root / "raw" / f"{DOC}.txt"
    raw.write_bytes(raw.read_bytes().replace(b"Nearly 40", b"Nearly 50"))
    frozen(corpus_root)
    expect(run_doctor(corpus_root), 1, "raw-hash-mismatch", file=f"raw/{DOC}.txt", line=None,
           hint=f"--replace {DOC}")
    frozen.check(allow_new_locks=False)


def test_missing_raw_file_is_an_error(corpus_root: Path) -> None:
    (corpus_root / "raw" / f"{DOC}.txt").unlink()
    expect(run_doctor(corpus_root), 1, "raw-missing", file=f"raw/{DOC}.txt", line=None)


def test_lock_held_by_a_running_command_versus_left_behind(corpus_root: Path) -> None:
    assert not list(corpus_root.rglob("*.lock")), "commands remove their lock files when they finish"
    (corpus_root / "raw" / ".ingest.lock").write_bytes(b"")  # as a killed command (or an older version) leaves it
    lock_path = corpus_root / "annotations" / f"{DOC}.jsonl.lock"
    with FileLock(str(lock_path)):
        held = run_doctor(corpus_root)
        expect(held, 0, "lock-held", file=f"annotations/{DOC}.jsonl.lock", severity="warning")
        assert "stale-lock" not in {p.code for p in held.problems if p.file.endswith(f"{DOC}.jsonl.lock")}
    left = run_doctor(corpus_root)
    expect(left, 0, "stale-lock", file=f"annotations/{DOC}.jsonl.lock", severity="warning", hint="rm")
    expect(left, 0, "stale-lock", file="raw/.ingest.lock", severity="warning")


def test_temp_file_of_an_interrupted_write_in_raw(corpus_root: Path, frozen: Frozen) -> None:
    temp = corpus_root / "raw" / f".{DOC}.provenance.json.k2j4h5g6.tmp"
    temp.write_bytes(b'{"doc_id": "do')
    frozen(corpus_root)
    problem = expect(run_doctor(corpus_root), 0, "leftover-temp-file", file=f"raw/{temp.name}",
                     severity="warning", hint="rm")
    assert f"raw/{DOC}.provenance.json itself is intact" in problem.message
    frozen.check(allow_new_locks=False)


def test_half_written_build_folder(corpus_root: Path, built: Path) -> None:
    staging = built.parent / ".belarus-corpus.building-2147483000"
    shutil.copytree(built, staging)
    (staging / "README.md").unlink()
    expect(run_doctor(corpus_root), 0, "stale-build-folder", file=f"dist/{staging.name}", severity="warning",
           hint="rm -r")


def test_build_moved_aside_and_never_replaced_is_an_error(corpus_root: Path, built: Path) -> None:
    aside = built.parent / ".belarus-corpus.old-2147483000"
    os.replace(built, aside)
    problem = expect(run_doctor(corpus_root), 1, "build-swap-interrupted", file=f"dist/{aside.name}",
                     hint="mv")
    assert "dist/belarus-corpus is missing" in problem.message


def test_old_build_left_after_a_complete_swap(corpus_root: Path, built: Path) -> None:
    shutil.copytree(built, built.parent / ".belarus-corpus.old-2147483000")
    expect(run_doctor(corpus_root), 0, "stale-build-folder", file="dist/.belarus-corpus.old-2147483000",
           severity="warning")


def test_build_older_than_its_raw_files(corpus_root: Path, built: Path, tmp_path: Path) -> None:
    article = tmp_path / "later.txt"
    article.write_text(ARTICLE.replace("Minsk", "Brest"), encoding="utf-8")
    Corpus(corpus_root).ingest([article])
    problem = expect(run_doctor(corpus_root), 0, "build-out-of-date", file="dist/belarus-corpus",
                     severity="warning", hint="belarus-corpus build")
    assert "1 added (e.g. later)" in problem.message
    Corpus(corpus_root).build()
    assert "build-out-of-date" not in {p.code for p in doctor(Corpus(corpus_root))}


def test_build_with_a_missing_file(corpus_root: Path, built: Path) -> None:
    (built / "README.md").unlink()
    expect(run_doctor(corpus_root), 1, "build-file-missing", file="dist/belarus-corpus/checksums.sha256")


def test_json_output(corpus_root: Path) -> None:
    (corpus_root / "raw" / f"{DOC}.txt").unlink()
    result = run_doctor(corpus_root, "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert {(f["file"], f["code"], f["severity"]) for f in findings} >= {(f"raw/{DOC}.txt", "raw-missing", "error")}
    assert all(f["hint"] for f in findings)


def test_help_has_an_example() -> None:
    result = run(["--help"], command=doctor_cli())
    assert result.returncode == 0
    assert "Example:" in result.stdout and "belarus-corpus doctor" in result.stdout
