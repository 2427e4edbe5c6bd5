"""What a web page states about itself (title, author, date, site name, canonical URL, description), each with its
basis, and what extraction left out, counted by kind (navigation, comments, related links, cookie banners, ...).

trafilatura finds the values; which meta tag, JSON-LD field or element carries each one is found here by looking
for the value among them, so a value none of them carries is recorded as trafilatura's heuristic.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, TypedDict

from ..webpage.sourcemap import PageText, SourceMap

FIELDS = ("title", "author", "date", "sitename", "url", "description")
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_LINK_CANONICAL = re.compile(r"""<link\b[^>]*rel\s*=\s*["']?canonical[^>]*>""", re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_JSON_LD = re.compile(r"""<script\b[^>]*type\s*=\s*["']?application/ld\+json[^>]*>(.*?)</script>""",
                      re.IGNORECASE | re.DOTALL)
_TIME = re.compile(r"""<time\b[^>]*datetime\s*=\s*["']([^"']+)""", re.IGNORECASE)


class Statement(TypedDict):
    value: str
    basis: str


@dataclass(frozen=True)
class Candidate:
    basis: str
    value: str


def _attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTR.finditer(tag)}


def _json_ld(source: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for match in _JSON_LD.finditer(source):
        try:
            loaded = json.loads(match.group(1))
        except ValueError:
            continue
        queue = loaded if isinstance(loaded, list) else [loaded]
        while queue:
            item = queue.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                queue.extend(graph if isinstance(graph, list) else [])
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def candidates(source: str) -> dict[str, list[Candidate]]:
    """Every place in the page that states one of the fields, in order of preference."""
    found: dict[str, list[Candidate]] = {name: [] for name in FIELDS}
    wanted = {"og:title": "title", "twitter:title": "title", "author": "author", "article:author": "author",
              "article:published_time": "date", "date": "date", "pubdate": "date", "og:site_name": "sitename",
              "application-name": "sitename", "og:url": "url", "description": "description",
              "og:description": "description", "twitter:description": "description"}
    for tag in _META.findall(source):
        attrs = _attributes(tag)
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in wanted and attrs.get("content"):
            kind = "property" if attrs.get("property") else "name" if attrs.get("name") else "itemprop"
            found[wanted[key]].append(Candidate(f'meta {kind}="{key}"', attrs["content"]))
    for tag in _LINK_CANONICAL.findall(source):
        if _attributes(tag).get("href"):
            found["url"].append(Candidate('link rel="canonical"', _attributes(tag)["href"]))
    for item in _json_ld(source):
        kind = item.get("@type", "?")
        for key, name in (("headline", "title"), ("datePublished", "date"), ("description", "description"),
                          ("url", "url"), ("mainEntityOfPage", "url")):
            for value in _names(item.get(key)) if key != "mainEntityOfPage" else _urls(item.get(key)):
                found[name].append(Candidate(f"JSON-LD {kind}.{key}", value))
        for value in _names(item.get("author")):
            found["author"].append(Candidate(f"JSON-LD {kind}.author", value))
        for value in _names(item.get("publisher")):
            found["sitename"].append(Candidate(f"JSON-LD {kind}.publisher.name", value))
    for match in _TITLE.finditer(source):
        found["title"].append(Candidate("title element", html.unescape(match.group(1))))
    for value in _TIME.findall(source):
        found["date"].append(Candidate("time element datetime", value))
    return found


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        return [value["@id"]]
    return []


def _same(name: str, found: str, stated: str) -> bool:
    a, b = " ".join(found.split()).casefold(), " ".join(stated.split()).casefold()
    if name == "date":
        return bool(a) and b.startswith(a[:10])
    if name == "author":
        return a in b or b in a
    return a == b or (name == "title" and bool(a) and b.startswith(a))


def page_metadata(source: str) -> dict[str, Statement]:
    """The fields trafilatura finds in the page, each with the place that states it."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(source)
    values = {} if found is None else {name: getattr(found, name, None) for name in FIELDS}
    places = candidates(source)
    statements: dict[str, Statement] = {}
    for name in FIELDS:
        value = values.get(name)
        found_value = value if isinstance(value, str) and value.strip() else None
        basis = next((c.basis for c in places[name] if found_value and _same(name, found_value, c.value)), None)
        if basis is None and places[name]:  # a tag states it, though trafilatura chose otherwise (or nothing)
            found_value, basis = " ".join(places[name][0].value.split()), places[name][0].basis
        if found_value:
            statements[name] = {"value": found_value, "basis": basis or HEURISTIC}
    return statements


HEURISTIC = "trafilatura heuristic (no tag states it)"


CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cookie banner", re.compile(r"cookie|consent|gdpr", re.I)),
    ("paywall note", re.compile(r"paywall|subscri|premium|register-wall", re.I)),
    ("comments", re.compile(r"comment|disqus|replies|discussion", re.I)),
    ("related links", re.compile(r"related|more-stories|read-more|recommend|also-read|teaser", re.I)),
    ("advertising", re.compile(r"\bads?\b|advert|sponsor|promo|banner|dfp|outbrain|taboola", re.I)),
    ("sharing", re.compile(r"share|social|follow", re.I)),
    ("newsletter", re.compile(r"newsletter|signup|sign-up", re.I)),
)
_TAG_CATEGORY = {"nav": "navigation", "header": "header", "footer": "footer", "aside": "aside", "form": "form",
                 "title": "document title", "noscript": "noscript", "figcaption": "captions", "button": "buttons"}


def _label(page: PageText, element: int) -> str | None:
    node = page.elements[element]
    label = f"{node.ident} {node.classes}"
    named = next((name for name, pattern in CATEGORIES if pattern.search(label)), None)
    return named or _TAG_CATEGORY.get(node.tag)


def _category(page: PageText, element: int, cache: dict[int, tuple[str, int]]) -> tuple[str, int]:
    """The kind of boilerplate an element is in, and the outermost ancestor of that kind (the comments section,
    not each comment)."""
    if element in cache:
        return cache[element]
    result, current = ("other", -1), element
    while current > 0:
        name = _label(page, current)
        if (name and result[1] < 0) or (name and name == result[0]):
            result = (name, current)
        current = page.elements[current].parent
    cache[element] = result
    return result


def removed_counts(page: PageText, source_map: SourceMap) -> dict[str, dict[str, int]]:
    """Text left out by extraction, by kind: how many blocks and how many non-space characters."""
    kept = set(i for i in source_map.source_index if i >= 0)
    characters: Counter[str] = Counter()
    blocks: dict[str, set[int]] = {}
    cache: dict[int, tuple[str, int]] = {}
    for index, char in enumerate(page.chars):
        if index in kept or char.isspace():
            continue
        name, block = _category(page, page.element[index], cache)
        characters[name] += 1
        blocks.setdefault(name, set()).add(block if block >= 0 else page.element[index])
    return {name: {"blocks": len(blocks[name]), "characters": characters[name]} for name in sorted(characters)}
