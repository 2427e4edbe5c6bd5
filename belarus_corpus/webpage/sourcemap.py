"""The source map of an HTML page: where each character of the extracted main text came from in the raw page.

No extractor reports offsets, so the page is read a second time here: ``html.parser`` (with character references
left undecoded) gives every text node's position, each entity is decoded on its own, and so each decoded text
character knows its raw code-point range and the element it sits in. The extracted text is then aligned to that
sequence, paragraph by paragraph: an exact match of the paragraph's non-space characters where there is one (the
candidate followed most closely by the next paragraph, so a headline repeated in the navigation is not taken),
an edit-distance alignment (rapidfuzz) inside a window where not. A collapsed white-space run maps to the run it
came from; what the extractor inserted (paragraph breaks, list dashes, table bars) maps to an empty range.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

Kind = Literal["exact", "whitespace", "inserted", "approximate"]
KINDS: tuple[Kind, ...] = ("exact", "whitespace", "inserted", "approximate")
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"])  # elements without an end tag
_RAW_TEXT = frozenset({"script", "style", "template"})
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class Element:
    """An element of the page: its tag, id and class, its parent, and its path (``/html/body/article/p[2]``)."""

    tag: str
    ident: str
    classes: str
    parent: int  # index of the parent element, -1 at the top
    path: str
    start: int  # raw code point where its start tag begins


@dataclass
class PageText:
    """Every decoded text character of a page, outside script and style, with its raw range and element."""

    chars: list[str]
    starts: list[int]
    ends: list[int]
    element: list[int]
    elements: list[Element]

    @property
    def text(self) -> str:
        return "".join(self.chars)


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.page = PageText([], [], [], [], [Element("#document", "", "", -1, "", 0)])
        self.stack: list[int] = [0]
        self.children: list[dict[str, int]] = [{}]

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.stack[-1]
        counts = self.children[parent]
        counts[tag] = counts.get(tag, 0) + 1
        values = dict(attrs)
        path = f"{self.page.elements[parent].path}/{tag}" + (f"[{counts[tag]}]" if counts[tag] > 1 else "")
        self.page.elements.append(Element(tag, values.get("id") or "", values.get("class") or "", parent, path,
                                          self._position()))
        self.children.append({})
        if tag not in _VOID:
            self.stack.append(len(self.page.elements) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.page.elements[self.stack[depth]].tag == tag:
                del self.stack[depth:]
                return

    def _in_raw_text(self) -> bool:
        return self.page.elements[self.stack[-1]].tag in _RAW_TEXT

    def handle_data(self, data: str) -> None:
        if self._in_raw_text():
            return
        start = self._position()
        here = self.stack[-1]
        page = self.page
        page.chars.extend(data)
        page.starts.extend(range(start, start + len(data)))
        page.ends.extend(range(start + 1, start + len(data) + 1))
        page.element.extend([here] * len(data))

    def _reference(self) -> None:
        if self._in_raw_text():
            return
        start = self._position()
        match = _REFERENCE.match(self.source, start)
        raw = match.group(0) if match else self.source[start]
        decoded = html.unescape(raw)
        page, here = self.page, self.stack[-1]
        if decoded == raw:  # not a known reference: its characters stand for themselves
            page.chars.extend(raw)
            page.starts.extend(range(start, start + len(raw)))
            page.ends.extend(range(start + 1, start + len(raw) + 1))
        else:
            page.chars.extend(decoded)
            page.starts.extend([start] * len(decoded))
            page.ends.extend([start + len(raw)] * len(decoded))
        page.element.extend([here] * len(decoded if decoded != raw else raw))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def read_page(source: str) -> PageText:
    """The decoded text characters of ``source`` (an HTML page as a string) with their raw ranges."""
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader.page


@dataclass
class SourceMap:
    """For each extracted character: its raw code point range ``[start, end)`` and how it was matched."""

    starts: list[int]
    ends: list[int]
    kinds: list[Kind]
    source_index: list[int]  # index into PageText.chars, -1 when inserted

    def counts(self) -> dict[str, int]:
        return {kind: self.kinds.count(kind) for kind in KINDS}


def build_source_map(extracted: str, page: PageText) -> SourceMap:
    """Align ``extracted`` to the page's text characters; every extracted character gets a range."""
    compact = [i for i, c in enumerate(page.chars) if not c.isspace()]
    compact_text = "".join(page.chars[i] for i in compact)
    matched: list[int] = [-1] * len(extracted)
    exact = [False] * len(extracted)
    cursor = 0
    lines = _lines(extracted)
    for number, (begin, end) in enumerate(lines):
        positions = [i for i in range(begin, end) if not extracted[i].isspace()]
        if not positions:
            continue
        wanted = "".join(extracted[i] for i in positions)
        following = _compact_line(extracted, lines, number + 1)
        cursor = _place_line(wanted, following, positions, compact_text, compact, cursor, matched, exact)
    return _finish(extracted, page, matched, exact)


