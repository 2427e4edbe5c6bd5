"""Runs ``belarus-corpus`` commands inside one process, one after another, for the concurrent mixed-operations
test: each command goes through the real CLI (options, the library, the exit code), and every time a command
finishes a locked section of the document's store, the section is appended to a shared log while the lock is still
held, so the log's order is the order in which the stores were changed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Op = dict[str, Any]  # {"args": [...], "annotator": str}


def install_lock_log(log: Path, who: str, current: list[int]) -> None:
    """Wrap ``fsio.locked`` before any command module is imported (they bind it when they are imported)."""
    import belarus_corpus.fsio as fsio

    real = fsio.locked

    @contextlib.contextmanager
    def logged(path: Path, timeout: float = fsio.LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
        with real(path, timeout):
            yield
            if path.suffix == ".jsonl":
                with log.open("a", encoding="utf-8") as handle:
                    handle.write(f"{who} {current[0]} {path.name}\n")

    fsio.locked = logged  # type: ignore[assignment]


def run_one(op: Op) -> dict[str, Any]:
    from belarus_corpus.cli import main

    os.environ["BELARUS_CORPUS_ANNOTATOR"] = op["annotator"]
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(op["args"], prog_name="belarus-corpus")
        except SystemExit as stop:
            code = stop.code
        except BaseException as exc:  # a traceback: reported, the test fails on it
            import traceback

            err.write("Traceback (most recent call last)\n" + "".join(traceback.format_exception(exc)))
            code = 99
    return {"exit": code if isinstance(code, int) else (0 if code is None else 1), "stdout": out.getvalue(),
            "stderr": err.getvalue()}


def worker(root: str, who: str, ops_file: str, log: str, results: str) -> None:
    current = [-1]
    install_lock_log(Path(log), who, current)
    ops: list[Op] = json.loads(Path(ops_file).read_text(encoding="utf-8"))
    print("ready", flush=True)
    sys.stdin.readline()  # every worker starts together
    with Path(results).open("w", encoding="utf-8") as handle:
        for index, op in enumerate(ops):
            current[0] = index
            op["args"] = [*op["args"], "--root", root]
            handle.write(json.dumps({"index": index, **run_one(op)}) + "\n")
            handle.flush()
    print("done", flush=True)


def replay(root: str, ops_file: str, results: str) -> None:
    ops: list[Op] = json.loads(Path(ops_file).read_text(encoding="utf-8"))
    with Path(results).open("w", encoding="utf-8") as handle:
        for index, op in enumerate(ops):
            op["args"] = [*op["args"], "--root", root]
            handle.write(json.dumps({"index": index, **run_one(op)}) + "\n")
