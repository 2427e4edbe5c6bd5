"""translation-calque@2: the new calque constructions and the article errors of ``translation_articles``, on texts
written for the test (a news item that reads as translated, and native English with the same nouns)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.translation_articles import article_errors
from belarus_corpus.suggest.translation_calque import DETECTOR as CALQUES

MakeView = Callable[..., DocumentView]

TRANSLATED = (
    "Grain corridor to open in spring\n\n"
    "The Ministry of Agriculture informed that the sides discussed the new corridor in the frames of the forum. "
    "In the nearest time the government will take measures to realise the project. Representatives of Embassy of "
    "Latvia took part at the meeting, which was held in the format of a video call. The decision of President of "
    "United States to ease the rules was welcomed in the Moldova and Georgia. The ministers signed new agreement "
    "and agreed about new route for the trains.")

NATIVE = (
    "Grain corridor to open in spring\n\n"
    "The Ministry of Agriculture said both governments discussed the new corridor at the forum. The government "
    "will act soon to carry out the project. Kremlin spokesman Dmitry Peskov declined to comment, and the White "
    "House said nothing. United States sanctions on fertiliser remain. The Russia of the 1990s is gone, the "
    "minister said, and the Belarus border will stay closed. The new agreement was signed in the Netherlands.")


def hits(document: DocumentView) -> list[str]:
    return [document.text[p.start : p.end] for p in CALQUES.detect(document)]


def test_translated_text_calques_and_article_errors(make_view: MakeView) -> None:
    found = hits(make_view(TRANSLATED))
    for expected in ("informed that", "the sides", "in the frames of", "In the nearest time", "take measures",
                     "realise the project", "Embassy of Latvia", "took part at", "in the format of",
                     "United States", "the Moldova", "new agreement", "agreed about", "new route"):
        assert expected in found, expected


def test_native_text_has_none(make_view: MakeView) -> None:
    assert hits(make_view(NATIVE)) == []


@pytest.mark.parametrize(("sentence", "kind", "span"), [
    ("The visit of President of United States ended.", "missing-the", "United States"),
    ("Sanctions of European Union remain in force.", "missing-the", "European Union"),
    ("Trade with the Lithuania fell.", "extra-the", "the Lithuania"),
    ("Ministry of Economy reported growth.", "bare-institution", "Ministry of Economy"),
    ("The port opened new terminal in May.", "bare-count-noun", "new terminal"),
])
def test_article_error_kinds(sentence: str, kind: str, span: str) -> None:
    assert [(found, sentence[start:end]) for found, start, end in article_errors(sentence)] == [
        (kind, span)]


@pytest.mark.parametrize("sentence", [
    "Kremlin spokesman Dmitry Peskov said nothing.",  # a name that modifies a noun takes no article
    "The United States and European Union agreed.",  # one article for both names
    "The whole European Union agreed.",
    "The Belarus border is closed.",  # a country name as a modifier
    "The Russia of the 1990s is gone.",
    "The Ministry of Economy said so.",
    "They signed new agreements on Monday.",  # a plural needs no article
    "The new route opened.",
])
def test_article_error_traps(sentence: str) -> None:
    assert list(article_errors(sentence)) == []


def test_headlines_are_left_alone(make_view: MakeView) -> None:
    document = make_view("President of United States visits Riga\n\nThe sides discussed trade. Ministry of Economy "
                         "informed that exports grew.")
    assert "United States" not in hits(document)
