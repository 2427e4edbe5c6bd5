"""Normalization: idempotent, monotone offset map, and every normalized span maps back to its raw bytes."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from belarus_corpus import normalize as normalization
from belarus_corpus.normalize import nfc, normalize

TRICKY = st.sampled_from(["\r\n", "\r", "\n", "\ufeff", "\u200b", "\u00ad", "e\u0301", "\u0301", "😀", "A", " ",
                          "ß", "ﬁ", "\u1100\u1161", "x\u0323\u0307", "„", "—", "\u11a8", "\uac00", "\u0f72", "\u0f73",
                          "\u0f71", "\u212b", "\u0344", "\u0958", "\U0001d15e", "\U00011131\U00011127"])
TEXTS = st.lists(st.one_of(TRICKY, st.text(max_size=3)), max_size=40).map("".join)


@given(TEXTS)
@settings(max_examples=300)
def test_normalizing_is_idempotent(raw: str) -> None:
    once = normalize(raw).text
    assert normalize(once).text == once


@given(TEXTS)
@settings(max_examples=300)
def test_offset_map_is_monotone_and_complete(raw: str) -> None:
    result = normalize(raw)
    starts = [result.raw_char(i) for i in range(len(result.text) + 1)]
    assert starts == sorted(starts)
    assert starts[-1] <= len(raw)
    assert result.raw_bytes_range(0, len(result.text))[1] <= len(raw.encode("utf-8"))


@given(TEXTS, st.data())
@settings(max_examples=400)
def test_normalized_span_maps_back_to_raw_bytes(raw: str, data: st.DataObject) -> None:
    result = normalize(raw)
    boundaries = [i for i in range(len(result.text) + 1) if result.is_boundary(i)]
    start = data.draw(st.sampled_from(boundaries))
    end = data.draw(st.sampled_from([b for b in boundaries if b >= start]))
    byte_start, byte_end = result.raw_bytes_range(start, end)
    piece = raw.encode("utf-8")[byte_start:byte_end].decode("utf-8")
    assert normalize(piece).text == result.text[start:end]


def test_each_step_reports_its_changes() -> None:
    result = normalize("\ufeffa\r\nb\rc\u200bd e\u0301")
    assert result.text == "a\nb\ncd é"
    assert result.changes == {"strip-bom@1": 1, "newlines@1": 2, "zero-width@1": 1, "nfc@2": 1}


def test_authors_words_are_not_corrected() -> None:
    text = "So responded about the meeting „good” — teh typo stays."
    assert normalize(text).text == text
    assert normalize(text).char_origin is None


def test_crlf_maps_to_both_bytes() -> None:
    result = normalize("ab\r\ncd")
    assert result.text == "ab\ncd"
    assert result.raw_bytes_range(2, 3) == (2, 4)
    assert result.raw_bytes_range(3, 5) == (4, 6)


@given(TEXTS)
@settings(max_examples=400)
def test_the_nfc_step_gives_exactly_unicode_nfc(raw: str) -> None:
    text, origin, _ = nfc(raw)
    assert text == unicodedata.normalize("NFC", raw)
    if origin is not None:
        assert len(origin) == len(text) + 1 and origin == sorted(origin) and origin[-1] == len(raw)


def test_conjoining_hangul_jamo_are_composed() -> None:
    result = normalize("\u1100\u1161\u11a8 and \uac00\u11a8\n\u1100\u1161")
    assert result.text == "\uac01 and \uac01\n\uac00"
    assert result.raw_bytes_range(0, 1) == (0, 9)


def test_a_singleton_stays_its_own_segment() -> None:
    result = normalize("A\u212b")  # ANGSTROM SIGN → Å, but A is not merged with it
    assert result.text == "A\u00c5" and result.is_boundary(1)


def test_the_scan_for_composable_marks_misses_nothing_above_its_limit() -> None:
    full = set()
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            full.add(chr(int(decomposition.split()[1], 16)))
    assert full <= normalization._may_compose_with_previous()
