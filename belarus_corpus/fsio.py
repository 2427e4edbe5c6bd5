"""Atomic writes (temp file, fsync, rename) and the lock that serialises writers of one corpus file."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from .codes import Code
from .errors import CorpusError, Problem

LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT_SECONDS = 60.0

WriteObserver = Callable[[Path, bytes | None, bytes | None], None]
# Told (path, bytes before, bytes after; None = no file) of every write made while it is set, under the writer's
# lock: the operations log (annotate/oplog.py) records what an operation changed this way.
WRITE_OBSERVER: ContextVar[WriteObserver | None] = ContextVar("belarus_corpus_write_observer", default=None)


def _before(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the new one, never a part."""
    atomic_write_files([(path, data)])


def atomic_write_files(files: list[tuple[Path, bytes]]) -> None:
    """Write several files, each atomically; all temp files are complete before the first is renamed into place,
    so a full disk or a failed write leaves every old file unchanged (only the renames can be interrupted)."""
    written: list[tuple[str, Path]] = []
    observer = WRITE_OBSERVER.get()
    try:
        for path, data in files:
            written.append((_write_temp(path, data), path))
        befores = [_before(path) for path, _ in files] if observer else []
        for tmp_name, path in written:
            os.replace(tmp_name, path)
        for directory in sorted({path.parent for path, _ in files}):
            _fsync_dir(directory)
    except OSError as exc:
        _remove_temps(written)
        raise write_error(_failed_path(exc, files), exc) from exc
    except BaseException:
        _remove_temps(written)
        raise
    if observer:
        for (path, data), before in zip(files, befores, strict=True):
            observer(path, before, data)


def remove_file(path: Path) -> None:
    """Remove a file the caller holds the lock of (an undo that takes a store back to not existing)."""
    observer = WRITE_OBSERVER.get()
    before = _before(path) if observer else None
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc
    _fsync_dir(path.parent)
    if observer and before is not None:
        observer(path, before, None)


def append_bytes(path: Path, data: bytes) -> None:
    """Append ``data`` to an append-only log (the caller holds its lock); a line is written whole or not at all
    as far as readers that skip an unterminated last line can tell."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise write_error(path, exc) from exc


def _write_temp(path: Path, data: bytes) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        exc.filename = str(path)
        raise
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            exc.filename = str(path)
        raise
    return tmp_name


def _remove_temps(written: list[tuple[str, Path]]) -> None:
    for tmp_name, _ in written:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)


def _failed_path(exc: OSError, files: list[tuple[Path, bytes]]) -> Path:
    for path, _ in files:
        if exc.filename in (str(path), path):
            return path
    return files[0][0]


def _file_mode(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets the usual 0o666 minus the umask (not
    mkstemp's 0o600, which would make raw files and stores unreadable to the rest of a team)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
        errno.ENOSPC: (Code.DISK_FULL, "the disk is full", "free disk space and run the command again"),
        errno.EFBIG: (Code.DISK_FULL, "the file size limit was reached", "raise the file size limit or free space"),
        errno.EROFS: (Code.READ_ONLY, "the file system is read-only", "run the command in a writable checkout"),
        errno.EACCES: (Code.PERMISSION_DENIED, "permission denied", "check the permissions of the folder"),
        errno.EPERM: (Code.PERMISSION_DENIED, "operation not permitted", "check the permissions of the folder"),
    }
    code, what, hint = reasons.get(exc.errno or 0, (Code.WRITE_FAILED, exc.strerror or str(exc), "check the path"))
    return CorpusError(
        Problem(file=str(path), line=None, code=code, message=f"could not write: {what}; the old file is unchanged",
                hint=hint)
    )


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``path`` (a sibling ``.lock`` file) for a read-modify-write cycle; the lock file is
    removed again when the lock is released, so no command leaves one behind."""
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = _acquire(lock_path, timeout)
    except TimeoutError as exc:
        raise CorpusError(
            Problem(file=str(path), line=None, code=Code.STORE_LOCKED,
                    message=f"another process has held {lock_path.name} for {timeout:.0f} s",
                    hint="wait for the other belarus-corpus command to finish, then retry")
        ) from exc
    except OSError as exc:
        raise write_error(lock_path, exc) from exc
    try:
        _check_expected(path)
        yield
    finally:
        _release(lock_path, fd)


def _acquire(lock_path: Path, timeout: float) -> int:
    """An exclusive ``flock`` on the lock file. Since a holder unlinks the file before it unlocks, a waiter that
    wins the lock checks that the path still names the file it locked, and starts again if not; so two
    processes can never both believe they hold the lock of one path."""
    import fcntl
    import time

    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise TimeoutError(str(lock_path)) from None
            time.sleep(0.02)
            continue
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, lock_path):
            return fd
        os.close(fd)  # the holder we waited for removed the file: lock the one that is there now


def _same_file(fd: int, lock_path: Path) -> bool:
    try:
        named = os.stat(lock_path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _release(lock_path: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        os.unlink(lock_path)  # still holding the lock: a waiter on this file will see it is gone
    os.close(fd)


def lock_order(paths: list[Path]) -> list[Path]:
    """The one order every command takes several locks in (absolute path, then name), so two commands that
    lock the same stores can never wait for each other."""
    unique = {str(path.absolute()): path for path in paths}
    return [unique[key] for key in sorted(unique)]


@contextlib.contextmanager
def locked_all(paths: list[Path], timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the locks of several files at once, taken in :func:`lock_order` and released in reverse."""
    with contextlib.ExitStack() as stack:
        for path in lock_order(paths):
            stack.enter_context(locked(path, timeout))
        yield


_EXPECTED: contextvars.ContextVar[dict[Path, str] | None] = contextvars.ContextVar("expected_versions", default=None)


def file_version(path: Path) -> str:
    """A file's version: the SHA-256 of its bytes (a missing file has the version of an empty one)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return hashlib.sha256(b"").hexdigest()


@contextlib.contextmanager
def expecting(versions: dict[Path, str]) -> Iterator[None]:
    """Optimistic concurrency: inside this block, a write whose lock is taken on one of these files is refused
    (``stale-version``, nothing written) unless the file still has the given version when the lock is held, so a
    change made since the caller read the file is never written over."""
    token = _EXPECTED.set({path.absolute(): version for path, version in versions.items()})
    try:
        yield
    finally:
        _EXPECTED.reset(token)


def _check_expected(path: Path) -> None:
    expected = _EXPECTED.get()
    wanted = expected.get(path.absolute()) if expected else None
    if wanted is not None and file_version(path) != wanted:
        raise CorpusError(
            Problem(file=f"{path.parent.name}/{path.name}", line=None, code=Code.STALE_VERSION,
                    message=f"{path.name} changed since it was read (by another window, client or command); "
                            "nothing was written",
                    hint="reload to see the other change, then make yours again")
        )
