"""``checksums.sha256`` of every file in a build, and ``verify``."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..layout import sha256_file

CHECKSUMS = "checksums.sha256"


def file_sha256(path: Path) -> str:
    return sha256_file(path)


def write_checksums(folder: Path) -> Path:
    lines = [f"{file_sha256(path)}  {path.relative_to(folder).as_posix()}"
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name != CHECKSUMS]
    target = folder / CHECKSUMS
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def verify(folder: Path) -> list[Problem]:
    manifest = folder / CHECKSUMS
    if not manifest.is_file():
        return [Problem(str(manifest), None, "checksums-missing", "the build has no checksums.sha256",
                        "rebuild with 'belarus-corpus build'")]
    problems: list[Problem] = []
    listed: set[str] = set()
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        listed.add(name)
        path = folder / name
        if not path.is_file():
            problems.append(Problem(str(manifest), number, "build-file-missing", f"{name} is listed but missing",
                                    "rebuild with 'belarus-corpus build'"))
        elif file_sha256(path) != digest:
            problems.append(Problem(str(path), None, "checksum-mismatch", f"{name} does not match its checksum",
                                    "the file was changed or corrupted: rebuild with 'belarus-corpus build'"))
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and path.name != CHECKSUMS and name not in listed:
            problems.append(Problem(str(path), None, "build-file-unlisted", f"{name} is not in checksums.sha256",
                                    "remove it, or rebuild"))
    return problems
