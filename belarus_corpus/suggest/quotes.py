"""Pair quotation marks inside a paragraph: “…”, "…", „…” / „…“, «…», ‹…›, with nesting.

A stack of open marks is kept while scanning: an opening mark is pushed; a closing mark that fits the
mark on top closes it (“ closes „ as in German unless white space precedes it; ” closes “ or „); a
straight " closes an open " or opens one. Stray closers are ignored and marks still open at the end of
the paragraph give no quotation, so quotes running over several paragraphs are not found. Single
quotes (‘…’) are not paired: ’ is far more often an apostrophe.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import LazyPattern

_MARKS = "“”„«»‹›\""
QUOTE_MARK = LazyPattern(f"[{_MARKS}]")
_CLOSERS = {"“": "”", "„": "”“", "«": "»", "‹": "›", '"': '"'}


@dataclass(frozen=True, init=False)
class Quotation:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    depth: int  # 0 for an outermost quotation
    opener: str
    closer: str

    def __init__(self, open: int, close: int, depth: int, opener: str, closer: str) -> None:
        # Faster than the frozen dataclass's per-field ``object.__setattr__`` (see ``base.Proposal``).
        self.__dict__.update(open=open, close=close, depth=depth, opener=opener, closer=closer)

    @property
    def inner(self) -> tuple[int, int]:
        return (self.open + 1, self.close)


def _closes(top: str, mark: str, text: str, position: int) -> bool:
    """Whether ``mark`` closes the open ``top`` mark; “ after white space opens a quote even after „."""
    if mark not in _CLOSERS.get(top, ""):
        return False
    return not (top == "„" and mark == "“" and position > 0 and text[position - 1].isspace())


def quote_marks(text: str) -> list[int]:
    """Offsets of the quotation marks of ``text`` (``QUOTE_MARK``), in order: each kind of mark found by
    ``str.find``, which is faster than the pattern's pass over every character."""
    found: list[int] = []
    for mark in _MARKS:
        position = text.find(mark)
        while position >= 0:
            found.append(position)
            position = text.find(mark, position + 1)
    found.sort()
    return found


def quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Quotations of ``text[start:end]`` (one paragraph), ordered by their opening mark."""
    return paired(text, [match.start() for match in QUOTE_MARK.finditer(text, start, end)])


def paired(text: str, marks: list[int]) -> list[Quotation]:
    """Quotations from the offsets of the quotation marks of one paragraph, in order."""
    stack: list[tuple[str, int]] = []
    found: list[Quotation] = []
    for position in marks:
        mark = text[position]
        if stack and _closes(stack[-1][0], mark, text, position):
            opener, opened = stack.pop()
            found.append(Quotation(opened, position, len(stack), opener, mark))
        elif mark in _CLOSERS:
            stack.append((mark, position))
    found.sort(key=lambda quotation: quotation.open)
    return found
