"""The operations log: ``.belarus-corpus/operations.jsonl``, one line per annotation operation, append-only.

Each entry names the stores the operation wrote, the SHA-256 of each before and after, and the lines it replaced
(as difflib opcodes over the store's lines), so that :func:`undo` can put back exactly the previous records, and
refuses when a store has changed since (someone else wrote it, or a later operation that is not undone yet).
An undo is itself an entry (``kind: undo``) naming the operation it undid; undo again to go one further back.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, UsageError
from ..fsio import WRITE_OBSERVER, append_bytes, atomic_write_files, locked, locked_all, remove_file

if TYPE_CHECKING:
    from ..reader import CorpusReader

LOG_DIR = ".belarus-corpus"
LOG_NAME = "operations.jsonl"
# Told of every operation entry appended while it is set (not of undo entries): the web workspace keeps the ids of
# its own operations this way, to offer undoing the last one.
OPERATION_OBSERVER: ContextVar[Callable[[Operation], None] | None] = ContextVar("belarus_corpus_operation_observer",
                                                                               default=None)


def log_path(corpus: CorpusReader) -> Path:
    return corpus.root / LOG_DIR / LOG_NAME


def _sha(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def _lines(data: bytes | None) -> list[str]:
    return (data or b"").decode("utf-8").splitlines(keepends=True)


@dataclass(frozen=True)
class StoreChange:
    """One store an operation wrote: its bytes' hashes before and after, and how to get from after to before."""

    path: str  # relative to the corpus root
    before_sha256: str | None  # None: the store did not exist
    after_sha256: str | None
    hunks: list[tuple[int, int, list[str]]]  # (start, end) in the after lines → the before lines there

    @classmethod
    def between(cls, path: str, before: bytes | None, after: bytes | None) -> StoreChange:
        old, new = _lines(before), _lines(after)
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        hunks = [(j1, j2, old[i1:i2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
        return cls(path, _sha(before), _sha(after), hunks)

    def restore(self, after: bytes) -> bytes:
        lines = _lines(after)
        for start, end, old in reversed(self.hunks):
            lines[start:end] = old
        return "".join(lines).encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "before_sha256": self.before_sha256, "after_sha256": self.after_sha256,
                "hunks": [list(h) for h in self.hunks]}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> StoreChange:
        return cls(record["path"], record["before_sha256"], record["after_sha256"],
                   [(int(a), int(b), list(lines)) for a, b, lines in record["hunks"]])


@dataclass(frozen=True)
class Operation:
    """One entry of the log."""

    id: int
    kind: str  # "operation" or "undo"
    command: str
    at: str
    stores: list[StoreChange] = field(default_factory=list)
    undoes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "command": self.command, "at": self.at, "undoes": self.undoes,
                "stores": [s.to_dict() for s in self.stores]}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Operation:
        return cls(int(record["id"]), record["kind"], record["command"], record["at"],
                   [StoreChange.from_dict(s) for s in record["stores"]], record.get("undoes"))


def read_log(corpus: CorpusReader) -> list[Operation]:
    """Every complete entry (a last line without its newline, from an interrupted append, is skipped)."""
    path = log_path(corpus)
    if not path.is_file():
        return []
    entries = []
    for line in path.read_bytes().split(b"\n")[:-1]:
        if line.strip():
            entries.append(Operation.from_dict(json.loads(line)))
    return entries


def _now() -> str:
    return datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _append(corpus: CorpusReader, kind: str, command: str, stores: list[StoreChange], undoes: int | None = None
            ) -> Operation:
    path = log_path(corpus)
    with locked(path):
        entries = read_log(corpus)
        entry = Operation((entries[-1].id + 1) if entries else 1, kind, command, _now(), stores, undoes)
        line = json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
        append_bytes(path, line.encode("utf-8"))
    return entry


@contextlib.contextmanager
def _observed(only_in: Path | None = None) -> Iterator[dict[Path, tuple[bytes | None, bytes | None]]]:
    """Every file the block writes through ``fsio`` (only those directly in ``only_in``, when given): its bytes
    before the block's first write and after its last."""
    seen: dict[Path, tuple[bytes | None, bytes | None]] = {}

    def observe(path: Path, before: bytes | None, after: bytes | None) -> None:
        if only_in is None or path.parent == only_in:
            seen[path] = (seen[path][0] if path in seen else before, after)

    token = WRITE_OBSERVER.set(observe)
    try:
        yield seen
    finally:
        WRITE_OBSERVER.reset(token)


def _changes(corpus: CorpusReader, seen: dict[Path, tuple[bytes | None, bytes | None]]) -> list[StoreChange]:
    return [StoreChange.between(corpus.layout.relative(p), b, a) for p, (b, a) in sorted(seen.items()) if b != a]


@contextlib.contextmanager
def recorded(corpus: CorpusReader, command: str) -> Iterator[list[Operation]]:
    """Log what the block writes under ``annotations/`` as one operation (nothing is logged if it wrote nothing;
    a block that fails half-way logs what it did write, so that can be undone too). Yields a list that holds the
    entry afterwards."""
    made: list[Operation] = []
    try:
        with _observed(corpus.layout.annotations_dir) as seen:
            yield made
    finally:
        changes = _changes(corpus, seen)
        if changes:
            made.append(_append(corpus, "operation", command, changes))
            told = OPERATION_OBSERVER.get()
            if told is not None:
                told(made[-1])


def pending(entries: list[Operation]) -> list[Operation]:
    """Operations not undone yet, oldest first."""
    undone = {e.undoes for e in entries if e.kind == "undo"}
    return [e for e in entries if e.kind == "operation" and e.id not in undone]


@dataclass(frozen=True)
class Undone:
    """What :func:`undo` did: the operation it took back, and the log entry that says so."""

    operation: Operation
    entry: Operation


def _changed_since(corpus: CorpusReader, change: StoreChange, current: bytes | None) -> Problem:
    return Problem(change.path, None, Code.UNDO_STORE_CHANGED, "the store has changed since the operation "
                   "(edited by hand, or by a command that is not in the log); nothing was undone",
                   "undo by hand (see 'git diff'), or run 'belarus-corpus annotate history' to see the log")


def undo(corpus: CorpusReader, expected: int | None = None) -> Undone:
    """Take back the last operation not undone yet (only if it is ``expected``, when given): every store it
    touched must still hold exactly what the operation wrote; then all get their previous bytes together."""
    with locked(log_path(corpus)):
        todo = pending(read_log(corpus))
    if not todo or (expected is not None and todo[-1].id != expected):
        raise UsageError(Problem(str(Path(LOG_DIR) / LOG_NAME), None, Code.NOTHING_TO_UNDO,
                                 "no operation to undo" if not todo else f"the last operation is #{todo[-1].id}, "
                                 f"not #{expected}", "see what was done with 'belarus-corpus annotate history'"))
    operation = todo[-1]
    paths = {change.path: corpus.root / change.path for change in operation.stores}
    with locked_all(list(paths.values())):
        writes, removals = [], []
        for change in operation.stores:
            path = paths[change.path]
            current = path.read_bytes() if path.is_file() else None
            if _sha(current) != change.after_sha256:
                raise UsageError(_changed_since(corpus, change, current))
            if change.before_sha256 is None:
                removals.append(path)
            else:
                writes.append((path, change.restore(current or b"")))
        with recorded_undo(corpus, operation) as made:
            if writes:
                atomic_write_files(writes)
            for path in removals:
                remove_file(path)
    return Undone(operation, made[0])


@contextlib.contextmanager
def recorded_undo(corpus: CorpusReader, operation: Operation) -> Iterator[list[Operation]]:
    made: list[Operation] = []
    try:
        with _observed() as seen:
            yield made
    finally:
        made.append(_append(corpus, "undo", f"undo #{operation.id}: {operation.command}", _changes(corpus, seen),
                            operation.id))
