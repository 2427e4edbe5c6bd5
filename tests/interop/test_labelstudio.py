"""Label Studio: the config parses as XML and names what the tasks use; offsets are UTF-16 code units."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from interop_corpus import Small
from interop_support import write_text

from belarus_corpus.interop import labelstudio
from belarus_corpus.interop.offsets import Utf16Map

CONTROL_TAGS = {"Labels", "Choices", "TextArea"}


def js_slice(text: str, start: int, end: int) -> str:
    """What ``text.substring(start, end)`` gives in JavaScript."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def config(tmp_path: Path) -> ET.Element:
    return ET.fromstring((tmp_path / "labeling_config.xml").read_text(encoding="utf-8"))


def test_config_is_xml_naming_layers_attributes_and_relations(small: Small, tmp_path: Path) -> None:
    labelstudio.export(small.selection(), tmp_path)
    root = config(tmp_path)
    assert root.tag == "View"
    objects = {e.get("name"): e for e in root.iter("Text")}
    assert objects["text"].get("value") == "$text"
    controls = [e for e in root.iter() if e.tag in CONTROL_TAGS]
    names = [e.get("name") for e in controls]
    assert len(names) == len(set(names)) and all(e.get("toName") in objects for e in controls)
    taxonomy = small.corpus.taxonomy
    labels = {e.get("name"): [lab.get("value") for lab in e.iter("Label")] for e in root.iter("Labels")}
    assert labels == {layer: list(spec.types) for layer, spec in taxonomy.layers.items()}
    assert [r.get("value") for r in root.iter("Relation")] == list(taxonomy.relations)
    per_region = {e.get("name") for e in controls if e.get("perRegion") == "true"}
    assert per_region == {f"{layer}_{a}" for layer, spec in taxonomy.layers.items() for a in spec.attributes}


def test_tasks_have_the_shape_label_studio_imports(small: Small, tmp_path: Path) -> None:
    labelstudio.export(small.selection(), tmp_path)
    root = config(tmp_path)
    controls = {e.get("name") for e in root.iter() if e.tag in CONTROL_TAGS}
    relation_values = {r.get("value") for r in root.iter("Relation")}
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and {t["data"]["doc_id"] for t in tasks} == {"alpha", "beta"}
    for task in tasks:
        text = task["data"]["text"]
        assert isinstance(text, str) and set(task) == {"data", "predictions"}
        (prediction,) = task["predictions"]
        results = prediction["result"]
        regions = {r["id"] for r in results if r["type"] != "relation"}
        for result in results:
            _check_result(result, text, controls, relation_values, regions)


def _check_result(result: dict[str, Any], text: str, controls: set[str | None], relation_values: set[str | None],
                  regions: set[str]) -> None:
    if result["type"] == "relation":
        assert {result["from_id"], result["to_id"]} <= regions and set(result["labels"]) <= relation_values
        assert result["direction"] == "right"
        return
    assert result["from_name"] in controls and result["to_name"] == "text"
    value = result["value"]
    assert isinstance(value["start"], int) and 0 <= value["start"] < value["end"] <= len(text.encode("utf-16-le")) // 2
    if result["type"] == "labels":
        assert js_slice(text, value["start"], value["end"]) == value["text"]
        assert len(value["labels"]) == 1
    else:
        assert result["type"] in ("choices", "textarea")
        assert len(value["choices" if result["type"] == "choices" else "text"]) == 1


def test_offsets_after_an_emoji_count_two_units(small: Small, tmp_path: Path) -> None:
    labelstudio.export(small.selection(), tmp_path)
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    results = {r["id"]: r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels"}
    event = small.spans["event"]
    assert results[event.id]["value"]["start"] == event.start + 1
    thumbs = small.spans["thumbs"]
    assert results[thumbs.id]["value"]["end"] - results[thumbs.id]["value"]["start"] == 4 == 2 * len(thumbs.text)


def _ls_export(text: str, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A Label Studio JSON export: one task with a cancelled and a submitted annotation, and a prediction."""
    return [{"id": 7, "data": {"text": text, "doc_id": "alpha"}, "project": 1,
             "annotations": [{"id": 1, "completed_by": 2, "was_cancelled": True, "result": results[:1]},
                             {"id": 2, "completed_by": 3, "was_cancelled": False, "result": results,
                              "lead_time": 12.5}],
             "predictions": [{"model_version": "m1", "result": results[:1]}]}]


def _region(region_id: str, text: str, start: int, end: int, layer: str, label: str) -> dict[str, Any]:
    units = Utf16Map(text)
    return {"id": region_id, "from_name": layer, "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": units.to_utf16(start), "end": units.to_utf16(end), "text": text[start:end],
                      "labels": [label]}}


def test_import_of_a_label_studio_export(small: Small, tmp_path: Path) -> None:
    text = small.corpus.document("alpha").text
    quantity, nearly, thumbs = small.spans["quantity"], small.spans["nearly"], small.spans["thumbs"]
    results = [
        _region("a1", text, quantity.start, quantity.end, "claim", "quantity"),
        {"id": "a1", "from_name": "claim_value", "to_name": "text", "type": "textarea",
         "value": {"start": 0, "end": 0, "text": ["40"]}, "meta": {"text": ["checked"]}},
        _region("a2", text, nearly.start, nearly.end, "hedge", "approximator"),
        {"type": "relation", "from_id": "a1", "to_id": "a2", "direction": "left", "labels": ["hedge-scope"]},
        _region("a3", text, thumbs.start, thumbs.end, "artifact", "emoji"),
        {**_region("a4", text, thumbs.start, thumbs.end, "artifact", "boilerplate"),
         "value": {"start": Utf16Map(text).to_utf16(thumbs.start) + 1, "end": Utf16Map(text).to_utf16(thumbs.end),
                   "labels": ["boilerplate"]}},
    ]
    path = write_text(tmp_path / "export.json", json.dumps(_ls_export(text, results)))
    result = labelstudio.import_(path, small.corpus)
    assert [(s.layer, s.type, s.text, s.attributes, s.note, s.annotator) for s in result.spans] == [
        ("claim", "quantity", quantity.text, {"value": "40"}, "checked", "labelstudio-user-3"),
        ("hedge", "approximator", "Nearly", {}, None, "labelstudio-user-3")]
    assert [(r.type, r.head, r.tail) for r in result.relations] == [
        ("hedge-scope", result.spans[1].id, result.spans[0].id)]
    assert [(p.code, p.path) for p in result.problems] == [
        ("offset-mismatch", "$[0].annotations[1].result[5]"), ("unknown-label", "$[0].annotations[1].result[4]")]


def test_import_refuses_tasks_of_unknown_documents(small: Small, tmp_path: Path) -> None:
    path = write_text(tmp_path / "export.json", json.dumps([{"data": {"text": "x", "doc_id": "zeta"}}]))
    assert [p.code for p in labelstudio.import_(path, small.corpus).problems] == ["unknown-document"]
