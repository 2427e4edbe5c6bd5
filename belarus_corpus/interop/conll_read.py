"""Reading a CoNLL BIO file into documents of tokens and tag columns, checking each token against the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..codes import Code
from ..errors import Problem
from .base import Where
from .texts import DocText, TextSource

_TAG = re.compile(r"^(O|[BI]-\S+)$")


@dataclass
class ConllDocument:
    doc_id: str
    where: Where
    tokens: list[tuple[int, int]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)
    bad: set[int] = field(default_factory=set)


@dataclass
class _State:
    file: str
    texts: TextSource
    problems: list[Problem]
    layers: list[str] | None = None
    documents: list[ConllDocument] = field(default_factory=list)
    current: tuple[ConllDocument, DocText] | None = None
    skipping: bool = False
    mismatches: int = 0


def read_conll(path: Path, texts: TextSource, problems: list[Problem]) -> tuple[list[str], list[ConllDocument]]:
    state = _State(str(path), texts, problems)
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Where(str(path)).problem(Code.NOT_UTF8, f"invalid UTF-8 at byte {exc.start}",
                                                 "save the file as UTF-8"))
        return [], []
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.startswith("# "):
            _comment(state, line[2:], Where(state.file, number))
        elif line.strip():
            _token(state, line, Where(state.file, number))
    _finish(state)
    return state.layers or [], state.documents


def _comment(state: _State, body: str, where: Where) -> None:
    key, _, value = (part.strip() for part in body.partition("="))
    if key == "columns":
        names = value.split()
        if names[:3] != ["token", "start", "end"]:
            state.problems.append(where.problem(Code.INVALID_HEADER, "the columns must begin with token start end",
                                                "restore the header written by the export"))
            return
        state.layers = names[3:]
    elif key == "doc_id":
        _finish(state)
        doc = state.texts.get(value)
        state.skipping = doc is None
        if doc is None:
            state.problems.append(where.problem(Code.UNKNOWN_DOCUMENT, f"no document {value!r} in this corpus; its "
                                                "tokens are not imported", "ingest the document first"))
            return
        state.current = (ConllDocument(value, where), doc)
    elif key == "text_sha256" and state.current is not None and value != state.current[1].text_sha256:
        state.problems.append(where.problem(Code.DOCUMENT_TEXT_DIFFERS, "the file was made for another version of the "
                                            "text", "tokens are checked one by one", severity="warning"))


def _token(state: _State, line: str, where: Where) -> None:
    if state.skipping:
        return
    if state.current is None or state.layers is None:
        state.problems.append(where.problem(Code.INVALID_LINE, "a token line before the '# columns' header or the "
                                            "'# doc_id' comment", "restore the comments written by the export"))
        state.skipping = True
        return
    doc, text = state.current
    fields = line.split("\t")
    if len(fields) != 3 + len(state.layers) or not (fields[1].isdigit() and fields[2].isdigit()):
        state.problems.append(where.problem(Code.INVALID_LINE, f"expected {3 + len(state.layers)} tab-separated "
                                            "columns: token, start, end and one tag per layer", "fix the line"))
        return
    start, end = int(fields[1]), int(fields[2])
    tags = fields[3:]
    index = len(doc.tokens)
    doc.tokens.append((start, end))
    doc.lines.append(where.line or 0)
    if text.text[start:end] != fields[0] or not all(_TAG.match(tag) for tag in tags):
        doc.bad.add(index)
        tags = ["O" if not _TAG.match(tag) else tag for tag in tags]
        _report_bad(state, where, fields[0], text.text[start:end])
    doc.tags.append(tags)


def _report_bad(state: _State, where: Where, token: str, actual: str) -> None:
    state.mismatches += 1
    if state.mismatches == 1:
        what = f"token {token!r} but the text has {actual!r}" if token != actual else "a tag is not O, B-X or I-X"
        state.problems.append(where.problem(Code.OFFSET_MISMATCH, f"{what}; spans over this token are not imported",
                                            "the file was made for another text, or was edited by hand"))


def _finish(state: _State) -> None:
    if state.current is not None:
        doc = state.current[0]
        state.documents.append(doc)
        if state.mismatches > 1:
            state.problems.append(doc.where.problem(Code.OFFSET_MISMATCH, f"{state.mismatches} tokens of {doc.doc_id} "
                                                    "do not match the text or have invalid tags (the first is "
                                                    "reported above)", "re-export the document"))
    state.current, state.mismatches = None, 0
