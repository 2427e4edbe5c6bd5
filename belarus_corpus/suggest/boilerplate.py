"""boilerplate@2: sharing, follow-us, subscription, newsletter, navigation and copyright lines, and template
headings.

Rule: a short paragraph whose role is ``boilerplate`` (see ``structure``) is proposed whole. Elsewhere a
boilerplate phrase ("follow us on", "subscribe to our", "sign up for our newsletter", "share this
article", "click here", "all rights reserved", "read more:") or a navigation line (a breadcrumb "Home >
News > World", a run of social network names) marks text as ``artifact/boilerplate``: the whole
paragraph when it is short (under 200 characters) or begins with the phrase, otherwise the sentence
holding the phrase, cut at the first sentence end after the phrase even when no space follows
("...our YouTube channel.Why is ..." keeps the title out). A long ``boilerplate`` paragraph without any
of the phrases is proposed whole. A heading line that is a template heading or contact line ("PRESS RELEASE",
"Frequently Asked Questions", "About <Company>", "Media contact: …") is proposed whole.

Known limits: boilerplate in a language other than English is not recognized; a site blurb that has
none of the phrases is missed unless ``structure`` gives it the ``boilerplate`` role; phrases are found
around their anchor words from the shared word scan (see ``scan``), so all-capitals lines are missed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .scan import find_all, hits_for, matches_at_anchors
from .segment import Span, SpanIndex, paragraphs_of, sentence_index, trim

SHORT_PARAGRAPH = 200
_SOCIAL_NAMES = ("facebook", "twitter", "x", "telegram", "whatsapp", "linkedin", "instagram", "youtube", "reddit",
                 "viber", "vk", "email", "e-mail", "print")
_SOCIAL = "(?:" + "|".join(_SOCIAL_NAMES) + ")"
PHRASES = LazyPattern(
    rf"(?i)(?<!\w)(?:follow\s+us(?:\s+on)?|subscribe\s+to\s+(?:our|the|my)|subscribe\s+(?:now|here|for)"
    r"|sign\s+up\s+(?:for|to)\s+(?:our|the)|(?:our|free|daily|weekly|e-?mail)\s+newsletters?"
    rf"|share\s+this\s+(?:article|story|post|page)|share\s+(?:it\s+)?on\s+{_SOCIAL}"
    r"|click\s+here|all\s+rights\s+reserved|get\s+the\s+latest\s+news|join\s+our\s+(?:telegram|channel|community)"
    r"|download\s+(?:our|the)\s+app|read\s+(?:more|also|next)\s*:|related\s+(?:articles|stories|posts|news)\s*:?"
    r"|skip\s+to\s+(?:main\s+)?content|sponsored\s+content|copyright\s+©|©\s*\d{4}"
    r"|(?:previous|next)\s+(?:article|post|story)|leave\s+a\s+(?:comment|reply)"
    r"|support\s+(?:our|independent)\s+journalism"
    r"|we\s+use\s+cookies|accept\s+(?:all\s+)?cookies|tags\s*:|filed\s+under)(?!\w)"
)
NAVIGATION = LazyPattern(
    rf"(?i)^(?:[\w .'-]{{1,30}}\s*[>»›/]\s*){{2,}}[\w .'-]{{1,40}}$"
    rf"|^{_SOCIAL}(?:\s*[|•·/,]?\s*{_SOCIAL}){{2,}}$"
)
_SENTENCE_END_AFTER = LazyPattern(r"[.!?…]")
# Template headings and contact lines of press releases and FAQ blocks, on a line of their own.
TEMPLATE_LINE = LazyPattern(
    r"(?:PRESS\s+RELEASE|FOR\s+IMMEDIATE\s+RELEASE|Press\s+[Rr]elease|Frequently\s+[Aa]sked\s+[Qq]uestions|FAQs?"
    r"|Notes\s+to\s+[Ee]ditors|(?:Media|Press)\s+[Cc]ontacts?\s*:.*|For\s+(?:media|press)\s+(?:enquiries|inquiries).*"
    r"|About\s+(?:[A-Z][\w.&'’-]*\s*){1,5})")


def _phrase_span(text: str, paragraph: Span, match: re.Match[str], sentence: Span | None) -> Span | None:
    start, end = paragraph
    if end - start < SHORT_PARAGRAPH or not text[start : match.start()].strip():
        return paragraph
    first, last = sentence or paragraph
    stop = _SENTENCE_END_AFTER.search(text, match.end(), last)
    return trim(text, first, stop.end() if stop else last)


ANCHORS = ("follow", "subscribe", "sign", "newsletter", "newsletters", "share", "click", "rights", "latest", "join",
           "download", "read", "related", "skip", "sponsored", "copyright", "previous", "next", "leave", "support",
           "cookies", "tags", "filed")
# How many words before its anchor a phrase can start ("all rights reserved": one word before "rights").
REACH = {"newsletter": 1, "newsletters": 1, "rights": 1, "latest": 2, "cookies": 2}
_NAVIGATION_MARKS = frozenset(">»›/")


def vocabulary() -> tuple[str, ...]:
    """Words every boilerplate phrase contains, for the shared word scan (see ``scan``)."""
    return ANCHORS


def _phrase_matches(text: str) -> Iterator[re.Match[str]]:
    anchors = hits_for(text, ANCHORS)
    if "©" in text:
        anchors = sorted([*anchors, *((position, "©") for position in find_all(text, "©"))])
    return matches_at_anchors(functools.partial(PHRASES.compiled.match, text), text, anchors, REACH)


def _is_furniture(text: str, start: int, end: int, role: str) -> bool:
    """A short paragraph that is boilerplate by role or a navigation line."""
    if end - start >= SHORT_PARAGRAPH:
        return False
    line = text[start:end]
    if role == "boilerplate":
        return True
    if "\n" not in line and TEMPLATE_LINE.compiled.fullmatch(line):
        return True
    first_word = line.split(None, 1)[0].rstrip(",|•·/").lower()
    might_navigate = any(mark in line for mark in _NAVIGATION_MARKS) or first_word in _SOCIAL_NAMES
    return might_navigate and bool(NAVIGATION.match(line))


def _spans(document: DocumentView) -> Iterator[Span]:
    text = document.text
    paragraphs = paragraphs_of(document)
    paragraph_index = SpanIndex(tuple((start, end) for start, end, _ in paragraphs))
    flagged: set[Span] = set()
    for start, end, role in paragraphs:
        if _is_furniture(text, start, end, role):
            flagged.add((start, end))
            yield (start, end)
    with_phrase: set[Span] = set()
    for match in _phrase_matches(text):
        paragraph = paragraph_index.containing(match.start())
        if paragraph is None or paragraph in flagged:
            continue
        with_phrase.add(paragraph)
        span = _phrase_span(text, paragraph, match, sentence_index(document).containing(match.start()))
        if span:
            yield span
    for start, end, role in paragraphs:
        if role == "boilerplate" and (start, end) not in flagged and (start, end) not in with_phrase:
            yield (start, end)


class Boilerplate:
    name = "boilerplate"
    version = 2
    confidence = 0.8

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        seen: set[Span] = set()
        for start, end in _spans(document):
            if (start, end) in seen or any(start >= a and end <= b for a, b in seen):
                continue
            seen.add((start, end))
            yield Proposal(layer="artifact", type="boilerplate", start=start, end=end,
                           attributes={"explanation": "Site furniture (sharing, subscription or navigation), "
                                                      "not article text."})


DETECTOR = Boilerplate()
