"""Offsets in UTF-16 code units (JavaScript string indices) against our code point offsets, both ways.

A code point above U+FFFF (most emoji) is one code point in Python and two code units (a surrogate pair) in
JavaScript; everything else is one of each. Combining marks are code points like any other and need nothing.
"""

from __future__ import annotations

from itertools import accumulate


class Utf16Map:
    """Conversions for one text; ``to_code_points`` gives None for an index inside a surrogate pair or past the end."""

    def __init__(self, text: str) -> None:
        self.units = [0, *accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]
        all_bmp = self.units[-1] == len(text)
        self._back = None if all_bmp else {unit: index for index, unit in enumerate(self.units)}

    @property
    def length(self) -> int:
        return self.units[-1]

    def to_utf16(self, index: int) -> int:
        return self.units[index]

    def to_code_points(self, unit: int) -> int | None:
        if self._back is None:
            return unit if 0 <= unit <= self.length else None
        return self._back.get(unit)
