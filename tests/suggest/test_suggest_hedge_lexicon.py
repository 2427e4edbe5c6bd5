"""hedge-lexicon@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.hedge_lexicon import DETECTOR

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[tuple[str, str]]:
    return [(document.text[p.start : p.end], p.type) for p in DETECTOR.detect(document)]


def test_each_type_is_found(make_view: MakeView) -> None:
    text = ("Talks may resume. The envoy reportedly left. Nearly 300 people came. It seems odd. "
            "If the talks fail, sanctions stay. Critics warn of a trap.")
    assert found(make_view(text)) == [
        ("may", "epistemic-modal"), ("reportedly", "reportative"), ("Nearly", "approximator"),
        ("It seems", "speculative"), ("If", "conditional"), ("Critics warn", "attribution-shield")]


def test_multi_word_cues_win_over_their_parts(make_view: MakeView) -> None:
    text = "According to sources, he is said to be ill, and some western analysts say so too."
    assert found(make_view(text)) == [
        ("According to sources", "attribution-shield"), ("is said to", "reportative"),
        ("some western analysts say", "attribution-shield")]


def test_approximators_need_a_figure(make_view: MakeView) -> None:
    text = ("They talked about it over dinner, more than a little. About 50 came, over a dozen left, some 3,000 "
            "stayed.")
    assert found(make_view(text)) == [("About", "approximator"), ("over", "approximator"), ("some", "approximator")]


def test_near_misses_are_left_alone(make_view: MakeView) -> None:
    text = ("In May the deal was signed. On May 5 it took effect. Its military might grew. "
            "He acted as if nothing happened. If anything, it hardened. Should we stay?")
    assert found(make_view(text)) == []


def test_sentence_initial_may_and_should(make_view: MakeView) -> None:
    text = "May it last. Should the talks fail, sanctions return."
    assert found(make_view(text)) == [("May", "epistemic-modal"), ("Should", "conditional")]


def test_offsets_are_code_points_after_non_ascii(make_view: MakeView) -> None:
    text = "Łukasz 🙂 said — perhaps — that Minsk could yield."
    document = make_view(text)
    proposals = list(DETECTOR.detect(document))
    assert [(p.start, p.end) for p in proposals] == [(text.index("perhaps"), text.index("perhaps") + 7),
                                                      (text.index("could"), text.index("could") + 5)]
    assert all(p.layer == "hedge" for p in proposals)


def test_seeds_have_many_hedges(seed_views: list[DocumentView]) -> None:
    for document in seed_views:
        proposals = list(DETECTOR.detect(document))
        assert proposals, document.doc_id
        assert {"epistemic-modal", "conditional"} & {p.type for p in proposals}
