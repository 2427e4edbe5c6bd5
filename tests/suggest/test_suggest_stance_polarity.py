"""stance@2's polarity rules (negation, contrast, concession, pretence, deontic criticism, holders' sides, stock
phrases, weak words, VADER's words) on sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.polarity import polarity
from belarus_corpus.suggest.stance import DETECTOR as STANCE

MakeView = Callable[..., DocumentView]


def stances(make_view: MakeView, text: str) -> list[tuple[str, str]]:
    document = make_view(text)
    return [(p.type, p.attributes["holder"]) for p in STANCE.detect(document)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The new ferry schedule is not a failure.", "favor"),  # negation flips
    ("Without a doubt, the new ferry schedule is a failure.", "against"),  # negation stops at the comma
    ("The tunnel is expensive, but it is a wise investment.", "favor"),  # the clause after "but" decides
    ("Every reopened school is a success, but the ministry closes two for each one it reopens, a disaster.",
     "against"),
    ("Although the talks were productive, the final text is a disgrace.", "against"),  # concession counts half
    ("The governor likes to present himself as an honest reformer.", "against"),  # pretence
    ("The council should never have signed the contract.", "against"),  # deontic criticism
    ("Supporters of the new airport argue that it will bring jobs.", "favor"),  # the holder's side
    ("Critics of the toll say it will push lorries onto village roads.", "against"),
    ("The referee made a pathetic decision in the final minute.", "against"),  # a word only VADER has
])
def test_polarity_rules(make_view: MakeView, sentence: str, expected: str) -> None:
    assert [kind for kind, _ in stances(make_view, sentence)] == [expected]


@pytest.mark.parametrize("sentence", [
    "The honest answer is that nobody knows when the bridge will open.",  # a stock phrase judges nothing
    "Thanks to the new line, the trip to the coast takes an hour.",
    "The worst is over, the harbour master told the crew.",
    "Repression continued in the northern districts in March.",  # a weak word alone is description
    "Diesel became expensive in May.",
    "The special envoy signed the agreement on Monday.",  # VADER's nouns are not taken
    "The port handled more containers than last year.",
])
def test_no_stance(make_view: MakeView, sentence: str) -> None:
    assert stances(make_view, sentence) == []


def test_two_weak_words_make_a_stance_and_one_does_not() -> None:
    assert abs(polarity("Fuel is expensive.").score) < 1
    assert polarity("Fuel is expensive and the supply is poor.").score <= -1


def test_neutral_needs_both_sides_and_a_balance(make_view: MakeView) -> None:
    found = stances(make_view, "The reform can bring success; it can also bring failure to small farms.")
    assert found == [("neutral", "author")]


def test_reported_holder_and_side(make_view: MakeView) -> None:
    found = stances(make_view, "Critics in the port city argue that the new quay was a costly blunder.")
    assert found == [("against", "Critics in the port city")]


def test_confidence_grows_with_the_evidence(make_view: MakeView) -> None:
    weak = next(iter(STANCE.detect(make_view("The plan is a mistake."))))
    strong = next(iter(STANCE.detect(make_view("The plan is a shameful, reckless and disastrous mistake."))))
    assert weak.score is not None and strong.score is not None and strong.score > weak.score
