"""The shared readers of figures, number words and dates."""

from __future__ import annotations

import pytest

from belarus_corpus.suggest.dates import find_dates
from belarus_corpus.suggest.figures import find_figures, word_number_value


@pytest.mark.parametrize(("words", "value"), [
    ("three", 3), ("fourteen", 14), ("Twenty-five", 25), ("two hundred", 200), ("a dozen", 12),
    ("half a dozen", 6), ("three thousand", 3000), ("ninety nine", 99), ("a million", 1_000_000)])
def test_number_words(words: str, value: int) -> None:
    assert word_number_value(words) == value


def test_figures_with_values() -> None:
    text = ("Nearly 1,200 people; 87% and 40 percent; 12/100; fourteen men; $5 million; 1.5 million; "
            "tens of thousands; 10–15 cars")
    found = [(text[f.start : f.end], f.value) for f in find_figures(text)]
    assert found == [("1,200", "1200"), ("87%", "87%"), ("40 percent", "40%"), ("12/100", "12/100"),
                     ("fourteen", "14"), ("$5 million", "$5000000"), ("1.5 million", "1500000"),
                     ("tens of thousands", None), ("10–15", "10-15")]


def test_not_figures() -> None:
    text = "In 2020, the G7 met; COVID-19 and Zapad-2025; the 26th; one of them; at 10:30; someone often"
    assert [text[f.start : f.end] for f in find_figures(text)] == []


def test_dates_with_values() -> None:
    text = "On August 17, 2025 and 17.08.2025, then 8/17/2025, mid-June, since May, in recent months."
    found = [(text[d.start : d.end], d.value) for d in find_dates(text)]
    assert found == [("August 17, 2025", "2025-08-17"), ("17.08.2025", "2025-08-17"), ("8/17/2025", "2025-08-17"),
                     ("mid-June", "XXXX-06"), ("since May", "XXXX-05"), ("in recent months", None)]


def test_latest_day_of_a_date() -> None:
    (june,) = find_dates("in June 2025")
    (year,) = find_dates("in 2024")
    assert june.latest() == (2025, 6, 30)
    assert year.latest() == (2024, 12, 31)
