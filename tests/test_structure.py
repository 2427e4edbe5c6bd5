"""Paragraph roles on text written for the test: the rules look at shape, not at the seed articles' words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belarus_corpus.structure import paragraphs, title_of

ARTICLE = """Ministers Meet in Vilnius
By Anna Kowalska and Piotr Nowak
Two ministers met on Tuesday to discuss border crossings, officials said.
What Comes Next
The talks will continue next month.
- first point of the plan
- second point of the plan
Country | Score |
---|---|
Lithuania | 90/100 |
What did they agree?
They agreed to reopen two crossings.
Who attended?
Both foreign ministers and their deputies.
Two ministers met on Tuesday to discuss border crossings, officials said.
Share this article on Facebook
Subscribe to our newsletter for daily updates.
"""


def roles(text: str) -> dict[str, str]:
    """Role of each paragraph, keyed by its first 24 characters."""
    return {text[p.start : p.end][:24]: p.role for p in paragraphs(text)}


def test_roles_by_shape() -> None:
    found = roles(ARTICLE)
    assert found["Ministers Meet in Vilniu"] == "title"
    assert found["By Anna Kowalska and Pio"] == "byline"
    assert found["Two ministers met on Tue"] == "body"
    assert found["What Comes Next"] == "heading"
    assert found["- first point of the pla"] == "list"
    assert found["Country | Score |"] == "table"
    assert found["---|---|"] == "table"
    assert found["What did they agree?"] == "faq"
    assert found["They agreed to reopen tw"] == "faq"
    assert found["Share this article on Fa"] == "boilerplate"
    assert found["Subscribe to our newslet"] == "boilerplate"


def test_duplicate_paragraph_points_to_first() -> None:
    found = paragraphs(ARTICLE)
    texts = [ARTICLE[p.start : p.end] for p in found]
    repeated = texts.index("Two ministers met on Tuesday to discuss border crossings, officials said.")
    later = [p for p in found if ARTICLE[p.start : p.end] == texts[repeated] and p.index != repeated]
    assert [p.duplicate_of for p in later] == [repeated]
    assert found[repeated].duplicate_of is None


def test_offsets_exclude_surrounding_white_space() -> None:
    text = "  Heading line  \n\n   Body text that ends with a period.   \n"
    found = paragraphs(text)
    assert [text[p.start : p.end] for p in found] == ["Heading line", "Body text that ends with a period."]
    assert title_of(text, found) == "Heading line"


def test_hard_wrapped_text_is_joined_into_blocks() -> None:
    line = "This sentence is part of a paragraph that was wrapped at a fixed width"
    block = "\n".join([line] * 4)
    text = "\n\n".join([block, block.replace("This", "That"), block.replace("This", "Each")]) + "\n"
    found = paragraphs(text)
    assert len(found) == 3
    assert all(text[p.start : p.end].count("\n") == 3 for p in found)


def test_a_standfirst_before_the_title() -> None:
    text = "A short summary of the story in one sentence.\nThe Real Title Of The Story\nBody text here.\n"
    assert title_of(text, paragraphs(text)) == "The Real Title Of The Story"


PHRASES = ["Follow us on", "SUBSCRIBE TO our", "sign up for the", "Share this story", "All Rights Reserved",
           "click here to", "Get the latest news", "join our channel", "cookies we accept", "© 2024",
           "Copyright © 2023", "Download the app", "JOİN OUR newsletter", "ſubſcribe to the", "joın our channel",
           "share thıs post", "Ƒollow us on"]


def _roles_without_prefilter(text: str) -> list[str]:
    from belarus_corpus.structure import _assign_title, _mark_faq, classify, paragraph_spans

    lines = [text[start:end] for start, end in paragraph_spans(text)]
    found: list[str] = []
    for index, line in enumerate(lines):
        found.append(classify(line, index, found[-1] if found else None))
    _assign_title(found, lines)
    _mark_faq(found, lines)
    return found


TRAPS = "aAiIıİsSſ ©kK\u212a.:-|\t\u00a0\u2003"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(alphabet=TRAPS, max_size=30), st.text(max_size=40)),
                max_size=12))
def test_boilerplate_prefilter_changes_no_role(parts: list[str]) -> None:
    """The lower-cased word test before the case-insensitive boilerplate pattern never changes a role, whatever
    the case, dotted or dotless i, long s or Kelvin sign."""
    text = "\n".join(parts)
    assert [p.role for p in paragraphs(text)] == _roles_without_prefilter(text)


def test_boilerplate_found_through_case_traps() -> None:
    assert [p.role for p in paragraphs("Body text that ends.\nJOİN OUR newsletter today\n")][-1] == "boilerplate"
    assert [p.role for p in paragraphs("Body text that ends.\nPlease ſubſcribe to the feed now.\n")][-1] == \
        "boilerplate"
