"""unverifiable-source@1: sources a reader cannot check.

``artifact/unverifiable-source`` (guidelines §5) on: (b) an unnamed source given for a specific checkable fact —
"sources familiar with the talks", "Sources indicate …", "a State Department official said", "one Western
diplomat said", "Reports are coming in that …", "The drivers told …", "The polls show …", an unnamed group or
organisation ("Human rights groups", "Transport organisations") whose reporting verb introduces a figure, and
"reportedly" in a sentence with a figure, a date or a name; (a) a named expert introduced with a think-tank title
that articles written without knowledge of the field invent ("Dr. A B, a senior analyst at the Institute for …"),
proposed with a low confidence since only a search can tell. The span is the source's noun phrase (the adverb for
"reportedly"). Opinions of unnamed analysts or experts are left to the attribution-shield hedge.

Known limits: whether a source is findable is not checked; an unnamed source named in the next sentence is still
proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .lexicon import LazyPattern
from .names import NAME_TOKEN

_UNNAMED = LazyPattern(
    r"(?P<sources>(?<![\w-])(?:(?:two|three|several|a\s+few|some|multiple)\s+)?sources\s+(?:familiar\s+with|close\s+to"
    r"|with\s+knowledge\s+of|inside|within|in)\s+[^,.;]{2,40}?(?=,|\s+(?:said|say|told|says)\b))"
    r"|(?P<bare>(?:^|(?<=[.!?]\s)|(?<=\n))(?:Sources|Reports|Insiders|Witnesses|Eyewitnesses)(?=\s+(?:say|said|"
    r"indicate|suggest|claim|are\s+coming\s+in|show|told)\b))"
    r"|(?P<official>(?<![\w-])(?:an?|one)\s+(?:senior\s+|Western\s+|European\s+|American\s+|U\.S\.\s+)?"
    r"(?:[A-Z][\w.-]*\s+){0,3}(?:official|diplomat|insider|aide|source)(?=,?\s+(?:said|told|says|speaking)\b))"
    r"|(?P<group>(?<![\w-])(?:The\s+)?(?:[A-Z][a-z]+\s+)?(?:[Hh]uman\s+rights\s+groups|[Rr]ights\s+groups|"
    r"[Aa]ctivists|[Dd]rivers|[Rr]esidents|[Ww]itnesses|[Oo]rgani[sz]ations|[Aa]ssociations|[Pp]olls|[Oo]bservers)"
    r"(?=,?\s+(?:say|said|told|count|counts|estimate|estimated|report|reported|show|showed|stress|claim)\b))")
_REPORTEDLY = LazyPattern(r"(?<![\w-])reportedly(?!\w)")
_SPECIFIC = LazyPattern(r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)\b")
_INVENTED_EXPERT = LazyPattern(
    rf"(?:Dr\.?|Prof\.?|Professor)\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}},\s+(?:a|an)\s+(?:senior\s+)?(?:analyst|"
    r"fellow|researcher|expert|scholar)\s+(?:at|with)\s+the\s+(?:Institute|Center|Centre|Council|Foundation)"
    r"\s+(?:for|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}")
_GROUP_NEEDS_FIGURE = ("group",)
# One of these is in every match of ``_UNNAMED``.
_UNNAMED_WORDS = ("ources", "eports", "official", "iplomat", "nsider", "aide", "roups", "ctivists", "rivers",
                  "esidents",
                  "itnesses", "rganisations", "rganizations", "ssociations", "olls", "bservers")
EXPLANATIONS = {
    "sources": "Unnamed sources are given for a specific claim.",
    "bare": "An unnamed source is given for a specific claim.",
    "official": "An unnamed official or diplomat is the source of a specific claim.",
    "group": "An unnamed group is the source of a specific figure or fact.",
    "reportedly": "No source is named for a specific claim.",
    "expert": "A named expert and institute that may not exist; check before use.",
}
CONFIDENCE = {"sources": 0.8, "bare": 0.65, "official": 0.7, "group": 0.55, "reportedly": 0.6, "expert": 0.4}


def _sentence(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [found for found in (text.find(". ", position), text.find("\n", position)) if found >= 0]
    return text[start : min(ends) if ends else len(text)]


def _unnamed(text: str) -> list[re.Match[str]]:
    """``_UNNAMED`` matches, tried only around its words (found by substring search, far faster than running the
    pattern over the whole text): a match contains one and starts at most 60 characters before it."""
    found: dict[int, re.Match[str]] = {}
    for word in _UNNAMED_WORDS:
        position = text.find(word)
        while position >= 0:
            match = _UNNAMED.search(text, max(0, position - 60), position + 120)
            while match and match.start() <= position:
                if match.end() > position:
                    found.setdefault(match.start(), match)
                    break
                match = _UNNAMED.search(text, match.end(), position + 120)
            position = text.find(word, position + 1)
    return [found[start] for start in sorted(found)]


class UnverifiableSource:
    name = "unverifiable-source"
    version = 1
    confidence = 0.6

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        for match in _unnamed(text):
            kind = match.lastgroup or "bare"
            if kind in _GROUP_NEEDS_FIGURE and not _SPECIFIC.search(_sentence(text, match.start())):
                continue
            yield self._proposal(match.start(kind), match.end(kind), kind)
        for match in _REPORTEDLY.finditer(text) if "reportedly" in text else ():
            if _SPECIFIC.search(_sentence(text, match.start())):
                yield self._proposal(match.start(), match.end(), "reportedly")
        for match in _INVENTED_EXPERT.finditer(text) if ", a " in text else ():
            yield self._proposal(match.start(), match.end(), "expert")

    @staticmethod
    def _proposal(start: int, end: int, kind: str) -> Proposal:
        return Proposal("artifact", "unverifiable-source", start, end, {"explanation": EXPLANATIONS[kind]},
                        score=CONFIDENCE[kind])


DETECTOR = UnverifiableSource()
