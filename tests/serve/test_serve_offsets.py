"""UTF-16 (browser) ↔ code point (store) offsets: emoji, combining marks and a CRLF-ingested article."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_support import CRLF, EMOJI, make_corpus

from belarus_corpus.errors import UsageError
from belarus_corpus.serve.offsets import OffsetMap


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("word", ["delegation", "q\u0303uiet", "🇺🇸", "👍🏽", "May"])
def test_offsets_round_trip_after_astral_characters(word: str) -> None:
    start = EMOJI.index(word)
    offsets = OffsetMap(EMOJI)
    start16, end16 = utf16(EMOJI[:start]), utf16(EMOJI[:start + len(word)])
    assert offsets.to_utf16(start) == start16
    assert (offsets.to_code_point(start16), offsets.to_code_point(end16)) == (start, start + len(word))


def test_utf16_and_code_points_differ_after_an_emoji() -> None:
    offsets = OffsetMap(EMOJI)
    start = EMOJI.index("delegation")
    assert offsets.to_utf16(start) > start  # each astral character is two UTF-16 units
    assert offsets.utf16_length == utf16(EMOJI)


def test_offset_inside_a_surrogate_pair_is_refused() -> None:
    offsets = OffsetMap("a👍b")
    assert offsets.to_code_point(3) == 2
    with pytest.raises(UsageError) as error:
        offsets.to_code_point(2)
    assert error.value.code == "offset-out-of-range"
    with pytest.raises(UsageError):
        offsets.to_code_point(99)


def test_crlf_article_offsets_count_the_normalized_text(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"crlf.txt": CRLF})
    text = corpus.document("crlf").text
    assert "\r" not in text and "café" in text  # newlines@1 and nfc@1 ran at ingest
    offsets = OffsetMap(text)
    start = text.index("Thursday")
    assert offsets.to_code_point(offsets.to_utf16(start)) == start == utf16(text[:start])
