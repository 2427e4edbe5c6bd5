"""What GitHub Actions needs beyond the annotations: the corpus folder's path in the repository, and a job summary.

``repository_prefix`` finds the repository the way Actions does (``$GITHUB_WORKSPACE``, else ``git rev-parse
--show-toplevel``, else the current folder) and gives the corpus root's path inside it ("" at the top). The job
summary is Markdown for ``$GITHUB_STEP_SUMMARY``: the verdict, counts per code, and the first problems.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path

from .report import Report, in_repository, summary

SHOWN = 20


def repository_prefix(corpus_root: Path, environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    root = corpus_root.resolve()
    base = Path(env["GITHUB_WORKSPACE"]).resolve() if env.get("GITHUB_WORKSPACE") else _git_toplevel(root)
    base = base or Path.cwd().resolve()
    if root == base or base not in root.parents:
        return ""
    return root.relative_to(base).as_posix()


def _git_toplevel(folder: Path) -> Path | None:
    try:
        found = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found.stdout.strip()).resolve() if found.returncode == 0 and found.stdout.strip() else None


def job_summary(report: Report, prefix: str = "") -> str:
    """Markdown for the job's summary page."""
    title = "valid" if report.valid else "invalid"
    where = f" (`{prefix}/`)" if prefix else ""
    lines = [f"### belarus-corpus validate{where}: {title}", "", summary(report), ""]
    counts = Counter((p.severity, p.code) for p in report.problems)
    if counts:
        lines += ["| severity | code | problems |", "|---|---|---|"]
        lines += [f"| {severity} | `{code}` | {n} |" for (severity, code), n in sorted(counts.items())]
        lines.append("")
        lines += [f"- `{in_repository(p.file, prefix)}{f':{p.line}' if p.line is not None else ''}` "
                  f"{p.severity} `{p.code}`: {p.message.replace(chr(10), ' ')}"
                  for p in report.sorted_problems()[:SHOWN]]
        if len(report.problems) > SHOWN:
            lines.append(f"- ... and {len(report.problems) - SHOWN} more (see the annotations)")
    return "\n".join(lines) + "\n"


def write_job_summary(report: Report, prefix: str = "", environ: dict[str, str] | None = None) -> bool:
    """Append the summary to ``$GITHUB_STEP_SUMMARY`` when Actions provides one; True if written."""
    env = os.environ if environ is None else environ
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as handle:  # Actions' own file, outside the corpus
        handle.write(job_summary(report, prefix))
    return True
