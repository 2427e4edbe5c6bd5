"""Find figures in text and read their values: digits, number words, percentages, scores and ranges.

A figure is one of: digits ("52", "1,200", "1.5 million"), a percentage ("87%", "40 percent"), a score
("12/100"), number words ("three", "fourteen", "twenty-five", "a dozen", "two hundred"), a vague amount
("dozens", "hundreds of thousands") or a range of two of those ("between 1,100 and 1,300", "10–15").
Each has a value interval ``(low, high)`` and a normalized ``value`` string ("1200", "1100-1300", "87%",
"12/100"; None for vague amounts).

Figures are looked for only where a digit or a number word starts (number words come from the shared
word scan, see ``scan``), and read there with an anchored pattern.

Known limits: four-digit numbers from 1800 to 2099 without a separator are taken as years and skipped;
number words in all capitals are missed; the lone word "one" is skipped (it is mostly a pronoun);
numbers glued to letters or hyphens ("G7", "Zapad-2025", "COVID-19") and ordinals ("26th") are not
figures.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import LazyPattern
from .scan import hits_for

SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
VAGUE_AMOUNTS = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2_000.0, 9_999.0),
                 "tens of thousands": (20_000.0, 99_999.0), "hundreds of thousands": (200_000.0, 999_999.0),
                 "millions": (2e6, 9.99e8)}

_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUMBER = (
    rf"(?:half\s+a\s+dozen|a\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:(?:{_TENS})(?:[-\s](?:{_UNIT}))?|{_TEEN}|{_UNIT})(?:\s+(?:hundred|thousand|million|billion|dozen))?)"
)
# Thousands separated by commas, by spaces (plain, no-break, thin or narrow no-break), a decimal comma ("2,5":
# one or two digits after it, never three), or plain digits with a decimal point.
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)|\d+,\d{1,2}(?!\d)"
           r"|\d+(?:\.\d+)?")
_THOUSANDS_MARKS = str.maketrans("", "", ", \u00a0\u2009\u202f")
_FIGURE_END = r"(?![\w/]|[.,:]\d)"
_DIGIT_FIGURE = (
    rf"(?P<digits>{_DIGITS})"
    r"(?:(?P<score>/\d+)|\s*(?P<percent>%|[Pp]ercent\b|[Pp]er\s+cent\b)|\s+(?P<scale>thousand|million|billion)\b)?"
    + _FIGURE_END
)
DIGIT_FIGURE_AT = LazyPattern(rf"(?P<currency>[$€£])?{_DIGIT_FIGURE}")
FRACTIONS = {"third": "1/3", "quarter": "1/4", "half": "1/2", "thirds": "2/3", "quarters": "3/4"}
_FRACTION_VALUES = {"1/3": 1 / 3, "1/4": 0.25, "1/2": 0.5, "2/3": 2 / 3, "3/4": 0.75}
_FRACTION = (r"(?:one|a)\s+(?:third|quarter|half)|two\s+thirds|three\s+quarters"
             r"|(?<=than\s)half|(?<![Ff]irst\s)(?<![Ss]econd\s)half(?=\s+of\b)")
WORD_FIGURE_AT = LazyPattern(
    rf"(?i)(?:(?P<fraction>{_FRACTION})|(?P<words>{_WORD_NUMBER})"
    r"|(?P<vague>(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|hundreds|thousands|millions)))" + _FIGURE_END
)
# Where a figure in digits starts, and the figure read from there, in one pass: a digit or a currency sign
# before one (a single character class first, which the regex engine skips to fast) with no word character,
# point, comma, slash, colon or currency sign before it; then, from that character (the look-behind steps
# back over it), ``DIGIT_FIGURE_AT``. A letter and a hyphen before ("Zapad-2025") are ruled out in Python.
# A bare year ("2020": four digits from 1800 to 2099 that ``_DIGITS`` reads whole, with no currency sign and
# no suffix) is no figure and is left out there too, by conditions on the groups the look-behind captured.
_YEAR_AFTER_FIRST_DIGIT = r"(?<=1)[89]\d\d(?!\d|\.\d)|(?<=2)0\d\d(?!\d|\.\d)"
_NOT_BARE_YEAR = rf"(?(currency)|(?(score)|(?(percent)|(?(scale)|(?!{_YEAR_AFTER_FIRST_DIGIT})))))"
_DIGIT_CANDIDATE = LazyPattern(
    rf"[$€£0-9](?<![\w.,/:$€£].)(?<=(?=(?P<figure>(?P<currency>[$€£](?=[0-9]))?{_DIGIT_FIGURE})).){_NOT_BARE_YEAR}")
_NOT_BEFORE = frozenset(".,/:$€£")
_ARTICLE_BEFORE = LazyPattern(r"(?i)(?:half\s+)?a\s+$")
_RANGE_JOIN = LazyPattern(r"\s*(?:–|—|-|to|and|or)\s*$", re.IGNORECASE)
_BETWEEN = LazyPattern(r"(?:between|from)\s+$", re.IGNORECASE)


@dataclass(frozen=True, init=False)
class Figure:
    start: int
    end: int
    low: float
    high: float
    value: str | None
    kind: str  # "count", "percent", "score", "vague"

    def __init__(self, start: int, end: int, low: float, high: float, value: str | None, kind: str) -> None:
        # Faster than the frozen dataclass's per-field ``object.__setattr__`` (see ``base.Proposal``).
        self.__dict__.update(start=start, end=end, low=low, high=high, value=value, kind=kind)


def word_number_value(words: str) -> float | None:
    """The value of number words: "three" → 3, "twenty-five" → 25, "two hundred" → 200, "a dozen" → 12."""
    tokens = re.split(r"[\s-]+", words.lower().strip())
    if tokens == ["half", "a", "dozen"]:
        return 6.0
    total, current = 0.0, 0.0
    for token in tokens:
        if token == "a":
            current = 1.0
        elif token in SMALL_NUMBERS:
            current += SMALL_NUMBERS[token]
        elif token in ("hundred", "dozen"):
            current = max(current, 1.0) * SCALES[token]
        elif token in SCALES:
            total += max(current, 1.0) * SCALES[token]
            current = 0.0
        else:
            return None
    return total + current


def read_digits(digits: str) -> float:
    """The value of digits as ``_DIGITS`` reads them: "1,200", "12 000 000", "2,5" (a decimal comma), "1.5"."""
    if "," in digits and len(digits) - digits.index(",") <= 3 and digits.count(",") == 1:
        return float(digits.replace(",", "."))
    return float(digits.translate(_THOUSANDS_MARKS))


def format_number(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def _word_figure(match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    if match.group("fraction"):
        value = FRACTIONS[match.group("fraction").lower().split()[-1]]
        share = _FRACTION_VALUES[value]
        return Figure(start, end, share, share, value, "fraction")
    if match.group("vague"):
        low, high = VAGUE_AMOUNTS.get(" ".join(match.group("vague").lower().split()), (24.0, 9.99e8))
        return Figure(start, end, low, high, None, "vague")
    words = match.group("words")
    if words.lower() == "one":
        return None
    number = word_number_value(words)
    return None if number is None else Figure(start, end, number, number, format_number(number), "count")


def _digit_figure(match: re.Match[str]) -> Figure:
    """The figure a ``_DIGIT_CANDIDATE`` match reads (its ``figure`` group)."""
    start, end = match.span("figure")
    currency, digits, score, percent, scale = match.group("currency", "digits", "score", "percent", "scale")
    number = read_digits(digits)
    if score:
        return Figure(start, end, number, number, match.group("figure"), "score")
    if percent:
        return Figure(start, end, number, number, format_number(number) + "%", "percent")
    if scale:
        number *= SCALES[scale.lower()]
    return Figure(start, end, number, number, (currency or "") + format_number(number), "count")


def _merge_range(text: str, first: Figure, second: Figure) -> Figure | None:
    """One figure for "between A and B", "A to B" or "A–B", or None when the two do not form a range."""
    if first.kind != second.kind or first.kind in ("score", "vague"):
        return None
    joiner = text[first.end : second.start]
    if len(joiner) > 7 or not _RANGE_JOIN.match(joiner):
        return None
    between = _BETWEEN.search(text, max(0, first.start - 10), first.start)
    if joiner.strip().lower() == "and" and not between:
        return None
    start = between.start() if between else first.start
    low, high = min(first.low, second.low), max(first.high, second.high)
    suffix = "%" if first.kind == "percent" else ""
    value = f"{format_number(low)}-{format_number(high)}{suffix}"
    return Figure(start, second.end, low, high, value, first.kind)


@functools.cache
def vocabulary() -> frozenset[str]:
    """Words a figure can start with, for the shared word scan (see ``scan``)."""
    tens = [word for word, number in SMALL_NUMBERS.items() if number >= 20]
    units = [word for word, number in SMALL_NUMBERS.items() if number < 10]
    compounds = {f"{ten}-{unit}" for ten in tens for unit in units}
    return frozenset({*SMALL_NUMBERS, *SCALES, *VAGUE_AMOUNTS, *compounds, *FRACTIONS, "tens", "half"})


def _starts_cleanly(text: str, start: int) -> bool:
    """No word character, decimal point, slash or currency before; no letter-hyphen ("Zapad-2025")."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before == "_" or before in _NOT_BEFORE:
        return False
    return not (before == "-" and start >= 2 and text[start - 2].isalpha())


