"""stance@2: evaluative language toward a target of the taxonomy, with its holder.

Rule: each sentence (the title included, a rhetorical question too; a dateline or Q&A prefix left out, see
``claim_units``) and each attributed quotation (as ``attributed-quote`` finds it) is scored by ``polarity``: the
evaluative words of ``data/evaluative.json`` and VADER's lexicon (``vader``), with negation inside the clause,
the clause after "but" deciding, a concessive clause counting half, pretence ("presents himself as a pragmatic
partner") counting against, "should never have" as criticism, and the side of a reported holder ("critics of X
say …") counting as the holder's stance. A unit is a stance when its score is at least 1 in absolute value (one
ordinary word, two weak ones): ``favor`` above zero, ``against`` below, ``neutral`` when positive and negative words
meet in a unit that says it balances them ("…; it can also …", "on the one hand"). ``target`` is the first target
of ``data/stance_targets.json`` whose cue the unit holds (the Belarus targets only in a document that names
Belarus), else ``other``. ``holder`` is the quotation's speaker, the source of a reported opinion ("X argue that
…", "… was welcomed by X"), else ``author``. The span is the sentence, or the quotation's contents; a quotation
without a target cue takes its sentence's. Confidence: 0.8 when the score is 3 or more, or a strong word meets a
target cue; 0.65 for a score of 2 or a strong word; 0.5 otherwise and for neutral.

Known limits: words and clause patterns, not a parser: sarcasm, irony and evaluations carried by metaphor or idiom
("a breath of fresh air") are missed; a sentence that names two targets gets the first of the order only; a
reported prediction with evaluative words ("they think the regime will see it as weakness") can be proposed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .attributed_quote import DETECTOR as QUOTES
from .base import DocumentView, Proposal
from .claim_type import _REPORTING, clean_holder, unquoted
from .claim_units import claim_span, claim_units, line_pieces
from .lexicon import LazyPattern, load_table
from .polarity import Polarity, polarity
from .segment import paragraphs_of

MIN_SCORE = 1
_BALANCE = LazyPattern(r"(?i)\b(?:can\s+also|could\s+also|on\s+the\s+one\s+hand|on\s+the\s+other\s+hand|either\s+way"
                       r"|both\s+\w+\s+and)\b")
_BY_AGENT = LazyPattern(r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?\w+ed\s+by\s+"
                        r"(?P<who>[^,.;]{2,60})")
_SUBJECT_VERB = LazyPattern(r"^(?P<who>[^,;:]{2,80}?)\s+(?:\w+ly\s+)?(?:argue|argues|argued|believe|believes|say|says|"
                            r"said|warn|warns|warned|welcomed|welcomes|denounced|criticised|criticized|accused|"
                            r"suggest|suggests|caution|cautions|insist|insists|praised|condemned|called)\b")


@functools.cache
def _targets() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = load_table("stance_targets.json")
    return tuple((target, re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(cue) for cue in table["cues"][target])
                                     + ")")) for target in table["order"])


@functools.cache
def _belarus() -> re.Pattern[str]:
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(load_table("stance_targets.json")["belarus_cues"]) + ")")


def target_of(unit: str, about_belarus: bool) -> str:
    if about_belarus:
        for target, pattern in _targets():
            if pattern.search(unit):
                return target
    return "other"


def holder_of(sentence: str) -> str:
    """The source of a reported opinion in the sentence, else ``author``."""
    plain = unquoted(sentence)
    agent = _BY_AGENT.search(plain)
    if agent:
        return clean_holder(agent.group("who"))
    subject = _SUBJECT_VERB.search(plain)
    if subject and _REPORTING.search(plain):
        return clean_holder(subject.group("who"))
    return "author"


def _stance_type(unit: str, found: Polarity) -> str | None:
    if found.positive and found.negative and _BALANCE.search(unit):
        return "neutral"
    if abs(found.score) < MIN_SCORE:
        return None
    return "favor" if found.score > 0 else "against"


def _confidence(kind: str, found: Polarity, target: str) -> float:
    if kind == "neutral":
        return 0.5
    if abs(found.score) >= 3 or (found.strong and target != "other"):
        return 0.8
    return 0.65 if found.strong or abs(found.score) >= 2 else 0.5


def _sentences(document: DocumentView) -> Iterator[tuple[int, int]]:
    """The claim units (sentences outside quotations, headings and boilerplate, see ``claim_units``), and the
    title's sentences even when they are questions."""
    text = document.text
    units = {(unit.start, unit.end) for unit in claim_units(document)}
    for start, end, role in paragraphs_of(document):
        if role == "title":
            units.update(span for piece in line_pieces(text, start, end) if (span := claim_span(text, *piece)))
            break
    yield from sorted(units)


def _around(text: str, start: int, end: int) -> str:
    """The sentence around a quotation (to the nearest sentence ends or line breaks)."""
    low = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [found for found in (text.find(". ", end), text.find("\n", end)) if found >= 0]
    return text[low : min(ends) if ends else len(text)]


class Stance:
    name = "stance"
    version = 2
    confidence = 0.55

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        about_belarus = bool(_belarus().search(text))
        quotes = [(p.start, p.end, p.attributes.get("holder")) for p in QUOTES.detect(document)]
        seen: set[tuple[int, int, str]] = set()
        for start, end, speaker in quotes:
            context = _around(text, start, end)
            yield from self._unit(text, start, end, speaker or "unspecified", about_belarus, seen, context=context)
        for start, end in _sentences(document):
            plain = unquoted(text[start:end])
            if not plain.strip():
                continue
            yield from self._unit(text, start, end, None, about_belarus, seen, plain)

    def _unit(self, text: str, start: int, end: int, holder: str | None, about_belarus: bool,
              seen: set[tuple[int, int, str]], scored: str | None = None, context: str = "") -> Iterator[Proposal]:
        unit = text[start:end]
        found = polarity(unit if scored is None else scored)
        kind = _stance_type(unit, found)
        if kind is None or (start, end, kind) in seen:
            return
        seen.add((start, end, kind))
        target = target_of(unit, about_belarus)
        if target == "other" and context:
            target = target_of(context, about_belarus)
        attributes = {"target": target, "holder": holder_of(unit) if holder is None else holder}
        yield Proposal("stance", kind, start, end, attributes, score=_confidence(kind, found, target))


DETECTOR = Stance()
