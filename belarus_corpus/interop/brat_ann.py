"""Reading and writing the lines of a brat ``.ann`` file (the standoff format, https://brat.nlplab.org/standoff.html).

brat reads ``.ann`` files with Python's ``readlines`` on a codecs stream, which also breaks lines at U+0085,
U+2028, U+2029 and the other ``str.splitlines`` separators. So no line we write may contain one: a span's
text is written as fragments split at those characters (brat's own way of marking text across lines: brat
checks that the text field equals the fragments' texts joined by one space), and note JSON escapes them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..codes import Code
from ..errors import Problem
from .base import Where

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
NOTE_MARK = "belarus-corpus:"
_ID = re.compile(r"^([TARMENS#*])(\d*)$")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at every line-breaking character; the pieces may be empty, their hull is [start, end)."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        if text[index] in LINE_BREAKS:
            pieces.append((begin, index))
            begin = index + 1
    pieces.append((begin, end))
    return pieces


def textbound_line(ann_id: str, label: str, text: str, start: int, end: int) -> str:
    parts = fragments(text, start, end)
    offsets = ";".join(f"{a} {b}" for a, b in parts)
    return f"{ann_id}\t{label} {offsets}\t{' '.join(text[a:b] for a, b in parts)}"


def note_text(payload: dict[str, Any]) -> str:
    """Compact JSON after the mark; readable (no ASCII escaping) but without brat's line separators."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "\x85\u2028\u2029":
        body = body.replace(char, f"\\u{ord(char):04x}")
    return NOTE_MARK + body


@dataclass
class TextBound:
    ann_id: str
    label: str
    pieces: list[tuple[int, int]]
    text: str | None
    where: Where


@dataclass
class Link:
    ann_id: str
    type: str
    arg1: str
    arg2: str
    where: Where


@dataclass
class Ann:
    """The parsed lines of one ``.ann`` file; notes and attributes are keyed by the annotation they describe."""

    textbounds: list[TextBound] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    attributes: dict[str, list[tuple[str, Any, Where]]] = field(default_factory=dict)
    notes: dict[str, list[tuple[str, Where]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_ann(content: str, file: str) -> Ann:
    ann = Ann()
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = Where(file, number)
        head, _, rest = line.partition("\t")
        match = _ID.match(head)
        if match is None or not rest:
            ann.problems.append(where.problem(Code.INVALID_LINE, f"not a brat annotation line: {line[:60]!r}",
                                              "lines are ID<TAB>DATA[<TAB>TEXT]; fix or remove this line"))
            continue
        _parse_line(ann, match.group(1), head, rest, where)
    return ann


def _parse_line(ann: Ann, kind: str, ann_id: str, rest: str, where: Where) -> None:
    data, _, tail = rest.partition("\t")
    if kind == "T":
        _textbound(ann, ann_id, data, tail if "\t" in rest else None, where)
    elif kind in "AM":
        parts = data.split(" ", 2)
        if len(parts) < 2:
            ann.problems.append(where.problem(Code.INVALID_LINE, "an attribute line needs NAME TARGET [VALUE]",
                                              "fix or remove this line"))
            return
        value: Any = parts[2] if len(parts) == 3 else True
        ann.attributes.setdefault(parts[1], []).append((parts[0], value, where))
    elif kind == "R":
        _link(ann, ann_id, data, where)
    elif kind == "#":
        target = data.split(" ")
        if len(target) != 2:
            ann.problems.append(where.problem(Code.INVALID_LINE, "a note line needs TYPE TARGET", "fix or remove it"))
            return
        ann.notes.setdefault(target[1], []).append((tail, where))
    else:
        ann.problems.append(where.problem(Code.UNSUPPORTED_ANNOTATION, f"{ann_id}: brat {kind} annotations (events, "
                                          "normalizations, equivalences) have no place in this corpus; not imported",
                                          "express it as spans and relations, or remove the line"))


def _textbound(ann: Ann, ann_id: str, data: str, text: str | None, where: Where) -> None:
    label, _, offsets = data.partition(" ")
    try:
        pieces = [(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))]
    except ValueError:
        ann.problems.append(where.problem(Code.INVALID_LINE, f"{ann_id}: offsets {offsets!r} are not "
                                          "START END[;START END]", "fix the offsets or remove the line"))
        return
    ann.textbounds.append(TextBound(ann_id, label, pieces, text, where))


def _link(ann: Ann, ann_id: str, data: str, where: Where) -> None:
    parts = data.split(" ")
    args = dict(part.split(":", 1) for part in parts[1:] if ":" in part)
    if len(parts) != 3 or set(args) != {"Arg1", "Arg2"}:
        ann.problems.append(where.problem(Code.INVALID_LINE, f"{ann_id}: a relation is TYPE Arg1:ID Arg2:ID",
                                          "fix or remove the line"))
        return
    ann.links.append(Link(ann_id, parts[0], args["Arg1"], args["Arg2"], where))
