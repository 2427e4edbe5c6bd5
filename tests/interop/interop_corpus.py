"""The small corpus of the interop tests: emoji, NFC-composed and still-decomposed combining marks, a CRLF file."""

from __future__ import annotations

from dataclasses import dataclass

from interop_support import make_relation, make_span, quote_span

from belarus_corpus import Corpus
from belarus_corpus.interop import Selection, select
from belarus_corpus.model import Relation, Span
from belarus_corpus.store import StoreContent, save

ALPHA = ("Envoy visits Minsk 😀\n"
         "The envoy met the president on 3 March 2025, officials said. Nearly 40 prisoners were freed.\n"
         "Critics warn the thaw may not last. “We are ready,” the minister said. "
         "Cafe\u0301 owners and q\u0301 fans cheered 👍🏽.\n")
BETA_CRLF = b"Lukashenko met the envoy.\r\nAnalysts say 52 prisoners were released \xf0\x9f\x8e\x89 in September.\r\n" \
            b"The talks may continue.\r\n"


@dataclass
class Small:
    corpus: Corpus
    spans: dict[str, Span]
    relations: dict[str, Relation]

    def selection(self) -> Selection:
        return select(self.corpus)


def _alpha_spans(text: str) -> dict[str, Span]:
    def q(layer: str, type_: str, quote: str, **kwargs: object) -> Span:
        return quote_span("alpha", text, layer, type_, quote, **kwargs)  # type: ignore[arg-type]

    mins = text.index("visits")
    return {
        "event": q("claim", "event", "The envoy met the president on 3 March 2025, officials said.",
                   attributes={"holder": "officials", "checkworthiness": "high"}, note="checked against the 😀 wire"),
        "date": q("claim", "date", "3 March 2025", attributes={"value": "2025-03-03"}),
        "quantity": q("claim", "quantity", "Nearly 40 prisoners were freed", attributes={"value": "40"}),
        "nearly": q("hedge", "approximator", "Nearly"),
        "may": q("hedge", "epistemic-modal", "may"),
        "stance": q("stance", "favor", "“We are ready,”",
                    attributes={"target": "us-belarus-rapprochement", "holder": "the minister"}),
        "cafe": q("artifact", "transliteration-variant", "Café", attributes={"canonical": "Cafe"},
                  status="suggested"),
        "q-acute": q("artifact", "foreign-typography", "q\u0301", status="suggested"),
        "across": q("artifact", "duplicated-text", "Minsk 😀\nThe envoy", status="rejected"),
        "mid-word": make_span("alpha", text, "artifact", "translation-error", mins, mins + len("visits Mins"),
                              note="ends inside a word"),
        "thumbs": q("artifact", "boilerplate", "👍🏽"),
    }


def _beta_spans(text: str) -> dict[str, Span]:
    return {
        "b-quantity": quote_span("beta", text, "claim", "quantity", "52 prisoners were released 🎉",
                                 attributes={"value": "52", "cluster": "prisoners-released"}),
        "b-shield": quote_span("beta", text, "hedge", "attribution-shield", "Analysts say"),
        "b-may": quote_span("beta", text, "hedge", "epistemic-modal", "may", status="suggested"),
    }


def build_small(corpus: Corpus) -> Small:
    spans = {**_alpha_spans(corpus.document("alpha").text), **_beta_spans(corpus.document("beta").text)}
    relations = {
        "scope": make_relation("hedge-scope", spans["nearly"], spans["quantity"]),
        "evidence": make_relation("stance-evidence", spans["stance"], spans["event"], note="same paragraph"),
        "b-scope": make_relation("hedge-scope", spans["b-shield"], spans["b-quantity"]),
        "cross": make_relation("contradicts", spans["quantity"], spans["b-quantity"]),
    }
    for doc_id in ("alpha", "beta"):
        local = [r for r in relations.values() if r.head_doc == doc_id and not r.cross_document]
        save(corpus.layout.store(doc_id), StoreContent([s for s in spans.values() if s.doc_id == doc_id], local))
    save(corpus.layout.cross_document_store, StoreContent([], [relations["cross"]]))
    report = corpus.validate()
    assert report.valid, [p.render() for p in report.errors]
    return Small(corpus, spans, relations)
