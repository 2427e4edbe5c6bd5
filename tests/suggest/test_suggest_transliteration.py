"""transliteration@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.transliteration import DETECTOR

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[tuple[str, str]]:
    return [(document.text[p.start : p.end], p.attributes["canonical"]) for p in DETECTOR.detect(document)]


def test_listed_variants(make_view: MakeView) -> None:
    document = make_view("Lukashenka met Aleksandr Lukashenko’s aides; Lukashenko himself stayed away.")
    assert found(document) == [("Lukashenka", "Lukashenko"), ("Aleksandr", "Alexander")]


def test_given_name_only_next_to_the_surname(make_view: MakeView) -> None:
    document = make_view("The analyst Aleksander Nowak and Sergei Ivanov spoke; Alexander Lukashenko did not.")
    assert found(document) == []


def test_a_given_name_decides_between_people(make_view: MakeView) -> None:
    document = make_view("Svetlana Tikhanovsky and Sergei Tikhanovsky met in Vilnius.")
    assert found(document) == [("Svetlana", "Sviatlana"), ("Tikhanovsky", "Tsikhanouskaya"),
                               ("Sergei", "Siarhei"), ("Tikhanovsky", "Tsikhanouski")]


def test_unseen_spelling_by_fuzzy_match(make_view: MakeView) -> None:
    document = make_view("Tsykhanouski was released; Lukashenkoo did not comment; Lucky Lukas laughed.")
    assert found(document) == [("Tsykhanouski", "Tsikhanouski"), ("Lukashenkoo", "Lukashenko")]


def test_offsets_after_emoji(make_view: MakeView) -> None:
    text = "🙂🙂 Ça va? Łukaszenka przyjechał."
    (proposal,) = DETECTOR.detect(make_view(text))
    assert (proposal.start, proposal.end) == (text.index("Ł"), text.index("Ł") + len("Łukaszenka"))
    assert (proposal.layer, proposal.type) == ("artifact", "transliteration-variant")


def test_seeds_have_variants(seed_views: list[DocumentView]) -> None:
    canonicals = {p.attributes["canonical"] for document in seed_views for p in DETECTOR.detect(document)}
    assert "Lukashenko" in canonicals or "Alexander" in canonicals
