"""Problems are values; exceptions carry them to the CLI, which alone turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .codes import Code

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a corpus or an input, located precisely enough to be fixed."""

    file: str
    line: int | None
    code: Code
    message: str
    hint: str = ""
    path: str = ""
    record_id: str | None = None
    severity: Severity = "error"

    def __post_init__(self) -> None:
        # A code read back from JSON is a str; an undeclared one fails here, in the tests, not in front of a user.
        object.__setattr__(self, "code", Code(self.code))

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.path:
            where += f" {self.path}"
        return where

    def render(self) -> str:
        text = f"{self.location()}: {self.severity} [{self.code}] {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CorpusError(Exception):
    """A user-caused failure; carries the problems that explain it (exit code 1)."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(p.render() for p in self.problems))

    @property
    def code(self) -> Code:
        return self.problems[0].code


class UsageError(CorpusError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


@dataclass
class Outcome:
    """A result with warnings that did not stop the operation."""

    warnings: list[Problem] = field(default_factory=list)
