"""The one-pass scans of ``dates``, ``figures`` and ``segment`` find what the plain rules find.

Each fast path (one regular expression over the whole text, with look-arounds doing the checks that
were Python code per candidate) is compared, on random text, with a slow reference written the plain
way: look for candidates, then check each one in Python.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belarus_corpus.structure import paragraphs
from belarus_corpus.suggest import dates, events, figures, hedge_lexicon, quotes, scan, segment
from belarus_corpus.suggest.dates import DateMention
from belarus_corpus.suggest.figures import Figure

PIECES = ["May", "June", "\n\n\n\n", "Sept.", "Sept", "Oct", "Jan.", "August 17, 2025", "17 August 2025",
          "3rd of March", "the summer of 2025", "in early", "mid-", "this", "last", "of", "In", "THIS", "ſ", "K",
          "²", "½",
          "1999", "2020", "2099", "1800", "20201", "2020.5", "2020,000", "2025-08-17", "17.08.2025", "8/17/2025",
          "1,200", "1.5", "12/100", "87%", "40 percent", "per cent", "$", "€", "£", "$5 million", "٣", "Zapad-",
          "a dozen", "half a dozen", "twenty-five", "hundreds of", "between", "and", "to", "–", "-", "/", ":",
          ".", ",", " ", "  ", "   ", "\n", "\t", "\u00a0", "Dr.", "U.S.", "e.g.", "W.", "“", "”", "\"", "?!",
          "…", "’", ")", "(", "ł", "ąb", "Ébc", "word"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="aA1 .,-\n:$%/’”", max_size=4)),
                 max_size=30).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------------------- dates, the plain way

_AT_MONTH = re.compile(
    rf"(?P<mdy_m>{dates._MONTH})\s+(?P<mdy_d>{dates._DAY}),?\s+(?P<mdy_y>{dates._YEAR}){dates._END}"
    rf"|(?P<md_m>{dates._MONTH})\s+(?P<md_d>{dates._DAY}){dates._END}"
    rf"|(?P<my_m>{dates._MONTH}),?\s+(?:of\s+)?(?P<my_y>{dates._YEAR}){dates._END}")
_MONTH_YEAR_AFTER = re.compile(rf"{dates._MONTH},?\s+(?P<year>{dates._YEAR}){dates._END}")
_AT_DIGITS = re.compile(dates._AT_DIGITS)


def _from_groups(groups: dict[str, str | None], start: int, end: int) -> DateMention | None:
    for prefix in ("mdy", "md", "iso", "dot", "us"):
        month = groups.get(f"{prefix}_m")
        if month:
            year_text, day = groups.get(f"{prefix}_y"), int(re.sub(r"\D", "", groups[f"{prefix}_d"] or ""))
            year = int(year_text) if year_text else None
            number = dates.month_number(month) if month[0].isalpha() else int(month)
            return DateMention(start, end, dates._iso(year, number, day), year, number, day)
    if groups.get("my_m"):
        year, number = int(groups["my_y"] or 0), dates.month_number(groups["my_m"] or "")
        return DateMention(start, end, dates._iso(year, number), year, number)
    return None


def _time_word_start(text: str, position: int) -> int | None:
    first = dates.word_before(text, position)
    if first and first[1] in ("early", "late", "mid"):
        second = dates.word_before(text, first[0])
        return second[0] if second and second[1] in dates.TIME_WORDS else first[0]
    return first[0] if first and first[1] in dates.TIME_WORDS else None


def _month_mention(text: str, match: re.Match[str]) -> DateMention | None:
    start = match.start()
    day = dates._DAY_BEFORE.search(text, max(0, start - 10), start)
    if day:
        number, day_number = dates.month_number(match.group()), int(re.sub(r"\D", "", day.group("day")))
        year_match = _MONTH_YEAR_AFTER.match(text, start)
        year = int(year_match.group("year")) if year_match else None
        end = year_match.end() if year_match else match.end()
        return DateMention(day.start(), end, dates._iso(year, number, day_number), year, number, day_number)
    forward = _AT_MONTH.match(text, start)
    if forward:
        return _from_groups(forward.groupdict(), start, forward.end())
    opening = _time_word_start(text, start)
    if opening is not None:
        number = dates.month_number(match.group())
        return DateMention(opening, match.end(), dates._iso(None, number), None, number)
    return None


def _digit_mention(text: str, start: int) -> DateMention | None:
    if start and (text[start - 1].isalnum() or text[start - 1] in "-_.,/$€£"):
        return None
    match = _AT_DIGITS.match(text, start)
    if not match:
        return None
    if not match.group("year"):
        return _from_groups(match.groupdict(), start, match.end())
    year = int(match.group("year"))
    season = dates._SEASON_BEFORE.search(text, max(0, start - 16), start) if text[start - 3 : start] == "of " else None
    if season:
        code = dates._SEASON_CODES[season.group("season").lower()]
        return DateMention(season.start(), match.end(), f"{year}-{code}", year)
    return DateMention(start, match.end(), str(year), year)


def plain_find_dates(text: str) -> list[DateMention]:
    months = [found for match in re.finditer(rf"{dates._MONTH}(?![\w-])", text)
              if (found := _month_mention(text, match))]
    mentions = list(months)
    for match in re.finditer(r"[0-9]+", text):
        if not any(month.start <= match.start() < month.end for month in months):
            mention = _digit_mention(text, match.start())
            if mention:
                mentions.append(mention)
    return dates._without_overlaps(mentions + dates._relative_mentions(text))


# --------------------------------------------------------------------------------------- figures, the plain way


def _digit_figure(match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    digits = match.group("digits")
    number = figures.read_digits(digits)  # thousands by comma or space, or a decimal comma (#19)
    if match.group("score"):
        return Figure(start, end, number, number, match.group(), "score")
    if match.group("percent"):
        return Figure(start, end, number, number, figures.format_number(number) + "%", "percent")
    if match.group("scale"):
        number *= figures.SCALES[match.group("scale").lower()]
    elif re.match(r"^(?:18|19|20)\d\d$", digits) and not match.group("currency"):
        return None
    return Figure(start, end, number, number, (match.group("currency") or "") + figures.format_number(number),
                  "count")


def plain_singles(text: str) -> list[Figure]:
    anchors = [(match.start() - (1 if match.start() and text[match.start() - 1] in "$€£" else 0), True)
               for match in re.finditer(r"[0-9]+", text)]
    anchors += [(position, False) for position in figures._word_anchors(text)]
    singles: list[Figure] = []
    consumed = 0
    for anchor, is_digit in sorted(set(anchors)):
        if anchor < consumed or not figures._starts_cleanly(text, anchor):
            continue
        match = (figures.DIGIT_FIGURE_AT if is_digit else figures.WORD_FIGURE_AT).match(text, anchor)
        figure = (_digit_figure(match) if is_digit else figures._word_figure(match)) if match else None
        if match:
            consumed = match.end()
        if figure:
            singles.append(figure)
    return singles


# ------------------------------------------------------------------------------- the rest, the plain way


def plain_local_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    low, high = max(0, start - 400), min(len(text), end + 400)
    before = [found + len(mark) for mark in events._SENTENCE_MARKS if (found := text.rfind(mark, low, start)) >= 0]
    after = [found + 1 for mark in events._SENTENCE_MARKS if (found := text.find(mark, end, high)) >= 0]
    return (max(before) if before else low, min(after) if after else high)


# -------------------------------------------------------------------------------------------------------- tests


@SETTINGS
@given(texts)
def test_dates_equal_the_plain_rules(text: str) -> None:
    assert dates.find_dates(text) == plain_find_dates(text)


@SETTINGS
@given(texts)
def test_figures_equal_the_plain_rules(text: str) -> None:
    assert figures._singles(text) == plain_singles(text)


@SETTINGS
@given(texts)
def test_one_boundary_scan_equals_one_scan_per_paragraph(text: str) -> None:
    spans = tuple((paragraph.start, paragraph.end) for paragraph in paragraphs(text))
    per_paragraph: list[tuple[int, int]] = []
    for span in spans:
        trimmed = segment.trim(text, *span)
        if trimmed:
            segment._split_paragraph(text, *trimmed, per_paragraph)
    assert segment._sentences.__wrapped__(text, spans) == tuple(per_paragraph)


def test_examples_of_the_checks_moved_into_the_patterns() -> None:
    text = ("In 2020, 1999/2000, $2020, 2020 million, 2020.5 and 20201; mid-  March, in   June, thiſ May 5,"
            " this\n\n\n\nMay")
    assert [text[figure.start : figure.end] for figure in figures.find_figures(text)] == [
        "1999/2000", "$2020", "2020 million", "2020.5", "20201", "5"]
    assert [(text[date.start : date.end], date.value) for date in dates.find_dates(text)] == [
        ("2020", "2020"), ("1999", "1999"), ("2020", "2020"), ("mid-  March", "XXXX-03"), ("in   June", "XXXX-06"),
        ("May 5", "XXXX-05-05")]


HEDGE_PIECES = ["Should", "should", "SHOULD", "ShOuld", "ſhould", "analyſts say", "İf", "ıf", "some analysts say",
                "Western diplomats have warned", "about 50", "over a dozen", "reportedly", "may", "might", "if",
                "it is likely", "no more than", "more than", " ", "\n", ",", "the", "We", ".", "(", "“", "—", "-",
                "said", "is said to", "foreign policy experts", "officials", "experts say", "most likely", "as few as",
                "according to officials", "it’s", "so-called", "In all likelihood", "x-", "_", "2"]


@SETTINGS
@given(st.lists(st.sampled_from(HEDGE_PIECES), max_size=12).map(" ".join), st.data())
def test_hedge_matcher_equals_the_ignorecase_pattern(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    expected = hedge_lexicon.hedge_regex().match(text, position)
    found = hedge_lexicon._matcher(text, hedge_lexicon._lowered(text))(position)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.span(), found.lastgroup) == (expected.span(), expected.lastgroup)


@SETTINGS
@given(st.lists(st.sampled_from([". ", "? ", "! ", "\n", ".", " ", "a", "?", "word " * 9]), max_size=60).map("".join),
       st.data())
def test_local_sentence_equals_the_plain_searches(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert events.local_sentence(text, start, end) == plain_local_sentence(text, start, end)


@SETTINGS
@given(st.text(alphabet="“”„«»‹›\"'a ’\n", max_size=40))
def test_quote_marks_equal_the_pattern(text: str) -> None:
    assert quotes.quote_marks(text) == [match.start() for match in quotes.QUOTE_MARK.finditer(text)]


@SETTINGS
@given(st.lists(st.sampled_from(HEDGE_PIECES), max_size=20).map(" ".join))
def test_words_before_an_anchor_rule_out_only_what_cannot_match(text: str) -> None:
    simple = hedge_lexicon.single_word_cues()
    anchors = [(position, word) for position, word in scan.hits_for(text, hedge_lexicon.vocabulary())
               if word not in simple]
    lowered = hedge_lexicon._lowered(text)
    match_at = hedge_lexicon._matcher(text, lowered)
    if lowered is None:
        return
    every = scan.matches_at_anchors(match_at, text, anchors, hedge_lexicon.reach())
    ruled = scan.matches_at_anchors(match_at, text, anchors, hedge_lexicon.reach(),
                                    hedge_lexicon._may_start_before(text))
    assert [match.span() for match in ruled] == [match.span() for match in every]
