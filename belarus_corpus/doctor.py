"""``doctor(corpus)``: what interrupted or failed commands can leave behind, and how to fix each finding.

It looks at the repository's state rather than at the annotations (that is ``validate``): raw files against the
hashes in their provenance, lock files nobody holds, temporary files of interrupted atomic writes, and build
folders under ``dist/`` that are half-written, left over, corrupted or older than their sources, and a release
that was stopped before it finished (its journal). It changes nothing, except that ``fix`` completes or rolls back
an interrupted release; every finding's hint says what to run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build.checksums import CHECKSUMS, verify
from .codes import Code
from .errors import CorpusError, Problem
from .fsio import LOCK_SUFFIX
from .layout import Layout, sha256_file

if TYPE_CHECKING:
    from .reader import CorpusReader

_TEMP = re.compile(r"^\.(?P<target>.+)\.[A-Za-z0-9_]+\.tmp$")
_BUILDING = re.compile(r"^\.(?P<name>.+)\.building-(?P<pid>\d+)$")
_RESUMABLE = re.compile(r"^\.(?P<name>.+)\.building-resume-[0-9a-f]{16}$")  # build.shard_tasks
_OLD = re.compile(r"^\.(?P<name>.+)\.old-(?P<pid>\d+)$")
_WRITTEN_FOLDERS = ("raw", "annotations", "schema", "metadata")
_LOCKED_FOLDERS = ("raw", "annotations")


def doctor(corpus: CorpusReader, fix: bool = False) -> list[Problem]:
    """Every finding about the repository's state, sorted; errors mean data is damaged or missing. With ``fix``,
    an interrupted release is completed or rolled back first (and reported as ``release-recovered``)."""
    layout = corpus.layout
    fixed = repair(corpus) if fix else []
    findings = [*fixed, *raw_findings(layout), *lock_findings(layout), *temp_findings(layout),
                *build_findings(layout), *release_findings(layout)]
    return sorted(findings, key=lambda p: (p.file, p.line or 0, p.code, p.message))


def repair(corpus: CorpusReader) -> list[Problem]:
    """What ``doctor --fix`` repairs: an interrupted release is completed (its record was written) or rolled back."""
    from .fsio import locked
    from .journal import JOURNAL, read_journal, recover

    with locked(corpus.root / "DATASET_VERSION", timeout=1.0):  # a running release holds it
        journal = read_journal(corpus.root)
        if journal is None:
            return []
        outcome = recover(corpus.root, journal)
        return [Problem(JOURNAL, None, Code.RELEASE_RECOVERED, f"fixed: the release of {journal.version} was {outcome}",
                        "nothing more to do" if outcome == "completed" else "run 'belarus-corpus release' again",
                        severity="warning")]


# an interrupted release -----------------------------------------------------------------------------------------


def release_findings(layout: Layout) -> Iterator[Problem]:
    from .journal import JOURNAL, interrupted_problem, read_journal

    try:
        journal = read_journal(layout.root)
    except CorpusError as error:
        yield from error.problems
        return
    if journal is None:
        return
    if lock_state(layout.root / f"DATASET_VERSION{LOCK_SUFFIX}") == "held":
        yield Problem(JOURNAL, None, Code.LOCK_HELD, f"a release of {journal.version} is running",
                      "wait for it to finish, then run 'belarus-corpus doctor' again", severity="warning")
        return
    yield interrupted_problem(layout.root, journal)


def _shown(layout: Layout, path: Path) -> str:
    try:
        return path.relative_to(layout.root).as_posix()
    except ValueError:
        return str(path)



# raw files against provenance -----------------------------------------------------------------------------------


def raw_findings(layout: Layout) -> Iterator[Problem]:
    doc_ids = layout.doc_ids()
    for doc_id in doc_ids:
        yield from _raw_against_provenance(layout, doc_id)
    if layout.raw_dir.is_dir():
        for path in sorted([*layout.raw_dir.glob("*.txt"), *layout.raw_dir.glob("*.html")]):
            if path.stem not in doc_ids and not path.name.startswith("."):
                yield Problem(_shown(layout, path), None, Code.RAW_WITHOUT_PROVENANCE,
                              "raw file has no provenance record",
                              "ingest it with 'belarus-corpus ingest', or remove it")


def _recorded_sha256(layout: Layout, doc_id: str) -> tuple[str | None, Problem | None]:
    path = layout.raw_dir / f"{doc_id}.provenance.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return None, Problem(_shown(layout, path), getattr(exc, "lineno", None), Code.PROVENANCE_INVALID,
                             f"cannot read the provenance record: {exc}",
                             "restore the file from git, or re-ingest the article")
    sha = record.get("sha256") if isinstance(record, dict) else None
    if not isinstance(sha, str):
        return None, Problem(_shown(layout, path), None, Code.PROVENANCE_INVALID, "the record has no sha256",
                             "restore the file from git, or re-ingest the article", path="$.sha256")
    return sha, None


def _raw_path(layout: Layout, doc_id: str) -> Path:
    """raw/<doc_id>.txt, or raw/<doc_id>.html for a web page (not resolved: a link is reported, not followed)."""
    html = layout.raw_dir / f"{doc_id}.html"
    return html if html.is_file() or html.is_symlink() else layout.raw_dir / f"{doc_id}.txt"


def _raw_against_provenance(layout: Layout, doc_id: str) -> Iterator[Problem]:
    sha, problem = _recorded_sha256(layout, doc_id)
    if problem is not None:
        yield problem
        return
    raw = _raw_path(layout, doc_id)
    shown = _shown(layout, raw)
    target = raw.resolve()
    if raw.is_symlink() and layout.root not in target.parents:
        yield Problem(shown, None, Code.PATH_ESCAPES_ROOT, f"is a symbolic link to {target}, outside the corpus",
                      "replace the link by the file itself (raw files must be regular files in raw/)")
    elif not raw.is_file():
        yield Problem(shown, None, Code.RAW_MISSING, "the raw file of this provenance record is missing",
                      "restore it from git, or delete the provenance record")
    elif (digest := sha256_file(raw)) != sha:
        yield Problem(shown, None, Code.RAW_HASH_MISMATCH,
                      f"sha256 is {digest[:12]}…, its provenance records {str(sha)[:12]}…",
                      "raw files are never edited: restore it from git, or ingest the new version with "
                      f"'belarus-corpus ingest FILE --replace {doc_id}'")


# locks and temporary files --------------------------------------------------------------------------------------


def lock_state(lock_path: Path) -> str:
    """``"free"``, ``"held"`` (another process holds it) or ``"unknown"`` (cannot be opened)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path), blocking=False)
    try:
        lock.acquire()
    except Timeout:
        return "held"
    except OSError:
        return "unknown"
    lock.release()
    return "free"


