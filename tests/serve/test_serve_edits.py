"""Edits over HTTP go through the ``Corpus`` methods the CLI calls: each is an entry of the operations log, so
``annotate undo`` (or the page's undo) takes it back; edit a span, remove a span or a relation, relate spans of two
documents, and the stale-version refusal on each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from serve_support import PLAIN, Served, make_corpus, serving

from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.oplog import read_log


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve-edits") / "corpus"
    files = {f"{name}.txt": PLAIN + f"This copy is the {name} article.\n"
             for name in ("edit", "remove", "cross-a", "cross-b", "undo")}
    with serving(make_corpus(root, files)) as server:
        yield server


def doc(served: Served, doc_id: str) -> dict[str, Any]:
    return served.request("GET", f"/api/doc/{doc_id}")[1]


def test_edit_a_span_type_attributes_and_status_is_logged(served: Served) -> None:
    span = add_span(served.corpus, "edit", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed",
                    attributes={"holder": "officials"}, annotator="web-tester")
    page = doc(served, "edit")
    status, body = served.request("POST", f"/api/doc/edit/spans/{span.id}", {
        "version": page["version"], "type": "event", "attributes": {}, "status": "suggested"})
    assert status == 200, body
    stored = next(s for s in served.corpus.annotations("edit").spans if s.id == span.id)
    assert (stored.type, stored.attributes, stored.status) == ("event", {}, "suggested")
    assert read_log(served.corpus)[-1].command == f"annotate update {span.id}"
    status, body = served.request("POST", f"/api/doc/edit/spans/{span.id}", {"version": page["version"],
                                                                             "type": "date"})
    assert status == 409 and body["problems"][0]["code"] == "stale-version"
    assert next(s for s in served.corpus.annotations("edit").spans if s.id == span.id).type == "event"


def test_remove_a_span_in_use_needs_cascade_and_a_relation_alone(served: Served) -> None:
    hedge = add_span(served.corpus, "remove", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(served.corpus, "remove", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    page = doc(served, "remove")
    status, body = served.request("POST", "/api/doc/remove/relations", {
        "head": hedge.id, "tail": claim.id, "type": "hedge-scope", "version": page["version"]})
    assert status == 200, body
    relation = body["id"]
    page = doc(served, "remove")
    versions = {"version": page["version"], "cross_version": page["cross_version"]}
    status, body = served.request("POST", f"/api/doc/remove/records/{hedge.id}/remove", versions)
    assert status == 409 and body["problems"][0]["code"] == "span-in-use"
    status, body = served.request("POST", f"/api/doc/remove/records/{relation}/remove", versions)
    assert status == 200 and body == {"spans": [], "relations": [relation]}
    assert served.corpus.annotations("remove").relations == []
    page = doc(served, "remove")
    status, body = served.request("POST", f"/api/doc/remove/records/{hedge.id}/remove", {
        "version": page["version"], "cross_version": page["cross_version"], "cascade": True})
    assert status == 200 and body["spans"] == [hedge.id]
    assert [s.id for s in served.corpus.annotations("remove").spans] == [claim.id]
    assert read_log(served.corpus)[-1].command == f"annotate rm {hedge.id}"


def test_relate_spans_of_two_documents(served: Served) -> None:
    claim_a = add_span(served.corpus, "cross-a", layer="claim", type_="quantity",
                       quote="Nearly 40 prisoners were freed")
    claim_b = add_span(served.corpus, "cross-b", layer="claim", type_="quantity",
                       quote="Nearly 40 prisoners were freed")
    found = served.request("GET", "/api/search?q=Nearly+40+prisoners")[1]["spans"]
    assert claim_b.id in {s["id"] for s in found if s["doc_id"] == "cross-b"}
    page = doc(served, "cross-a")
    request = {"head": claim_a.id, "tail": claim_b.id, "type": "same-claim", "version": page["version"]}
    assert served.request("POST", "/api/doc/cross-a/relations", request)[0] == 400  # the cross store's version
    status, body = served.request("POST", "/api/doc/cross-a/relations",
                                  {**request, "cross_version": page["cross_version"]})
    assert status == 200 and body["cross_document"] is True, body
    stored = served.corpus.cross_document().relations
    assert [(r.head, r.tail, r.type) for r in stored] == [(claim_a.id, claim_b.id, "same-claim")]
    shown = doc(served, "cross-b")["relations"]
    assert [(r["head_doc"], r["head_text"], r["cross_document"]) for r in shown] == [
        ("cross-a", "Nearly 40 prisoners were freed", True)]
    status, body = served.request("POST", "/api/doc/cross-a/relations", {**request, "type": "contradicts",
                                                                          "cross_version": page["cross_version"]})
    assert status == 409 and body["problems"][0]["code"] == "stale-version"
    other = doc(served, "cross-b")  # removed from the other end's page: the cross-document store's version counts
    remove = f"/api/doc/cross-b/records/{stored[0].id}/remove"
    assert served.request("POST", remove, {"version": other["version"], "cross_version": page["cross_version"]}
                          )[0] == 409
    assert served.request("POST", f"/api/doc/edit/records/{stored[0].id}/remove", {  # no end in that document
        "version": doc(served, "edit")["version"], "cross_version": other["cross_version"]})[0] == 400
    status, body = served.request("POST", remove, {"version": other["version"],
                                                   "cross_version": other["cross_version"]})
    assert status == 200 and body["relations"] == [stored[0].id] and served.corpus.cross_document().relations == []


def test_undo_the_last_own_operation_and_not_another_ones(served: Served) -> None:
    page = doc(served, "undo")
    status, body = served.request("POST", "/api/doc/undo/spans", {
        "start16": 4, "end16": 9, "layer": "hedge", "type": "reportative", "version": page["version"]})
    assert status == 200
    last = served.request("GET", "/api/undo")[1]["last"]
    assert last["operation"] == read_log(served.corpus)[-1].id and last["command"].startswith("annotate add undo")
    status, undone = served.request("POST", "/api/undo", {"operation": last["operation"]})
    assert status == 200 and undone["undone"] == last["operation"]
    assert served.corpus.annotations("undo").spans == []
    status, body = served.request("POST", "/api/doc/undo/spans", {
        "start16": 4, "end16": 9, "layer": "hedge", "type": "reportative", "version": doc(served, "undo")["version"]})
    mine = served.request("GET", "/api/undo")[1]["last"]["operation"]
    served.corpus.annotate_add("undo", layer="hedge", type_="epistemic-modal", quote="may not last")  # the CLI's
    assert served.request("GET", "/api/undo")[1]["last"] is None  # not the last operation any more
    status, body = served.request("POST", "/api/undo", {"operation": mine})
    assert status == 409 and body["problems"][0]["code"] == "nothing-to-undo"
    assert len(served.corpus.annotations("undo").spans) == 2
