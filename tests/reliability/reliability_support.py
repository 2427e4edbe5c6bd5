"""Helpers of the bad-input and failure suite: run the real command, read the problems it prints, and snapshot a
corpus tree's bytes to prove that a refused or failed command changed and lost nothing."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from belarus_corpus.layout import sha256_file

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child_scripts.py"
ENTRY_POINT = Path(sys.executable).parent / "belarus-corpus"

DOC = "doc"
ARTICLE = (
    "Envoy visits Minsk\n"
    "By Jane Roe\n"
    "The envoy met the president on 3 March 2025, officials said. Nearly 40 prisoners were freed.\n"
    "Critics warn the thaw may not last. “We are ready,” the minister said.\n"
    "Follow us on Telegram and X\n"
)
GERMAN = (
    "Der Gesandte besuchte Minsk und traf den Präsidenten am 3. März 2025, sagten Beamte. Fast 40 Gefangene "
    "wurden freigelassen. Kritiker warnen, dass das Tauwetter nicht anhalten könnte. „Wir sind bereit“, sagte "
    "der Minister.\n"
)


def cli() -> list[str]:
    """The installed ``belarus-corpus`` entry point next to this interpreter (or the same code through -c)."""
    if ENTRY_POINT.exists():
        return [str(ENTRY_POINT)]
    return [sys.executable, "-c", "from belarus_corpus.cli import main; main()"]


def doctor_cli() -> list[str]:
    """``belarus-corpus doctor``; the command module itself while it is not yet listed in the CLI's COMMANDS."""
    from belarus_corpus.cli import COMMANDS

    if "doctor" in COMMANDS:
        return [*cli(), "doctor"]
    return [sys.executable, "-c", "import sys; from belarus_corpus.cli.doctor_cmd import doctor; "
            "doctor(sys.argv[1:], prog_name='belarus-corpus doctor')"]


# running commands and reading their problems ----------------------------------------------------------------------

_PROBLEM = re.compile(r"^(?P<location>\S.*?): (?P<severity>error|warning) \[(?P<code>[a-z0-9-]+)\] (?P<message>.*)$")
_LINE = re.compile(r"^(?P<file>.*):(?P<line>\d+)$")


@dataclass(frozen=True)
class Shown:
    """A problem as the command printed it."""

    file: str
    line: int | None
    field: str
    severity: str
    code: str
    message: str
    hint: str


def parse_problems(text: str) -> list[Shown]:
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        match = _PROBLEM.match(line)
        if match is None:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        hint = following.removeprefix("  hint: ") if following.startswith("  hint: ") else ""
        location, field = match["location"], ""
        if " $" in location:
            location, _, rest = location.rpartition(" $")
            field = "$" + rest
        numbered = _LINE.match(location)
        file, number = (numbered["file"], int(numbered["line"])) if numbered else (location, None)
        found.append(Shown(file, number, field, match["severity"], match["code"], match["message"], hint))
    return found


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def problems(self) -> list[Shown]:
        return parse_problems(self.stdout + "\n" + self.stderr)

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def describe(self) -> str:
        return (f"$ {' '.join(self.args)}\nexit {self.returncode} after {self.seconds:.1f} s\n"
                f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}")


