"""``checksums.sha256`` of every file in a build, and ``verify``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..codes import Code
from ..errors import Problem
from ..layout import sha256_file

CHECKSUMS = "checksums.sha256"


def file_sha256(path: Path) -> str:
    return sha256_file(path)


def write_checksums(folder: Path, known: Mapping[str, str] | None = None) -> Path:
    """``checksums.sha256`` of every file in ``folder``; ``known`` gives digests already computed, by the file's
    path relative to ``folder`` (files just hashed for Croissant, files copied from a verified build)."""
    known = known or {}
    lines = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and path.name != CHECKSUMS:
            lines.append(f"{known.get(name) or file_sha256(path)}  {name}")
    target = folder / CHECKSUMS
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def verified_digests(folder: Path) -> dict[str, str] | None:
    """The digests listed in ``checksums.sha256`` when the folder verifies; None when it does not."""
    if verify(folder):
        return None
    return dict(_listed(folder / CHECKSUMS))


def _listed(manifest: Path) -> list[tuple[str, str]]:
    """(name, digest) of every line of the manifest."""
    lines = manifest.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [(name, digest) for digest, _, name in (line.partition("  ") for line in lines)]


_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def _entry_problem(folder: Path, manifest: Path, number: int, name: str, digest: str) -> Problem | None:
    """A line that is not ``<sha256>  <path inside the build>``: a path that leaves the folder (``..``, absolute,
    through a symbolic link) is never followed, so a manifest cannot vouch for files outside the build."""
    reason = None
    parts = Path(name).parts
    if not _DIGEST.match(digest) or not name or "\ufffd" in name:
        reason = "is not '<64 hex digits>  <file>' in UTF-8"
    elif Path(name).is_absolute() or ".." in parts or "\\" in name:
        reason = f"{name!r} is not a path inside the build folder"
    elif any((folder / Path(*parts[: i + 1])).is_symlink() for i in range(len(parts))):
        reason = f"{name} is a symbolic link; a build holds files only"
    if reason is None:
        return None
    return Problem(str(manifest), number, Code.CHECKSUM_ENTRY_INVALID, reason,
                   "rebuild with 'belarus-corpus build' (the manifest was edited or damaged)")


def verify(folder: Path) -> list[Problem]:
    manifest = folder / CHECKSUMS
    if not manifest.is_file():
        return [Problem(str(manifest), None, Code.CHECKSUMS_MISSING, "the build has no checksums.sha256",
                        "rebuild with 'belarus-corpus build'")]
    problems: list[Problem] = []
    listed: set[str] = set()
    for number, (name, digest) in enumerate(_listed(manifest), start=1):
        listed.add(name)
        path = folder / name
        invalid = _entry_problem(folder, manifest, number, name, digest)
        if invalid is not None:
            problems.append(invalid)
        elif not path.is_file():
            problems.append(Problem(str(manifest), number, Code.BUILD_FILE_MISSING, f"{name} is listed but missing",
                                    "rebuild with 'belarus-corpus build'"))
        elif file_sha256(path) != digest:
            problems.append(Problem(str(path), None, Code.CHECKSUM_MISMATCH, f"{name} does not match its checksum",
                                    "the file was changed or corrupted: rebuild with 'belarus-corpus build'"))
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            problems.append(Problem(str(path), None, Code.CHECKSUM_ENTRY_INVALID, f"{name} is a symbolic link",
                                    "a build holds files only: rebuild with 'belarus-corpus build'"))
        elif path.is_file() and path.name != CHECKSUMS and name not in listed:
            problems.append(Problem(str(path), None, Code.BUILD_FILE_UNLISTED, f"{name} is not in checksums.sha256",
                                    "remove it, or rebuild"))
    return problems
