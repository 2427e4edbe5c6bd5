"""JSON Lines: exactly the store records; import checks each record and maps relation endpoints to new ids."""

from __future__ import annotations

import json
from pathlib import Path

from interop_corpus import Small
from interop_support import write_text

from belarus_corpus.interop import jsonl
from belarus_corpus.interop.offsets import Utf16Map


def test_export_is_the_store_lines(small: Small, tmp_path: Path) -> None:
    jsonl.export(small.selection(), tmp_path)
    exported = (tmp_path / "annotations.jsonl").read_bytes().splitlines()
    layout = small.corpus.layout
    stored = [line for doc_id in ("alpha", "beta") for line in layout.store(doc_id).read_bytes().splitlines()]
    stored += layout.cross_document_store.read_bytes().splitlines()
    assert exported == stored


def test_import_checks_every_record(small: Small, tmp_path: Path) -> None:
    good = small.spans["b-shield"].to_dict()
    records = [
        good,
        {**good, "id": "s_1", "start": "0"},
        {**good, "id": "s_2", "layer": "mood"},
        {**good, "id": "s_3", "text": "Analysts sa"},
        {**good, "id": "s_4", "attributes": {"colour": "red"}, "type": "reportative"},
        {**small.relations["b-scope"].to_dict(), "tail": "s_unknown"},
    ]
    path = write_text(tmp_path / "in.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n{")
    result = jsonl.import_(path, small.corpus)
    assert [(s.type, s.attributes) for s in result.spans] == [("attribution-shield", {}), ("reportative", {})]
    assert [(p.code, p.line) for p in result.problems] == [
        ("invalid-record", 2), ("truncated-line", 7), ("unknown-label", 3), ("offset-mismatch", 4),
        ("unknown-attribute", 5), ("relation-missing-endpoint", 6)]


def test_utf16_map_both_ways() -> None:
    text = "a😀e\u0301👍🏽b"
    units = Utf16Map(text)
    assert [units.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7, 9, 10]
    assert [units.to_code_points(u) for u in range(11)] == [0, 1, None, 2, 3, 4, None, 5, None, 6, 7]
    assert Utf16Map("plain").to_code_points(6) is None
