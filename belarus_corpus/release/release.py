"""``release(corpus, bump=None)``: validate, check the changelog and the bump, version, build and record.

Steps, all or nothing for the files it edits: the corpus must validate; CHANGELOG.md must have entries under
Unreleased; the working tree is built into a temporary folder and diffed against the previous release record
(``releases/<version>.json``) to find the smallest bump; a smaller ``bump`` is refused. Then DATASET_VERSION is
written, the Unreleased entries move under the new version's heading, the dataset is built into ``out`` and the
release is recorded in ``releases/<version>.json`` (checksums of the build and a snapshot for the next diff).
The first release (no record yet) releases the version already in DATASET_VERSION unless a bump is given.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..build.builder import build
from ..changelog import CHANGELOG, move_unreleased, read_changelog
from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from ..fsio import atomic_write_text, locked
from ..journal import FileChange, Journal, begin, end, interrupted_problem, read_journal, recover
from ..versioning import Version, check_bump
from .diff import RELEASES, DatasetDiff, diff, latest_release, read_release_record, snapshot_of_corpus
from .snapshot import Snapshot, snapshot_of_build

if TYPE_CHECKING:
    from ..build.result import BuildResult
    from ..reader import CorpusReader

VERSION_FILE = "DATASET_VERSION"


@dataclass
class ReleaseResult:
    version: str
    previous: str | None
    bump: str
    required: str
    changes: DatasetDiff
    build: BuildResult
    record: Path


def release_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch.isdigit() else datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%d")


def check_ready(corpus: CorpusReader) -> None:
    """Refuse a corpus that does not validate, or a changelog without Unreleased entries."""
    from ..checks import validate_corpus as validate

    report = validate(corpus.root)
    if not report.valid:
        head = Problem(str(corpus.root), None, Code.RELEASE_INVALID,
                       f"the corpus does not validate ({len(report.errors)} error(s)); nothing was released",
                       "fix them ('belarus-corpus validate' lists them), then release again")
        raise CorpusError([head, *report.errors])
    changelog = read_changelog(corpus.root)
    unreleased = changelog.unreleased
    if unreleased is None or not unreleased.has_entries:
        where = "no Unreleased section" if unreleased is None else "the Unreleased section is empty"
        raise CorpusError(Problem(CHANGELOG, _heading_line(corpus.root), Code.CHANGELOG_UNRELEASED_EMPTY,
                                  f"{where}; a release needs its changes written down",
                                  "add entries under '## [Unreleased]' in CHANGELOG.md"))


def _heading_line(root: Path) -> int | None:
    path = root / CHANGELOG
    if not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lower().startswith("## [unreleased]") or line.lower().startswith("## unreleased"):
            return number
    return None


def plan(corpus: CorpusReader, bump: str | None = None) -> tuple[str, str | None, str, str, DatasetDiff | None]:
    """(new version, previous version, bump applied, bump required, changes) without changing anything.

    The first release needs no comparison (its changes are computed from its own build), so it builds nothing.
    """
    current = Version.parse((corpus.root / VERSION_FILE).read_text(encoding="utf-8")
                            if (corpus.root / VERSION_FILE).is_file() else "0.0.0")
    previous = latest_release(corpus.root)
    if previous is None:
        applied = check_bump(bump, "none") if bump else "none"
        return str(current.bump(applied)), None, applied, "none", None
    changes = diff(read_release_record(previous[1]), snapshot_of_corpus(corpus.root))
    base = Version.parse(previous[0])
    if current != base:
        raise UsageError(Problem(VERSION_FILE, 1, Code.VERSION_NOT_RELEASED,
                                 f"DATASET_VERSION says {current} but the last release is {base}",
                                 f"set DATASET_VERSION back to {base}; 'release' computes the next version"))
    required = changes.required_bump()
    applied = check_bump(bump, required)
    return str(base.bump(applied)), str(base), applied, required, changes


def release(corpus: CorpusReader, bump: str | None = None, out: Path | None = None) -> ReleaseResult:
    """All or nothing across files: a journal (``journal.py``) is written before any file changes."""
    root = corpus.root
    _refuse_unfinished(root)
    check_ready(corpus)
    version, previous, applied, required, changes = plan(corpus, bump)
    record_path = root / RELEASES / f"{version}.json"
    if record_path.exists():
        raise UsageError(Problem(str(record_path), None, Code.ALREADY_RELEASED, f"version {version} is released",
                                 "choose a larger --bump"))
    date = release_date()
    journal = Journal(version, f"{RELEASES}/{version}.json", str(out or corpus.layout.dist_dir / "belarus-corpus"),
                      _file_changes(corpus, version, date))
    with locked(root / VERSION_FILE):  # planned without the lock (a refusal writes nothing); checked again here
        _refuse_unfinished(root)
        if _file_changes(corpus, version, date) != journal.files or record_path.exists():
            raise CorpusError(Problem(VERSION_FILE, None, Code.RELEASE_CONFLICT,
                                      "another command changed DATASET_VERSION, CHANGELOG.md or releases/ while "
                                      "this release was being planned; nothing was changed",
                                      "run 'belarus-corpus release' again"))
        _reached("planned")
        begin(root, journal)
        _reached("journal")
        try:
            built, changes = _apply(corpus, journal, out, changes)
            snapshot = snapshot_of_build(built.out)
            record = _record(version, previous, applied, required, date, snapshot, changes)
            atomic_write_text(record_path, json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
            _reached("record")
            end(root)
        except BaseException:  # whatever stopped the release: finish it or put the files back (a kill leaves the
            recover(root, journal)  # journal, for 'doctor --fix' to do the same)
            raise
    return ReleaseResult(version, previous, applied, required, changes, built, record_path)


def _refuse_unfinished(root: Path) -> None:
    left = read_journal(root)
    if left is not None:
        raise CorpusError(interrupted_problem(root, left))


def _file_changes(corpus: CorpusReader, version: str, date: str) -> dict[str, FileChange]:
    root = corpus.root
    old = {name: (root / name).read_text(encoding="utf-8") if (root / name).is_file() else None
           for name in (VERSION_FILE, CHANGELOG)}
    changelog = move_unreleased(read_changelog(root), version, date).render()
    return {VERSION_FILE: FileChange(old[VERSION_FILE], version + "\n"),
            CHANGELOG: FileChange(old[CHANGELOG], changelog)}


def _apply(corpus: CorpusReader, journal: Journal, out: Path | None,
           changes: DatasetDiff | None) -> tuple[BuildResult, DatasetDiff]:
    """The steps between the journal and the record: the edited files, then the build."""
    for name in (VERSION_FILE, CHANGELOG):
        atomic_write_text(corpus.root / name, journal.files[name].new)
        _reached(name)
    built = build(corpus, Path(journal.out))
    _reached("build")
    if changes is None:
        changes = diff(Snapshot(version=None), snapshot_of_build(built.out))
    return built, changes


def _reached(step: str) -> None:
    """A step is done (the failure tests stop the process here, at every step in turn)."""


def _record(version: str, previous: str | None, bump: str, required: str, date: str, snapshot: Snapshot,
            changes: DatasetDiff) -> dict[str, Any]:
    counts = {config: changes.counts(config) for config in changes.records}
    return {"version": version, "previous": previous, "bump": bump, "required_bump": required, "date": date,
            "package_version": __version__, "checksums": dict(sorted(snapshot.checksums.items())),
            "changes": {"counts": counts, "features": [c.to_dict() for c in changes.features]},
            "snapshot": snapshot.to_json()}
