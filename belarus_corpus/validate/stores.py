"""Checks of one annotation store, streamed line by line: syntax, schema, offsets, text, ids, order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ..codes import Code
from ..errors import Problem, Severity
from ..normalize import Normalized
from ..store import not_kept_exactly, parse_line
from ..taxonomy import Taxonomy
from .annotators import SourceCheck, check_annotator_fields, check_sources
from .schemas import RecordValidator, record_validators, schema_code

HINT_TEXT = "re-anchor with 'belarus-corpus annotate reanchor', or fix start/end so that text matches"


@dataclass
class DocText:
    doc_id: str
    normalized: Normalized
    text_sha256: str
    text: str = ""
    length: int = 0
    identity_map: bool = False

    def __post_init__(self) -> None:
        self.text = self.normalized.text
        self.length = len(self.text)
        self.identity_map = self.normalized.char_origin is None


class Endpoint(NamedTuple):
    """What a relation needs to know of a span; shared between spans (a handful of distinct values)."""

    layer: str
    status: str


@dataclass
class PendingRelation:
    line: int
    record_id: str
    type: str
    head: str
    tail: str
    head_doc: str = ""
    tail_doc: str = ""
    status: str = ""


@dataclass
class StoreCheck:
    """State while one store is read; holds only this document's span ids."""

    file: str
    doc_id: str
    taxonomy: Taxonomy
    doc: DocText | None
    problems: list[Problem] = field(default_factory=list)
    spans: dict[str, Endpoint] = field(default_factory=dict)
    endpoints: dict[tuple[str, str], Endpoint] = field(default_factory=dict)
    group: tuple[int, int] = (-1, -1)
    relations: list[PendingRelation] = field(default_factory=list)
    relation_ids: set[str] = field(default_factory=set)
    span_keys: dict[tuple[Any, ...], list[tuple[str, Any]]] = field(default_factory=dict)
    last_key: tuple[Any, ...] | None = None
    n_spans: int = 0
    n_relations: int = 0
    order_reported: bool = False
    canonical_reported: bool = False
    sources: SourceCheck = field(default_factory=SourceCheck)
    records: list[dict[str, Any]] | None = None  # every record read, in file order, when a collector wants them

    def problem(self, line: int | None, code: Code, message: str, hint: str, path: str = "",
                record_id: str | None = None, severity: Severity = "error") -> None:
        self.problems.append(Problem(self.file, line, code, message, hint, path, record_id, severity))


def check_file(check: StoreCheck, path: Path, cross_store: bool = False) -> None:
    """Stream a store: orjson on each raw line; only a line that fails takes the slow, explanatory path."""
    span_validator, relation_validator = record_validators(check.taxonomy)
    loads = orjson.loads
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                record = loads(raw)
            except orjson.JSONDecodeError:
                record = None
            if type(record) is not dict or not raw.endswith(b"\n"):
                parsed = parse_line(check.file, number, raw)
                if parsed.problem is not None:
                    check.problems.append(parsed.problem)
                    continue
                assert parsed.record is not None
                record = parsed.record
            check_record(check, number, record, raw, span_validator, relation_validator, cross_store)
            if check.records is not None:
                check.records.append(record)


def check_record(check: StoreCheck, line: int, record: dict[str, Any], raw: bytes | None, spans: RecordValidator,
                 relations: RecordValidator, cross_store: bool) -> None:
    kind = record.get("kind")
    if kind == "span" and not cross_store:
        if not spans.is_valid(record):
            _report_schema(check, line, record, spans, kind)
            if not _semantic_checks_possible(record, kind):
                return
        elif type(record["start"]) is not int or type(record["end"]) is not int:
            check.problem(line, Code.WRONG_TYPE, "start and end must be whole numbers (not 37.0)",
                          "write offsets as integers", "$.start", _record_id(record))
            return
        _check_canonical(check, line, record, raw)
        check_annotator_fields(check, line, record)
        _check_span(check, line, record)
        return
    if kind not in ("span", "relation"):
        check.problem(line, Code.UNKNOWN_KIND if kind is not None else Code.MISSING_FIELD,
                      f"kind is {kind!r}; a record is a 'span' or a 'relation'", "set \"kind\" to span or relation",
                      "$.kind", _record_id(record))
        return
    if kind == "span":
        check.problem(line, Code.SPAN_IN_CROSS_STORE, "the cross-document store holds relations only",
                      f"move the span to annotations/{record.get('doc_id')}.jsonl", "$.kind", _record_id(record))
        return
    if not relations.is_valid(record):
        _report_schema(check, line, record, relations, kind)
        if not _semantic_checks_possible(record, kind):
            return
    _check_canonical(check, line, record, raw)
    check_annotator_fields(check, line, record)
    _check_relation_record(check, line, record, cross_store)


