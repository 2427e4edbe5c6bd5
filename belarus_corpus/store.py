"""The annotation store: ``annotations/<doc_id>.jsonl`` in canonical order, read line by line, written atomically.

Canonical means: spans sorted by (start, end, layer, type, id), then relations sorted by (type, head, tail, id);
keys sorted; UTF-8; LF; one final newline. A no-op edit leaves the file byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CorpusError, Problem
from .fsio import atomic_write_bytes, locked
from .model import Relation, Span


@dataclass
class ParsedLine:
    line: int
    record: dict[str, Any] | None
    problem: Problem | None = None
    raw: bytes | None = None


@dataclass
class StoreContent:
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def dumps_record(record: dict[str, Any]) -> bytes:
    """The canonical line of a record (without its newline): compact JSON, sorted keys, UTF-8."""
    import orjson

    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


def canonical_bytes(spans: list[Span], relations: list[Relation]) -> bytes:
    lines = [dumps_record(s.to_dict()) for s in sorted(spans, key=Span.sort_key)]
    lines += [dumps_record(r.to_dict()) for r in sorted(relations, key=Relation.sort_key)]
    return b"\n".join(lines) + b"\n" if lines else b""


def parse_lines(path: Path, display: str | None = None) -> Iterator[ParsedLine]:
    """Every line of a store, parsed or with the problem that stopped it; memory is one line at a time."""
    import orjson

    name = display or str(path)
    loads = orjson.loads
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:  # the fast path: a whole line that is a JSON object (anything else is explained below)
                record = loads(raw) if raw.endswith(b"\n") else None
            except orjson.JSONDecodeError:
                record = None
            if type(record) is dict:
                yield ParsedLine(number, record, None, raw)
            else:
                yield _parse_one(name, number, raw, loads)


def parse_line(name: str, number: int, raw: bytes) -> ParsedLine:
    import orjson

    return _parse_one(name, number, raw, orjson.loads)


def _parse_one(name: str, number: int, raw: bytes, loads: Callable[[bytes], Any]) -> ParsedLine:
    body = raw.rstrip(b"\n").rstrip(b"\r")
    if not raw.endswith(b"\n"):
        hint = "the last line has no newline: the file may be truncated; run 'belarus-corpus fmt' if it is whole"
    else:
        hint = "fix or remove this line; nothing else in the store is changed"
    if not body.strip():
        return ParsedLine(number, None, Problem(name, number, "blank-line", "blank line in the store",
                                                "remove it, or run 'belarus-corpus fmt'"))
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ParsedLine(number, None, Problem(name, number, "store-not-utf8",
                                                f"invalid UTF-8 at byte {exc.start} of the line",
                                                "re-save the store as UTF-8"))
    try:
        record = loads(body)
    except (ValueError, RecursionError) as exc:
        code = "invalid-json" if raw.endswith(b"\n") else "truncated-line"
        return ParsedLine(number, None, Problem(name, number, code, f"not valid JSON: {exc}", hint))
    if not isinstance(record, dict):
        return ParsedLine(number, None, Problem(name, number, "invalid-json", "the line is not a JSON object", hint))
    return ParsedLine(number, record, None, raw)


def from_record(record: dict[str, Any]) -> Span | Relation:
    if record.get("kind") == "relation":
        return Relation.from_dict(record)
    return Span.from_dict(record)


def load(path: Path, display: str | None = None) -> StoreContent:
    """Read a store for editing; refuse (listing every bad line) rather than drop anything."""
    content = StoreContent()
    if not path.exists():
        return content
    if not path.is_file():
        raise CorpusError(Problem(display or str(path), None, "store-not-a-file", "the store is not a regular file",
                                  "move it away; a store is a .jsonl file"))
    problems: list[Problem] = []
    for parsed in parse_lines(path, display):
        if parsed.problem is not None or parsed.record is None:
            problems.append(parsed.problem or Problem(str(path), parsed.line, "invalid-json", "unreadable line"))
            continue
        try:
            item = from_record(parsed.record)
        except TypeError as exc:
            problems.append(Problem(display or str(path), parsed.line, "schema-violation",
                                    f"not a valid {parsed.record.get('kind')} record: {exc}; nothing was written",
                                    "fix the line (run 'belarus-corpus validate' for details), then retry"))
            continue
        (content.relations if isinstance(item, Relation) else content.spans).append(item)  # type: ignore[arg-type]
    if problems:
        raise CorpusError(problems)
    return content


def save(path: Path, content: StoreContent) -> bool:
    """Write canonically; returns False (and writes nothing) when the bytes would not change."""
    data = canonical_bytes(content.spans, content.relations)
    if path.exists() and path.is_file() and path.read_bytes() == data:
        return False
    if not data and not path.exists():
        return False
    atomic_write_bytes(path, data)
    return True


def update(path: Path, change: Callable[[StoreContent], StoreContent], display: str | None = None) -> StoreContent:
    """Read, change and write one store under its lock, so concurrent writers lose nothing."""
    with locked(path):
        content = change(load(path, display))
        save(path, content)
        return content
