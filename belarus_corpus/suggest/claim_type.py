"""claim-type@2: the claims that carry neither a date nor a figure, typed by their main predicate (guidelines R3).

Rule: every claim unit (a sentence less its dateline or prefix, see ``claim_units``) that ``date-claim`` and
``quantity-claim`` leave alone is typed, in the guidelines' order: ``attribution`` when it reports what a source
said, thinks or reported (a reporting verb outside quotation marks: "said", "told", "argue", "believe",
"confirmed", "welcomed", "denies", "according to", "in the opinion of", "is sure that", "reports … that");
``prediction`` when it
says what will or could happen ("will", "would", "could", "may", "might", "is expected to"); ``policy`` when it is
about sanctions, laws, treaties, official positions, decisions or motives; otherwise ``event``. ``holder`` is the
source as written (the subject before the reporting verb, the name after "according to", or the speaker of a
trailing "…, X said") or ``author``.

Not claims: exhortations ("should", "must", "ought to", a sentence opening with a verb in the imperative),
evaluations with no reporting verb, figure or date (a strong evaluative word of ``data/evaluative.json``, a copula
before an evaluative predicate — "is a bad deal" — or a ``polarity`` score of 2 or more), indirect questions
("a reader asks whether …", a unit opening with "Why"/"How"/"What": "What happens next depends on …"), and units
without a verb or of fewer than three words; a title's label ("Opinion:", "Live:", "Analysis:") is not read.
Confidence: attribution 0.75, prediction 0.65, policy 0.6, event 0.5.

Known limits: the main predicate is guessed from words, not parsed: a sentence with a reporting verb in a
subordinate clause is typed attribution; a conditional with "will" in both clauses is a prediction even when it
reports a policy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import DocumentView, Proposal
from .claim_units import Unit, claim_units
from .date_claim import date_triggers
from .evaluative import evaluative_words
from .lexicon import LazyPattern
from .polarity import polarity
from .quantity_claim import quantity_triggers

_QUOTED = LazyPattern(r"[\"“„«][^\"“”„«»]*[\"”“»]")
_REPORTING = LazyPattern(
    r"(?i)\b(?:said|says|say|told|tells|argues?|argued|believes?|believed|confirms?|confirmed|den(?:y|ies|ied)"
    r"|welcomed|welcomes|criticis(?:es|ed)|criticiz(?:es|ed)|denounced|accused|expressed|informed|reminded"
    r"|underlines?|underlined|stressed|stresses|warns?|warned|claims?|claimed|estimates?|estimated|suggests?"
    r"|suggested|cautions?|cautioned|indicates?|indicated|added|noted|insists?|insisted|points?,?\s+(?:out\s+)?that"
    r"|pointed,?\s+(?:out\s+)?that|shows?\s+that|showed\s+that|wants?\s+to|counts?\s+on|is\s+sure|are\s+sure"
    r"|according\s+to|in\s+the\s+opinion\s+of|in\s+(?:his|her|their|our)\s+(?:opinion|view)"
    r"|(?:reports|rumou?rs|claims)\s+(?:\w+\s+){0,3}?that)\b")
_PREDICTION = LazyPattern(r"(?i)\b(?:will|would|could|may|might|won['’]t|shall|is\s+expected\s+to"
                          r"|are\s+expected\s+to|is\s+likely\s+to|is\s+set\s+to|is\s+going\s+to)\b")
_POLICY = LazyPattern(r"(?i)\b(?:sanctions?|polic(?:y|ies)|laws?|treaty|treaties|restrictions?|motives?"
                      r"|explanation|aims?\s+to|decided|decision\s+to|embargo|ban|banned|concession|recogni[sz]"
                      r"|departure\s+from|official\s+position)")
_EXHORTATION = LazyPattern(r"(?i)\b(?:should|must|ought\s+to|let['’]s|needs?\s+to)\b")
_IMPERATIVE = LazyPattern(r"(?:Keep|Tie|Speak|Stop|Let|Do|Don['’]t|Remember|Consider|Imagine|Take|Make|Give|Look|Ask"
                          r"|Insulate|Build|End|Start|Help|Join|Read|Watch|Follow|Think)\b")
_VERB = LazyPattern(r"(?i)\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|do|does|did"
                    r"|[a-z]{2,}ed|[a-z]{3,}s)\b")
_COPULA_EVALUATION = LazyPattern(r"(?i)\b(?:is|are|was|were)\s+(?:not\s+)?(?:a\s+|an\s+)?(?:\w+\s+)?(?P<word>\w+)")
_COPULA_PREDICATE = LazyPattern(r"(?i)^[^,;:]{1,60}?\b(?:is|are|was|were)\s+(?:not\s+)?(?P<predicate>(?:\S+\s+){0,3}"
                                r"\S+)")
_SUBJECT = LazyPattern(r"(?P<subject>[^,;:]{2,80}?)\s+(?:(?:has|have|had|also|then|now|publicly|repeatedly)\s+)?$")
_ACCORDING = LazyPattern(r"(?i)(?:according\s+to|in\s+the\s+opinion\s+of)\s+(?:the\s+(?:data|words)\s+of\s+)?"
                         r"(?P<who>[^,.;]{2,80})")
_TRAILING = LazyPattern(r",\s+(?P<who>[^,;]{2,60}?)\s+(?:said|says|told|added|noted|wrote)\b[^,;]*[.!]?$")

MIN_WORDS = 3
_CONNECTIVE = LazyPattern(r"^(?:(?:However|But|And|Yet|Meanwhile|Still|Moreover|Also|Now|Then|So|Instead|and|but|yet)"
                          r"\b,?\s*)+")
# An indirect question: "A reader asks whether …", "Why the port is closing" (a unit opening with why/how/what).
_INDIRECT_QUESTION = LazyPattern(r"(?i)\b(?:asks?|asked|wonders?|wondered|asking)\s+(?:\w+\s+)?"
                                 r"(?:whether|if|why|how|what)\b|^(?:why|how|what|whether)\s")
_LABEL = LazyPattern(r"^(?:Opinion|Analysis|Comment|Commentary|Editorial|Live|Explainer|Interview|Column)\s*:\s*")
CONFIDENCE = {"attribution": 0.75, "prediction": 0.65, "policy": 0.6, "event": 0.5}


def unquoted(sentence: str) -> str:
    """The sentence with quoted stretches blanked (same length), so words inside quotation marks do not count."""
    return _QUOTED.compiled.sub(lambda match: " " * len(match.group()), sentence)


def is_evaluation(sentence: str) -> bool:
    """Whether the sentence evaluates rather than states (see the module docstring)."""
    words = evaluative_words()
    lowered = {token.strip(".,;:!?\"'“”’()").lower() for token in sentence.split()}
    if lowered & words.strong:
        return True
    copula = _COPULA_EVALUATION.search(sentence)
    if copula and copula.group("word").lower() in words.positive | words.negative:
        return True
    # a copula before an evaluative predicate ("is a bad deal"), or evaluative words of weight 2 or more
    predicate = _COPULA_PREDICATE.search(sentence)
    return bool(predicate and abs(polarity(predicate.group("predicate")).score) >= 1) or abs(
        polarity(sentence).score) >= 2


def clean_holder(candidate: str) -> str:
    """A source as written, without a leading connective ("However, the ministry" → "the ministry")."""
    return _CONNECTIVE.sub("", candidate.strip()).strip(" ,") or "author"


def _holder(sentence: str, verb: re.Match[str]) -> str:
    words = verb.group().split()
    if len(words) > 1 and words[-1].lower() == "that" and words[0].lower() in ("reports", "rumours", "rumors"):
        return words[0]  # "Reports are coming in that …": the noun is the source
    according = _ACCORDING.search(sentence)
    if according:
        return clean_holder(according.group("who"))
    trailing = _TRAILING.search(sentence)
    if trailing and verb.start() > trailing.start():
        return clean_holder(trailing.group("who"))
    subject = _SUBJECT.search(sentence[: verb.start()])
    return clean_holder(subject.group("subject")) if subject else "author"


def classify(sentence: str, role: str) -> tuple[str, str] | None:
    """(claim type, holder) of a unit that holds no date or figure, or None when it is no claim."""
    plain = unquoted(_LABEL.sub("", sentence) if role == "title" else sentence)
    if (len(plain.split()) < MIN_WORDS or _IMPERATIVE.match(plain) or _EXHORTATION.search(plain, 1)
            or not _VERB.search(plain) or _INDIRECT_QUESTION.search(plain)):
        return None
    reporting = _REPORTING.search(plain)
    if reporting:
        return "attribution", _holder(sentence, reporting)
    if is_evaluation(plain):
        return None
    if _PREDICTION.search(plain):
        return "prediction", "author"
    if _POLICY.search(plain):
        return "policy", "author"
    return "event", "author"


def _covered(document: DocumentView) -> set[tuple[int, int]]:
    """The units that already hold a date or quantity claim."""
    units = claim_units(document)
    covered: set[tuple[int, int]] = set()
    triggers = sorted({*date_triggers(document.text), *quantity_triggers(document.text)})
    index = 0
    for start, _, _ in triggers:
        while index < len(units) and units[index].end <= start:
            index += 1
        if index < len(units) and units[index].start <= start:
            covered.add((units[index].start, units[index].end))
    return covered


class ClaimType:
    name = "claim-type"
    version = 2
    confidence = 0.5

    def detect(self, document: DocumentView) -> Iterator[Proposal]:
        text = document.text
        covered = _covered(document)
        for unit in claim_units(document):
            if (unit.start, unit.end) in covered:
                continue
            found = _typed(text, unit)
            if found:
                kind, holder = found
                yield Proposal("claim", kind, unit.start, unit.end, {"holder": holder}, score=CONFIDENCE[kind])


@functools.lru_cache(maxsize=4096)
def _classify_cached(sentence: str, role: str) -> tuple[str, str] | None:
    return classify(sentence, role)


def _typed(text: str, unit: Unit) -> tuple[str, str] | None:
    return _classify_cached(text[unit.start : unit.end], unit.role)


def clear_caches() -> None:
    _classify_cached.cache_clear()


DETECTOR = ClaimType()