def _record_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    return value if isinstance(value, str) else None


def _semantic_checks_possible(record: dict[str, Any], kind: str) -> bool:
    if kind != "span":
        return "id" in record and "head" in record and "tail" in record and "type" in record
    start, end = record.get("start"), record.get("end")
    return (type(start) is int and type(end) is int and start >= 0 and end >= 0 and "id" in record
            and "layer" in record and "type" in record)


def _report_schema(check: StoreCheck, line: int, record: dict[str, Any], validator: RecordValidator,
                   kind: str) -> None:
    layer = record.get("layer")
    layer_known = isinstance(layer, str) and layer in check.taxonomy.layers
    seen: set[tuple[str, str]] = set()
    for error in validator.errors(record):
        code = schema_code(error, layer_known, kind)
        if (code, error.path) in seen:
            continue
        seen.add((code, error.path))
        if error.path in ("$.start", "$.end") and error.keyword == "minimum":
            code = Code.OFFSET_OUT_OF_RANGE
        hint = _schema_hint(code, record, check.taxonomy)
        check.problem(line, code, error.message, hint, error.path, _record_id(record))


def _schema_hint(code: Code, record: dict[str, Any], taxonomy: Taxonomy) -> str:
    if code == "unknown-layer":
        return "layers are: " + ", ".join(taxonomy.layers)
    layer = taxonomy.layers.get(str(record.get("layer")))
    if code == "unknown-type" and layer is not None:
        return f"types of {layer.name} are: " + ", ".join(layer.types)
    if code in ("unknown-attribute", "invalid-attribute-value") and layer is not None:
        allowed = [f"{a.name}{'=' + '|'.join(a.enum) if a.enum else ''}" for a in layer.attributes.values()]
        return f"attributes of {layer.name}: " + (", ".join(allowed) or "none")
    if code == "missing-field":
        return "add the field; see schema/span.schema.json or schema/relation.schema.json"
    return "see the schema in schema/ for the allowed values"


def _check_canonical(check: StoreCheck, line: int, record: dict[str, Any], raw: bytes | None) -> None:
    if raw is None or orjson.dumps(record, option=orjson.OPT_SORT_KEYS) + b"\n" == raw:
        return
    why = not_kept_exactly(record, raw)
    if why is not None:
        check.problem(line, Code.RECORD_NOT_KEPT, why, "edit the line by hand so that it holds one exact value", "$",
                      _record_id(record))
    if not check.canonical_reported:
        check.canonical_reported = True
        check.problem(line, Code.STORE_NOT_CANONICAL,
                      "the line is not in canonical form (key order, spacing, escapes or line ending)",
                      "run 'belarus-corpus fmt' to rewrite the store canonically", severity="warning")


def _check_order(check: StoreCheck, line: int, key: tuple[Any, ...]) -> None:
    if check.last_key is not None and key < check.last_key and not check.order_reported:
        check.order_reported = True
        check.problem(line, Code.STORE_UNSORTED, "records are not in canonical order from this line on",
                      "run 'belarus-corpus fmt' to sort the store")


