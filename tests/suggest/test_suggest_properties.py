"""Every proposal of every detector, on any text, is a valid span without surrounding white space."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belarus_corpus.structure import paragraphs
from belarus_corpus.suggest.base import DocumentView
from belarus_corpus.suggest.registry import CORPUS_DETECTORS, DETECTORS

PIECES = ["may", "May", "about 50", "nearly 1,200", "Analysts say", "“", "”", "„", "«", "»", "\"", " – ",
          "said Anna Nowak", "Lukashenka", "Aleksandr Lukashenko", "Tsykhanouski", "August 17, 2025", "in 2020",
          "this September", "fourteen", "12/100", "87%", "political prisoners", "released", "freed 52",
          "hypothetical second term", "former President Donald Trump", "President Trump", "Follow us on",
          "Share this article", "Home > News > World", "№", " ?", ". ", "\n", "\n\n", "🙂", "é", " ", "If",
          "Should the", "would-be Trump presidency", "Dr.", "U.S.", "—"]

text_strategy = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


def view(text: str, doc_id: str = "doc") -> DocumentView:
    return DocumentView(doc_id, text, tuple((p.start, p.end, p.role) for p in paragraphs(text)))


def assert_valid(text: str, start: int, end: int) -> None:
    assert 0 <= start < end <= len(text)
    assert not text[start].isspace() and not text[end - 1].isspace()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_every_document_detector_gives_valid_spans(text: str) -> None:
    document = view(text)
    for detector in DETECTORS.values():
        for proposal in detector.detect(document):
            assert_valid(text, proposal.start, proposal.end)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_strategy, min_size=1, max_size=3))
def test_corpus_detectors_give_valid_spans(texts: list[str]) -> None:
    documents = [view(text, f"d{index}") for index, text in enumerate(texts)]
    by_id = {document.doc_id: document.text for document in documents}
    for detector in CORPUS_DETECTORS.values():
        findings = detector.detect_corpus(documents)
        for doc_id, proposal in findings:
            assert_valid(by_id[doc_id], proposal.start, proposal.end)
        for link in findings.links:
            assert link.head[0] in by_id and link.tail[0] in by_id


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_views_without_or_with_loose_paragraphs(text: str) -> None:
    loose = tuple((match.start(), match.end(), "body") for match in re.finditer(r"[^\n]+", text))
    for document in (DocumentView("doc", text), DocumentView("doc", text, loose)):
        for detector in DETECTORS.values():
            for proposal in detector.detect(document):
                assert_valid(text, proposal.start, proposal.end)
