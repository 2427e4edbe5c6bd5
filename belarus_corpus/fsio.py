"""Atomic writes (temp file, fsync, rename) and the lock that serialises writers of one corpus file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import CorpusError, Problem

LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT_SECONDS = 60.0


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise write_error(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_error(path: Path, exc: OSError) -> CorpusError:
    reasons = {
        errno.ENOSPC: ("disk-full", "the disk is full", "free disk space and run the command again"),
        errno.EFBIG: ("disk-full", "the file size limit was reached", "raise the file size limit or free space"),
        errno.EROFS: ("read-only", "the file system is read-only", "run the command in a writable checkout"),
        errno.EACCES: ("permission-denied", "permission denied", "check the permissions of the folder"),
        errno.EPERM: ("permission-denied", "operation not permitted", "check the permissions of the folder"),
    }
    code, what, hint = reasons.get(exc.errno or 0, ("write-failed", exc.strerror or str(exc), "check the path"))
    return CorpusError(
        Problem(file=str(path), line=None, code=code, message=f"could not write: {what}; the old file is unchanged",
                hint=hint)
    )


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``path`` (a sibling ``.lock`` file) for a read-modify-write cycle."""
    from filelock import FileLock, Timeout

    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path), timeout=timeout)
        with lock:
            yield
    except Timeout as exc:
        raise CorpusError(
            Problem(file=str(path), line=None, code="store-locked",
                    message=f"another process has held {lock_path.name} for {timeout:.0f} s",
                    hint="wait for the other belarus-corpus command to finish, then retry")
        ) from exc
    except OSError as exc:
        raise write_error(lock_path, exc) from exc
