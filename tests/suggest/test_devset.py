"""The development set (tests/suggest/devset) is well formed, and its measurement runs on every detector."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # benchmarks/ is not part of the installed package
    sys.path.insert(0, str(REPO))

from benchmarks import devset  # noqa: E402

ARTICLES = devset.DEVSET / "articles"


@pytest.fixture(scope="module")
def loaded() -> devset.DevSet:
    return devset.load()


def test_at_least_ten_articles_of_300_to_700_words_in_varied_styles(loaded: devset.DevSet) -> None:
    assert len(loaded.views) >= 10
    for view in loaded.views:
        assert 280 <= len(view.text.split()) <= 700, view.doc_id
    styles = " ".join(loaded.styles.values())
    for style in ("wire", "Russian", "Ukrainian", "Polish", "opinion", "press release", "interview", "live blog",
                  "analysis", "machine"):
        assert style in styles


def test_every_article_has_items_and_traps(loaded: devset.DevSet) -> None:
    for view in loaded.views:
        assert any(span.doc_id == view.doc_id for span in loaded.gold), view.doc_id
    assert {trap.doc_id for trap in loaded.traps} >= {view.doc_id for view in loaded.views} - {"dev09_analysis"}
    assert {span.layer for span in loaded.gold} == set(devset.LAYERS)


def test_items_use_the_taxonomy_and_quote_the_text(loaded: devset.DevSet) -> None:
    from belarus_corpus.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(REPO / "schema" / "taxonomy.json")
    texts = {view.doc_id: view.text for view in loaded.views}
    for line in (devset.DEVSET / "items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        layer = taxonomy.layers[item["layer"]]
        assert item.get("type") is None or item["type"] in layer.types, item
        assert item["quote"] in texts[item["doc"]]
        if item["kind"] == "find" and item["layer"] == "stance":
            assert item["attributes"]["target"] in (layer.attributes["target"].enum or ())


def test_no_trap_covers_a_must_find_item_of_its_layer_and_type(loaded: devset.DevSet) -> None:
    for trap in loaded.traps:
        assert not any(trap.caught_by(span) and (span.start, span.end) == (trap.start, trap.end)
                       for span in loaded.gold), trap


def test_occurrences_skip_copies_inside_longer_words() -> None:
    assert devset.find_quote("They lift it if asked.", "if") == 13
    with pytest.raises(ValueError):
        devset.find_quote("They lift it.", "if")


def test_measurement_scores_every_layer(loaded: devset.DevSet) -> None:
    measurement = devset.measure(loaded)
    assert set(measurement.summary) == {*devset.LAYERS, "*"}
    assert measurement.summary["*"]["gold"] == len(loaded.gold)
    assert "traps hit" in devset.render(measurement)
    kept = [count for count, _, _ in measurement.by_confidence.values()]
    assert kept == sorted(kept, reverse=True) and kept[0] == measurement.summary["*"]["predicted"]


def test_the_held_out_articles_resolve() -> None:
    heldout = devset.load(devset.HELDOUT)
    assert len(heldout.views) >= 2 and heldout.gold and heldout.traps
    assert not {view.doc_id for view in heldout.views} & {view.doc_id for view in devset.load().views}


def test_the_second_held_out_set_resolves_and_is_apart() -> None:
    """heldout2/ is only loaded here, never measured: it is measured once, by hand, with ``--heldout2``."""
    from belarus_corpus.taxonomy import load_taxonomy

    second = devset.load(devset.HELDOUT2)
    assert len(second.views) == 4
    others = {view.doc_id for view in devset.load().views} | {view.doc_id for view in devset.load(devset.HELDOUT).views}
    assert not {view.doc_id for view in second.views} & others
    taxonomy = load_taxonomy(REPO / "schema" / "taxonomy.json")
    for view in second.views:
        assert 250 <= len(view.text.split()) <= 400, view.doc_id
        mine = [span for span in second.gold if span.doc_id == view.doc_id]
        assert sum(span.layer == "stance" for span in mine) >= 4, view.doc_id
        assert sum(trap.doc_id == view.doc_id for trap in second.traps) >= 3, view.doc_id
        for span in mine:
            assert span.type in taxonomy.layers[span.layer].types, span
    assert {span.layer for span in second.gold} == set(devset.LAYERS)
    for trap in second.traps:
        assert not any(trap.caught_by(span) and (span.start, span.end) == (trap.start, trap.end)
                       for span in second.gold), trap


def test_the_command_line_takes_one_set_at_a_time() -> None:
    with pytest.raises(SystemExit) as stopped:
        devset.main(["--heldout", "--heldout2"])
    assert stopped.value.code == 2
