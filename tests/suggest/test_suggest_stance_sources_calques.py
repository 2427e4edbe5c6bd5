"""stance@1, unverifiable-source@1, translation-calque@1, hedge-lexicon@2 and attributed-quote@2 on sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable

from belarus_corpus.suggest.attributed_quote import DETECTOR as QUOTES
from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.hedge_lexicon import DETECTOR as HEDGES
from belarus_corpus.suggest.stance import DETECTOR as STANCE
from belarus_corpus.suggest.translation_calque import DETECTOR as CALQUES
from belarus_corpus.suggest.unverifiable_source import DETECTOR as SOURCES

MakeView = Callable[..., DocumentView]


def texts(document: DocumentView, detector: object) -> list[str]:
    return [document.text[p.start : p.end] for p in detector.detect(document)]  # type: ignore[attr-defined]


def test_stance_type_target_and_holder(make_view: MakeView) -> None:
    document = make_view("Talks with Minsk are a blunder.\n\nCritics argue that the deal with Lukashenko is naive.\n\n"
                         "The opposition in exile deserves better.\n\nThe envoy landed in Minsk at noon.")
    found = [(p.type, p.attributes["target"], p.attributes["holder"]) for p in STANCE.detect(document)]
    assert found == [("against", "us-belarus-rapprochement", "author"),
                     ("against", "us-belarus-rapprochement", "Critics"),
                     ("favor", "belarusian-opposition", "author")]


def test_stance_negation_but_and_other_target(make_view: MakeView) -> None:
    document = make_view("The new tram line is not a failure.\n\nThe plan is expensive, but it is a wise one.\n\n"
                         "Ticket prices rose in May.")
    assert [(p.type, p.attributes["target"]) for p in STANCE.detect(document)] == [("favor", "other"),
                                                                                   ("favor", "other")]


def test_stance_in_a_quotation_belongs_to_the_speaker(make_view: MakeView) -> None:
    document = make_view("“This decision is a shameful mistake,” said Olga Brandt, a councillor.")
    (proposal,) = STANCE.detect(document)
    assert document.text[proposal.start : proposal.end] == "This decision is a shameful mistake,"
    assert (proposal.type, proposal.attributes["holder"]) == ("against", "Olga Brandt")
    assert proposal.score is not None and 0 < proposal.score <= 1


def test_unverifiable_sources(make_view: MakeView) -> None:
    document = make_view("According to two sources close to the ministry, the bridge will close on 3 May.\n\n"
                         "The fence is 20 km long, a senior official said.\n\nReports say the mayor resigned.\n\n"
                         "The ferry reportedly carried 300 people.\n\nAnalysts say the plan is bold.")
    assert texts(document, SOURCES) == ["two sources close to the ministry", "a senior official", "Reports",
                                        "reportedly"]


def test_named_sources_and_opinions_are_not_unverifiable(make_view: MakeView) -> None:
    document = make_view("The mayor, Anna Berg, said the fence is 20 km long.\n\nExperts believe the plan is bold.")
    assert texts(document, SOURCES) == []


def test_calques_need_two_patterns(make_view: MakeView) -> None:
    translated = make_view("In the framework of the summit the sides took the decision to build a road. "
                           "The road will allow to reduce costs in the next year.")
    assert texts(translated, CALQUES) == ["In the framework of", "took the decision", "allow to reduce",
                                          "in the next year"]
    native = make_view("Officials took the decision seriously and met again in the afternoon.")
    assert texts(native, CALQUES) == []


def test_hedges_not_less_than_shields_with_a_place_and_no_up_to(make_view: MakeView) -> None:
    document = make_view("Not less than 40 ships waited. Critics in Riga argue that it failed. The dam holds up to "
                         "7 metres. According to two sources familiar with the plan, it works. Officials have said "
                         "little about it.")
    assert [(document.text[p.start : p.end], p.type) for p in HEDGES.detect(document)] == [
        ("Not less than", "approximator"), ("Critics in Riga argue", "attribution-shield"),
        ("According to two sources familiar with the plan", "attribution-shield")]


def test_quotes_with_titles_dashes_and_reported_speech(make_view: MakeView) -> None:
    document = make_view("“Today we open a new road for trade,” Deputy Prime Minister Lina Ozola told guests.\n\n"
                         "„We will not stop for a single day,” – underlined the head of the port Ivan Petrenko.\n\n"
                         "A spokesman told reporters that the meeting had been \"calm and useful\" and left.\n\n"
                         "The mayor called him a “true friend” at the dinner.")
    found = [(document.text[p.start : p.end], p.attributes.get("holder")) for p in QUOTES.detect(document)]
    assert found == [("Today we open a new road for trade,", "Lina Ozola"),
                     ("We will not stop for a single day,", "Ivan Petrenko"),
                     ("calm and useful", "spokesman"), ("true friend", "mayor")]


def test_template_headings_are_boilerplate(make_view: MakeView) -> None:
    from belarus_corpus.suggest.boilerplate import DETECTOR as BOILERPLATE

    document = make_view("Solar firm opens a plant\n\nPRESS RELEASE\n\nThe plant opened on Monday in Kaunas.\n\n"
                         "About Amber Power\n\nAmber Power builds plants.\n\nMedia contact: press@amber.example")
    assert texts(document, BOILERPLATE) == ["PRESS RELEASE", "About Amber Power", "Media contact: press@amber.example"]


def test_dash_after_a_comma_and_polish_title(make_view: MakeView) -> None:
    from belarus_corpus.suggest.foreign_typography import DETECTOR as TYPOGRAPHY

    document = make_view("Author: dr Ewa Nowak\n\n«Nothing changes», – said the minister.")
    assert texts(document, TYPOGRAPHY) == ["dr", "«Nothing changes»", "–"]
