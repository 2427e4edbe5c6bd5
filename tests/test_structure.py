"""Paragraph roles on text written for the test: the rules look at shape, not at the seed articles' words."""

from __future__ import annotations

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