def _check_span(check: StoreCheck, line: int, record: dict[str, Any]) -> None:
    span_id, start, end, layer = str(record["id"]), record["start"], record["end"], str(record["layer"])
    span_type = str(record["type"])
    check.n_spans += 1
    key = (0, start, end, layer, span_type, span_id)
    if check.last_key is not None and key < check.last_key:
        _check_order(check, line, key)
    check.last_key = key
    status = str(record.get("status", ""))
    if span_id in check.spans:
        check.problem(line, Code.DUPLICATE_ID, f"id {span_id} is used by an earlier record",
                      "give this record a new id (ids never change once made, so edit the newer one)", "$.id", span_id)
    endpoint = check.endpoints.get((layer, status))  # a handful of distinct values, shared by every span
    if endpoint is None:
        endpoint = check.endpoints[(layer, status)] = Endpoint(layer, status)
    check.spans[span_id] = endpoint
    if record.get("doc_id") != check.doc_id:
        check.problem(line, Code.DOC_ID_MISMATCH,
                      f"doc_id is {record.get('doc_id')!r} in the store of {check.doc_id!r}",
                      f"move the record to annotations/{record.get('doc_id')}.jsonl or fix doc_id", "$.doc_id",
                      span_id)
    if end <= start:
        check.problem(line, Code.EMPTY_SPAN, f"end ({end}) is not after start ({start})",
                      "a span covers at least one character; fix start/end", "$.end", span_id)
        return
    if status != "rejected":
        if not check.order_reported and (start, end) != check.group:
            check.group = (start, end)
            check.span_keys.clear()  # sorted store: equal (start, end) are adjacent, so only this group can repeat
        same = (start, end, layer, span_type, record.get("annotator"))
        earlier = check.span_keys.get(same)
        if earlier is None:
            check.span_keys[same] = [(span_id, record.get("attributes"))]
        else:
            _check_duplicate(check, line, earlier, span_id, record.get("attributes"))
    doc = check.doc
    if doc is not None:
        if end <= doc.length and record.get("text_sha256") == doc.text_sha256 and doc.text[start:end] == record.get(
                "text") and (doc.identity_map or _on_boundaries(doc, start, end)):
            return
        _check_span_text(check, line, record, start, end)


def _check_duplicate(check: StoreCheck, line: int, earlier: list[tuple[str, Any]], span_id: str,
                     attributes: Any) -> None:
    """Spans with the same offsets, layer and type as this one came before: compare attributes (canonical JSON)."""
    mine = orjson.dumps(attributes, option=orjson.OPT_SORT_KEYS)
    for other_id, other in earlier:
        if orjson.dumps(other, option=orjson.OPT_SORT_KEYS) == mine:
            check.problem(line, Code.DUPLICATE_SPAN,
                          f"same annotator, layer, type, offsets and attributes as {other_id}",
                          f"remove one of them ('belarus-corpus annotate rm {span_id}')", "", span_id)
            break
    earlier.append((span_id, attributes))


def _on_boundaries(doc: DocText, start: int, end: int) -> bool:
    return doc.normalized.is_boundary(start) and doc.normalized.is_boundary(end)


def _check_span_text(check: StoreCheck, line: int, record: dict[str, Any], start: int, end: int) -> None:
    """The slow path: say exactly what is wrong with a span whose text or anchor does not match."""
    doc = check.doc
    assert doc is not None
    span_id = str(record["id"])
    if end > doc.length:
        check.problem(line, Code.OFFSET_OUT_OF_RANGE, f"end {end} is past the end of the document "
                      f"({doc.length} characters)", HINT_TEXT, "$.end", span_id)
        return
    if record.get("text_sha256") != doc.text_sha256:
        if record.get("status") == "orphaned":
            check.problem(line, Code.ORPHANED_SPAN,
                          "orphaned span: its document changed and it could not be re-anchored",
                          "place it again with 'annotate update --start/--end', or reject it", "", span_id, "warning")
        else:
            check.problem(line, Code.STALE_ANCHOR, "the document's text changed since this span was made "
                          "(text_sha256 differs)", "run 'belarus-corpus annotate reanchor " + check.doc_id + "'",
                          "$.text_sha256", span_id)
        return
    if doc.text[start:end] != record.get("text"):
        check.problem(line, Code.SPAN_TEXT_MISMATCH, f"text is {_short(record.get('text'))} but the document has "
                      f"{_short(doc.text[start:end])} at {start}:{end}", HINT_TEXT, "$.text", span_id)
    elif not _on_boundaries(doc, start, end):
        check.problem(line, Code.SPAN_SPLITS_CHARACTER, "the span starts or ends inside a combined character",
                      "move start/end to a character boundary", "$.start", span_id)


