"""transliteration@1: names spelled in a variant transliteration ("Lukashenka", "Tykhanovskyi", "Aleksandr").

Rule, driven by ``data/entities.json``: a capitalized token that is a listed non-canonical surname
spelling of a person becomes ``artifact/transliteration-variant`` with ``canonical`` set to that
person's canonical surname; a listed given-name variant counts only right before (an optional middle
initial and) a spelling of the same person's surname, so that other people's given names ("Aleksander
Olech") are left alone. A spelling listed for several people is resolved by the given name before it.
Unseen spellings are caught by fuzzy matching (rapidfuzz ratio) against the surname spellings of
people marked ``fuzzy``, for capitalized tokens of similar length that begin with the first two letters
of some listed spelling. The
canonical spelling itself is never flagged. The span is the token, without a possessive ending.

Known limits: only the people listed are known; inflected forms ("Lukashenkas") may come out as fuzzy
variants; a variant that is itself the accepted spelling for another, unlisted person is flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .base import DocumentView, Proposal
from .entities import Person, fuzzy_settings, people
from .lexicon import LazyPattern
from .names import UPPER
from .scan import find_all

_GIVEN_BEFORE = LazyPattern(rf"([{UPPER}][^\W\d_]+)(?:\s+[{UPPER}]\.)?\s+$")
_SURNAME_AFTER = LazyPattern(rf"\s+(?:[{UPPER}]\.\s+)?([{UPPER}][^\W\d_]+)")


@dataclass(frozen=True)
class Spellings:
    surname_owners: dict[str, tuple[Person, ...]]
    given_owners: dict[str, tuple[Person, ...]]
    fuzzy_choices: dict[str, Person]
    first_letters: frozenset[str]
    shortest: int
    longest: int


def _owners(pairs: Iterable[tuple[str, Person]]) -> dict[str, tuple[Person, ...]]:
    owners: dict[str, tuple[Person, ...]] = {}
    for spelling, person in pairs:
        if person not in owners.get(spelling, ()):
            owners[spelling] = (*owners.get(spelling, ()), person)
    return owners


@functools.cache
def spellings() -> Spellings:
    listed = people()
    surname_owners = _owners((spelling, person) for person in listed for spelling in person.surname)
    given_owners = _owners((spelling, person) for person in listed for spelling in person.given)
    fuzzy_choices: dict[str, Person] = {}
    for person in listed:
        if person.fuzzy:
            for spelling in person.surname:
                fuzzy_choices.setdefault(spelling, person)
    lengths = [len(spelling) for spelling in fuzzy_choices] or [0]
    slack = fuzzy_settings().max_length_difference
    return Spellings(surname_owners, given_owners, fuzzy_choices,
                     frozenset(spelling[0] for spelling in fuzzy_choices), min(lengths) - slack, max(lengths) + slack)


@functools.lru_cache(maxsize=4096)
def fuzzy_person(token: str) -> Person | None:
    """The person whose surname ``token`` is an unseen spelling of, by fuzzy match, or None."""
    table, settings = spellings(), fuzzy_settings()
    if (len(token) < settings.min_length or token[0] not in table.first_letters
            or not table.shortest <= len(token) <= table.longest):
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(token, list(table.fuzzy_choices), scorer=fuzz.ratio, score_cutoff=settings.min_score)
    return table.fuzzy_choices[found[0]] if found else None


def _surname_people(token: str) -> tuple[Person, ...]:
    listed = spellings().surname_owners.get(token)
    if listed:
        return listed
    if token in spellings().given_owners:
        return ()
    person = fuzzy_person(token)
    return (person,) if person else ()


def _resolve(owners: tuple[Person, ...], given: str | None) -> Person:
    for person in owners:
        if given and given in person.given:
            return person
    return owners[0]


def _given_before(text: str, start: int) -> str | None:
    found = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else None


def _surname_proposal(text: str, position: int, token: str) -> Proposal | None:
    owners = _surname_people(token)
    if not owners:
        return None
    person = _resolve(owners, _given_before(text, position))
    if token == person.canonical_surname:
        return None
    return _proposal(position, token, person.canonical_surname, person)


def _given_proposal(text: str, position: int, token: str) -> Proposal | None:
    owners = spellings().given_owners.get(token, ())
    following = _SURNAME_AFTER.match(text, position + len(token))
    if not owners or not following:
        return None
    surname_owners = _surname_people(following.group(1))
    for person in owners:
        if person in surname_owners and token != person.canonical_given and person.canonical_given:
            return _proposal(position, token, person.canonical_given, person)
    return None


def _proposal(position: int, token: str, canonical: str, person: Person) -> Proposal:
    explanation = f"'{token}' is a variant spelling of '{canonical}' ({person.canonical})."
    return Proposal(layer="artifact", type="transliteration-variant", start=position, end=position + len(token),
                    attributes={"canonical": canonical, "explanation": explanation})


@functools.cache
def _candidate_regex() -> re.Pattern[str]:
    """Capitalized tokens that begin with the first two letters of a listed spelling: a literal prefix that the
    regex engine finds fast. (May also yield the tail of a word, "McLukas"; the bounded second pass drops it.)"""
    table = spellings()
    prefixes = {spelling[:2] for spelling in (*table.surname_owners, *table.given_owners) if len(spelling) >= 2}
    alternatives = "|".join(sorted(map(re.escape, prefixes)))
    return re.compile(rf"(?:{alternatives})[^\W\d_]*")


@functools.lru_cache(maxsize=65536)
def _might_be_variant(token: str) -> bool:
    table = spellings()
    given_owners = table.given_owners.get(token)
    if given_owners:
        return any(token != person.canonical_given for person in given_owners)
    owners = table.surname_owners.get(token)
    if owners:
        return any(token != person.canonical_surname for person in owners) or len(owners) > 1
    return fuzzy_person(token) is not None


def _occurrences(text: str, tokens: set[str]) -> list[tuple[int, str]]:
    """Where the tokens occur as whole words, in text order."""
    found = []
    for token in tokens:
        for position in find_all(text, token):
            end = position + len(token)
            if (position == 0 or not text[position - 1].isalnum()) and (end == len(text) or not text[end].isalpha()):
                found.append((position, token))
    return sorted(found)


class Transliteration:
    name = "transliteration"
    version = 1

    def detect(self, document: DocumentView) -> list[Proposal]:
        text = document.text
        suspects = {token for token in set(_candidate_regex().findall(text)) if _might_be_variant(token)}
        if not suspects:
            return []
        proposals = []
        for position, token in _occurrences(text, suspects):
            proposal = _surname_proposal(text, position, token) or _given_proposal(text, position, token)
            if proposal:
                proposals.append(proposal)
        return proposals


DETECTOR = Transliteration()
