"""Main-text extraction (trafilatura), the first normalization step of a web page, and the normalized text of a
page with its source map: from each normalized code point back to a raw code point and byte range in the page."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from ..normalize import HTML_TEXT_STEPS, Normalized, Origin, Step, StepResult, pipeline_id, run_steps
from ..provenance_record import ProvenanceRecord
from .encoding import byte_starts
from .sourcemap import Kind, PageText, SourceMap, build_source_map, read_page

EXTRACTOR = "trafilatura"
EXTRACTION_OPTIONS: dict[str, Any] = {
    "output_format": "txt", "include_comments": False, "include_tables": True, "include_images": False,
    "include_links": False, "include_formatting": False, "favor_precision": False, "favor_recall": False,
    "fast": False, "deduplicate": False, "with_metadata": False,
}
"""Passed to ``trafilatura.extract`` as they are, and recorded in provenance beside the tool's version."""


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    from importlib.metadata import version

    return version(EXTRACTOR)


def extract_main(source: str) -> str:
    """The page's main text as trafilatura finds it ("" when it finds none)."""
    import trafilatura

    return trafilatura.extract(source, **EXTRACTION_OPTIONS) or ""


@dataclass
class Extraction:
    page: PageText
    extracted: str
    source_map: SourceMap


def extract(source: str) -> Extraction:
    extracted = extract_main(source)
    page = read_page(source)
    return Extraction(page, extracted, build_source_map(extracted, page))


def extraction_step(source: str) -> StepResult:
    """The registry's view of extraction: the text, each code point's raw start, and the characters removed."""
    done = extract(source)
    removed = len(done.page.chars) - sum(1 for i in done.source_map.source_index if i >= 0)
    return done.extracted, [*done.source_map.starts, len(source)], max(removed, 0)


EXTRACT_STEP = Step("extract-main", 1, "keep the main text of an HTML page (trafilatura; version and options in "
                    "provenance)", extraction_step)
HTML_STEPS: tuple[Step, ...] = (EXTRACT_STEP, *HTML_TEXT_STEPS)
"""The pipeline of a web page: extraction first, then the text steps."""


@dataclass
class HtmlNormalized(Normalized):
    """Normalized text of a web page; ``raw`` is the decoded page, offsets go back to its code points and bytes."""

    extraction: Extraction | None = field(default=None, repr=False)
    after_extraction: Origin = field(default=None, repr=False)  # normalized index -> extracted index

    def _extracted_index(self, index: int) -> int:
        return index if self.after_extraction is None else self.after_extraction[index]

    def raw_char_range(self, start: int, end: int) -> tuple[int, int]:
        """Raw code point range of the normalized span [start, end): from its first character's start to its
        last character's end (not the next character's start: the boilerplate between them is not the span's)."""
        assert self.extraction is not None
        smap = self.extraction.source_map
        first = self._extracted_index(start)
        begin = smap.starts[first] if first < len(smap.starts) else len(self.raw)
        if end <= start:
            return begin, begin
        last = self._extracted_index(end) - 1
        return begin, max(begin, smap.ends[last])

    def raw_bytes_range(self, start: int, end: int) -> tuple[int, int]:
        begin, finish = self.raw_char_range(start, end)
        return self._byte_offset(begin), self._byte_offset(finish)

    def kind(self, index: int) -> Kind:
        assert self.extraction is not None
        return self.extraction.source_map.kinds[self._extracted_index(index)]

    def element_path(self, index: int) -> str:
        """The path of the element that holds normalized character ``index`` (or the one before an insertion)."""
        assert self.extraction is not None
        page, smap = self.extraction.page, self.extraction.source_map
        position = self._extracted_index(index)
        while position >= 0 and smap.source_index[position] < 0:
            position -= 1
        if position < 0:
            return ""
        return page.elements[page.element[smap.source_index[position]]].path


def normalize_html(source: str, data: bytes, encoding: str, skip: int = 0) -> HtmlNormalized:
    """Extraction, then the text steps; ``source`` is ``data`` decoded with ``encoding``."""
    done = extract(source)
    removed = len(done.page.chars) - sum(1 for i in done.source_map.source_index if i >= 0)
    text, later, changes = run_steps(done.extracted, HTML_TEXT_STEPS)
    origin = [*done.source_map.starts, len(source)]
    composed = origin if later is None else [origin[i] for i in later]
    return HtmlNormalized(raw=source, text=text, changes={EXTRACT_STEP.id: max(removed, 0), **changes},
                          char_origin=composed, _byte_starts=byte_starts(source, data, encoding, skip),
                          extraction=done, after_extraction=later)


def html_pipeline() -> str:
    return pipeline_id(HTML_STEPS)


def normalize_html_document(raw: bytes, provenance: ProvenanceRecord) -> HtmlNormalized:
    """The normalized text of an ingested page, from its raw bytes and the encoding its provenance records."""
    encoding = provenance["encoding"] or "utf-8"
    skip = 2 if encoding in ("utf-16-le", "utf-16-be") and raw[:2] in (b"\xff\xfe", b"\xfe\xff") else 0
    return normalize_html(raw[skip:].decode(encoding), raw, encoding, skip)
