"""What the HTML tests share: the test pages and the check that every extracted character maps back."""

from __future__ import annotations

import html
from pathlib import Path

from belarus_corpus.webpage.encoding import decode_page
from belarus_corpus.webpage.extract import HtmlNormalized, normalize_html

PAGES = Path(__file__).parent / "pages"
PAGE_FILES = sorted(PAGES.glob("*.html"))
INSERTABLE = set("\n -|")


def normalized_page(data: bytes) -> tuple[HtmlNormalized, str, str]:
    decoded = decode_page(data, "<test>")
    return normalize_html(decoded.text, data, decoded.encoding, decoded.skip), decoded.text, decoded.encoding


def mapping_errors(data: bytes) -> list[str]:
    """Every extracted character whose raw range (code points and bytes) does not hold what it says it holds."""
    normalized, source, encoding = normalized_page(data)
    assert normalized.extraction is not None and normalized._byte_starts is not None
    smap, starts = normalized.extraction.source_map, normalized._byte_starts
    errors = []
    for i, char in enumerate(normalized.extraction.extracted):
        begin, end, kind = smap.starts[i], smap.ends[i], smap.kinds[i]
        raw = source[begin:end]
        if data[starts[begin]:starts[end]].decode(encoding) != raw:
            errors.append(f"{i}: bytes {starts[begin]}-{starts[end]} do not decode to {raw!r}")
        elif kind == "exact" and raw != char and char not in html.unescape(raw):
            errors.append(f"{i}: {char!r} maps to {raw!r}")
        elif kind == "whitespace" and not (char.isspace() and html.unescape(raw).isspace()):
            errors.append(f"{i}: white space {char!r} maps to {raw!r}")
        elif kind == "inserted" and (begin != end or char not in INSERTABLE):
            errors.append(f"{i}: inserted {char!r} has the range {begin}-{end}")
        elif kind == "approximate":
            errors.append(f"{i}: {char!r} only approximately matches {raw!r}")
    return errors
