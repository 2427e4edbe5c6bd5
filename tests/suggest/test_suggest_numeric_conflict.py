"""numeric-conflict@1 on short documents written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView, span_key
from belarus_corpus.suggest.events import event_figures
from belarus_corpus.suggest.numeric_conflict import DETECTOR

MakeView = Callable[..., DocumentView]


def test_conflicting_release_counts_are_linked(make_view: MakeView) -> None:
    first = make_view("Authorities released 52 political prisoners on Thursday.", "a")
    second = make_view("Officials freed fifty-two political prisoners, the report said.", "b")
    third = make_view("🙂 Ça alors: the regime freed 25 political prisoners last week.", "c")
    findings = DETECTOR.detect_corpus([first, second, third])
    texts = {document.doc_id: document.text for document in (first, second, third)}
    figures = {(doc_id, texts[doc_id][p.start : p.end]) for doc_id, p in findings}
    assert figures == {("a", "52"), ("c", "25")}
    (link,) = findings.links
    assert link.type == "contradicts"
    proposals = dict(((doc_id, p.start), p) for doc_id, p in findings.proposals)
    assert link.head == span_key("c", proposals[("c", third.text.index("25"))])
    assert link.tail == span_key("a", proposals[("a", first.text.index("52"))])
    assert all(p.layer == "artifact" and p.type == "cross-document-inconsistency" for _, p in findings)


def test_number_words_are_parsed(make_view: MakeView) -> None:
    (figure,) = event_figures(make_view("The court released fourteen political prisoners.", "a"))
    assert (figure.key, figure.low, figure.high) == ("prisoner:release", 14, 14)
    (three,) = event_figures(make_view("They freed three prisoners.", "b"))
    assert three.low == 3


def test_compatible_figures_do_not_conflict(make_view: MakeView) -> None:
    documents = [make_view("Nearly 1,200 political prisoners are still held.", "a"),
                 make_view("Between 1,100 and 1,300 political prisoners remain jailed.", "b"),
                 make_view("Over a dozen political prisoners were released.", "c"),
                 make_view("Authorities released 14 political prisoners.", "d")]
    findings = DETECTOR.detect_corpus(documents)
    assert findings.proposals == () and findings.links == ()


def test_different_months_are_different_events(make_view: MakeView) -> None:
    documents = [make_view("In June 2025 the regime released 14 political prisoners.", "a"),
                 make_view("In September 2025 the regime released 52 political prisoners.", "b")]
    assert DETECTOR.detect_corpus(documents).links == ()


def test_same_document_and_partial_counts_do_not_conflict(make_view: MakeView) -> None:
    documents = [make_view("They released 14 political prisoners. Later 13 other prisoners were freed.", "a"),
                 make_view("They released 3 political prisoners in the same document as 14 released prisoners.", "a")]
    assert DETECTOR.detect_corpus(documents).links == ()


def test_seeds_conflicts_point_at_figures(seed_views: list[DocumentView]) -> None:
    findings = DETECTOR.detect_corpus(seed_views)
    texts = {document.doc_id: document.text for document in seed_views}
    for doc_id, proposal in findings:
        assert any(char.isdigit() or char.isalpha() for char in texts[doc_id][proposal.start : proposal.end])
    for link in findings.links:
        assert link.head[0] != link.tail[0]
