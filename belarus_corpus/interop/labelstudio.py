"""Label Studio: ``tasks.json`` (one task per document, spans as pre-annotations) and ``labeling_config.xml``.

Offsets: Label Studio's ``value.start``/``value.end`` for a Text object are JavaScript string indices, i.e.
UTF-16 code units. A code point above U+FFFF (an emoji) counts 2 there and 1 here. Export converts our code
point offsets to UTF-16 and import converts back (``offsets.Utf16Map``); an import offset that falls inside a
surrogate pair is refused (``offset-mismatch``). Combining marks are single code units and need nothing.

Task: ``{"data": {"text", "doc_id", "text_sha256"}, "predictions": [{"model_version", "result": [...]}]}``.
A span is a ``labels`` result (``id`` = the span id, ``from_name`` = its layer, ``to_name`` = ``text``,
``value`` = start, end, text, labels = [type]); its note is the region's ``meta.text``; each attribute is a
per-region ``choices`` or ``textarea`` result with the same ``id`` (``from_name`` = ``<layer>_<attribute>``).
A relation is ``{"type": "relation", "from_id", "to_id", "direction": "right", "labels": [type]}``.

Import reads a Label Studio JSON export (a list of tasks) or our own ``tasks.json``: per task, every annotation
that was not cancelled, or the predictions when a task has no annotation. The annotator is ``--annotator``,
else the Label Studio user (``completed_by``) or prediction model version.

Cannot carry: cross-document relations, relation attributes and relation notes (reported as export losses);
a span's id, annotator, status and dates (an import makes new records); an export that mixes statuses (all
look like predictions) gets one warning with path ``$.status``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import CorpusError, Problem
from ..fsio import atomic_write_text
from ..model import Span
from .assemble import ImportOptions, assemble
from .base import (
    DocumentAnnotations,
    ExportReport,
    ImportResult,
    RelationCandidate,
    Selection,
    SpanCandidate,
    as_selection,
    export_loss,
    mixed_statuses,
)
from .labelstudio_config import TEXT_NAME, control_name, labeling_config
from .labelstudio_read import read_tasks
from .offsets import Utf16Map
from .texts import TextSource, text_source

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from ..taxonomy import Taxonomy

NAME = "labelstudio"
TASKS_FILE = "tasks.json"
CONFIG_FILE = "labeling_config.xml"
MODEL_VERSION = "belarus-corpus export"


def export(source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
           statuses: Sequence[str] | None = None) -> ExportReport:
    selection = as_selection(source, layers, statuses)
    report = ExportReport([], [*selection.problems, *mixed_statuses(selection, "Label Studio")])
    tasks = [_task(doc, selection.taxonomy, report) for doc in selection.documents]
    for relation in selection.cross_relations:
        report.losses.append(export_loss(None, relation.id, "Label Studio relations stay within one task "
                                         f"(document); {relation.type} {relation.head_doc} → {relation.tail_doc}",
                                         "export with --format jsonl or spacy to keep cross-document relations"))
    for path, content in ((out / TASKS_FILE, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"),
                          (out / CONFIG_FILE, labeling_config(selection.taxonomy))):
        atomic_write_text(path, content)
        report.files.append(path)
    return report


def _task(doc: DocumentAnnotations, taxonomy: Taxonomy, report: ExportReport) -> dict[str, Any]:
    units = Utf16Map(doc.text)
    results: list[dict[str, Any]] = []
    for span in doc.spans:
        results += _span_results(span, units, taxonomy, doc, report.losses)
    report.spans += len(doc.spans)
    for relation in doc.relations:
        results.append({"type": "relation", "from_id": relation.head, "to_id": relation.tail, "direction": "right",
                        "labels": [relation.type]})
        report.relations += 1
        for part, present in (("attributes", bool(relation.attributes)), ("note", relation.note is not None)):
            if present:
                report.losses.append(export_loss(doc, relation.id, f"Label Studio relations have no {part}",
                                                 "keep them with --format jsonl, brat or spacy", f"$.{part}"))
    sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    task: dict[str, Any] = {"data": {TEXT_NAME: doc.text, "doc_id": doc.doc_id, "text_sha256": sha}}
    if results:
        task["predictions"] = [{"model_version": MODEL_VERSION, "result": results}]
    return task


def _span_results(span: Span, units: Utf16Map, taxonomy: Taxonomy, doc: DocumentAnnotations,
                  losses: list[Problem]) -> list[dict[str, Any]]:
    where = {"start": units.to_utf16(span.start), "end": units.to_utf16(span.end)}
    region: dict[str, Any] = {"id": span.id, "from_name": span.layer, "to_name": TEXT_NAME, "type": "labels",
                              "value": {**where, "text": span.text, "labels": [span.type]}}
    if span.note is not None:
        region["meta"] = {"text": [span.note]}
    results = [region]
    layer = taxonomy.layers.get(span.layer)
    for name, value in sorted(span.attributes.items()):
        spec = layer.attributes.get(name) if layer is not None else None
        if spec is None or not isinstance(value, str):
            losses.append(export_loss(doc, span.id, f"attribute {name}={value!r} has no control in the labelling "
                                      "config", "fix the attribute ('belarus-corpus validate')",
                                      "$.attributes"))
            continue
        kind = "choices" if spec.enum else "textarea"
        results.append({"id": span.id, "from_name": control_name(span.layer, name), "to_name": TEXT_NAME, "type": kind,
                        "value": {**where, ("choices" if spec.enum else "text"): [value]}})
    return results


def import_(path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False, annotator: str | None = None,
            created: str | None = None) -> ImportResult:
    texts = text_source(source)
    if not path.is_file():
        raise CorpusError(Problem(str(path), None, Code.FILE_NOT_FOUND, "no such file",
                                  "pass a Label Studio JSON export (or tasks.json)"))
    problems: list[Problem] = []
    spans: list[SpanCandidate] = []
    relations: list[RelationCandidate] = []
    read_tasks(path, texts, spans, relations, problems)
    return assemble(spans, relations, texts, ImportOptions(NAME, as_gold, annotator, created), problems)
