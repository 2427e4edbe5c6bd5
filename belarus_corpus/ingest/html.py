"""Ingest of a web page: the raw HTML kept byte-identical in ``raw/<doc_id>.html``, its main text extracted as the
first normalization step, and a provenance record that adds what the page states about itself (with its basis),
its encoding and why, what extraction removed, the source-map tally and any C2PA text credentials."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..provenance_record import ProvenanceRecord
from ..webpage.encoding import decode_page
from ..webpage.extract import (
    EXTRACTION_OPTIONS,
    EXTRACTOR,
    HtmlNormalized,
    extractor_version,
    html_pipeline,
    normalize_html,
)
from .html_c2pa import find_credentials
from .html_metadata import HEURISTIC, page_metadata, removed_counts
from .signatures import sniff

MIN_WORDS = 40
"""A main text shorter than this is not an article (a teaser, an error page, a cookie wall)."""
MAX_LINK_SHARE = 0.5
"""A main text more than half of which is link text is a listing page."""
_HTML = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(<!doctype html|<html\b|<head\b|<body\b|<!--)", re.IGNORECASE)
_TAGS = re.compile(rb"</?(p|div|span|a|script|style|br|meta|li|table)\b[^>]*>", re.IGNORECASE)


def looks_like_html(data: bytes, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML.search(data[:2048])) or len(_TAGS.findall(data[:20000])) >= 5


@dataclass(frozen=True)
class WarcOrigin:
    """Where a page came from when it is a WARC response record."""

    file: str
    record_number: int
    record_id: str | None
    target_uri: str | None
    date: str | None
    payload_digest: str | None
    http_status: int | None
    content_type: str | None


@dataclass
class Page:
    """A page read, extracted and checked, ready to be written."""

    data: bytes
    name: str
    normalized: HtmlNormalized
    html: dict[str, Any]
    stated: dict[str, Any]  # source fields the page states (url, authors, published_date, publisher)


def _refuse(file: str, code: Code, message: str, hint: str) -> CorpusError:
    return CorpusError(Problem(file=file, line=None, code=code, message=message, hint=hint))


def read_html_page(data: bytes, shown: str, name: str, origin: WarcOrigin | None = None,
              http_charset: str | None = None) -> Page:
    """Decode, extract and check one page; a page that is not an article is refused with the reason."""
    signature = sniff(data)
    if signature is not None or b"\x00" in data[:65536]:
        what = signature.name if signature else "binary data (NUL bytes)"
        raise _refuse(shown, Code.BINARY_PAYLOAD, f"this is {what}, not an HTML page", "pass an HTML page or a WARC "
                      "capture of one")
    decoded = decode_page(data, shown, http_charset)
    normalized = normalize_html(decoded.text, data, decoded.encoding, decoded.skip)
    assert normalized.extraction is not None
    _check_article(shown, normalized)
    extraction = normalized.extraction
    credentials = find_credentials(extraction.page.text)  # the page's text nodes, before any normalization
    for credential in credentials:
        credential["position"] = extraction.page.starts[credential["position"]]
    statements = page_metadata(decoded.text)
    block: dict[str, Any] = {
        "extraction": {"tool": EXTRACTOR, "version": extractor_version(), "options": dict(EXTRACTION_OPTIONS),
                       "step": "extract-main@1", "characters": len(extraction.extracted)},
        "encoding": {"name": decoded.encoding, "basis": decoded.basis, "declared": decoded.declared},
        "statements": statements,
        "removed": removed_counts(extraction.page, extraction.source_map),
        "source_map": extraction.source_map.counts(),
        "c2pa": credentials,
        "warc": _warc_block(origin),
    }
    return Page(data, name, normalized, block, _stated_source(statements, origin))


def _check_article(shown: str, normalized: HtmlNormalized) -> None:
    assert normalized.extraction is not None
    words = len(normalized.text.split())
    if not normalized.text.strip():
        raise _refuse(shown, Code.NOT_AN_ARTICLE, "no main text found in the page (navigation, lists or scripts "
                      "only)", "ingest article pages only; nothing was written")
    if words < MIN_WORDS:
        raise _refuse(shown, Code.NOT_AN_ARTICLE, f"the main text is only {words} words (an article has at least "
                      f"{MIN_WORDS})", "ingest article pages only; nothing was written")
    share = link_share(normalized)
    if share > MAX_LINK_SHARE:
        raise _refuse(shown, Code.NOT_AN_ARTICLE, f"{share:.0%} of the main text is link text: a listing page",
                      "ingest the articles it links to, not the listing; nothing was written")


def link_share(normalized: HtmlNormalized) -> float:
    """The share of the extracted non-space characters that sit inside a link."""
    assert normalized.extraction is not None
    page, smap = normalized.extraction.page, normalized.extraction.source_map
    inside = total = 0
    for index in smap.source_index:
        if index < 0 or page.chars[index].isspace():
            continue
        total += 1
        element = page.element[index]
        while element > 0 and page.elements[element].tag != "a":
            element = page.elements[element].parent
        inside += element > 0
    return inside / total if total else 0.0


def _warc_block(origin: WarcOrigin | None) -> dict[str, Any] | None:
    if origin is None:
        return None
    return {"file": origin.file, "record_number": origin.record_number, "record_id": origin.record_id,
            "target_uri": origin.target_uri, "date": origin.date, "payload_digest": origin.payload_digest,
            "http_status": origin.http_status, "content_type": origin.content_type}


def _stated_source(statements: dict[str, Any], origin: WarcOrigin | None) -> dict[str, Any]:
    """Source fields the page states in a tag (a heuristic guess is not a statement of the source)."""
    def stated(name: str) -> str | None:
        entry = statements.get(name)
        return entry["value"] if entry and entry["basis"] != HEURISTIC else None

    source: dict[str, Any] = {}
    url = stated("url") or (origin.target_uri if origin else None)
    if url and re.match(r"^https?://", url):
        source["url"] = url
    if stated("author"):
        source["authors"] = [name.strip() for name in str(stated("author")).split(";") if name.strip()]
    date = stated("date")
    if date and re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}", date):
        source["published_date"] = date[:10]
    if stated("sitename"):
        source["publisher"] = stated("sitename")
    if origin and origin.date and re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}", origin.date):
        source["retrieved_date"] = origin.date[:10]
    return source


def html_record(base: ProvenanceRecord, page: Page) -> ProvenanceRecord:
    """The text record made web-page specific: media type, encoding, pipeline and the ``html`` block."""
    record = base.copy()
    record["media_type"] = "text/html"
    record["encoding"] = page.html["encoding"]["name"]
    record["normalization"] = {**base["normalization"], "pipeline": html_pipeline()}
    record["html"] = page.html
    return record


