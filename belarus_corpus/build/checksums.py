"""``checksums.sha256`` of every file in a build, and ``verify``."""

from __future__ import annotations

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
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [(name, digest) for digest, _, name in (line.partition("  ") for line in lines)]


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
        if not path.is_file():
            problems.append(Problem(str(manifest), number, Code.BUILD_FILE_MISSING, f"{name} is listed but missing",
                                    "rebuild with 'belarus-corpus build'"))
        elif file_sha256(path) != digest:
            problems.append(Problem(str(path), None, Code.CHECKSUM_MISMATCH, f"{name} does not match its checksum",
                                    "the file was changed or corrupted: rebuild with 'belarus-corpus build'"))
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and path.name != CHECKSUMS and name not in listed:
            problems.append(Problem(str(path), None, Code.BUILD_FILE_UNLISTED, f"{name} is not in checksums.sha256",
                                    "remove it, or rebuild"))
    return problems
