"""The release journal: written before ``release`` changes any file, removed after the last one.

It holds every source file the release edits, with its content before and after, and the record that marks the
release done. A release stopped at any point (kill -9 included) leaves the journal behind; ``doctor`` reports it and
``doctor --fix`` completes the release when its record was written (the record is the last step and is written
atomically), and otherwise rolls every file back to its old content. Every write goes through ``fsio``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .codes import Code
from .errors import CorpusError, Problem
from .fsio import atomic_write_bytes, atomic_write_files

JOURNAL = "releases/.release-journal.json"
JOURNAL_LIMIT = 64 << 20  # a journal holds CHANGELOG.md twice; anything far larger is not ours
EDITED = frozenset({"DATASET_VERSION", "CHANGELOG.md"})  # the only files a journal may restore
_RECORD = re.compile(r"^releases/[0-9A-Za-z.+-]+\.json$")

Outcome = Literal["completed", "rolled back"]


@dataclass(frozen=True)
class FileChange:
    old: str | None  # None: the file did not exist
    new: str


@dataclass
class Journal:
    version: str
    record: str  # the release record, relative to the root: written last, so its presence means "done"
    out: str  # the build folder
    files: dict[str, FileChange] = field(default_factory=dict)  # relative path → change

    def to_bytes(self) -> bytes:
        files = {name: {"old": change.old, "new": change.new} for name, change in sorted(self.files.items())}
        data = {"version": self.version, "record": self.record, "out": self.out, "files": files}
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def journal_path(root: Path) -> Path:
    return root / JOURNAL


def begin(root: Path, journal: Journal) -> None:
    atomic_write_bytes(journal_path(root), journal.to_bytes())


def end(root: Path) -> None:
    journal_path(root).unlink(missing_ok=True)


def read_journal(root: Path) -> Journal | None:
    """The journal of an unfinished release, None when there is none; ``release-journal-invalid`` otherwise."""
    path = journal_path(root)
    if not path.exists():
        return None
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > JOURNAL_LIMIT:
            raise ValueError("not a regular journal file")
        return _parse(json.loads(path.read_bytes().decode("utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, TypeError, KeyError) as exc:
        raise CorpusError(Problem(JOURNAL, None, Code.RELEASE_JOURNAL_INVALID, f"cannot read the journal: {exc}",
                                  "restore DATASET_VERSION and CHANGELOG.md from git, then delete the "
                                  "journal")) from exc


def _parse(data: object) -> Journal:
    if not isinstance(data, dict):
        raise TypeError("the journal is not an object")
    version, record, out, files = data["version"], data["record"], data["out"], data["files"]
    if not all(isinstance(v, str) for v in (version, record, out)) or not isinstance(files, dict):
        raise TypeError("version, record and out must be strings, files an object")
    changes = {}
    for name, change in files.items():
        old, new = change["old"], change["new"]
        if not isinstance(new, str) or not (old is None or isinstance(old, str)):
            raise TypeError(f"files.{name}: old and new must be text")
        changes[name] = FileChange(old, new)
    if not set(changes) <= EDITED or not _RECORD.match(record):
        raise ValueError(f"it names files a release does not write: {sorted({record, *changes})}")
    return Journal(version, record, out, changes)


def record_written(root: Path, journal: Journal) -> bool:
    """The release record exists and is the journal's version (it is written atomically, so it is whole)."""
    try:
        record = json.loads((root / journal.record).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(record, dict) and record.get("version") == journal.version


def recover(root: Path, journal: Journal) -> Outcome:
    """Finish a release whose record was written, else put every file back; then remove the journal."""
    if record_written(root, journal):
        atomic_write_files([(root / name, change.new.encode("utf-8")) for name, change in journal.files.items()])
        end(root)
        return "completed"
    roll_back(root, journal)
    return "rolled back"


def roll_back(root: Path, journal: Journal) -> None:
    (root / journal.record).unlink(missing_ok=True)
    restored = [(root / name, c.old.encode("utf-8")) for name, c in journal.files.items() if c.old is not None]
    if restored:
        atomic_write_files(restored)
    for name, change in journal.files.items():
        if change.old is None:
            (root / name).unlink(missing_ok=True)
    end(root)


def interrupted_problem(root: Path, journal: Journal) -> Problem:
    """The finding ``doctor`` reports (and ``release`` refuses with) while a journal is left."""
    done = record_written(root, journal)
    state = ("its record was written, so it can be completed" if done
             else "no record was written, so it will be rolled back")
    return Problem(JOURNAL, None, Code.RELEASE_INTERRUPTED,
                   f"the release of {journal.version} was interrupted; {state} "
                   f"({', '.join(sorted(journal.files))} may hold either version)",
                   "run 'belarus-corpus doctor --fix'" + ("" if done else f", then rebuild {journal.out}"))
