"""Editing in headless chromium: a span's type, attributes and status; removing a span and a relation; a relation
to a span of another document picked by search; and undoing the last own operation. Each write is a ``Corpus``
method (an entry of the operations log). Screenshots go to tests/serve/output/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from serve_support import PLAIN, Served, make_corpus, open_page, serving, shoot, spans_of

from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.oplog import read_log


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve-browser-edits") / "corpus"
    files = {f"{name}.txt": PLAIN + f"This copy is the {name} article.\n"
             for name in ("edit", "remove", "unrelate", "cross-a", "cross-b", "undo")}
    with serving(make_corpus(root, files)) as server:
        yield server


def test_edit_a_span_type_attributes_and_status(page: Any, served: Served) -> None:
    span = add_span(served.corpus, "edit", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed",
                    attributes={"holder": "officials"})
    open_page(page, served, "/doc/edit")
    page.click(f"#text .seg[data-spans~='{span.id}']")
    page.click(f".span-card[data-span='{span.id}'] .edit-span")
    assert page.input_value("input[name='attr:holder']") == "officials"
    page.select_option("#edit-type", "event")
    page.fill("input[name='attr:holder']", "")
    page.select_option("select[name='attr:checkworthiness']", "high")
    page.select_option("#edit-status", "suggested")
    shoot(page, "edit-span")
    page.click("#edit-submit")
    page.wait_for_selector("#message.ok:has-text('saved')")
    stored = spans_of(served, "edit")[span.id]
    assert (stored.type, stored.attributes, stored.status) == ("event", {"checkworthiness": "high"}, "suggested")
    assert read_log(served.corpus)[-1].command == f"annotate update {span.id}"


def test_remove_a_span_with_its_relation_then_one_alone(page: Any, served: Served) -> None:
    hedge = add_span(served.corpus, "remove", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(served.corpus, "remove", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    alone = add_span(served.corpus, "remove", layer="hedge", type_="epistemic-modal", quote="may not last")
    served.corpus.annotate_relate(hedge.id, claim.id, "hedge-scope")
    open_page(page, served, "/doc/remove")
    page.click(f"#text .seg[data-spans~='{hedge.id}']")
    button = page.locator(f".span-card[data-span='{hedge.id}'] .remove-span")
    assert button.text_content() == "Remove with its 1 relation(s)"
    button.click()
    page.wait_for_selector("#message.ok:has-text('and 1 relation')")
    assert set(spans_of(served, "remove")) == {claim.id, alone.id}
    assert served.corpus.annotations("remove").relations == []
    page.click(f"#text .seg[data-spans~='{alone.id}']")
    page.click(f".span-card[data-span='{alone.id}'] .remove-span")
    page.wait_for_selector(f"#message.ok:has-text('removed {alone.id}')")
    assert set(spans_of(served, "remove")) == {claim.id}
    assert read_log(served.corpus)[-1].command == f"annotate rm {alone.id}"


def test_remove_a_relation(page: Any, served: Served) -> None:
    hedge = add_span(served.corpus, "unrelate", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(served.corpus, "unrelate", layer="claim", type_="quantity",
                     quote="Nearly 40 prisoners were freed")
    relation = served.corpus.annotate_relate(hedge.id, claim.id, "hedge-scope")
    open_page(page, served, "/doc/unrelate")
    page.click(f"#relations li[data-relation='{relation.id}'] .remove-relation")
    page.wait_for_selector(f"#message.ok:has-text('removed relation {relation.id}')")
    assert served.corpus.annotations("unrelate").relations == []
    assert page.locator("#relations li").count() == 0
    assert set(spans_of(served, "unrelate")) == {hedge.id, claim.id}


def test_relate_to_a_span_of_another_document_found_by_search(page: Any, served: Served) -> None:
    head = add_span(served.corpus, "cross-a", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    tail = add_span(served.corpus, "cross-b", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    open_page(page, served, "/doc/cross-a")
    page.click(f"#text .seg[data-spans~='{head.id}']")
    page.click(f".span-card[data-span='{head.id}'] .relate-from")
    page.fill("#cross-q", "40 prisoners")
    page.click("#cross-search button[type='submit']")
    page.click(f"#cross-results li[data-span='{tail.id}'] .pick-tail")
    options = page.locator("#relation-type option").all_text_contents()
    assert "same-claim" in options and "attribution" not in options  # only the types that cross documents
    page.select_option("#relation-type", "same-claim")
    page.click("#relate-submit")
    page.wait_for_selector("#message.ok:has-text('across documents')")
    stored = served.corpus.cross_document().relations
    assert [(r.head, r.tail, r.type, r.annotator) for r in stored] == [(head.id, tail.id, "same-claim", "web-tester")]
    page.wait_for_selector(f"#relations li[data-relation='{stored[0].id}']:has-text('cross-b')")
    shoot(page, "cross-document-relation")
    open_page(page, served, "/doc/cross-b")
    assert "cross-a" in page.text_content(f"#relations li[data-relation='{stored[0].id}']")


def test_undo_the_last_own_change(page: Any, served: Served) -> None:
    open_page(page, served, "/doc/undo")
    start = PLAIN.index("Critics warn")
    page.evaluate("""([a, b]) => {
      const node = document.getElementById('text').firstChild.firstChild, range = document.createRange();
      range.setStart(node, a); range.setEnd(node, b);
      window.getSelection().removeAllRanges(); window.getSelection().addRange(range);
      document.getElementById('text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", [start, start + len("Critics warn")])
    page.select_option("#add-layer", "hedge")
    page.select_option("#add-type", "attribution-shield")
    page.click("#add-submit")
    page.wait_for_selector("#message.ok:has-text('added')")
    assert len(spans_of(served, "undo")) == 1
    undo = page.wait_for_selector("#undo")
    assert "annotate add undo hedge/attribution-shield" in undo.text_content()
    shoot(page, "undo")
    undo.click()
    page.wait_for_selector("#message.ok:has-text('undid')")
    assert spans_of(served, "undo") == {}
    assert read_log(served.corpus)[-1].kind == "undo"
    # the button is gone, or offers this workspace's operation before (undo again goes one further back)
    page.wait_for_selector("#undo:has-text('attribution-shield')", state="detached")
