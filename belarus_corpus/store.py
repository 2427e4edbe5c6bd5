"""The annotation store: ``annotations/<doc_id>.jsonl`` in canonical order, read line by line, written atomically.

Canonical means: spans sorted by (start, end, layer, type, id), then relations sorted by (type, head, tail, id);
keys sorted; UTF-8; LF; one final newline. A no-op edit leaves the file byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .codes import Code
from .errors import CorpusError, Problem
from .fsio import atomic_write_bytes, atomic_write_files, locked, locked_all
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
        return ParsedLine(number, None, Problem(name, number, Code.BLANK_LINE, "blank line in the store",
                                                "remove it, or run 'belarus-corpus fmt'"))
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ParsedLine(number, None, Problem(name, number, Code.STORE_NOT_UTF8,
                                                f"invalid UTF-8 at byte {exc.start} of the line",
                                                "re-save the store as UTF-8"))
    try:
        record = loads(body)
    except (ValueError, RecursionError) as exc:
        code = Code.INVALID_JSON if raw.endswith(b"\n") else Code.TRUNCATED_LINE
        return ParsedLine(number, None, Problem(name, number, code, f"not valid JSON: {exc}", hint))
    if not isinstance(record, dict):
        return ParsedLine(number, None, Problem(name, number, Code.INVALID_JSON, "the line is not a JSON object", hint))
    return ParsedLine(number, record, None, raw)


def from_record(record: dict[str, Any]) -> Span | Relation:
    kind = record.get("kind")
    if kind == "relation":
        return Relation.from_dict(record)
    if kind != "span":
        raise TypeError(f"kind is {kind!r}; a record is a 'span' or a 'relation'")
    return Span.from_dict(record)


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def not_kept_exactly(record: dict[str, Any], raw: bytes) -> str | None:
    """Why rewriting this line would change a value nobody edited (None when it would not): a duplicate key
    (only the last would survive) or a number the fast parser cannot hold exactly (an integer above 2^64)."""
    import json

    body = raw.rstrip(b"\n").rstrip(b"\r")
    if dumps_record(record) == body:
        return None  # canonical lines (nearly all of them) need no second look
    try:
        exact = json.loads(body, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        return f"the key {exc.args[0]!r} appears twice in the record; only one value could be kept"
    except (ValueError, RecursionError) as exc:
        return f"a value cannot be read exactly ({exc})"
    if json.dumps(exact, sort_keys=True) != json.dumps(record, sort_keys=True):
        return "a number in the record cannot be kept exactly (integers above 2^64 would become floats)"
    return None


def _refusal(name: str, line: int, code: Code, message: str, hint: str) -> Problem:
    return Problem(name, line, code, f"{message}; nothing was written", hint)


def load(path: Path, display: str | None = None) -> StoreContent:
    """Read a store for editing; refuse (listing every bad line) rather than drop or silently change anything:
    unreadable lines, records of the wrong shape, duplicate ids, duplicate keys and numbers that would not
    survive a rewrite are all named with their file and line."""
    content = StoreContent()
    if not path.exists():
        return content
    if not path.is_file():
        raise CorpusError(Problem(display or str(path), None, Code.STORE_NOT_A_FILE, "the store is not a regular file",
                                  "move it away; a store is a .jsonl file"))
    name = display or str(path)
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for parsed in parse_lines(path, display):
        if parsed.problem is not None or parsed.record is None:
            problems.append(parsed.problem or Problem(name, parsed.line, Code.INVALID_JSON, "unreadable line"))
            continue
        item = _line_item(name, parsed, first_line)
        if isinstance(item, Problem):
            problems.append(item)
            continue
        (content.relations if isinstance(item, Relation) else content.spans).append(item)  # type: ignore[arg-type]
    if problems:
        raise CorpusError(problems)
    return content


def _line_item(name: str, parsed: ParsedLine, first_line: dict[str, int]) -> Span | Relation | Problem:
    record, line = parsed.record or {}, parsed.line
    try:
        item = from_record(record)
    except TypeError as exc:
        return _refusal(name, line, Code.SCHEMA_VIOLATION, f"not a valid {record.get('kind')!r} record: {exc}",
                        "fix the line (run 'belarus-corpus validate' for details), then retry")
    why = not_kept_exactly(record, parsed.raw or b"")
    if why is not None:
        return _refusal(name, line, Code.RECORD_NOT_KEPT, why, "edit the line by hand so that it holds one exact value")
    if item.id in first_line:
        return _refusal(name, line, Code.DUPLICATE_ID, f"id {item.id} is also on line {first_line[item.id]}",
                        "remove or rename one of the two records by hand")
    first_line[item.id] = line
    return item


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


def update_many(paths: dict[Path, str], change: Callable[[dict[Path, StoreContent]], dict[Path, StoreContent]]
                ) -> dict[Path, StoreContent]:
    """Read, change and write several stores under all their locks (taken in one fixed order); every store is
    read after its lock is held, and all changed stores are written together or none is."""
    with locked_all(list(paths)):
        contents = change({path: load(path, shown) for path, shown in paths.items()})
        writes = []
        for path, content in contents.items():
            data = canonical_bytes(content.spans, content.relations)
            unchanged = path.is_file() and path.read_bytes() == data
            if not unchanged and (data or path.exists()):
                writes.append((path, data))
        if writes:
            atomic_write_files(writes)
        return contents
