"""Browser offsets (UTF-16 code units, what JavaScript strings count) ↔ store offsets (code points).

The one place the two are converted: every offset the server sends to a page is UTF-16, every offset a page
sends back is turned into code points here, and an offset inside a surrogate pair (half an emoji) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..codes import Code
from ..errors import Problem, UsageError


@dataclass(frozen=True)
class OffsetMap:
    """For one text: the UTF-16 offset of every code point offset (0 … len(text)), and back."""

    text: str
    _utf16: list[int] = field(init=False, repr=False)
    _code_point: dict[int, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        positions = [0]
        for char in self.text:
            positions.append(positions[-1] + (2 if ord(char) > 0xFFFF else 1))
        object.__setattr__(self, "_utf16", positions)
        object.__setattr__(self, "_code_point", {unit: point for point, unit in enumerate(positions)})

    @property
    def utf16_length(self) -> int:
        return self._utf16[-1]

    def to_utf16(self, code_point: int) -> int:
        return self._utf16[code_point]

    def to_code_point(self, utf16: int, where: str = "offset") -> int:
        """The code point offset of a UTF-16 offset; refused when it is outside the text or splits a pair."""
        point = self._code_point.get(utf16)
        if point is None:
            inside = 0 <= utf16 <= self.utf16_length
            raise UsageError(Problem(where, None, Code.OFFSET_OUT_OF_RANGE,
                                     f"UTF-16 offset {utf16} " + ("falls inside a character (half of a surrogate "
                                                                 "pair)" if inside else "is outside the text")
                                     + f" ({self.utf16_length} UTF-16 units)",
                                     "select whole characters and try again"))
        return point
