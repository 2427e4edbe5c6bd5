"""The decisions file: one JSON line per settled dispute, ``{"dispute": id, "choose": record id | null, "reason":
text, "by": who}``. A decision names the record it chose, so re-curating after new annotations keeps it while
that record is still in a dispute. Reading refuses the whole file (with file and line) on any bad line."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_bytes, locked


@dataclass(frozen=True)
class Decision:
    dispute: str
    choose: str | None
    reason: str
    by: str
    line: int = 0


def read_decisions(path: Path | None) -> list[Decision]:
    if path is None or not path.exists():
        return []
    decisions, problems = [], []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            record = json.loads(text)
            choose = record.get("choose")
            if not isinstance(record["dispute"], str) or not (choose is None or isinstance(choose, str)):
                raise TypeError("dispute and choose are strings (choose may be null)")
            if not isinstance(record.get("reason"), str) or not record["reason"].strip():
                raise TypeError("every decision gives its reason")
            decisions.append(Decision(record["dispute"], choose, record["reason"], str(record.get("by", "")), number))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(Problem(str(path), number, Code.BAD_DECISION, f"not a decision: {error}",
                                    'write {"dispute": "d_…", "choose": "s_…" or null, "reason": "…", "by": "…"}'))
    if problems:
        raise CorpusError(problems)
    return decisions


def append_decisions(path: Path, decisions: list[Decision]) -> None:
    with locked(path):
        old = path.read_bytes() if path.exists() else b""
        lines = [json.dumps({k: v for k, v in asdict(d).items() if k != "line"}, ensure_ascii=False, sort_keys=True)
                 for d in decisions]
        atomic_write_bytes(path, old + "".join(line + "\n" for line in lines).encode("utf-8"))