def _word_anchors(text: str) -> list[int]:
    """Where figures in words may start: a number word, or "a" / "half a" before a scale word."""
    anchors = set()
    for position, word in hits_for(text, vocabulary()):
        with_article = word in SCALES or word in FRACTIONS
        article = _ARTICLE_BEFORE.search(text, max(0, position - 8), position) if with_article else None
        anchors.add(article.start() if article else position)
    return sorted(anchors)


def _word_single(text: str, anchor: int) -> tuple[int, Figure | None]:
    """Where the number words at ``anchor`` end (0 when none are there), and the figure they make."""
    if not _starts_cleanly(text, anchor):
        return 0, None
    match = WORD_FIGURE_AT.match(text, anchor)
    return (match.end(), _word_figure(match)) if match else (0, None)


def _singles(text: str) -> list[Figure]:
    """Figures in digits and in words, in order, each read from where the one before it ended."""
    singles: list[Figure] = []
    consumed = 0
    words = _word_anchors(text)
    next_word = 0
    for match in _DIGIT_CANDIDATE.finditer(text):
        start = match.start()
        while next_word < len(words) and words[next_word] < start:
            anchor = words[next_word]
            next_word += 1
            if anchor >= consumed:
                end, figure = _word_single(text, anchor)
                consumed = max(consumed, end)
                if figure:
                    singles.append(figure)
        if start < consumed or (start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()):
            continue
        consumed = match.end("figure")
        singles.append(_digit_figure(match))
    for anchor in words[next_word:]:
        if anchor >= consumed:
            end, figure = _word_single(text, anchor)
            consumed = max(consumed, end)
            if figure:
                singles.append(figure)
    return singles


def find_figures(text: str) -> list[Figure]:
    """Figures in ``text`` in order, with ranges merged into one figure."""
    merged: list[Figure] = []
    for figure in _singles(text):
        previous = merged[-1] if merged else None
        combined = _merge_range(text, previous, figure) if previous else None
        if combined:
            merged[-1] = combined
        else:
            merged.append(figure)
    return merged
