"""quantity-claim@1 and date-claim@1 on short texts written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView, Proposal
from belarus_corpus.suggest.date_claim import DETECTOR as DATES
from belarus_corpus.suggest.quantity_claim import DETECTOR as QUANTITIES

MakeView = Callable[..., DocumentView]


def spans(document: DocumentView, proposals: list[Proposal]) -> list[tuple[str, str | None]]:
    return [(document.text[p.start : p.end], p.attributes.get("value")) for p in proposals]


def test_quantity_sentences_with_values(make_view: MakeView) -> None:
    document = make_view("The court freed fourteen detainees. Turnout was 87%. Nothing else happened here.\n"
                         "Between 1,100 and 1,300 remain jailed. Its score is 12/100.")
    assert spans(document, QUANTITIES.detect(document)) == [
        ("The court freed fourteen detainees.", "14"), ("Turnout was 87%.", "87%"),
        ("Between 1,100 and 1,300 remain jailed.", "1100-1300"), ("Its score is 12/100.", "12/100")]


def test_vague_amounts_give_no_value_and_several_figures_are_listed(make_view: MakeView) -> None:
    document = make_view("Dozens of people came. Three buses and 40 cars left.")
    assert spans(document, QUANTITIES.detect(document)) == [
        ("Dozens of people came.", None), ("Three buses and 40 cars left.", "3; 40")]


def test_years_dates_and_identifiers_are_not_quantities(make_view: MakeView) -> None:
    document = make_view("It happened in 2020. It ended on August 17, 2025. The Zapad-2025 drills used F-16 jets. "
                         "One of them left.")
    assert QUANTITIES.detect(document) == []


def test_dates_normalized(make_view: MakeView) -> None:
    document = make_view("The call came on August 17, 2025. Talks resumed this September. "
                         "Protests began in 2020. The report is dated Oct 2025.\nNo date in this one.")
    assert spans(document, DATES.detect(document)) == [
        ("The call came on August 17, 2025.", "2025-08-17"), ("Talks resumed this September.", "XXXX-09"),
        ("Protests began in 2020.", "2020"), ("The report is dated Oct 2025.", "2025-10")]


def test_date_forms(make_view: MakeView) -> None:
    document = make_view("A: 23 September 2025. B: 2025-08-17. C: the summer of 2025. D: last week. E: in early June.")
    assert [p.attributes.get("value") for p in DATES.detect(document)] == [
        "2025-09-23", "2025-08-17", "2025-SU", None, "XXXX-06"]


def test_month_names_need_context(make_view: MakeView) -> None:
    document = make_view("They may march. May I ask? The Mar-a-Lago resort. A day in 1,200 years.")
    assert DATES.detect(document) == []


def test_offsets_and_edges_with_non_ascii(make_view: MakeView) -> None:
    text = "🙂 Zażółć gęślą jaźń.  Łukasz counted 52 ballots on 5 May 2025.  "
    document = make_view(text)
    expected = "Łukasz counted 52 ballots on 5 May 2025."
    for detector, value in ((QUANTITIES, "52"), (DATES, "2025-05-05")):
        (proposal,) = detector.detect(document)
        assert (proposal.start, proposal.end) == (text.index(expected), text.index(expected) + len(expected))
        assert proposal.attributes == {"value": value}
        assert proposal.layer == "claim"


def test_seeds_have_quantity_and_date_claims(seed_views: list[DocumentView]) -> None:
    total_quantities = sum(len(QUANTITIES.detect(document)) for document in seed_views)
    total_dates = sum(len(DATES.detect(document)) for document in seed_views)
    assert total_quantities >= len(seed_views)
    assert total_dates >= len(seed_views)
    values = {p.attributes.get("value") for document in seed_views for p in DATES.detect(document)}
    assert any(value and value.startswith("2025") for value in values)
