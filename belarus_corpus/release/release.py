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
    check_ready(corpus)
    version, previous, applied, required, changes = plan(corpus, bump)
    record_path = corpus.root / RELEASES / f"{version}.json"
    if record_path.exists():
        raise UsageError(Problem(str(record_path), None, Code.ALREADY_RELEASED, f"version {version} is released",
                                 "choose a larger --bump"))
    date = release_date()
    version_file, changelog_file = corpus.root / VERSION_FILE, corpus.root / CHANGELOG
    saved = {path: path.read_bytes() if path.exists() else None for path in (version_file, changelog_file)}
    try:
        version_file.write_text(version + "\n", encoding="utf-8")
        changelog = move_unreleased(read_changelog(corpus.root), version, date)
        changelog_file.write_text(changelog.render(), encoding="utf-8")
        built = build(corpus, out or corpus.layout.dist_dir / "belarus-corpus")
        snapshot = snapshot_of_build(built.out)
        if changes is None:
            changes = diff(Snapshot(version=None), snapshot)
        record = _record(version, previous, applied, required, date, snapshot, changes)
        record_path.parent.mkdir(parents=True, exist_ok=True)
        record_path.write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                               encoding="utf-8")
    except BaseException:  # restore the edited files whatever stopped the release
        for path, content in saved.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
        record_path.unlink(missing_ok=True)
        raise
    return ReleaseResult(version, previous, applied, required, changes, built, record_path)


def _record(version: str, previous: str | None, bump: str, required: str, date: str, snapshot: Snapshot,
            changes: DatasetDiff) -> dict[str, Any]:
    counts = {config: changes.counts(config) for config in changes.records}
    return {"version": version, "previous": previous, "bump": bump, "required_bump": required, "date": date,
            "package_version": __version__, "checksums": dict(sorted(snapshot.checksums.items())),
            "changes": {"counts": counts, "features": [c.to_dict() for c in changes.features]},
            "snapshot": snapshot.to_json()}
