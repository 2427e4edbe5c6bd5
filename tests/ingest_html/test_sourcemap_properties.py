"""Property: in any generated article page, every extracted character maps back to the raw page, in code points
and bytes, through entities, white-space runs and inline markup, in UTF-8 and windows-1251."""

from __future__ import annotations

import html

from helpers_html import mapping_errors, normalized_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(["Minsk", "council", "said", "on", "Tuesday", "that", "the", "bridge", "would", "open",
                         "Гомель", "горад", "сказаў", "што", "мост", "адкрыюць", "2026", "52%", "café", "naïve",
                         "A&B", "<tag>", "\"quoted\"", "l'été", "€12", "—", "©", "1 000"])
SPACE = st.sampled_from([" ", "  ", "\n", " \n  ", "\t", "&nbsp;", " &#32;"])
INLINE = st.sampled_from([("", ""), ("<b>", "</b>"), ("<em>", "</em>"), ('<a href="/x">', "</a>"),
                          ("<span class=\"s\">", "</span>")])


def _escape(word: str, style: int) -> str:
    if style == 0:
        return html.escape(word, quote=False)
    return "".join(f"&#{ord(c)};" if c in "&<>é€—©" else c for c in word) if style == 1 else \
        "".join(f"&#x{ord(c):x};" if not c.isascii() or c in "&<>" else c for c in word)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=12, max_size=30))
    style = draw(st.integers(0, 2))
    pieces = []
    for word in words:
        opening, closing = draw(INLINE) if draw(st.integers(0, 6)) == 0 else ("", "")
        pieces.append(f"{opening}{_escape(word, style)}{closing}{draw(SPACE)}")
    return "<p>" + "".join(pieces).strip() + "</p>"


@st.composite
def page(draw: st.DrawFn) -> bytes:
    body = "\n".join(draw(st.lists(paragraph(), min_size=3, max_size=6)))
    encoding = draw(st.sampled_from(["utf-8", "windows-1251"]))
    text = (f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>T</title></head><body>'
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>Headline</h1>\n{body}\n</article><footer>Footer text</footer></body></html>")
    return text.encode(encoding, errors="xmlcharrefreplace")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_every_character_of_a_generated_page_maps_back(data: bytes) -> None:
    assert mapping_errors(data) == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_a_normalized_span_maps_to_bytes_that_hold_its_words(data: bytes) -> None:
    normalized, _, encoding = normalized_page(data)
    words = normalized.text.split()
    if not words:
        return
    for word in set(words):
        start = normalized.text.index(word)
        begin, end = normalized.raw_bytes_range(start, start + len(word))
        assert html.unescape(data[begin:end].decode(encoding)) == word
