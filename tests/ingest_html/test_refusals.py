"""Pages and captures that are refused: each with its catalogued code, and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.codes import Code
from belarus_corpus.errors import CorpusError
from belarus_corpus.ingest import IngestOptions

REPO = Path(__file__).resolve().parents[2]
ARTICLE = ("<p>The council met on Tuesday and agreed to repair the old water tower, which has stood empty for "
           "twenty years, and to open a small museum of the town's history on its ground floor.</p>"
           "<p>Work will start in the spring. The builders say the brick walls are sound, but the roof and the "
           "wooden stairs must be replaced before visitors can be let in.</p>")


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body>{body}</body></html>".encode()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    return Corpus(root)


def refused(corpus: Corpus, path: Path, code: Code, options: IngestOptions | None = None) -> CorpusError:
    before = _tree(corpus.root)
    with pytest.raises(CorpusError) as caught:
        corpus.ingest([path], options)
    assert caught.value.code == code, caught.value
    assert _tree(corpus.root) == before
    return caught.value


def test_a_page_without_an_article_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(page("<div id='app'></div><script>var x = 1;</script>"))
    assert "no main text" in refused(corpus, path, Code.NOT_AN_ARTICLE).problems[0].message


def test_a_short_page_is_refused_with_its_word_count(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_bytes(page("<article><p>Page not found. Try the search box above or go back home.</p></article>"))
    assert "words" in refused(corpus, path, Code.NOT_AN_ARTICLE).problems[0].message


def test_a_listing_page_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    items = "".join(f'<li><a href="/news/{n}">Headline number {n} of the day about the city council and '
                    f"its budget</a></li>" for n in range(20))
    path = tmp_path / "listing.html"
    path.write_bytes(page(f"<main><h1>Latest news</h1><ul>{items}</ul></main>"))
    assert "listing page" in refused(corpus, path, Code.NOT_AN_ARTICLE).problems[0].message


def test_an_unknown_charset_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(page(f"<article>{ARTICLE}</article>", head='<meta charset="x-martian-7">'))
    assert "x-martian-7" in refused(corpus, path, Code.UNKNOWN_CHARSET).problems[0].message


def test_bytes_that_are_not_the_declared_encoding_are_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(page(f"<article>{ARTICLE}<p>Caf\xe9</p></article>").replace(b"Caf\xc3\xa9", b"Caf\xe9"))
    assert "byte offset" in refused(corpus, path, Code.UNDECODABLE_PAGE).problems[0].message


def test_an_image_named_html_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    refused(corpus, path, Code.NON_TEXT_FORMAT)
