"""The workspace in headless chromium (Playwright): add by selecting text (after emoji, in a CRLF-ingested
article), accept/reject with the keyboard, relate by clicking two spans, curate, a stale write refused, and
markup in an article kept inert. Screenshots go to tests/serve/output/ for a person to look at."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from serve_support import (
    CRLF,
    EMOJI,
    PLAIN,
    SCRIPT,
    SELECT,
    Served,
    make_corpus,
    open_page,
    serving,
    shoot,
    spans_of,
    utf16,
)

from belarus_corpus.annotate.api import add_span


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve-browser") / "corpus"
    files: dict[str, str | bytes] = {"emoji.txt": EMOJI, "crlf.txt": CRLF, "script.txt": SCRIPT}
    for name in ("review", "relate", "conflict", "curate", "layers"):
        files[f"{name}.txt"] = PLAIN + f"This copy is the {name} article.\n"
    corpus = make_corpus(root, files)
    with serving(corpus) as server:
        yield server


def test_add_a_span_after_emoji_by_double_clicking_a_word(page: Any, served: Served) -> None:
    open_page(page, served, "/doc/emoji")
    word = EMOJI.index("delegation")
    box = page.evaluate("""(word) => {
      const text = document.getElementById('text').textContent;
      const at = text.indexOf(word);
      const node = document.getElementById('text').firstChild.firstChild;
      const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + word.length);
      const r = range.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2};
    }""", "delegation")
    page.mouse.dblclick(box["x"], box["y"])
    assert page.text_content("#add-quote") == "“delegation”"
    page.select_option("#add-layer", "claim")
    page.select_option("#add-type", "event")
    page.select_option("select[name='attr:checkworthiness']", "high")
    page.click("#add-submit")
    page.wait_for_selector("#message.ok")
    added = [s for s in spans_of(served, "emoji").values() if s.text == "delegation"]
    assert [(s.start, s.end, s.layer, s.type, s.attributes) for s in added] == [
        (word, word + 10, "claim", "event", {"checkworthiness": "high"})]
    assert page.locator(f"#text .seg[data-spans~='{added[0].id}']").text_content() == "delegation"
    shoot(page, "add-after-emoji")


def test_select_across_lines_of_a_crlf_article(page: Any, served: Served) -> None:
    open_page(page, served, "/doc/crlf")
    text = served.corpus.document("crlf").text
    quote = "officials said.\nNearly 40 prisoners"
    start = text.index(quote)
    page.evaluate(SELECT, [utf16(text[:start]), utf16(text[:start + len(quote)])])
    page.select_option("#add-layer", "hedge")
    page.select_option("#add-type", "reportative")
    page.click("#add-submit")
    page.wait_for_selector("#message.ok")
    found = [s for s in spans_of(served, "crlf").values() if s.layer == "hedge"]
    assert [(s.start, s.end, s.text) for s in found] == [(start, start + len(quote), quote)]


def test_review_suggestions_with_the_keyboard(page: Any, served: Served) -> None:
    made = [add_span(served.corpus, "review", layer="hedge", type_=type_, quote=quote, status="suggested",
                     annotator="rule:detector-x@1", method="rule:detector-x@1")  # detector proposals (#16)
            for type_, quote in (("reportative", "officials said"), ("epistemic-modal", "may not last"),
                                 ("reportative", "analysts said"))]
    open_page(page, served, "/doc/review")
    assert page.text_content("#current-suggestion .confidence") == "not recorded"
    page.keyboard.press("j")
    assert page.get_attribute("#current-suggestion", "data-span") == made[1].id
    page.keyboard.press("a")
    page.wait_for_selector(f"#message.ok:has-text('accepted {made[1].id}')")
    page.wait_for_selector(f"#current-suggestion[data-span='{made[2].id}']")
    page.keyboard.press("k")
    page.wait_for_selector(f"#current-suggestion[data-span='{made[0].id}']")
    page.keyboard.press("r")
    page.wait_for_selector(f"#message.ok:has-text('rejected {made[0].id}')")
    shoot(page, "review-keyboard")
    spans = spans_of(served, "review")
    assert [(spans[s.id].status, spans[s.id].reviewed_by) for s in made] == [
        ("rejected", "web-tester"), ("gold", "web-tester"), ("suggested", None)]


def test_relate_two_spans_by_clicking_them(page: Any, served: Served) -> None:
    hedge = add_span(served.corpus, "relate", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(served.corpus, "relate", layer="claim", type_="quantity",
                     quote="Nearly 40 prisoners were freed")
    open_page(page, served, "/doc/relate")
    page.click("#relate-start")
    page.click(f"#text .seg[data-spans~='{hedge.id}']")
    page.click(f"#text .seg[data-spans~='{claim.id}']")
    page.select_option("#relation-type", "hedge-scope")
    page.click("#relate-submit")
    page.wait_for_selector("#message.ok")
    relations = served.corpus.annotations("relate").relations
    assert [(r.head, r.tail, r.type, r.annotator) for r in relations] == [(hedge.id, claim.id, "hedge-scope",
                                                                          "web-tester")]
    page.wait_for_selector(f"#relations li[data-relation='{relations[0].id}']")


def test_a_stale_page_is_refused_and_nothing_is_written(page: Any, served: Served) -> None:
    open_page(page, served, "/doc/conflict")
    other = add_span(served.corpus, "conflict", layer="hedge", type_="reportative", quote="officials said",
                     annotator="someone-else")  # meanwhile, another window or a CLI command writes
    before = served.corpus.layout.store("conflict").read_bytes()
    start = PLAIN.index("Critics warn")
    page.evaluate(SELECT, [start, start + len("Critics warn")])
    page.select_option("#add-layer", "hedge")
    page.select_option("#add-type", "reportative")
    page.click("#add-submit")
    message = page.wait_for_selector("#message.conflict")
    assert "stale-version" in message.text_content() and "nothing was written" in message.text_content()
    shoot(page, "conflict-refused")
    assert served.corpus.layout.store("conflict").read_bytes() == before
    assert list(spans_of(served, "conflict")) == [other.id]


def test_markup_in_an_article_is_shown_as_text_and_never_runs(page: Any, served: Served) -> None:
    note = '<img src=x onerror="window.__pwned = 3"><b>bold?</b>'
    span = add_span(served.corpus, "script", layer="artifact", type_="boilerplate", quote="<script>",
                    note=note, attributes={"explanation": "</div><script>window.__pwned = 4</script>"})
    open_page(page, served, "/doc/script")
    assert page.text_content("#text") == served.corpus.document("script").text
    page.click(f"#text .seg[data-spans~='{span.id}']")
    assert note in page.text_content("#details")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#main script, #main img").count() == 0  # the markup is text, never elements


def test_layers_toggle_and_overlaps_stay_visible(page: Any, served: Served) -> None:
    claim = add_span(served.corpus, "layers", layer="claim", type_="event",
                     quote="The envoy met the president on 3 March 2025")
    date = add_span(served.corpus, "layers", layer="claim", type_="date", quote="3 March 2025")
    hedge = add_span(served.corpus, "layers", layer="hedge", type_="reportative", quote="officials said")
    open_page(page, served, "/doc/layers")
    both = page.locator(f"#text .seg[data-spans~='{claim.id}'][data-spans~='{date.id}']")
    assert both.count() == 1 and both.text_content() == "3 March 2025"
    assert "overlap" in (both.get_attribute("class") or "")
    title = both.get_attribute("title") or ""
    assert claim.id in title and date.id in title and "by test-suite" in title
    shoot(page, "layers")
    page.uncheck("input[data-layer='claim']")
    assert page.locator(f"#text .seg[data-spans~='{claim.id}']").count() == 0
    assert page.locator(f"#text .seg[data-spans~='{hedge.id}']").count() == 1


def test_curate_side_by_side_decide_with_a_reason_and_write_gold(page: Any, served: Served) -> None:
    for who, type_ in (("alice", "quantity"), ("bob", "event")):
        add_span(served.corpus, "curate", layer="claim", type_=type_, quote="Nearly 40 prisoners were freed",
                 annotator=who)
    open_page(page, served, "/curate?annotator=alice&annotator=bob&doc=curate")
    row = page.locator("tr[data-state='disputed']")
    assert row.count() == 1
    assert [h.text_content() for h in page.locator("#units thead th").all()][2:4] == ["alice", "bob"]
    row.locator("input[name='reason']").fill("a number of people freed: quantity (§3.1)")
    row.locator("button[type='submit']").click()
    page.wait_for_selector("#message.ok:has-text('decided')")
    page.wait_for_selector("tr[data-state='decided']")
    shoot(page, "curate")
    decision = json.loads(served.workspace.decisions.read_text(encoding="utf-8").splitlines()[-1])
    assert decision["reason"] == "a number of people freed: quantity (§3.1)" and decision["by"] == "web-tester"
    page.click("#write-gold")
    page.wait_for_selector("#message.ok:has-text('gold span')")
    curated = [s for s in served.corpus.annotations("curate").spans if s.annotator == "curated"]
    assert [(s.type, s.curation) for s in curated] == [
        ("quantity", "decision by web-tester: a number of people freed: quantity (§3.1)")]


def test_overview_and_search_pages(page: Any, served: Served) -> None:
    open_page(page, served, "/")
    assert page.locator("#documents tbody tr").count() == len(served.corpus.doc_ids())
    assert page.text_content("#validity").startswith("valid")
    shoot(page, "overview")
    open_page(page, served, "/search?q=prisoners")
    page.wait_for_selector("#passage-results li")
    assert page.locator("#passage-results li").count() >= 5