def _short(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _check_relation_record(check: StoreCheck, line: int, record: dict[str, Any], cross_store: bool) -> None:
    relation_id = str(record["id"])
    check.n_relations += 1
    key = (1, str(record["type"]), str(record["head"]), str(record["tail"]), relation_id)
    _check_order(check, line, key)
    check.last_key = key
    if relation_id in check.relation_ids:
        check.problem(line, Code.DUPLICATE_ID, f"id {relation_id} is used by an earlier record",
                      "remove the duplicate relation", "$.id", relation_id)
    check.relation_ids.add(relation_id)
    if record["head"] == record["tail"]:
        check.problem(line, Code.SELF_RELATION, "the relation's head and tail are the same span",
                      "relate two different spans, or remove the relation", "$.tail", relation_id)
    head_doc, tail_doc = record.get("head_doc"), record.get("tail_doc")
    if not cross_store and (head_doc != check.doc_id or tail_doc != check.doc_id):
        check.problem(line, Code.MISPLACED_RELATION, f"relation between {head_doc!r} and {tail_doc!r} in the store of "
                      f"{check.doc_id!r}", "cross-document relations go in annotations/_cross_document.jsonl",
                      "$.head_doc", relation_id)
        return
    if cross_store and head_doc == tail_doc:
        check.problem(line, Code.MISPLACED_RELATION, "a relation within one document is in the cross-document store",
                      f"move it to annotations/{head_doc}.jsonl", "$.head_doc", relation_id, "warning")
    spec = check.taxonomy.relations.get(str(record["type"]))
    if spec is not None and cross_store and not spec.cross_document:
        check.problem(line, Code.RELATION_NOT_CROSS_DOCUMENT, f"{spec.name} relations must stay within one document",
                      "use same-claim, contradicts, same-entity or duplicate-of across documents", "$.type",
                      relation_id)
    check.relations.append(PendingRelation(line, relation_id, str(record["type"]), str(record["head"]),
                                           str(record["tail"]), str(head_doc), str(tail_doc),
                                           str(record.get("status", ""))))


def check_endpoint(file: str, pending: PendingRelation, role: str, endpoint: Endpoint | None,
                   taxonomy: Taxonomy, doc_id: str) -> list[Problem]:
    span_id = pending.head if role == "head" else pending.tail
    if endpoint is None:
        return [Problem(file, pending.line, Code.RELATION_MISSING_ENDPOINT,
                        f"{role} {span_id} is not a span of {doc_id}",
                        "add the span first, or remove the relation", f"$.{role}", pending.record_id)]
    if endpoint.status == "rejected" and pending.status in ("gold", "suggested"):
        return [Problem(file, pending.line, Code.RELATION_TO_REJECTED_SPAN, f"{pending.status} relation's {role} "
                        f"{span_id} is a rejected span", "reject or remove the relation, or accept the span",
                        f"$.{role}", pending.record_id, "warning")]
    spec = taxonomy.relations.get(pending.type)
    allowed = () if spec is None else (spec.head_layers if role == "head" else spec.tail_layers)
    if spec is not None and endpoint.layer not in allowed:
        return [Problem(file, pending.line, Code.RELATION_WRONG_LAYER, f"{pending.type} takes a {role} in "
                        f"{'/'.join(allowed)}, but {span_id} is a {endpoint.layer} span",
                        "relate spans of the right layers (see schema/taxonomy.json relations)", f"$.{role}",
                        pending.record_id)]
    return []


def resolve_local_relations(check: StoreCheck) -> None:
    """Each relation's ends against the spans of its store; ``check_endpoint`` explains only the ends that fail
    the quick test (a span of an allowed layer that is not rejected)."""
    relations = check.taxonomy.relations
    spans = check.spans
    for pending in check.relations:
        spec = relations.get(pending.type)
        head, tail = spans.get(pending.head), spans.get(pending.tail)
        if (spec is not None and head is not None and tail is not None and head.layer in spec.head_layers
                and tail.layer in spec.tail_layers and head.status != "rejected" and tail.status != "rejected"):
            continue
        for role, endpoint in (("head", head), ("tail", tail)):
            check.problems += check_endpoint(check.file, pending, role, endpoint, check.taxonomy, check.doc_id)
    check_sources(check)