def lock_findings(layout: Layout) -> Iterator[Problem]:
    for folder in _LOCKED_FOLDERS:
        directory = layout.root / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if not path.name.endswith(LOCK_SUFFIX) or not path.is_file() or path.is_symlink():
                continue
            yield from _lock_finding(layout, path)


def _lock_finding(layout: Layout, path: Path) -> Iterator[Problem]:
    shown = _shown(layout, path)
    state = lock_state(path)
    if state == "free":
        yield Problem(shown, None, Code.STALE_LOCK, "lock file left behind; no process holds it",
                      f"harmless, but you may delete it: rm {shown}", severity="warning")
    elif state == "held":
        yield Problem(shown, None, Code.LOCK_HELD, "a running belarus-corpus command holds this lock",
                      "wait for it to finish, then run 'belarus-corpus doctor' again", severity="warning")
    else:
        yield Problem(shown, None, Code.LOCK_UNREADABLE, "cannot open the lock file to test it",
                      "check the folder's permissions", severity="warning")


def _writer_lock(path: Path, target: str) -> Path:
    """The lock a writer of ``target`` holds (ingest locks raw/.ingest; a store write locks the store)."""
    if path.parent.name == "raw":
        return path.parent / f".ingest{LOCK_SUFFIX}"
    return path.parent / f"{target}{LOCK_SUFFIX}"


def temp_findings(layout: Layout) -> Iterator[Problem]:
    folders = [layout.root, *(layout.root / name for name in _WRITTEN_FOLDERS)]
    for directory in folders:
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            match = _TEMP.match(path.name)
            if match is None or not path.is_file():
                continue
            lock = _writer_lock(path, match["target"])
            if lock.is_file() and lock_state(lock) == "held":
                continue  # a write in progress
            yield _temp_finding(layout, path, match["target"])


def _temp_finding(layout: Layout, path: Path, target: str) -> Problem:
    shown = _shown(layout, path)
    real = path.parent / target
    state = f"{_shown(layout, real)} itself is intact" if real.exists() else f"{_shown(layout, real)} does not exist"
    return Problem(shown, None, Code.LEFTOVER_TEMP_FILE,
                   f"temporary file of an interrupted write ({path.stat().st_size} bytes); {state}",
                   f"nothing in it is needed: delete it (rm '{shown}')", severity="warning")


# builds ---------------------------------------------------------------------------------------------------------


