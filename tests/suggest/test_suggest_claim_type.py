"""claim-type@1, and the claim units quantity-claim@2 and date-claim@2 share, on sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.claim_type import DETECTOR as TYPES
from belarus_corpus.suggest.date_claim import DETECTOR as DATES
from belarus_corpus.suggest.quantity_claim import DETECTOR as QUANTITIES

MakeView = Callable[..., DocumentView]


def typed(document: DocumentView) -> list[tuple[str, str, str]]:
    return [(p.type, document.text[p.start : p.end], p.attributes["holder"]) for p in TYPES.detect(document)]


def test_types_follow_the_main_predicate(make_view: MakeView) -> None:
    document = make_view("The harbour master told journalists that the quay had been repaired.\n\n"
                         "The ferry will leave at dawn.\n\nThe council lifted the parking ban.\n\n"
                         "Fishermen unloaded their catch at the pier.")
    assert typed(document) == [
        ("attribution", "The harbour master told journalists that the quay had been repaired.", "The harbour master"),
        ("prediction", "The ferry will leave at dawn.", "author"),
        ("policy", "The council lifted the parking ban.", "author"),
        ("event", "Fishermen unloaded their catch at the pier.", "author")]


def test_holder_after_according_to_and_in_a_trailing_tag(make_view: MakeView) -> None:
    document = make_view("According to the port authority, the channel is open again.\n\n"
                         "The road stays closed, a county engineer said.")
    assert [holder for _, _, holder in typed(document)] == ["the port authority", "a county engineer"]


def test_questions_exhortations_evaluations_and_quotations_are_no_claims(make_view: MakeView) -> None:
    document = make_view("Is the bridge safe?\n\nThe mayor should resign at once.\n\n"
                         "Keep the old tram line running.\n\nThe new timetable is a disaster.\n\n"
                         "“The water rose overnight. Nobody was hurt,” the warden said.")
    assert typed(document) == []


def test_sentences_with_a_date_or_figure_are_left_to_those_detectors(make_view: MakeView) -> None:
    document = make_view("The museum reopened in March 2024.\n\nThe museum has 40 rooms.\n\nThe museum reopened.")
    assert typed(document) == [("event", "The museum reopened.", "author")]


def test_dateline_and_qa_prefix_are_outside_the_claim(make_view: MakeView) -> None:
    document = make_view("RIGA, May 3 (Northwire) – The port handled 12 000 tonnes of grain.\n\n"
                         "Q: Did it work?\n\nA: The pumps ran for nine hours without a stop.\n\n"
                         "10:45\nThe ferry docked at the old pier.")
    found = [(p.type, document.text[p.start : p.end]) for p in [*QUANTITIES.detect(document), *TYPES.detect(document)]]
    assert found == [("quantity", "The port handled 12 000 tonnes of grain."),
                     ("quantity", "The pumps ran for nine hours without a stop."),
                     ("event", "The ferry docked at the old pier.")]


def test_number_notations(make_view: MakeView) -> None:
    document = make_view("Exports rose by 17,4 percent. The fund holds 2,5 thousand euros. The port moved "
                         "12 000 000 tonnes. Prices fell by about one third. Not less than 40 ships waited. "
                         "They queued for two or three days.")
    assert [p.attributes["value"] for p in QUANTITIES.detect(document)] == [
        "17.4%", "2500", "12000000", "~1/3", ">40", "2-3"]


def test_incidental_figures_make_no_quantity_claim(make_view: MakeView) -> None:
    document = make_view("Two sources close to the talks confirmed the plan. The two countries signed a memo. "
                         "A retired nurse, 71, was among them. The review will end within five years. "
                         "Media contact: +370 600 00000")
    assert QUANTITIES.detect(document) == []


def test_dates_relative_to_the_article_date(make_view: MakeView) -> None:
    document = make_view("By Ewa Lis | March 6, 2026\n\nTALLINN, March 6 (Northwire) – The ferry sank on Tuesday. "
                         "The captain spoke yesterday. The line opened last year. Repairs will finish by 2027.")
    assert [(document.text[p.start : p.end], p.attributes.get("value")) for p in DATES.detect(document)] == [
        ("The ferry sank on Tuesday.", "2026-03-03"), ("The captain spoke yesterday.", "2026-03-05"),
        ("The line opened last year.", "2025")]


def test_years_that_date_something_else_make_no_date_claim(make_view: MakeView) -> None:
    document = make_view("Sanctions imposed after the 2020 election hit exports. Prices are lower than in 2022. "
                         "Founded in 2017, the firm employs many people.")
    assert DATES.detect(document) == []


def test_claim_type_2_evaluations_indirect_questions_labels_and_reports(make_view: MakeView) -> None:
    document = make_view("Opinion: The new toll is a bad idea for the valley\n\n"
                         "A listener asks whether the ferry still runs on Sundays.\n\n"
                         "What happens next depends on the weather.\n\n"
                         "The bypass is a costly, reckless and harmful blunder.\n\n"
                         "Reports are coming in that the bridge has reopened to lorries.\n\n"
                         "The council closed the bridge to lorries, and the mayor said it was safe.")
    assert typed(document) == [
        ("attribution", "Reports are coming in that the bridge has reopened to lorries.", "Reports"),
        ("attribution", "The council closed the bridge to lorries, and the mayor said it was safe.",
         "the mayor")]
