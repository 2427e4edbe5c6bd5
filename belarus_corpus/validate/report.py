"""A validation report: every problem found, plus counts; rendered as text, JSON or GitHub annotations."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def flatten(self, keys: tuple[str, ...] = ("file", "line", "code")) -> list[list[Any]]:
        """Rows of the chosen fields, sorted: short, exact assertions in tests."""
        rows = [[getattr(p, key) for key in keys] for p in self.problems]
        return sorted(rows, key=lambda row: [(value is not None, value if value is not None else 0) for value in row])

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.code, p.path))

    def to_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "stats": dict(sorted(self.stats.items())),
                "problems": [p.to_dict() for p in self.sorted_problems()]}


def summary(report: Report) -> str:
    counts = ", ".join(f"{value} {key}" for key, value in sorted(report.stats.items()))
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    verdict = "valid" if report.valid else "INVALID"
    return f"{verdict}: {errors} error(s), {warnings} warning(s); checked {counts or 'nothing'}"


def render_text(report: Report) -> str:
    return "\n".join([p.render() for p in report.sorted_problems()] + [summary(report)])


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def _escape_github(value: str, is_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def in_repository(file: str, prefix: str) -> str:
    """A problem's file as the repository sees it: corpus-relative paths get the corpus folder in front."""
    if not prefix or file.startswith(("<", "/", "-")) or file.startswith(f"{prefix}/"):
        return file
    return f"{prefix.rstrip('/')}/{file}"


def render_github(report: Report, prefix: str = "") -> str:
    """Workflow commands (``::error file=...``) for GitHub Actions; ``prefix`` is the corpus folder's path in the
    repository (``validate --root corpus`` in a monorepo), so that annotations land on the right files."""
    lines = []
    for problem in report.sorted_problems():
        props = [f"file={_escape_github(in_repository(problem.file, prefix), True)}"]
        if problem.line is not None:
            props.append(f"line={problem.line}")
        props.append(f"title={_escape_github(problem.code, True)}")
        message = problem.message + (f" ({problem.path})" if problem.path else "")
        if problem.hint:
            message += f" Hint: {problem.hint}"
        lines.append(f"::{problem.severity} {','.join(props)}::{_escape_github(message)}")
    lines.append(summary(report))
    return "\n".join(lines)


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
