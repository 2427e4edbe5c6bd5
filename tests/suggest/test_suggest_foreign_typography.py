"""foreign-typography@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.foreign_typography import DETECTOR

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[str]:
    return [document.text[p.start : p.end] for p in DETECTOR.detect(document)]


def test_low_high_quotes_and_guillemets(make_view: MakeView) -> None:
    text = "They called it a „Belarus dilemma” and a «new reality». Germans write „so“ and ‚so‘ too."
    assert found(make_view(text)) == ["„Belarus dilemma”", "«new reality»", "„so“", "‚so‘"]


def test_unclosed_mark_numero_dash_and_french_spacing(make_view: MakeView) -> None:
    text = "An opening „ with no end. Decree № 5. “We are ready,” – said he. Vraiment ? Oui."
    assert found(make_view(text)) == ["„", "№", "–", "?"]


def test_english_typography_is_left_alone(make_view: MakeView) -> None:
    text = "“We are ready,” he said – and left. It’s 5 p.m.; what now? Well: nothing."
    assert found(make_view(text)) == []


def test_offsets_after_emoji(make_view: MakeView) -> None:
    text = "🙂 Żaden «problem» tutaj."
    (proposal,) = DETECTOR.detect(make_view(text))
    assert (proposal.start, proposal.end) == (text.index("«"), text.index("»") + 1)
    assert (proposal.layer, proposal.type) == ("artifact", "foreign-typography")


def test_seeds_foreign_marks(seed_views: list[DocumentView]) -> None:
    marks = "".join(document.text[p.start : p.end] for document in seed_views for p in DETECTOR.detect(document))
    assert "„" in marks or "«" in marks or "–" in marks


def test_decimal_commas_before_a_unit_but_not_thousands(make_view: MakeView) -> None:
    document = make_view("Exports rose by 2,5 percent to 1,8 billion dollars, and 1,200 ships called. In 2024, 15 "
                         "ports grew; inflation was 17,4 %. The scores were 3,1 and 2.")
    marks = [(document.text[p.start : p.end], p.score) for p in DETECTOR.detect(document)]
    assert marks == [("2,5", 0.6), ("1,8", 0.6), ("17,4", 0.6)]
