"""``verify(folder)``: a build is intact when every file matches ``checksums.sha256`` and every Parquet opens."""

from __future__ import annotations

from pathlib import Path

from ..build.checksums import verify as verify_checksums
from ..codes import Code
from ..errors import Problem


def verify(folder: Path) -> list[Problem]:
    """Every problem with a build folder; an empty list means it is intact."""
    if not folder.is_dir():
        return [Problem(str(folder), None, Code.BUILD_MISSING, "no such build folder",
                        "build it with 'belarus-corpus build', or give the right path")]
    problems = verify_checksums(folder)
    for path in sorted(folder.rglob("*.parquet")):
        problem = _parquet_problem(folder, path)
        if problem is not None:
            problems.append(problem)
    if not any(folder.glob("data/*/*.parquet")):
        problems.append(Problem(str(folder / "data"), None, Code.BUILD_NO_DATA, "the build has no Parquet files",
                                "rebuild with 'belarus-corpus build'"))
    return problems


def _parquet_problem(folder: Path, path: Path) -> Problem | None:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(str(path))
        for index in range(parquet.num_row_groups):
            parquet.read_row_group(index)
    except Exception as exc:  # pyarrow raises several types for damaged files
        return Problem(str(path), None, Code.PARQUET_UNREADABLE,
                       f"{path.relative_to(folder).as_posix()} does not open as Parquet: {exc}",
                       "the file is damaged: rebuild with 'belarus-corpus build'")
    return None
