"""Encodings of web pages: byte order mark, HTTP header, meta charset, detection; each recorded with its basis."""

from __future__ import annotations

import pytest

from belarus_corpus.codes import Code
from belarus_corpus.errors import CorpusError
from belarus_corpus.webpage.encoding import byte_starts, decode_page

TEXT = ("<html><head><title>Навіны</title></head><body><article><p>Гарадскія ўлады кажуць, што ў парку пасадзілі "
        "больш за тысячу дрэў, сярод іх дубы, клёны і ліпы.</p></article></body></html>")


def test_an_undeclared_windows_1251_page_is_detected_and_says_so() -> None:
    decoded = decode_page(TEXT.encode("cp1251"), "page.html")
    assert decoded.basis == "detected" and decoded.text == TEXT
    assert decoded.declared is None


def test_the_http_header_wins_over_the_meta_charset() -> None:
    data = TEXT.replace("<head>", '<head><meta charset="iso-8859-1">').encode("cp1251")
    decoded = decode_page(data, "page.html", http_charset="windows-1251")
    assert (decoded.encoding, decoded.basis, decoded.declared) == ("cp1251", "http header", "windows-1251")


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do() -> None:
    data = '<meta charset="ISO-8859-1"><p>“quoted” — café</p>'.encode("cp1252")
    decoded = decode_page(data, "page.html")
    assert decoded.encoding == "cp1252" and "“quoted” — café" in decoded.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf_16_page_with_a_byte_order_mark_maps_to_its_bytes(encoding: str) -> None:
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    data = bom + TEXT.encode(encoding)
    decoded = decode_page(data, "page.html")
    assert decoded.basis == "byte order mark" and decoded.text == TEXT
    starts = decoded.byte_starts(data)
    index = TEXT.index("дрэў")
    assert data[starts[index]:starts[index + 4]].decode(encoding) == "дрэў"


def test_a_multibyte_encoding_maps_every_code_point_to_its_bytes() -> None:
    text = "<p>東京で新しい橋が開通した。</p>"
    data = text.encode("shift_jis")
    starts = byte_starts(text, data, "shift_jis")
    assert all(data[starts[i]:starts[i + 1]].decode("shift_jis") == text[i] for i in range(len(text)))


def test_a_charset_python_does_not_know_is_refused() -> None:
    with pytest.raises(CorpusError) as caught:
        decode_page(b'<meta charset="klingon-8"><p>x</p>', "page.html")
    assert caught.value.code == Code.UNKNOWN_CHARSET
