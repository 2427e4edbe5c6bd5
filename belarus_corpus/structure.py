"""Paragraphs with offsets, a rule-based role, and ``duplicate_of`` for verbatim repeats.

The rules look at the shape of a line (length, final punctuation, capitalisation, bullets, separators)
and at generic web boilerplate phrasing, never at the wording of particular articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STRUCTURE_VERSION = "structure@1"

_BOILERPLATE_START = re.compile(
    r"^(share( this| on)?\b|subscribe\b|sign up\b|read more\b|related( articles?| stories| posts)?:?$|"
    r"advertisement$|tags?:|filed under\b|print this|email this|leave a comment|comments?\s*\(\d+\)|"
    r"(facebook|twitter|x|telegram|whatsapp|linkedin)(\s*[|•·/,]\s*(facebook|twitter|x|telegram|whatsapp|linkedin))+$)",
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"(follow us on|subscribe to (our|the)|sign up for (our|the)|share this (article|story|post)|"
    r"all rights reserved|click here to|get the latest news|join our (telegram|newsletter|channel)|"
    r"\bcookies?\b.*\baccept|^©|copyright © ?\d{4}|download (our|the) app)",
    re.IGNORECASE,
)
_ANYWHERE_WORDS = ("follow us on", "subscribe to", "sign up for", "share this", "all rights reserved", "click here to",
                   "get the latest news", "join our", "cookie", "©", "download")
"""A line ``_BOILERPLATE_ANYWHERE`` matches holds one of these, lower-cased (each alternative needs one of them)."""
_IGNORECASE_TRAPS = ("İ", "ı", "ſ")
"""Characters that ``re.IGNORECASE`` matches to a letter of those words where ``str.lower()`` does not give that
letter alone: dotted capital I (lowers to two code points), dotless i, long s (checked over every code point)."""
_NAME = r"(?:[A-Z][\w.'’-]*|dr|prof)"
_BYLINE = re.compile(
    rf"^(?:(?:by|written by|reporting by)\s+|authors?:\s*){_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*\s*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*([-*•▪‣◦–]|\d{1,2}[.)]|[a-z][.)])\s+\S")
_TABLE_ROW = re.compile(r"(\|.*\|)|(\t.*\t)|^[\s|:-]{3,}$")
_FAQ_QUESTION = re.compile(r"^(q[:.]|question:|faq\b|frequently asked questions)", re.IGNORECASE)
_FAQ_ANSWER = re.compile(r"^(a[:.]|answer:)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!…:;][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    role: str
    duplicate_of: int | None


def _spans_of_lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, stripped of surrounding white space, as (start, end) offsets."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Blank-line separated blocks of short lines: paragraphs are the blocks, not the lines."""
    if len(lines) < 6 or "\n\n" not in text:
        return False
    lengths = sorted(end - start for start, end in lines)
    median = lengths[len(lengths) // 2]
    return 40 <= median <= 100 and sum(1 for n in lengths if n >= 60) >= len(lengths) // 2


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    lines = _spans_of_lines(text)
    if not _is_hard_wrapped(text, lines):
        return lines
    blocks = []
    for match in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        block = match.group().rstrip()
        blocks.append((match.start(), match.start() + len(block)))
    return blocks


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 16 or len(line) > 120:
        return False
    if line.endswith("?"):
        return True
    return not _SENTENCE_END.search(line)


def boilerplate_possible(text: str) -> bool:
    """False only when no line of ``text`` can match ``_BOILERPLATE_ANYWHERE``: a cheap test on the lower-cased
    text (first the whole text, then each line), so that the case-insensitive pattern (about 40 µs a line: it has
    no literal prefix) runs only on lines where one of its words occurs."""
    if any(trap in text for trap in _IGNORECASE_TRAPS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _ANYWHERE_WORDS)


def classify(line: str, index: int, previous_role: str | None, anywhere: bool = True) -> str:
    """The role of one line; ``anywhere=False`` when ``boilerplate_possible`` said the line cannot match the
    boilerplate phrases that may stand anywhere in a line."""
    if len(line) < 250 and (_BOILERPLATE_START.search(line) or (anywhere and _BOILERPLATE_ANYWHERE.search(line))):
        return "boilerplate"
    maybe_table = "|" in line or "\t" in line or line[:1] in ("|", ":", "-") or line[:1].isspace()
    if maybe_table and _TABLE_ROW.search(line):  # the test first: the pattern scans every position of the line
        return "table"
    if _LIST_ITEM.match(line):
        return "list"
    if _FAQ_QUESTION.match(line) or (_FAQ_ANSWER.match(line) and previous_role == "faq"):
        return "faq"
    if _BYLINE.match(line) and len(line.split()) <= 12:
        return "byline"
    if _looks_like_heading(line):
        return "heading"
    return "body"


def _assign_title(roles: list[str], lines: list[str]) -> None:
    """The first heading-like line is the title when it opens the article or follows a short standfirst."""
    if roles and roles[0] == "heading":
        roles[0] = "title"
    elif len(roles) > 1 and roles[1] == "heading" and roles[0] == "body" and len(lines[0]) < 300:
        roles[1] = "title"


def _mark_faq(roles: list[str], lines: list[str]) -> None:
    """Two or more consecutive (question heading, answer) pairs form an FAQ block."""
    index = 0
    while index < len(roles):
        run = index
        while (run + 1 < len(roles) and roles[run] == "heading" and lines[run].endswith("?")
               and roles[run + 1] == "body"):
            run += 2
        if run - index >= 4:
            for position in range(index, run):
                roles[position] = "faq"
            index = run
        else:
            index += 1


def _fingerprint(line: str) -> str:
    return " ".join(line.split()).casefold()


def paragraphs(text: str) -> list[Paragraph]:
    spans = paragraph_spans(text)
    lines = [text[start:end] for start, end in spans]
    roles: list[str] = []
    anywhere = boilerplate_possible(text)
    for index, line in enumerate(lines):
        roles.append(classify(line, index, roles[-1] if roles else None, anywhere and boilerplate_possible(line)))
    _assign_title(roles, lines)
    _mark_faq(roles, lines)
    result: list[Paragraph] = []
    first_seen: dict[str, int] = {}
    for index, ((start, end), role) in enumerate(zip(spans, roles, strict=True)):
        key = _fingerprint(lines[index])
        duplicate_of = first_seen.get(key)
        first_seen.setdefault(key, index)
        result.append(Paragraph(index=index, start=start, end=end, role=role, duplicate_of=duplicate_of))
    return result


def title_of(text: str, found: list[Paragraph]) -> str | None:
    for paragraph in found:
        if paragraph.role == "title":
            return text[paragraph.start : paragraph.end]
    return None
