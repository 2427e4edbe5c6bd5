"""attributed-quote@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.attributed_quote import DETECTOR
from belarus_corpus.suggest.base import DocumentView

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[tuple[str, str | None]]:
    return [(document.text[p.start : p.end], p.attributes.get("holder")) for p in DETECTOR.detect(document)]


def test_verb_after_the_quote(make_view: MakeView) -> None:
    document = make_view("“We will not trade people for meetings,” said Dr. Anna Kowalska, a researcher.")
    assert found(document) == [("We will not trade people for meetings,", "Dr. Anna Kowalska")]


def test_verb_before_the_quote(make_view: MakeView) -> None:
    document = make_view("The minister Piotr Nowak told reporters: \"The border stays closed for now.\"")
    assert found(document) == [("The border stays closed for now.", "Piotr Nowak")]


def test_dash_attribution_and_pronoun(make_view: MakeView) -> None:
    document = make_view("„This is a serious step forward,” – stressed she.\n"
                         "«Nothing has changed at all» – the envoy said.")
    assert found(document) == [("This is a serious step forward,", "she"), ("Nothing has changed at all", "the envoy")]


def test_possessive_statement(make_view: MakeView) -> None:
    document = make_view("Kowalski’s statement: “We are ready for talks” surprised many.")
    assert found(document) == [("We are ready for talks", "Kowalski")]


def test_unattributed_and_scare_quotes_are_left_alone(make_view: MakeView) -> None:
    document = make_view("The so-called “peace through strength” agenda continued.\n"
                         "“A sentence with no speaker anywhere near it.”\nHe called it “bad”.")
    assert found(document) == []


def test_nested_quote_gives_the_outer_one(make_view: MakeView) -> None:
    document = make_view("“He is no “peacemaker” at all,” Marek Zieliński wrote.")
    assert found(document) == [("He is no “peacemaker” at all,", "Marek Zieliński")]


def test_offsets_after_emoji_and_accents(make_view: MakeView) -> None:
    text = "🙂 Señora Núñez said: “Les négociations avancent bien.” "
    (proposal,) = DETECTOR.detect(make_view(text))
    inner = "Les négociations avancent bien."
    assert (proposal.start, proposal.end) == (text.index(inner), text.index(inner) + len(inner))
    assert (proposal.layer, proposal.type) == ("claim", "quote")
    assert proposal.attributes == {"holder": "Señora Núñez"}


def test_seeds_have_attributed_quotes(seed_views: list[DocumentView]) -> None:
    proposals = [p for document in seed_views for p in DETECTOR.detect(document)]
    assert len(proposals) >= 3
    assert sum(1 for p in proposals if p.attributes.get("holder")) >= len(proposals) // 2
