"""Article errors typical of a translation from a language without articles (Russian, Ukrainian, Polish), for
``translation-calque``.

Four constructions, each a grammatical pattern over closed classes of words (no article's wording):

- ``missing-the``: a name that takes "the" in English (the United States, the European Union, the Kremlin, the
  Netherlands, …) used as a noun phrase of its own without it ("President of United States", "sanctions of
  European Union."); not when it modifies a following noun ("Kremlin spokesman", "European Union members");
- ``extra-the``: "the" before a country or capital that does not take it ("the Belarus", "the Poland"), when the
  name ends its noun phrase ("the Belarus and Russia", "in the Poland."); not "the Russia of the 1990s" or "the
  Belarus border";
- ``bare-institution``: a singular institution noun with "of" and a name, opening a sentence or after a
  preposition, without an article ("Ministry of Economy informed", "a statement of Embassy of Poland");
- ``bare-count-noun``: a singular count noun with an adjective ("new route", "joint plant") after a transitive
  verb or a preposition with no determiner ("signed new agreement", "agreed about new route").

Titles and headings are left alone (headlines drop articles in English too).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .lexicon import LazyPattern

_THE_NAMES = ("United States", "United Kingdom", "European Union", "European Commission", "European Parliament",
              "European Council", "United Nations", "Netherlands", "Czech Republic", "Russian Federation", "Kremlin",
              "White House", "State Department", "Security Council", "Pentagon", "Vatican", "Philippines",
              "United Arab Emirates", "Council of Europe", "International Monetary Fund", "World Bank", "Baltic Sea",
              "Black Sea", "Middle East", "Caucasus", "Balkans")
_NO_THE = ("Belarus", "Russia", "Ukraine", "Poland", "Lithuania", "Latvia", "Estonia", "Moldova", "Armenia",
           "Azerbaijan", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "China", "Germany",
           "France", "Italy", "Spain", "Hungary", "Slovakia", "Romania", "Bulgaria", "Serbia", "Croatia", "Finland",
           "Sweden", "Norway", "Denmark", "Austria", "Turkey", "Iran", "Israel", "Japan", "India", "Europe", "Minsk",
           "Moscow", "Kyiv", "Kiev", "Warsaw", "Vilnius", "Riga", "Tallinn", "Chisinau", "Beijing", "Berlin")
_ENDS_PHRASE = (r"(?=\s*(?:[.,;:!?)\]]|$)|\s+(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do|and|or"
                r"|in|on|to|for|with|from|at|by|as|into|itself|also|still|now|again|said|says|announced|imposed|lifted"
                r"|eased|decided|agreed|signed|sent|called|reported|confirmed|stated|expressed|welcomed|remains"
                r"|remained|remain|became|plans|wants|intends|fell|rose|grew|made|took|gave|met|began|went|won|lost|held"
                r"|kept|left|saw|brought|paid|sold|bought|built|[a-z]+ed)\b)")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                          "my", "your", "every", "each", "any", "no", "some", "another", "whose", "which", "what"})
_MISSING_THE = LazyPattern(r"\b(?P<span>(?:" + "|".join(_THE_NAMES) + r"))\b(?!['’-])" + _ENDS_PHRASE)
_EXTRA_THE = LazyPattern(r"\b(?P<span>[Tt]he\s+(?:" + "|".join(_NO_THE) + r"))\b(?!['’-])" + _ENDS_PHRASE)
_INSTITUTION = (r"(?:[Mm]inistry|[Ee]mbassy|[Gg]overnment|[Pp]arliament|[Aa]dministration|[Cc]ommittee|[Cc]ommission"
                r"|[Dd]elegation|[Pp]ress\s+service|[Pp]ress\s+office|[Pp]rosecutor['’]s\s+[Oo]ffice|[Cc]hairman|[Hh]ead)")
_BARE_INSTITUTION = LazyPattern(
    r"\b(?P<span>" + _INSTITUTION + r"\s+of\s+(?!the\b)[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)")
_PREPOSITIONS = frozenset({"of", "in", "to", "from", "by", "with", "for", "at", "on"})
_COUNT_NOUN = (r"(?:agreement|route|plant|factory|line|memorandum|contract|law|decision|programme|program|project"
               r"|deal|road|bridge|terminal|office|centre|center|company|treaty|document|plan|strategy|corridor|port"
               r"|pipeline|railway|checkpoint|crossing|mechanism|format|initiative)")
_ADJECTIVE = (r"(?:new|first|joint|bilateral|special|important|historic|major|long-term|separate|additional|second"
              r"|large|big|modern|alternative|direct)")
_BARE_COUNT_NOUN = LazyPattern(r"\b(?P<span>" + _ADJECTIVE + r"\s+" + _COUNT_NOUN + r")\b(?![-'’])")
_GOVERNORS = frozenset({"signed", "concluded", "opened", "launched", "built", "adopted", "approved", "created",
                        "established", "announced", "proposed", "prepared", "received", "discussed", "about", "on",
                        "for", "with", "into", "of", "to", "through"})

EXPLANATIONS = {
    "missing-the": "A name that takes 'the' in English is used without it, as in a language without articles.",
    "extra-the": "'The' before a country or city name that takes none, an article misplaced in translation.",
    "bare-institution": "A singular institution noun without an article, as in a language without articles.",
    "bare-count-noun": "A singular count noun without an article, as in a language without articles.",
}


def _words_before(text: str, start: int, count: int) -> list[str]:
    return [word.lower().strip("(\"“„«,") for word in text[max(0, start - 12 * count) : start].split()][-count:]


def _preceded_by_determiner(text: str, start: int) -> bool:
    """A determiner one or two words before ("the European Union", "the whole European Union"), or before the first
    of two names joined by "and"/"or" ("the United States and European Union")."""
    before = _words_before(text, start, 6)
    if any(word in _DETERMINERS for word in before[-2:]):
        return True
    return bool(before) and before[-1] in ("and", "or") and any(word in _DETERMINERS for word in before[:-1])


def _kept(kind: str, text: str, start: int) -> bool:
    if kind == "missing-the":
        return not _preceded_by_determiner(text, start)
    if kind == "bare-institution":  # opening a sentence or after a preposition
        before = text[max(0, start - 24) : start].rstrip()
        return not before or before[-1] in ".!?\n" or _words_before(text, start, 1)[0] in _PREPOSITIONS
    if kind == "bare-count-noun":  # after a transitive verb or preposition that no determiner precedes
        words = _words_before(text, start, 2)
        return len(words) == 2 and words[1] in _GOVERNORS and words[0] not in _DETERMINERS
    return True


@functools.cache
def _patterns() -> tuple[tuple[str, LazyPattern, tuple[str, ...]], ...]:
    """(kind, pattern, lower-case strings one of which the text must hold for the pattern to be tried)."""
    institutions = ("ministry", "embassy", "government", "parliament", "administration", "committee", "commission",
                    "delegation", "press service", "press office", "prosecutor", "chairman", "head of")
    return (("missing-the", _MISSING_THE, tuple(name.lower() for name in _THE_NAMES)),
            ("extra-the", _EXTRA_THE, tuple(f"the {name.lower()}" for name in _NO_THE)),
            ("bare-institution", _BARE_INSTITUTION, institutions), ("bare-count-noun", _BARE_COUNT_NOUN, ("",)))


def article_errors(text: str, lowered: str | None = None) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each article error in ``text`` (``lowered``: the text in lower case, if at hand)."""
    lowered = text.lower() if lowered is None else lowered
    for kind, pattern, needs in _patterns():
        if not any(need in lowered for need in needs):
            continue
        for match in pattern.finditer(text):
            low, high = match.span("span")
            if _kept(kind, text, low):
                yield kind, low, high
