"""The editable entity list ``data/entities.json``: people with name spellings, and office holders with terms."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .lexicon import load_table

DateTuple = tuple[int, int, int]


@dataclass(frozen=True)
class Person:
    canonical: str
    given: tuple[str, ...]  # first is canonical
    surname: tuple[str, ...]  # first is canonical
    fuzzy: bool

    @property
    def canonical_given(self) -> str | None:
        return self.given[0] if self.given else None

    @property
    def canonical_surname(self) -> str:
        return self.surname[0]


@dataclass(frozen=True)
class FuzzySettings:
    min_score: float
    min_length: int
    max_length_difference: int


@dataclass(frozen=True)
class Office:
    name: str
    surname: str
    given: str | None
    office: str
    office_words: tuple[str, ...]
    start: DateTuple
    end: DateTuple | None


def parse_iso_date(value: str) -> DateTuple:
    year, month, day = (int(part) for part in value.split("-"))
    return (year, month, day)


def _person(raw: dict[str, Any]) -> Person:
    return Person(canonical=raw["canonical"], given=tuple(raw.get("given", [])), surname=tuple(raw["surname"]),
                  fuzzy=bool(raw.get("fuzzy", False)))


def _office(raw: dict[str, Any]) -> Office:
    return Office(name=raw["name"], surname=raw["surname"], given=raw.get("given"), office=raw["office"],
                  office_words=tuple(raw.get("office_words", [raw["office"]])), start=parse_iso_date(raw["from"]),
                  end=parse_iso_date(raw["to"]) if raw.get("to") else None)


@functools.cache
def people() -> tuple[Person, ...]:
    return tuple(_person(raw) for raw in load_table("entities.json")["people"])


@functools.cache
def fuzzy_settings() -> FuzzySettings:
    raw = load_table("entities.json").get("fuzzy", {})
    return FuzzySettings(min_score=float(raw.get("min_score", 84)), min_length=int(raw.get("min_length", 6)),
                         max_length_difference=int(raw.get("max_length_difference", 3)))


@functools.cache
def offices() -> tuple[Office, ...]:
    return tuple(_office(raw) for raw in load_table("entities.json").get("offices", []))