def run(args: Sequence[str | Path], *, command: list[str] | None = None, timeout: float = 120,
        preexec_fn: Callable[[], Any] | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> Run:
    """Run the real command in a process of its own (``command`` defaults to ``belarus-corpus``)."""
    full = [*(command if command is not None else cli()), *(str(a) for a in args)]
    started = time.monotonic()
    done = subprocess.run(full, capture_output=True, text=True, timeout=timeout, preexec_fn=preexec_fn,
                          env={**os.environ, **(env or {})}, cwd=cwd, check=False)
    return Run(full, done.returncode, done.stdout, done.stderr, time.monotonic() - started)


ANY = object()


def expect(result: Run, exit_code: int, code: str, *, file: str | Path | None = None, line: object = ANY,
           field: object = ANY, severity: str = "error", hint: str | None = None) -> Shown:
    """The command exited with ``exit_code`` and printed problem ``code``, naming the file (by its path or the
    end of it), the line and JSON field when given, and a hint saying what to do; no traceback."""
    assert result.returncode == exit_code, result.describe()
    assert "Traceback (most recent call last)" not in result.stderr, result.describe()
    matching = [p for p in result.problems if p.code == code and p.severity == severity]
    assert matching, f"no {severity} [{code}] in the output\n{result.describe()}"
    if file is not None:
        wanted = str(file)
        named = [p for p in matching if p.file == wanted or p.file.endswith("/" + wanted)]
        assert named, f"[{code}] does not name {wanted}: {[p.file for p in matching]}\n{result.describe()}"
        matching = named
    problem = matching[0]
    if line is not ANY:
        assert problem.line == line, f"[{code}] names line {problem.line}, expected {line}\n{result.describe()}"
    if field is not ANY:
        assert problem.field == field, f"[{code}] names field {problem.field!r}, expected {field!r}"
    assert problem.hint.strip(), f"[{code}] has no hint line\n{result.describe()}"
    if hint is not None:
        assert hint in problem.hint, f"hint {problem.hint!r} does not mention {hint!r}"
    return problem


# snapshots of a tree ---------------------------------------------------------------------------------------------

Tree = dict[str, bytes | str]
_BIG = 1 << 20


def snapshot(root: Path) -> Tree:
    """Every folder, file (its bytes; a hash for files over 1 MB) and symbolic link under ``root``."""
    tree: Tree = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                tree[key] = f"symlink -> {os.readlink(path)}"
            elif path.is_dir():
                tree[key] = "folder"
            elif path.stat().st_size > _BIG:
                tree[key] = "sha256:" + sha256_file(path)
            else:
                tree[key] = path.read_bytes()
    return tree


def tree_changes(before: Tree, after: Tree, allow_new_locks: bool = True) -> dict[str, list[str]]:
    """Added, removed and changed paths; an empty lock file a command created (to wait its turn) is not a change."""
    added = sorted(k for k in after.keys() - before.keys()
                   if not (allow_new_locks and k.endswith(".lock") and after[k] == b""))
    return {"added": added, "removed": sorted(before.keys() - after.keys()),
            "changed": sorted(k for k in before.keys() & after.keys() if before[k] != after[k])}


def assert_unchanged(root: Path, before: Tree, allow_new_locks: bool = True) -> None:
    changes = tree_changes(before, snapshot(root), allow_new_locks)
    assert not any(changes.values()), f"the tree under {root} changed: {changes}"


# corpora -----------------------------------------------------------------------------------------------------

def store_lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def records(path: Path) -> list[dict[str, Any]]:
    import orjson

    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def canonical(record: dict[str, Any]) -> bytes:
    import orjson

    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS) + b"\n"


# read-only file systems ----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def read_only_strategy() -> str:
    """How to make a repository read-only here: ``chmod`` (not root), ``bind-mount`` (root, in a private mount
    namespace: ``unshare -m`` + a read-only bind mount), or ``simulate`` (EROFS raised inside the process)."""
    if os.geteuid() != 0:
        return "chmod"
    if shutil.which("unshare") and shutil.which("mount"):
        with tempfile.TemporaryDirectory() as tmp:
            probe = subprocess.run(["unshare", "-m", "sh", "-c", _READ_ONLY_SCRIPT, "sh", tmp, "sh", "-c",
                                    'touch "$0/probe" 2>/dev/null && exit 1 || exit 0', tmp],
                                   capture_output=True, check=False, timeout=30)
            if probe.returncode == 0:
                return "bind-mount"
    return "simulate"


_READ_ONLY_SCRIPT = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'


def read_only_command(root: Path, strategy: str) -> list[str]:
    """The command prefix that runs ``belarus-corpus`` with ``root`` read-only (for chmod: the caller chmods)."""
    if strategy == "bind-mount":
        return ["unshare", "-m", "sh", "-c", _READ_ONLY_SCRIPT, "sh", str(root), *cli()]
    if strategy == "simulate":
        return [sys.executable, str(CHILD), "read-only-simulated", str(root), "--"]
    return cli()


def chmod_tree(root: Path, writable: bool) -> None:
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            if not path.is_symlink():
                mode = path.stat().st_mode
                path.chmod(mode | 0o200 if writable else mode & ~0o222)
    mode = root.stat().st_mode
    root.chmod(mode | 0o200 if writable else mode & ~0o222)


class Frozen:
    """A snapshot taken now, to compare with later."""

    def __init__(self) -> None:
        self.root: Path | None = None
        self.before: Tree = {}

    def __call__(self, root: Path) -> Frozen:
        self.root, self.before = root, snapshot(root)
        return self

    def check(self, allow_new_locks: bool = True) -> None:
        assert self.root is not None, "call frozen(root) first"
        assert_unchanged(self.root, self.before, allow_new_locks)