def build_findings(layout: Layout) -> Iterator[Problem]:
    dist = layout.dist_dir
    if not dist.is_dir():
        return
    for path in sorted(dist.iterdir()):
        if not path.is_dir() or path.is_symlink():
            continue
        building, old, resumable = _BUILDING.match(path.name), _OLD.match(path.name), _RESUMABLE.match(path.name)
        if resumable is not None:
            yield from _resumable_finding(layout, path, resumable["name"])
        elif building is not None:
            yield from _building_finding(layout, path, building["name"], int(building["pid"]))
        elif old is not None:
            yield _old_finding(layout, path, old["name"])
        elif not path.name.startswith("."):
            yield from _build_folder_findings(layout, path)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def _building_finding(layout: Layout, path: Path, name: str, pid: int) -> Iterator[Problem]:
    shown = _shown(layout, path)
    if _pid_alive(pid):
        yield Problem(shown, None, Code.BUILD_IN_PROGRESS, f"process {pid} may still be building dist/{name}",
                      "wait for the build to finish; if no build is running, delete the folder "
                      f"(rm -r '{shown}')", severity="warning")
        return
    yield Problem(shown, None, Code.STALE_BUILD_FOLDER, f"half-written folder of an interrupted build of dist/{name}; "
                  "the build it was meant to replace is untouched",
                  f"delete it (rm -r '{shown}'), then build again if needed", severity="warning")


def _resumable_finding(layout: Layout, path: Path, name: str) -> Iterator[Problem]:
    try:
        pid = int((path / "pid").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pid = 0
    if pid and _pid_alive(pid):
        yield from _building_finding(layout, path, name, pid)
        return
    shown = _shown(layout, path)
    yield Problem(shown, None, Code.STALE_BUILD_FOLDER, f"folder of an interrupted build of dist/{name}; the build "
                  "it was meant to replace is untouched", "run the same build again to resume it (finished tasks are "
                  f"kept), or delete it (rm -r '{shown}')", severity="warning")


def _old_finding(layout: Layout, path: Path, name: str) -> Problem:
    shown = _shown(layout, path)
    current = path.parent / name
    if current.exists():
        return Problem(shown, None, Code.STALE_BUILD_FOLDER,
                       f"previous build of dist/{name} left behind by an interrupted clean-up",
                       f"dist/{name} is complete; delete this copy (rm -r '{shown}')", severity="warning")
    return Problem(shown, None, Code.BUILD_SWAP_INTERRUPTED,
                   f"dist/{name} was moved aside for a new build that never arrived: dist/{name} is missing",
                   f"restore it (mv '{shown}' 'dist/{name}'), or rebuild with 'belarus-corpus build'")


def _build_folder_findings(layout: Layout, folder: Path) -> Iterator[Problem]:
    problems = verify(folder)
    for problem in problems:
        yield Problem(_shown(layout, Path(problem.file)), problem.line, problem.code, problem.message,
                      problem.hint, problem.path, problem.record_id, problem.severity)
    if problems or not (folder / CHECKSUMS).is_file():
        return
    finding = _out_of_date(layout, folder)
    if finding is not None:
        yield finding


def built_raw_hashes(folder: Path) -> dict[str, str]:
    """``doc_id → raw_sha256`` as recorded in a build's documents config."""
    import pyarrow.parquet as pq

    recorded: dict[str, str] = {}
    for path in sorted((folder / "data" / "documents").glob("*.parquet")):
        table: Any = pq.read_table(path, columns=["doc_id", "raw_sha256"])
        for doc_id, sha in zip(table.column("doc_id").to_pylist(), table.column("raw_sha256").to_pylist(),
                               strict=True):
            recorded[str(doc_id)] = str(sha)
    return recorded


def _current_raw_hashes(layout: Layout) -> dict[str, str]:
    current: dict[str, str] = {}
    for doc_id in layout.doc_ids():
        raw = _raw_path(layout, doc_id)
        if raw.is_file() and not raw.is_symlink():
            current[doc_id] = sha256_file(raw)
    return current


def _out_of_date(layout: Layout, folder: Path) -> Problem | None:
    shown = _shown(layout, folder)
    try:
        recorded = built_raw_hashes(folder)
    except Exception as exc:  # any reader failure means the build cannot be trusted
        return Problem(shown, None, Code.BUILD_UNREADABLE, f"cannot read data/documents: {exc}",
                       "rebuild with 'belarus-corpus build'")
    current = _current_raw_hashes(layout)
    changed = sorted(d for d in recorded.keys() & current.keys() if recorded[d] != current[d])
    added, removed = sorted(current.keys() - recorded.keys()), sorted(recorded.keys() - current.keys())
    if not (changed or added or removed):
        return None
    parts = [f"{len(items)} {what} (e.g. {items[0]})" for what, items in
             (("changed", changed), ("added", added), ("removed", removed)) if items]
    return Problem(shown, None, Code.BUILD_OUT_OF_DATE, "built from older raw files: documents " + ", ".join(parts),
                   f"rebuild with 'belarus-corpus build --out {shown}'", severity="warning")


def summary(findings: list[Problem]) -> str:
    errors = sum(1 for p in findings if p.severity == "error")
    if not findings:
        return "doctor: nothing to fix"
    return f"doctor: {errors} error(s), {len(findings) - errors} warning(s)"
