"""boilerplate@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.boilerplate import DETECTOR

MakeView = Callable[..., DocumentView]


def found(document: DocumentView) -> list[str]:
    return [document.text[p.start : p.end] for p in DETECTOR.detect(document)]


def test_sharing_and_navigation_lines(make_view: MakeView) -> None:
    text = ("Home > News > Europe\nTalks Resume in Minsk\nThe talks resumed on Monday after a long pause.\n"
            "Facebook Twitter WhatsApp Email\nSubscribe to our newsletter for daily updates.")
    assert found(make_view(text)) == ["Home > News > Europe", "Facebook Twitter WhatsApp Email",
                                      "Subscribe to our newsletter for daily updates."]


def test_phrase_inside_a_long_paragraph_keeps_the_glued_title_out(make_view: MakeView) -> None:
    body = "The talks resumed on Monday after a long pause, and both sides said they were hopeful. " * 3
    text = body + "Follow us on Telegram for more.Why Talks Matter Now"
    assert found(make_view(text)) == ["Follow us on Telegram for more."]


def test_article_text_is_left_alone(make_view: MakeView) -> None:
    text = ("Many share this view of the talks.\nThe minister signed the newsletter archive law in 2019.\n"
            "Readers will follow the story closely.")
    assert found(make_view(text)) == []


def test_offsets_after_non_ascii(make_view: MakeView) -> None:
    text = "Überblick 🙂 über die Gespräche in Minsk, die am Montag begannen und lange dauerten.\nShare this article"
    (proposal,) = DETECTOR.detect(make_view(text))
    assert (proposal.start, proposal.end) == (text.index("Share"), len(text))
    assert (proposal.layer, proposal.type) == ("artifact", "boilerplate")


def test_seeds_boilerplate(seed_views: list[DocumentView]) -> None:
    found_texts = [document.text[p.start : p.end].lower() for document in seed_views for p in DETECTOR.detect(document)]
    assert any("follow us" in text or "subscribe" in text for text in found_texts)
