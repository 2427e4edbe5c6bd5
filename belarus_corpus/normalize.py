"""Normalization: small, named, versioned steps with an offset map back to the raw bytes.

Every step only removes invisible code points or replaces a code point sequence by its canonical
equivalent, so the authors' words are never corrected. Each step returns the new text, where each new
code point came from (``origin``, or ``None`` when nothing changed) and how many changes it made.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

PIPELINE_VERSION = "1"

Origin = list[int] | None
StepResult = tuple[str, Origin, int]


@dataclass(frozen=True)
class Step:
    name: str
    version: int
    description: str
    apply: Callable[[str], StepResult]

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


def _substitute(text: str, pattern: re.Pattern[str], replacement: str) -> StepResult:
    """Replace every match by ``replacement`` (at most one code point) and record where each code point came from."""
    matches = list(pattern.finditer(text))
    if not matches:
        return text, None, 0
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for match in matches:
        pieces.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        if replacement:
            pieces.append(replacement)
            origin.append(match.start())
        position = match.end()
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return "".join(pieces), origin, len(matches)


_BOM = re.compile("^\ufeff")
_C2PA_WRAPPER = re.compile("\ufeff?[\ufe00-\ufe0f\U000e0100-\U000e01ef]{13,}")  # extractors may drop the U+FEFF
_NEWLINES = re.compile("\r\n?")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")


def strip_bom(text: str) -> StepResult:
    return _substitute(text, _BOM, "")


def unify_newlines(text: str) -> StepResult:
    return _substitute(text, _NEWLINES, "\n")


def remove_zero_width(text: str) -> StepResult:
    return _substitute(text, _ZERO_WIDTH, "")


def remove_c2pa_wrapper(text: str) -> StepResult:
    """Remove C2PA text manifest wrappers (U+FEFF and a run of 13 or more variation selectors, which text never
    has); the ingest of a web page reads what they say first (``ingest/html_c2pa.py``)."""
    return _substitute(text, _C2PA_WRAPPER, "")


_DECOMPOSABLE_BELOW = 0x20000
"""No code point from U+20000 on has a two-part canonical decomposition (U+2F800… are singletons)."""
_HANGUL_JAMO_V_T = range(0x1161, 0x1176), range(0x11A8, 0x11C3)
"""Conjoining vowels and trailing consonants: NFC composes them into the syllable before them (algorithmically,
so ``unicodedata.decomposition`` does not list them)."""


@functools.lru_cache(maxsize=1)
def _may_compose_with_previous() -> frozenset[str]:
    """Code points that NFC may merge into the code point before them (NFC_Quick_Check = Maybe, or a superset)."""
    seconds = {chr(code) for block in _HANGUL_JAMO_V_T for code in block}
    for code in range(_DECOMPOSABLE_BELOW):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


@functools.lru_cache(maxsize=4096)
def _starts_segment(char: str) -> bool:
    """NFC cannot reach back past ``char``: neither it nor the first code point of its decomposition is a mark
    or may compose with what precedes (U+0F73, a starter, decomposes into two marks: not a segment start)."""
    first = unicodedata.normalize("NFD", char)[0]
    attach = _may_compose_with_previous()
    return (unicodedata.combining(char) == 0 and char not in attach
            and unicodedata.combining(first) == 0 and first not in attach)


def _clusters(text: str) -> list[int]:
    """Start indices of the segments NFC treats independently (a stable code point and what follows it)."""
    starts = [0]
    for index in range(1, len(text)):
        if _starts_segment(text[index]):
            starts.append(index)
    return starts


def nfc(text: str) -> StepResult:
    """NFC, line by line (a newline is stable: NFC never merges across it); only a line that is not NFC already
    is cut into segments, each composed on its own so that every new code point knows where it came from."""
    if unicodedata.is_normalized("NFC", text):
        return text, None, 0
    pieces: list[str] = []
    origin: list[int] = []
    changed = 0
    position = 0
    for line in text.split("\n"):
        if unicodedata.is_normalized("NFC", line):
            pieces.append(line)
            origin.extend(range(position, position + len(line)))
        else:
            changed += _compose_line(line, position, pieces, origin)
        pieces.append("\n")
        origin.append(position + len(line))
        position += len(line) + 1
    pieces.pop()  # the newline after the last line
    origin[-1] = len(text)  # ... whose origin entry becomes the end position
    return "".join(pieces), origin, changed


def _compose_line(line: str, offset: int, pieces: list[str], origin: list[int]) -> int:
    changed = 0
    starts = [*_clusters(line), len(line)]
    for begin, end in pairwise(starts):
        segment = line[begin:end]
        composed = unicodedata.normalize("NFC", segment)
        pieces.append(composed)
        if composed == segment:
            origin.extend(range(offset + begin, offset + end))
        else:
            changed += 1
            origin.extend([offset + begin] * len(composed))
    return changed


STEPS: tuple[Step, ...] = (
    Step("strip-bom", 1, "remove a leading byte order mark", strip_bom),
    Step("newlines", 1, "turn CRLF and lone CR into LF", unify_newlines),
    Step("zero-width", 1, "remove zero-width space, word joiner, inner BOM and soft hyphen", remove_zero_width),
    Step("nfc", 2, "compose canonically equivalent sequences (Unicode NFC)", nfc),
)


HTML_TEXT_STEPS: tuple[Step, ...] = (
    Step("c2pa-text", 1, "remove C2PA text manifest wrappers (recorded in provenance first)", remove_c2pa_wrapper),
    *STEPS,
)
"""What a web page's extracted main text goes through; the extraction step before them is
``webpage.extract.EXTRACT_STEP`` (above this module: it needs trafilatura and the source map)."""


def pipeline_id(steps: tuple[Step, ...] = STEPS) -> str:
    return f"v{PIPELINE_VERSION}:" + ",".join(step.id for step in steps)


def run_steps(text: str, steps: tuple[Step, ...]) -> tuple[str, Origin, dict[str, int]]:
    """Apply ``steps`` in order: the text, where each of its code points came from, and each step's changes."""
    origin: Origin = None
    changes: dict[str, int] = {}
    for step in steps:
        text, step_origin, count = step.apply(text)
        changes[step.id] = count
        origin = _compose(origin, step_origin)
    return text, origin, changes


