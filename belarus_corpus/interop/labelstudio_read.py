"""Reading Label Studio tasks into span and relation candidates (UTF-16 offsets converted to code points)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..codes import Code
from ..errors import Problem
from .base import RelationCandidate, SpanCandidate, Where, as_dict
from .labelstudio_config import controls
from .offsets import Utf16Map
from .texts import DocText, TextSource


def read_tasks(path: Path, texts: TextSource, spans: list[SpanCandidate], relations: list[RelationCandidate],
               problems: list[Problem]) -> None:
    tasks = _load(path, problems)
    for index, task in enumerate(tasks):
        where = Where(str(path), None, f"$[{index}]")
        doc = _document(task, texts, where, problems)
        if doc is None:
            continue
        units = Utf16Map(doc.text)
        for scope, annotator, results in _result_lists(task, where):
            reader = _Reader(doc, units, texts, scope, annotator, problems)
            spans += reader.regions(results)
            relations += reader.relations(results)


def _load(path: Path, problems: list[Problem]) -> list[Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(Where(str(path)).problem(Code.INVALID_JSON, f"not a JSON file: {exc}",
                                                 "export the project from Label Studio as JSON"))
        return []
    if isinstance(loaded, dict):
        loaded = [loaded]
    if not isinstance(loaded, list):
        problems.append(Where(str(path)).problem(Code.INVALID_JSON, "expected a list of tasks",
                                                 "export the project from Label Studio as JSON"))
        return []
    return loaded


def _document(task: Any, texts: TextSource, where: Where, problems: list[Problem]) -> DocText | None:
    data = task.get("data") if isinstance(task, dict) else None
    doc_id = data.get("doc_id") if isinstance(data, dict) else None
    doc = texts.get(doc_id) if isinstance(doc_id, str) else None
    if doc is None or not isinstance(data, dict):
        problems.append(where.problem(Code.UNKNOWN_DOCUMENT, f"task data.doc_id {doc_id!r} is not a document of this "
                                      "corpus; its results are not imported",
                                      "import tasks made by 'belarus-corpus export --format labelstudio'"))
        return None
    if isinstance(data.get("text"), str) and data["text"] != doc.text:
        problems.append(where.problem(Code.DOCUMENT_TEXT_DIFFERS, f"the task's text is not the corpus's text of "
                                      f"{doc.doc_id}", "offsets are checked against the corpus text",
                                      severity="warning"))
    return doc


def _result_lists(task: dict[str, Any], where: Where) -> Iterator[tuple[Where, str | None, list[Any]]]:
    """Every annotation that was not cancelled; the predictions when there is none."""
    annotations = [(i, a) for i, a in enumerate(task.get("annotations") or []) if isinstance(a, dict)]
    chosen = [(i, a) for i, a in annotations if not a.get("was_cancelled")]
    key = "annotations"
    if not chosen:
        key = "predictions"
        chosen = [(i, p) for i, p in enumerate(task.get("predictions") or []) if isinstance(p, dict)]
    for index, item in chosen:
        results = item.get("result")
        yield Where(where.file, None, f"{where.path}.{key}[{index}]"), _annotator(key, item), \
            results if isinstance(results, list) else []


def _annotator(key: str, item: dict[str, Any]) -> str | None:
    if key == "predictions":
        version = item.get("model_version")
        return f"labelstudio-prediction-{version}" if version else None
    user = item.get("completed_by")
    if isinstance(user, dict):
        user = user.get("email") or user.get("id")
    return f"labelstudio-user-{user}" if user not in (None, "") else None


class _Reader:
    """The regions and relations of one annotation (or prediction) of one task."""

    def __init__(self, doc: DocText, units: Utf16Map, texts: TextSource, scope: Where, annotator: str | None,
                 problems: list[Problem]) -> None:
        self.doc, self.units, self.scope, self.annotator, self.problems = doc, units, scope, annotator, problems
        self.taxonomy = texts.taxonomy
        self.controls = controls(texts.taxonomy)

    def where(self, index: int) -> Where:
        return Where(self.scope.file, None, f"{self.scope.path}.result[{index}]")

    def ref(self, region_id: Any) -> tuple[str, str]:
        return self.doc.doc_id, f"{self.scope.path}/{region_id}"

    def regions(self, results: list[Any]) -> list[SpanCandidate]:
        grouped: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for index, result in enumerate(results):
            if isinstance(result, dict) and result.get("type") != "relation":
                grouped.setdefault(str(result.get("id")), []).append((index, result))
        found = []
        for region_id, items in grouped.items():
            candidate = self._region(region_id, items)
            if candidate is not None:
                found.append(candidate)
        return found

    def _region(self, region_id: str, items: list[tuple[int, dict[str, Any]]]) -> SpanCandidate | None:
        labelled = [(i, r) for i, r in items if r.get("type") == "labels"]
        if len(labelled) != 1:
            what = "no labels result" if not labelled else "several labels results"
            self.problems += [self.where(i).problem(Code.INVALID_REGION, f"region {region_id} has {what}; not imported",
                                                    "give each region exactly one label") for i, _ in items]
            return None
        index, main = labelled[0]
        where = self.where(index)
        value = as_dict(main.get("value"))
        labels = value.get("labels")
        if main.get("from_name") not in self.taxonomy.layers or not isinstance(labels, list) or len(labels) != 1:
            self.problems.append(where.problem(Code.UNKNOWN_LABEL,
                                               f"region {region_id}: {main.get('from_name')!r} with "
                                               f"labels {labels!r} is not one <layer> label; not imported",
                                               "use the labelling config generated by the export"))
            return None
        offsets = self._offsets(value, where)
        if offsets is None:
            return None
        text = value.get("text") if isinstance(value.get("text"), str) else None
        attributes = self._attributes(str(main["from_name"]), [item for item in items if item[1] is not main])
        return SpanCandidate(self.ref(region_id)[1], self.doc.doc_id, str(main["from_name"]), str(labels[0]),
                             offsets[0], offsets[1], where, text, attributes, _note(items), self.annotator)

    def _offsets(self, value: dict[str, Any], where: Where) -> tuple[int, int] | None:
        start, end = value.get("start"), value.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            self.problems.append(where.problem(Code.INVALID_REGION, f"start/end {start!r}/{end!r} are not character "
                                               "offsets of a Text object", "label the text with a <Text> object"))
            return None
        first, last = self.units.to_code_points(start), self.units.to_code_points(end)
        if first is None or last is None:
            self.problems.append(where.problem(Code.OFFSET_MISMATCH, f"UTF-16 offsets {start}:{end} fall inside a "
                                               "character or outside the text", "the task was made for another text"))
            return None
        return first, last

    def _attributes(self, layer: str, items: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for index, result in items:
            control = self.controls.get(str(result.get("from_name")))
            value = as_dict(result.get("value"))
            values = value.get(control.value_key) if control is not None else None
            if control is None or control.layer != layer or not isinstance(values, list) or len(values) != 1:
                self.problems.append(self.where(index).problem(
                    Code.UNKNOWN_ATTRIBUTE, f"result {result.get('from_name')!r} is not one value of an attribute of "
                    f"{layer}; the span is imported without it", "use the labelling config generated by the export",
                    severity="warning"))
                continue
            found[control.attribute.name] = values[0]
        return found

    def relations(self, results: list[Any]) -> list[RelationCandidate]:
        found = []
        for index, result in enumerate(results):
            if isinstance(result, dict) and result.get("type") == "relation":
                found += self._relation(index, result)
        return found

    def _relation(self, index: int, result: dict[str, Any]) -> list[RelationCandidate]:
        where = self.where(index)
        head, tail = result.get("from_id"), result.get("to_id")
        direction = result.get("direction", "right")
        if direction == "left":
            head, tail = tail, head
        labels = result.get("labels") or []
        if direction not in ("left", "right") or not labels:
            why = "has no direction" if direction not in ("left", "right") else "has no label"
            self.problems.append(where.problem(Code.INVALID_RELATION,
                                               f"the relation {head} → {tail} {why}; not imported",
                                               "give it one direction and a relation label"))
            return []
        return [RelationCandidate(str(label), self.ref(head), self.ref(tail), where, annotator=self.annotator)
                for label in labels]


def _note(items: list[tuple[int, dict[str, Any]]]) -> str | None:
    for _, result in items:
        meta = result.get("meta")
        if isinstance(meta, dict) and isinstance(meta.get("text"), list) and meta["text"]:
            return "\n".join(str(part) for part in meta["text"])
    return None
