"""Export → import gives back the same spans and relations in every format, except what the export reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_corpus import Small
from interop_support import IMPORT_PATH, all_relations, expected_spans, imported_spans, lost, relation_keys

from belarus_corpus.interop import FORMATS
from belarus_corpus.store import StoreContent, load, save

# What each format reports as lost for the small corpus: record name → lost paths ("$" = the whole record).
EXPECTED_LOSSES = {
    "jsonl": {},
    "brat": {"cross": {"$"}},
    "labelstudio": {"cross": {"$"}, "evidence": {"$.note"}, "(all)": {"$.status"}},
    "spacy": {"mid-word": {"$"}},
    "conll": {"date": {"$", "$.attributes"}, "mid-word": {"$", "$.note"}, "stance": {"$"},
              "event": {"$.attributes", "$.note"}, "quantity": {"$.attributes"}, "cafe": {"$.attributes"},
              "b-quantity": {"$.attributes"}, "scope": {"$"}, "evidence": {"$"}, "b-scope": {"$"}, "cross": {"$"},
              "(all)": {"$.status"}},
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_round_trip(small: Small, tmp_path: Path, name: str) -> None:
    module = FORMATS[name]
    selection = small.selection()
    report = module.export(selection, tmp_path / name)
    result = module.import_(IMPORT_PATH[name](tmp_path / name), small.corpus)

    carries_fields = name != "conll"
    assert imported_spans(result, selection, report, carries_fields) == expected_spans(selection, report,
                                                                                         carries_fields)
    whole, _ = lost(report)
    originals = {s.id: s for doc in selection.documents for s in doc.spans}
    kept = [r for r in all_relations(selection) if r.id not in whole]
    if name == "labelstudio":
        kept = [r.with_changes(note=None) for r in kept]
    assert relation_keys(result.relations, {s.id: s for s in result.spans}) == relation_keys(kept, originals)
    assert [p for p in result.problems if p.code != "missing-required-attribute"] == []


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_losses_are_reported_exactly(small: Small, tmp_path: Path, name: str) -> None:
    report = FORMATS[name].export(small.selection(), tmp_path)
    names = {record.id: key for key, record in {**small.spans, **small.relations}.items()}
    found: dict[str, set[str]] = {}
    for problem in report.losses:
        assert problem.code == "export-loss" and problem.severity == "warning"
        found.setdefault(names.get(problem.record_id or "", "(all)"), set()).add(problem.path)
    assert found == EXPECTED_LOSSES[name]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_imported_records_are_new_suggestions(small: Small, tmp_path: Path, name: str) -> None:
    module = FORMATS[name]
    module.export(small.selection(), tmp_path)
    result = module.import_(IMPORT_PATH[name](tmp_path), small.corpus, created="2026-01-02")
    assert result.spans
    assert {s.method for s in result.spans} == {f"import:{name}"}
    assert {s.status for s in result.spans} == {"suggested"}
    assert {s.created for s in result.spans} == {"2026-01-02"}
    assert not {s.id for s in result.spans} & {s.id for s in small.spans.values()}
    gold = module.import_(IMPORT_PATH[name](tmp_path), small.corpus, as_gold=True, annotator="reviewer")
    assert {s.status for s in gold.spans} == {"gold"} and {s.annotator for s in gold.spans} == {"reviewer"}


def test_crlf_document_offsets_are_normalized_offsets(small: Small, tmp_path: Path) -> None:
    text = small.corpus.document("beta").text
    assert "\r" not in text and small.corpus.document("beta").raw.count(b"\r\n") == 3
    FORMATS["brat"].export(small.selection(), tmp_path)
    assert (tmp_path / "beta.txt").read_bytes() == text.encode("utf-8")


def test_status_and_layer_filters(small: Small, tmp_path: Path) -> None:
    report = FORMATS["jsonl"].export(small.corpus, tmp_path, layers=["hedge"], statuses=["gold"])
    result = FORMATS["jsonl"].import_(tmp_path, small.corpus)
    assert sorted(s.text for s in result.spans) == ["Analysts say", "Nearly", "may"]
    assert report.relations == 0 and result.relations == []


def test_relation_whose_endpoint_is_gone_is_reported_not_exported(small: Small, tmp_path: Path) -> None:
    store = small.corpus.layout.store("beta")
    content = load(store)
    ghost = small.relations["b-scope"].with_changes(id="r_0000000000000000", tail="s_0000000000000000")
    save(store, StoreContent(content.spans, [*content.relations, ghost]))
    report = FORMATS["jsonl"].export(small.corpus, tmp_path)
    assert [(p.record_id, p.path) for p in report.losses] == [("r_0000000000000000", "$")]
    assert b"r_0000000000000000" not in (tmp_path / "annotations.jsonl").read_bytes()
