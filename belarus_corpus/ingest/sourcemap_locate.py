"""Where a span is in its source: raw byte and code-point range, line and column, and for a web page the path of the
element that encloses it (``annotate locate``); and the raw byte range the spans config of a build carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..webpage.sourcemap import line_col

if TYPE_CHECKING:
    from ..document import Document
    from ..webpage.extract import HtmlNormalized


@dataclass(frozen=True)
class SourceLocation:
    doc_id: str
    span_id: str
    text: str
    raw_file: str
    media_type: str
    byte_start: int
    byte_end: int
    char_start: int  # raw code points (of the decoded page, for a web page)
    char_end: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    element_path: str | None  # None for a text file

    def render(self) -> str:
        lines = [f"{self.span_id} in {self.raw_file} ({self.media_type})",
                 f"  bytes {self.byte_start}-{self.byte_end}, code points {self.char_start}-{self.char_end}",
                 f"  from line {self.start_line}:{self.start_column} to line {self.end_line}:{self.end_column}"]
        if self.element_path is not None:
            lines.append(f"  element {self.element_path or '(none)'}")
        lines.append(f"  text {self.text!r}")
        return "\n".join(lines)


def source_bytes(document: Document, start: int, end: int) -> tuple[int, int]:
    """The raw byte range of the normalized span [start, end) in the document's raw file."""
    return document.normalized.raw_bytes_range(start, end)


def source_byte_range(document: Document, start: int, end: int) -> dict[str, int]:
    """The spans config's ``source_bytes`` column: where the span's characters are in the raw file, in bytes."""
    begin, finish = source_bytes(document, start, end)
    return {"start": begin, "end": finish}


def _char_range(document: Document, start: int, end: int) -> tuple[int, int]:
    from ..webpage.extract import HtmlNormalized

    normalized = document.normalized
    if isinstance(normalized, HtmlNormalized):
        return normalized.raw_char_range(start, end)
    return normalized.raw_char(start), normalized.raw_char(end)


def enclosing_path(normalized: HtmlNormalized, start: int, end: int) -> str:
    """The path of the innermost element holding both the span's first and last characters."""
    assert normalized.extraction is not None
    page, smap = normalized.extraction.page, normalized.extraction.source_map

    def chain(index: int) -> list[int]:
        position = normalized._extracted_index(index)
        while position > 0 and smap.source_index[position] < 0:
            position -= 1
        element = page.element[smap.source_index[position]] if smap.source_index[position] >= 0 else 0
        found = []
        while element >= 0:
            found.append(element)
            element = page.elements[element].parent
        return found

    last = max(start, end - 1)
    ancestors = set(chain(last))
    common = next((element for element in chain(start) if element in ancestors), 0)
    return page.elements[common].path


def locate(document: Document, span_id: str, start: int, end: int, raw_file: str) -> SourceLocation:
    from ..webpage.extract import HtmlNormalized

    normalized = document.normalized
    byte_start, byte_end = source_bytes(document, start, end)
    char_start, char_end = _char_range(document, start, end)
    first, last = line_col(normalized.raw, char_start), line_col(normalized.raw, char_end)
    html = isinstance(normalized, HtmlNormalized)
    path = enclosing_path(cast("HtmlNormalized", normalized), start, end) if html else None
    return SourceLocation(
        doc_id=document.doc_id, span_id=span_id, text=document.text[start:end], raw_file=raw_file,
        media_type="text/html" if html else "text/plain", byte_start=byte_start, byte_end=byte_end,
        char_start=char_start, char_end=char_end, start_line=first[0], start_column=first[1], end_line=last[0],
        end_column=last[1], element_path=path)
