"""hypothetical-framing@2 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.hypothetical_framing import DETECTOR

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[tuple[str, str]]:
    return [(document.text[p.start : p.end], p.type) for p in DETECTOR.detect(document)]


def test_hypothetical_cues(make_view: MakeView) -> None:
    text = ("Six months into his hypothetical second term, the envoy flew to Minsk. In this hypothetical "
            "scenario, sanctions ease. A would-be Trump presidency was the subject. If Trump were re-elected, "
            "little would change. President Trump called Minsk on August 17, 2025.")
    assert found(make_view(text)) == [
        ("hypothetical second term", "hypothetical-framing"),
        ("In this hypothetical scenario", "hypothetical-framing"),
        ("would-be Trump presidency", "hypothetical-framing"),
        ("If Trump were re-elected", "hypothetical-framing")]


def test_out_of_date_title(make_view: MakeView) -> None:
    text = ("Former President Donald Trump praised the leader. On August 17, 2025, President Trump called Minsk "
            "and the Trump administration eased sanctions.")
    assert found(make_view(text)) == [("Former President", "temporal-inconsistency")]


def test_a_genuine_hypothetical_is_no_artifact(make_view: MakeView) -> None:
    supposed = ("Written in 2023: if Trump were re-elected, a hypothetical second term would bring tariffs. "
                "Trump left office in 2021.")
    assert found(make_view(supposed)) == []


def test_former_title_is_fine_without_evidence_of_the_current_term(make_view: MakeView) -> None:
    before_term = "Former President Donald Trump spoke in 2022. President Trump had left office in 2021."
    no_current_title = "Former President Donald Trump spoke on August 17, 2025."
    assert found(make_view(before_term)) == []
    assert found(make_view(no_current_title)) == []


def test_ordinary_hypotheticals_are_left_alone(make_view: MakeView) -> None:
    text = "A second round of talks is planned. The alternative route is longer. If talks fail, it ends."
    assert found(make_view(text)) == []


def test_offsets_after_non_ascii(make_view: MakeView) -> None:
    text = "Ça 🙂 alors: his hypothetical presidency began. Trump spoke on 3 March 2025."
    (proposal,) = DETECTOR.detect(make_view(text))
    cue = "hypothetical presidency"
    assert (proposal.start, proposal.end) == (text.index(cue), text.index(cue) + len(cue))
    assert proposal.layer == "artifact"


def test_seeds_framing(seed_views: list[DocumentView]) -> None:
    types = {p.type for document in seed_views for p in DETECTOR.detect(document)}
    assert "hypothetical-framing" in types