@dataclass
class Normalized:
    """Normalized text plus the map from its code points back to the raw bytes."""

    raw: str
    text: str
    changes: dict[str, int]
    char_origin: Origin = field(repr=False)
    _byte_starts: list[int] | None = field(default=None, repr=False)

    def raw_char(self, index: int) -> int:
        """Raw code point index where normalized position ``index`` begins (``index`` may equal len(text))."""
        return index if self.char_origin is None else self.char_origin[index]

    def raw_bytes_range(self, start: int, end: int) -> tuple[int, int]:
        """Byte range in the raw file that the normalized span [start, end) came from."""
        return self._byte_offset(self.raw_char(start)), self._byte_offset(self.raw_char(end))

    def is_boundary(self, index: int) -> bool:
        """False inside a sequence that normalization merged (a span may not start or end there)."""
        if self.char_origin is None or index <= 0 or index >= len(self.text):
            return True
        return self.char_origin[index] > self.char_origin[index - 1]

    def from_raw_char(self, raw_index: int) -> int:
        """Normalized position of a raw code point index (the first normalized position at or after it)."""
        if self.char_origin is None:
            return raw_index
        return bisect_right(self.char_origin, raw_index - 1)

    def _byte_offset(self, raw_index: int) -> int:
        if self._byte_starts is None:
            if self.raw.isascii():
                return raw_index
            widths = (1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in self.raw)
            self._byte_starts = [0, *accumulate(widths)]
        return self._byte_starts[raw_index]


def _compose(first: Origin, second: Origin) -> Origin:
    if second is None:
        return first
    if first is None:
        return second
    return [first[index] for index in second]


def normalize(raw: str) -> Normalized:
    text, origin, changes = run_steps(raw, STEPS)
    return Normalized(raw=raw, text=text, changes=changes, char_origin=origin)
