"""Processes the failure tests start, signal and kill: ``python child_scripts.py SCENARIO ARGS...``.

Each scenario is the real library or command with one thing made slow or failing, so that the parent can
interrupt it at a known moment. A scenario prints a line the parent waits for before it acts.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any


def say(message: str) -> None:
    print(message, flush=True)


def writer(root: str, number: str, spans: str, batch: str) -> None:
    """One of several concurrent writers: adds its spans to ``doc`` through the API, ``batch`` per locked write."""
    from belarus_corpus import Corpus
    from belarus_corpus.annotate.operations import add_spans
    from belarus_corpus.annotate.records import make_span

    corpus, w = Corpus(root), int(number)
    document, taxonomy = corpus.document("doc"), corpus.taxonomy
    made = [make_span(document, taxonomy, layer="claim", type_="event", start=i, end=i + 1 + w,
                      annotator=f"writer-{w}") for i in range(int(spans))]
    say("ready")
    sys.stdin.readline()  # all writers start together
    size = int(batch)
    for first in range(0, len(made), size):
        add_spans(corpus, "doc", made[first : first + size])
    say("done")


class _SlowFile:
    """A file whose writes go out in 4 KB pieces, slowly, announcing the first one."""

    def __init__(self, handle: Any, name: str) -> None:
        self._handle, self._name = handle, name

    def write(self, data: bytes) -> int:
        for start in range(0, len(data), 4096):
            self._handle.write(data[start : start + 4096])
            self._handle.flush()
            if start == 0:
                say(f"writing {len(data)} {self._name}")
            time.sleep(0.05)
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _SlowFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def slow_store_write(root: str) -> None:
    """Add 400 spans to ``doc`` in one locked write whose temp file is written slowly (the parent kills us)."""
    import belarus_corpus.fsio as fsio
    from belarus_corpus import Corpus
    from belarus_corpus.annotate.operations import add_spans
    from belarus_corpus.annotate.records import make_span

    real_fdopen, real_mkstemp = os.fdopen, fsio.tempfile.mkstemp
    names: dict[int, str] = {}

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        names[fd] = name
        return fd, name

    def slow_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _SlowFile(real_fdopen(fd, *args, **kwargs), names.get(fd, str(fd)))

    fsio.tempfile.mkstemp = mkstemp  # type: ignore[assignment]
    fsio.os.fdopen = slow_fdopen  # type: ignore[assignment]
    corpus = Corpus(root)
    document, taxonomy = corpus.document("doc"), corpus.taxonomy
    spans = [make_span(document, taxonomy, layer="artifact", type_="boilerplate", start=s, end=s + length,
                       annotator="bulk") for s in range(200) for length in (1, 2)]
    add_spans(corpus, "doc", spans)
    say("finished")  # the parent should have killed us before this


def build_waiting(root: str) -> None:
    """``belarus-corpus build`` that pauses (announcing it) once its staging folder holds the data files."""
    import belarus_corpus.build.release_files as release_files
    from belarus_corpus.cli import main

    real = release_files.write_release_files

    def paused(*args: Any, **kwargs: Any) -> Any:
        say("staged")
        time.sleep(60)
        return real(*args, **kwargs)

    release_files.write_release_files = paused  # type: ignore[assignment]
    main(["build", "--root", root], prog_name="belarus-corpus")


def build_interrupted_between_renames(root: str) -> None:
    """``belarus-corpus build`` that gets a real SIGINT after the old build was moved aside and before the new
    one is renamed into place: the worst moment for Ctrl-C."""
    import belarus_corpus.build.builder as builder
    from belarus_corpus.cli import main

    real_replace = os.replace

    def replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if ".building-" in str(source):
            say("between renames")
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # KeyboardInterrupt is raised here
        real_replace(source, target, *args, **kwargs)

    builder.os.replace = replace  # type: ignore[assignment]
    main(["build", "--root", root], prog_name="belarus-corpus")


def read_only_simulated(root: str, args: list[str]) -> None:
    """The command with every write under ``root`` failing with EROFS, for hosts where a read-only mount cannot be
    made (root without mount namespaces)."""
    from belarus_corpus.cli import main

    inside = str(Path(root).resolve())

    def guarded(real: Any, path_index: int = 0, flags_index: int | None = None) -> Any:
        def call(*call_args: Any, **kwargs: Any) -> Any:
            target = os.path.abspath(os.fspath(call_args[path_index]))
            writes = flags_index is None or call_args[flags_index] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            if target.startswith(inside) and writes:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), target)
            return real(*call_args, **kwargs)

        return call

    os.open = guarded(os.open, 0, 1)  # type: ignore[assignment]
    for name in ("mkdir", "replace", "rename", "unlink", "rmdir"):
        setattr(os, name, guarded(getattr(os, name)))
    main(args, prog_name="belarus-corpus")


def release_killed_at(step: str, root: str, *args: str) -> None:
    """``belarus-corpus release`` killed (SIGKILL, no clean-up at all) as soon as it reaches ``step``."""
    import belarus_corpus.release.release as release_module
    from belarus_corpus.cli import main

    def reached(name: str) -> None:
        if name == step:
            say(f"killed at {name}")
            os.kill(os.getpid(), signal.SIGKILL)

    release_module._reached = reached  # type: ignore[attr-defined]
    main(["release", "--root", root, *args], prog_name="belarus-corpus")


def main() -> None:
    scenario, *args = sys.argv[1:]
    if scenario == "writer":
        writer(*args)
    elif scenario == "slow-store-write":
        slow_store_write(*args)
    elif scenario == "build-waiting":
        build_waiting(*args)
    elif scenario == "build-interrupted-between-renames":
        build_interrupted_between_renames(*args)
    elif scenario == "mixed-worker":
        import mixed_ops

        mixed_ops.worker(*args)
    elif scenario == "mixed-replay":
        import mixed_ops

        mixed_ops.replay(*args)
    elif scenario == "release-killed-at":
        release_killed_at(*args)
    elif scenario == "read-only-simulated":
        read_only_simulated(args[0], args[2:])
    else:
        raise SystemExit(f"unknown scenario {scenario!r}")


if __name__ == "__main__":
    main()
