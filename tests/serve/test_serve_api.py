"""The server over HTTP (uvicorn on 127.0.0.1): token, CSRF, Host, doc ids, writes through the library with
optimistic concurrency, and the reads the pages make."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import EMOJI, PLAIN, SCRIPT, Served, make_corpus, serving

from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.oplog import read_log


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve-api") / "corpus"
    files = {"emoji.txt": EMOJI, "script.txt": SCRIPT, "plain.txt": PLAIN,
             "review.txt": PLAIN.replace("envoy", "Envoy"),
             "relate.txt": PLAIN.replace("3 March", "4 March"), "curate.txt": PLAIN.replace("40", "41"),
             "stale.txt": PLAIN.replace("Vilnius", "Riga")}
    with serving(make_corpus(root, files)) as server:
        yield server


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def raw_get(served: Served, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def store_bytes(served: Served, doc_id: str) -> bytes:
    path = served.corpus.layout.store(doc_id)
    return path.read_bytes() if path.exists() else b""


@pytest.mark.parametrize("path", ["/", "/doc/plain", "/api/overview", "/api/doc/plain", "/static/app.css"])
def test_every_request_without_the_token_is_401(served: Served, path: str) -> None:
    status, body = served.request("GET", path, token=False)
    assert status == 401 and body["problems"][0]["code"] == "access-token-required"
    assert raw_get(served, path, {"Authorization": "Bearer wrong"}).status == 401
    assert raw_get(served, path, {"Cookie": f"{served.workspace.keys.cookie}=wrong"}).status == 401


def test_token_in_the_address_becomes_a_cookie(served: Served) -> None:
    first = raw_get(served, f"/doc/plain?token={served.token}&blind=1")
    assert first.status == 303 and first.getheader("location") == "/doc/plain?blind=1"
    cookie = first.getheader("set-cookie") or ""
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    then = raw_get(served, "/doc/plain", {"Cookie": cookie.split(";")[0]})
    assert then.status == 200
    assert "script-src 'self'" in (then.getheader("content-security-policy") or "")
    assert then.getheader("referrer-policy") == "no-referrer"


def test_a_write_with_a_wrong_or_missing_csrf_token_is_403_and_writes_nothing(served: Served) -> None:
    before = store_bytes(served, "plain")
    version = served.request("GET", "/api/doc/plain/version")[1]["version"]
    body = {"start16": 4, "end16": 9, "layer": "hedge", "type": "reportative", "version": version}
    assert served.request("POST", "/api/doc/plain/spans", body, csrf=False)[0] == 403
    conn = http.client.HTTPConnection("127.0.0.1", served.port)
    conn.request("POST", "/api/doc/plain/spans", body=json.dumps(body),
                 headers={"Authorization": f"Bearer {served.token}", "X-CSRF-Token": "0" * 64})
    response = conn.getresponse()
    assert response.status == 403 and json.loads(response.read())["problems"][0]["code"] == "csrf-refused"
    assert store_bytes(served, "plain") == before


def test_a_foreign_host_name_is_refused(served: Served) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    conn.request("GET", "/api/overview",
                 headers={"Host": "attacker.example", "Authorization": f"Bearer {served.token}"})
    response = conn.getresponse()
    assert response.status == 403 and json.loads(response.read())["problems"][0]["code"] == "host-not-allowed"
    conn.close()


@pytest.mark.parametrize("path", ["/api/doc/..", "/api/doc/../raw/plain.txt", "/doc/%2e%2e", "/api/doc/..%2F..%2Fetc",
                                  "/api/doc/%2e%2e%2fschema%2ftaxonomy.json", "/api/doc/Plain", "/api/doc/.hidden"])
def test_doc_ids_that_break_the_layout_rules_are_refused(served: Served, path: str) -> None:
    status, body = served.request("GET", path)
    assert status in (400, 404)
    if status == 400:
        assert body["problems"][0]["code"] == "unsafe-doc-id"
    assert "taxonomy_version" not in json.dumps(body) and "A page about" not in json.dumps(body)


def test_an_unknown_document_is_404(served: Served) -> None:
    status, body = served.request("GET", "/api/doc/no-such-doc")
    assert status == 404 and body["problems"][0]["code"] == "unknown-document"


def test_a_write_to_an_unsafe_doc_id_is_refused(served: Served) -> None:
    status, body = served.request("POST", "/api/doc/%2e%2e/progress", {"state": "done", "version": "x"})
    assert status == 400 and body["problems"][0]["code"] == "unsafe-doc-id"


def test_add_a_span_by_utf16_offsets_after_emoji(served: Served) -> None:
    doc = served.request("GET", "/api/doc/emoji")[1]
    assert doc["text"] == served.corpus.document("emoji").text
    start = EMOJI.index("delegation")
    body = {"start16": utf16(EMOJI[:start]), "end16": utf16(EMOJI[:start]) + 10, "layer": "claim", "type": "event",
            "attributes": {"checkworthiness": "high"}, "version": doc["version"]}
    status, added = served.request("POST", "/api/doc/emoji/spans", body)
    assert status == 200, added
    span = next(s for s in served.corpus.annotations("emoji").spans if s.id == added["id"])
    assert (span.start, span.end, span.text, span.annotator) == (start, start + 10, "delegation", "web-tester")
    shown = next(s for s in served.request("GET", "/api/doc/emoji")[1]["spans"] if s["id"] == added["id"])
    assert (shown["start16"], shown["end16"]) == (body["start16"], body["end16"])
    assert (shown["start"], shown["end"]) == (start, start + 10)


def test_half_an_emoji_is_refused(served: Served) -> None:
    version = served.request("GET", "/api/doc/emoji/version")[1]["version"]
    inside = utf16(EMOJI[:EMOJI.index("👍")]) + 1
    status, body = served.request("POST", "/api/doc/emoji/spans", {"start16": inside, "end16": inside + 4,
                                  "layer": "hedge", "type": "reportative", "version": version})
    assert status == 400 and body["problems"][0]["code"] == "offset-out-of-range"


def test_taxonomy_errors_come_back_as_problems(served: Served) -> None:
    version = served.request("GET", "/api/doc/plain/version")[1]["version"]
    status, body = served.request("POST", "/api/doc/plain/spans", {"start16": 0, "end16": 5, "layer": "stance",
                                  "type": "favor", "version": version})
    assert status == 400 and body["problems"][0]["code"] == "missing-attribute"


def test_a_write_against_a_changed_store_is_refused_409_and_not_applied(served: Served) -> None:
    version = served.request("GET", "/api/doc/stale")[1]["version"]
    cli = add_span(served.corpus, "stale", layer="hedge", type_="reportative", quote="officials said",
                   annotator="someone-else")  # the CLI's function, as another window or command would
    after_cli = store_bytes(served, "stale")
    start = PLAIN.index("Critics")
    status, body = served.request("POST", "/api/doc/stale/spans", {"start16": start, "end16": start + 7,
                                  "layer": "claim", "type": "prediction", "version": version})
    assert status == 409 and body["problems"][0]["code"] == "stale-version"
    assert store_bytes(served, "stale") == after_cli
    assert [s.id for s in served.corpus.annotations("stale").spans] == [cli.id]
    fresh = served.request("GET", "/api/doc/stale/version")[1]["version"]
    status, _ = served.request("POST", "/api/doc/stale/spans", {"start16": start, "end16": start + 7,
                               "layer": "claim", "type": "prediction", "version": fresh})
    assert status == 200 and len(served.corpus.annotations("stale").spans) == 2


def test_accept_and_reject_suggestions(served: Served) -> None:
    # detector suggestions (another annotator's manual records kept as suggested are not reviewable, #16)
    one = add_span(served.corpus, "review", layer="hedge", type_="reportative", quote="officials said",
                   status="suggested", annotator="rule:detector-x@1", method="rule:detector-x@1")
    two = add_span(served.corpus, "review", layer="hedge", type_="epistemic-modal", quote="may not last",
                   status="suggested", annotator="rule:detector-x@1", method="rule:detector-x@1")
    version = served.request("GET", "/api/doc/review/version")[1]["version"]
    status, body = served.request("POST", "/api/doc/review/review", {"span_id": one.id, "decision": "accept",
                                                                     "version": version})
    assert status == 200 and body["changed"] == [one.id]
    stale = served.request("POST", "/api/doc/review/review", {"span_id": two.id, "decision": "reject",
                                                              "version": version})
    assert stale[0] == 409
    version = served.request("GET", "/api/doc/review/version")[1]["version"]
    assert served.request("POST", "/api/doc/review/review", {"span_id": two.id, "decision": "reject",
                                                             "version": version})[0] == 200
    spans = {s.id: s for s in served.corpus.annotations("review").spans}
    assert (spans[one.id].status, spans[one.id].reviewed_by) == ("gold", "web-tester")
    assert (spans[two.id].status, spans[two.id].reviewed_by) == ("rejected", "web-tester")


def test_suggestions_show_their_confidence_and_whether_they_are_reviewable(served: Served) -> None:
    scored = add_span(served.corpus, "review", layer="hedge", type_="reportative", quote="The minister said",
                      status="suggested", annotator="rule:detector-y@1", method="rule:detector-y@1",
                      note="confidence 0.85; reporting verb")
    blind = add_span(served.corpus, "review", layer="hedge", type_="reportative", quote="were constructive",
                     status="suggested", annotator="second-pass", note="no score here")  # another's manual pass
    shown = {s["id"]: s for s in served.request("GET", "/api/doc/review")[1]["spans"]}
    assert (shown[scored.id]["confidence"], shown[blind.id]["confidence"]) == (0.85, None)
    assert (shown[scored.id]["reviewable"], shown[blind.id]["reviewable"]) == (True, False)


def test_relate_two_spans(served: Served) -> None:
    hedge = add_span(served.corpus, "relate", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(served.corpus, "relate", layer="claim", type_="date", quote="3 March 2025".replace("3", "4"))
    version = served.request("GET", "/api/doc/relate/version")[1]["version"]
    status, body = served.request("POST", "/api/doc/relate/relations", {"head": hedge.id, "tail": claim.id,
                                  "type": "hedge-scope", "version": version})
    assert status == 200, body
    relations = served.corpus.annotations("relate").relations
    assert [(r.head, r.tail, r.type, r.annotator) for r in relations] == [(hedge.id, claim.id, "hedge-scope",
                                                                          "web-tester")]
    status, body = served.request("POST", "/api/doc/relate/relations", {"head": claim.id, "tail": hedge.id,
                                  "type": "hedge-scope", "version": served.request(
                                      "GET", "/api/doc/relate/version")[1]["version"]})
    assert status == 400 and body["problems"][0]["code"] == "relation-wrong-layer"


def test_curate_decide_with_a_reason_then_write_gold(served: Served) -> None:
    for who, type_ in (("alice", "quantity"), ("bob", "event")):
        add_span(served.corpus, "curate", layer="claim", type_=type_, quote="Nearly 41 prisoners were freed",
                 annotator=who)
    for who in ("alice", "bob"):
        add_span(served.corpus, "curate", layer="hedge", type_="reportative", quote="officials said", annotator=who)
    view = served.request("GET", "/api/curate?annotator=alice&annotator=bob&doc=curate")[1]
    disputed = [r for r in view["rows"] if r["state"] == "disputed"]
    assert len(disputed) == 1 and sorted(disputed[0]["cells"]) == ["alice", "bob"]
    assert any(r["state"] == "agreed" for r in view["rows"])
    dispute = disputed[0]
    chosen = dispute["cells"]["alice"][0]["id"]
    request = {"annotators": ["alice", "bob"], "strategy": "unanimous", "dispute": dispute["id"], "choose": chosen,
               "version": view["decisions_version"]}
    assert served.request("POST", "/api/curate/decisions", {**request, "reason": "  "})[0] == 400
    status, _ = served.request("POST", "/api/curate/decisions", {**request, "reason": "a count, §3"})
    assert status == 200
    line = json.loads(served.workspace.decisions.read_text(encoding="utf-8").splitlines()[-1])
    assert line == {"dispute": dispute["id"], "choose": chosen, "reason": "a count, §3", "by": "web-tester"}
    view = served.request("GET", "/api/curate?annotator=alice&annotator=bob&doc=curate")[1]
    assert [r["state"] for r in view["rows"] if r["id"] == dispute["id"]] == ["decided"]
    gold = {"annotators": ["alice", "bob"], "cross_version": view["cross_version"]}
    assert served.request("POST", "/api/curate/gold", {**gold, "versions": {}})[0] == 409
    status, body = served.request("POST", "/api/curate/gold", {**gold, "versions": view["versions"]})
    assert status == 200 and body["written"] == 2
    assert read_log(served.corpus)[-1].command == "curate alice bob --strategy unanimous --write"
    curated = sorted((s.layer, s.type) for s in served.corpus.annotations("curate").spans if s.annotator == "curated")
    assert curated == [("claim", "quantity"), ("hedge", "reportative")]


def test_progress_is_kept_per_annotator(served: Served, tmp_path: Path) -> None:
    doc = served.request("GET", "/api/doc/plain")[1]
    status, _ = served.request("POST", "/api/doc/plain/progress", {"state": "done", "version": doc["progress_version"]})
    assert status == 200
    assert served.request("GET", "/api/doc/plain")[1]["progress"] == "done"
    assert served.request("POST", "/api/doc/plain/progress", {"state": "in progress",
                                                              "version": doc["progress_version"]})[0] == 409
    overview = served.request("GET", "/api/overview")[1]
    assert "web-tester" in overview["annotators"]
    assert next(d for d in overview["documents"] if d["doc_id"] == "plain")["progress"]["web-tester"] == "done"
    assert {d["doc_id"] for d in overview["documents"]} >= {"plain", "emoji", "script"}
    assert overview["valid"] is True


def test_search_finds_spans_and_passages(served: Served) -> None:
    result = served.request("GET", "/api/search?q=PRISONERS")[1]
    assert {p["doc_id"] for p in result["passages"]} >= {"plain", "emoji"}
    assert all(p["match"].lower() == "prisoners" for p in result["passages"])


def test_article_markup_is_data_not_html(served: Served) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.port)
    conn.request("GET", "/api/doc/script", headers={"Authorization": f"Bearer {served.token}"})
    response = conn.getresponse()
    assert response.getheader("content-type") == "application/json"
    assert json.loads(response.read())["text"].startswith("A page about <script>")
    page = raw_get(served, "/doc/script", {"Authorization": f"Bearer {served.token}"})
    assert page.status == 200
