"""The decisions file: one JSON line per curation decision.

``{"dispute": unit id, "choose": record id | null, "reason": text, "by": who}`` settles a unit: it keeps the chosen
record's variant (several lines on one unit keep several variants) or, with ``null``, none. A decision may
name a unit of any queue: a disputed one (which variant), an incomplete one (keep the one annotator's record or
drop it) or an agreed one (drop it, or correct it). ``"edit": {"type": …, "attributes": {name: value | null},
"note": …}`` corrects the gold record made from the chosen variant (a ``null`` attribute removes it).
``{"add": {"doc_id", "layer", "type", "start", "end", "attributes", "note", "created"}, "reason", "by"}`` adds a
span no annotator made (``created``, a date, keeps re-curation byte-identical on another day);
``{"add_relation": {"type", "head", "tail"}, …}`` a relation between the gold records made from
the named source records. A decision names the record it chose, so re-curating after new annotations keeps it
while that record is still in a unit. Reading refuses the whole file (with file and line) on any bad line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_bytes, locked

EDIT_KEYS = frozenset({"type", "attributes", "note"})
ADD_KEYS = frozenset({"doc_id", "layer", "type", "start", "end", "attributes", "note", "created"})
ADD_RELATION_KEYS = frozenset({"type", "head", "tail", "note", "created"})
HINT = ('write {"dispute": "d_…", "choose": "s_…" or null, "reason": "…", "by": "…"} (optionally "edit": '
        '{"type", "attributes", "note"}), or {"add": {…}, "reason": "…", "by": "…"}')


@dataclass(frozen=True)
class Decision:
    dispute: str
    choose: str | None
    reason: str
    by: str
    line: int = 0
    edit: dict[str, Any] | None = None
    add: dict[str, Any] | None = None
    add_relation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"dispute": self.dispute, "choose": self.choose, "reason": self.reason,
                                  "by": self.by}
        for name in ("edit", "add", "add_relation"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        return record


def _keys(record: dict[str, Any], name: str, allowed: frozenset[str], required: frozenset[str]) -> None:
    value = record.get(name)
    if value is None:
        return
    if not isinstance(value, dict) or not set(value) <= allowed or not required <= set(value):
        raise TypeError(f"{name} is an object with {', '.join(sorted(required))} (and only "
                        f"{', '.join(sorted(allowed))})")
    if not isinstance(value.get("attributes", {}), dict):
        raise TypeError(f"{name}.attributes is an object")


def parse_decision(record: Any, number: int) -> Decision:
    if not isinstance(record, dict):
        raise TypeError("a decision is a JSON object")
    _keys(record, "edit", EDIT_KEYS, frozenset())
    _keys(record, "add", ADD_KEYS, frozenset({"doc_id", "layer", "type", "start", "end"}))
    _keys(record, "add_relation", ADD_RELATION_KEYS, frozenset({"type", "head", "tail"}))
    adding = record.get("add") is not None or record.get("add_relation") is not None
    dispute = record.get("dispute", "add" if adding else None)
    choose = record.get("choose")
    if not isinstance(dispute, str) or not (choose is None or isinstance(choose, str)):
        raise TypeError("dispute and choose are strings (choose may be null)")
    if not isinstance(record.get("reason"), str) or not record["reason"].strip():
        raise TypeError("every decision gives its reason")
    if record.get("add") is not None and not (type(record["add"]["start"]) is int
                                               and type(record["add"]["end"]) is int):
        raise TypeError("add.start and add.end are integers")
    return Decision(dispute, choose, record["reason"], str(record.get("by", "")), number, record.get("edit"),
                    record.get("add"), record.get("add_relation"))


def read_decisions(path: Path | None) -> list[Decision]:
    if path is None or not path.exists():
        return []
    decisions, problems = [], []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            decisions.append(parse_decision(json.loads(text), number))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(Problem(str(path), number, Code.BAD_DECISION, f"not a decision: {error}", HINT))
    if problems:
        raise CorpusError(problems)
    return decisions


def append_decisions(path: Path, decisions: list[Decision]) -> None:
    with locked(path):
        old = path.read_bytes() if path.exists() else b""
        lines = [json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True) for d in decisions]
        atomic_write_bytes(path, old + "".join(line + "\n" for line in lines).encode("utf-8"))