def _lines(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer("\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _compact_line(text: str, lines: list[tuple[int, int]], number: int) -> str:
    if number >= len(lines):
        return ""
    begin, end = lines[number]
    return "".join(c for c in text[begin:end] if not c.isspace())


def _place_line(wanted: str, following: str, positions: list[int], compact_text: str, compact: list[int],
                cursor: int, matched: list[int], exact: list[bool]) -> int:
    found = _best_occurrence(wanted, following, compact_text, cursor)
    if found >= 0:
        for k, position in enumerate(positions):
            matched[position] = compact[found + k]
            exact[position] = True
        return found + len(wanted)
    return _align_fuzzy(wanted, positions, compact_text, compact, cursor, matched, exact)


def _best_occurrence(wanted: str, following: str, haystack: str, cursor: int, limit: int = 20) -> int:
    """The occurrence of ``wanted`` at or after ``cursor`` that the next line follows most closely."""
    candidates: list[int] = []
    at = haystack.find(wanted, cursor)
    while at >= 0 and len(candidates) < limit:
        candidates.append(at)
        at = haystack.find(wanted, at + 1)
    if len(candidates) <= 1 or not following:
        return candidates[0] if candidates else -1
    probe = following[:24]

    def gap(candidate: int) -> int:
        after = haystack.find(probe, candidate + len(wanted))
        return after - candidate if after >= 0 else len(haystack)

    return min(candidates, key=lambda candidate: (gap(candidate), candidate))


def _align_fuzzy(wanted: str, positions: list[int], compact_text: str, compact: list[int], cursor: int,
                 matched: list[int], exact: list[bool]) -> int:
    """Match the line's common blocks (3 characters or more) inside a window, then single characters in the
    gaps between blocks in order; what is left of the line was inserted by the extractor."""
    from difflib import SequenceMatcher

    start = _window_start(wanted, compact_text, cursor)
    window = compact_text[start:start + 2 * len(wanted) + 64]
    smallest = min(3, len(wanted))
    blocks = [b for b in SequenceMatcher(None, wanted, window, autojunk=False).get_matching_blocks()
              if b.size >= smallest]
    pairs: list[tuple[int, int]] = []
    previous_a = previous_b = 0
    for block in [*blocks, None]:
        limit_a = block.a if block else len(wanted)
        limit_b = block.b if block else min(len(window), previous_b + 2 * (limit_a - previous_a) + 2)
        pairs += _fill_gap(wanted, window, previous_a, limit_a, previous_b, limit_b)
        if block:
            pairs += [(block.a + k, block.b + k) for k in range(block.size)]
            previous_a, previous_b = block.a + block.size, block.b + block.size
    for a, b in pairs:
        matched[positions[a]] = compact[start + b]
        exact[positions[a]] = True
    return max(start + pairs[-1][1] + 1, cursor) if pairs else cursor


def _fill_gap(wanted: str, window: str, a: int, a_end: int, b: int, b_end: int, skip: int = 3) -> list[tuple[int, int]]:
    pairs = []
    for i in range(a, a_end):
        found = window.find(wanted[i], b, min(b_end, b + skip + 1))
        if found >= 0:
            pairs.append((i, found))
            b = found + 1
    return pairs


def _window_start(wanted: str, compact_text: str, cursor: int) -> int:
    """Where the line probably begins: the first of its 16-character pieces found after ``cursor``."""
    for k in range(0, max(1, len(wanted) - 8), 8):
        at = compact_text.find(wanted[k:k + 16], cursor)
        if at >= 0:
            return max(cursor, at - k - 8)
    return cursor


def _finish(extracted: str, page: PageText, matched: list[int], exact: list[bool]) -> SourceMap:
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[Kind] = []
    source_index: list[int] = []
    previous = -1  # page index of the last mapped character
    position = 0  # raw position after it
    following = _next_matched(matched)
    for i, char in enumerate(extracted):
        index = matched[i]
        if index < 0 and char.isspace() and previous + 1 < len(page.chars) and page.chars[previous + 1].isspace() \
                and following[i] > previous + 1:
            index = previous + 1
            run_end = index
            while run_end + 1 < len(page.chars) and page.chars[run_end + 1].isspace() \
                    and page.starts[run_end + 1] == page.ends[run_end]:
                run_end += 1
            starts.append(page.starts[index])
            ends.append(page.ends[run_end])
            kinds.append("whitespace")
            source_index.append(index)
            previous, position = run_end, page.ends[run_end]
        elif index < 0 or index <= previous:
            starts.append(position)
            ends.append(position)
            kinds.append("inserted")
            source_index.append(-1)
        else:
            starts.append(page.starts[index])
            ends.append(page.ends[index])
            kinds.append("exact" if exact[i] and page.chars[index] == char else "approximate")
            source_index.append(index)
            previous, position = index, page.ends[index]
    return SourceMap(starts, ends, kinds, source_index)


def _next_matched(matched: list[int]) -> list[int]:
    """For each extracted position, the page index of the next matched character after it (large if none)."""
    following = [1 << 62] * len(matched)
    upcoming = 1 << 62
    for i in range(len(matched) - 1, -1, -1):
        following[i] = upcoming
        if matched[i] >= 0:
            upcoming = matched[i]
    return following


def line_col(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a raw code point offset."""
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
