"""duplicates@2 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView, Proposal
from belarus_corpus.suggest.duplicates import DETECTOR

MakeView = Callable[..., DocumentView]

FIRST = "The delegation arrived in the capital on Tuesday and met the foreign minister for two hours."
SECOND = "Officials on both sides described the talks as useful but said no agreement had been reached yet."


def later(document: DocumentView) -> list[Proposal]:
    """The later copies (the first copies are proposed too, with the note "first copy")."""
    return [p for p in DETECTOR.detect(document) if p.note != "first copy"]


def found(document: DocumentView) -> list[str]:
    return [document.text[p.start : p.end] for p in later(document)]


def test_later_verbatim_paragraph_and_title(make_view: MakeView) -> None:
    text = f"Envoy Visits the Capital Again\n{FIRST}\nEnvoy Visits the Capital Again\n{SECOND}\n{FIRST}"
    document = make_view(text)
    proposals = later(document)
    assert found(document) == ["Envoy Visits the Capital Again", FIRST]
    assert proposals[1].start == text.rindex(FIRST)
    assert proposals[1].note == f"first copy at {text.index(FIRST)}-{text.index(FIRST) + len(FIRST)}"


def test_near_verbatim_copy(make_view: MakeView) -> None:
    edited = FIRST.replace("two hours", "three hours")
    document = make_view(f"{FIRST}\n{SECOND}\n{edited}")
    assert found(document) == [edited]


def test_pull_quote_repeating_a_sentence(make_view: MakeView) -> None:
    document = make_view(f"{FIRST} {SECOND}\nSomething else happened later that week in the city.\n{SECOND}")
    assert found(document) == [SECOND]


def test_different_paragraphs_and_short_lines_are_left_alone(make_view: MakeView) -> None:
    document = make_view(f"Read more\n{FIRST}\nRead more\n{SECOND}\nYes.\nYes.")
    assert found(document) == []


def test_offsets_after_non_ascii(make_view: MakeView) -> None:
    line = "Żubry 🦬 wróciły do puszczy po raz pierwszy od wielu lat, ogłosił urząd."
    text = f"{line}\nInny akapit o czymś zupełnie innym niż żubry.\n{line}"
    (proposal,) = later(make_view(text))
    assert (proposal.start, proposal.end) == (text.rindex(line), len(text))
    assert (proposal.layer, proposal.type) == ("artifact", "duplicated-text")


def test_seeds_repeated_paragraphs(seed_views: list[DocumentView]) -> None:
    proposals = [(document, p) for document in seed_views for p in DETECTOR.detect(document)]
    assert proposals
    for document, proposal in proposals:
        copy = document.text[proposal.start : proposal.end]
        assert document.text.index(copy) < proposal.start or proposal.note


def test_both_copies_line_by_line_and_linked(make_view: MakeView) -> None:
    text = f"17:20\n{SECOND}\n\n{FIRST}\n\n17:20\n{SECOND}"
    document = make_view(text)
    proposals, links = DETECTOR.detect_with_links(document)
    assert [(text[p.start : p.end], p.note) for p in proposals] == [
        (SECOND, "first copy"), (SECOND, f"first copy at {text.index(SECOND)}-{text.index(SECOND) + len(SECOND)}")]
    (link,) = links
    assert (link.type, link.head[1], link.tail[1]) == ("duplicate-of", text.rindex(SECOND), text.index(SECOND))
