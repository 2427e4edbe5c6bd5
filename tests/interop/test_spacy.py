"""spaCy DocBin: spaCy itself reads the file back; texts, spans, labels, ids and user_data are ours."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_corpus import Small

from belarus_corpus.interop import spacy_docbin

spacy = pytest.importorskip("spacy")


def test_spacy_reads_the_docbin_with_our_text_and_spans(small: Small, tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    report = spacy_docbin.export(small.selection(), tmp_path)
    docs = list(DocBin().from_disk(tmp_path / "corpus.spacy").get_docs(spacy.blank("en").vocab))
    by_id = {doc.user_data["belarus_corpus"]["doc_id"]: doc for doc in docs}
    assert sorted(by_id) == ["alpha", "beta"]
    for doc_id, doc in by_id.items():
        assert doc.text == small.corpus.document(doc_id).text
    lost = {p.record_id for p in report.losses}
    for span in small.spans.values():
        group = by_id[span.doc_id].spans[span.layer]
        found = [s for s in group if s.id_ == span.id]
        if span.id in lost:
            assert found == []
            continue
        (made,) = found
        assert (made.start_char, made.end_char, made.label_, made.text) == (span.start, span.end, span.type, span.text)
        meta = by_id[span.doc_id].user_data["belarus_corpus"]["spans"][span.id]
        assert meta["attributes"] == span.attributes and meta["status"] == span.status


def test_spans_inside_a_token_are_reported_not_shifted(small: Small, tmp_path: Path) -> None:
    report = spacy_docbin.export(small.selection(), tmp_path)
    assert [(p.record_id, p.path) for p in report.losses] == [(small.spans["mid-word"].id, "$")]


def test_white_space_becomes_tokens_so_the_text_is_exact() -> None:
    text = "  A\tb  c\n\nd \u2028e "
    words, spaces = spacy_docbin.words_and_spaces(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text


def test_cross_document_relations_live_with_the_head_document(small: Small, tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    spacy_docbin.export(small.selection(), tmp_path)
    docs = list(DocBin().from_disk(tmp_path / "corpus.spacy").get_docs(spacy.blank("en").vocab))
    relations = {doc.user_data["belarus_corpus"]["doc_id"]: doc.user_data["belarus_corpus"]["relations"]
                 for doc in docs}
    cross = small.relations["cross"]
    assert cross.id in {r["id"] for r in relations["alpha"]} and len(relations["beta"]) == 1


def test_import_refuses_a_doc_without_our_doc_id(small: Small, tmp_path: Path) -> None:
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("en")
    doc = nlp("Lukashenko met the envoy.")
    doc.spans["claim"] = [doc.char_span(0, 14, label="event")]
    DocBin(store_user_data=True, docs=[doc]).to_disk(tmp_path / "other.spacy")
    result = spacy_docbin.import_(tmp_path / "other.spacy", small.corpus)
    assert [p.code for p in result.problems] == ["unknown-document"] and result.spans == []
    doc.user_data["belarus_corpus"] = {"doc_id": "beta"}
    DocBin(store_user_data=True, docs=[doc, Doc(nlp.vocab, words=["x"])]).to_disk(tmp_path / "other.spacy")
    result = spacy_docbin.import_(tmp_path / "other.spacy", small.corpus)
    assert [(s.type, s.text, s.annotator) for s in result.spans] == [
        ("event", "Lukashenko met", "unknown-spacy-import")]
