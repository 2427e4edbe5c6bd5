"""numeric-conflict@2 on short documents written for the test."""

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
    assert figures == {("c", "25 political prisoners")}
    (link,) = findings.links
    assert link.type == "contradicts"
    ((_, outlier),) = findings.proposals
    assert link.head == span_key("c", outlier)
    assert link.tail == ("a", 0, len(first.text), "claim", "quantity")
    assert outlier.layer == "artifact" and outlier.type == "cross-document-inconsistency"


def test_with_no_majority_the_later_article_is_the_outlier(make_view: MakeView) -> None:
    later = make_view("By Ann Lee | May 9, 2026\n\nThe regime freed 16 political prisoners on Friday.", "a")
    earlier = make_view("By Bo Park | May 8, 2026\n\nThe regime freed 18 political prisoners today.", "b")
    findings = DETECTOR.detect_corpus([later, earlier])
    assert [(doc_id, later.text[p.start : p.end]) for doc_id, p in findings] == [("a", "16 political prisoners")]


def test_a_running_total_is_not_one_event(make_view: MakeView) -> None:
    documents = [make_view("The regime released 14 political prisoners on Friday.", "a"),
                 make_view("Since the first release, the regime has released 300 political prisoners in total.", "b")]
    assert DETECTOR.detect_corpus(documents).proposals == ()


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
