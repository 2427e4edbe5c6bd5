"""The error-code reference (docs/ERRORS.md), generated from the catalogue so that it cannot drift.

Regenerate with: ``python -m belarus_corpus.codes.reference > docs/ERRORS.md``
"""

from __future__ import annotations

from itertools import groupby

from . import Code
from .catalogue import CATALOGUE, Entry


def _stage(item: tuple[Code, Entry]) -> str:
    return item[1].stage


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def errors_markdown() -> str:
    """Every code, grouped by the stage that reports it, with its severity, meaning and what to do."""
    lines = ["# Error codes", "",
             "Every problem `belarus-corpus` reports carries one of these codes (`[code]` in text output, `code` in "
             "JSON, `title=` in GitHub annotations). Generated from `belarus_corpus/codes/catalogue.py` by "
             "`python -m belarus_corpus.codes.reference > docs/ERRORS.md`; `tests/test_codes.py` fails when it is "
             "out of date.", "",
             "Exit codes: 0 success (warnings allowed), 1 invalid data, 2 wrong usage.", ""]
    ordered = sorted(CATALOGUE.items(), key=lambda item: (item[1].stage, item[0].value))
    counts = {stage: len(list(group)) for stage, group in groupby(ordered, key=_stage)}
    lines += ["| Stage | Codes |", "|---|---|"]
    lines += [f"| [{stage}](#{stage}) | {count} |" for stage, count in counts.items()]
    for stage, group in groupby(ordered, key=_stage):
        lines += ["", f"## {stage}", "", "| Code | Severity | Meaning | What to do |", "|---|---|---|---|"]
        for code, entry in group:
            lines.append(f"| `{code.value}` | {entry.severity} | **{_cell(entry.title)}.** {_cell(entry.description)} "
                         f"| {_cell(entry.action)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(errors_markdown(), end="")
