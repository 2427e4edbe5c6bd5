"""Plain records: spans and relations as they are stored, one JSON object per line."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any, TypeVar

CONTEXT_CHARS = 32
OPTIONAL_SPAN_FIELDS = {"note": None, "reviewed_by": None, "edited": False, "suggested_by": None, "sources": None,
                        "curation": None}
OPTIONAL_RELATION_FIELDS = {"note": None, "reviewed_by": None, "suggested_by": None, "sources": None,
                            "curation": None}
RULE_ANNOTATOR_PATTERN = r"rule:[a-z0-9][a-z0-9-]*@[0-9]+"
ANNOTATOR_PATTERN = rf"^({RULE_ANNOTATOR_PATTERN}|[A-Za-z0-9][A-Za-z0-9._+-]{{0,63}})$"
SUGGESTED_BY_PATTERN = rf"^{RULE_ANNOTATOR_PATTERN}$"


def is_annotator_name(name: str) -> bool:
    """A person or tool (letters, digits, ``.``, ``_``, ``+``, ``-``; no path characters) or ``rule:<name>@<n>``."""
    return re.fullmatch(ANNOTATOR_PATTERN[1:-1], name) is not None and ".." not in name


def annotator_slug(name: str) -> str:
    """A name carried in an imported file, made into an allowed annotator name (runs of other characters → ``-``)."""
    if is_annotator_name(name):
        return name
    slug = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._+-]+", "-", name)).strip("-._+")[:64].rstrip("-._+")
    return slug or "unknown"


def _short_hash(*parts: object) -> str:
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def span_id(doc_id: str, layer: str, type_: str, start: int, end: int, annotator: str, method: str,
            attributes: dict[str, Any] | None = None) -> str:
    """Stable id from what the span was created as (attributes too, so two stances on one sentence toward
    different targets are two spans); it never changes afterwards."""
    parts: list[object] = [doc_id, layer, type_, start, end, annotator, method]
    if attributes:
        parts.append(json.dumps(attributes, sort_keys=True, ensure_ascii=False))
    return "s_" + _short_hash(*parts)


def same_span_key(span: Span) -> tuple[Any, ...]:
    """What makes two spans the same annotation: annotator, label, offsets and attributes (two annotators who
    mark the same thing make two records, which is what agreement counts)."""
    return (span.annotator, span.layer, span.type, span.start, span.end,
            json.dumps(span.attributes, sort_keys=True))


def relation_id(type_: str, head: str, tail: str) -> str:
    return "r_" + _short_hash(type_, head, tail)


@dataclass(frozen=True)
class Span:
    id: str
    doc_id: str
    layer: str
    type: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    annotator: str
    method: str
    status: str
    created: str
    guidelines_version: str
    text_sha256: str
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    reviewed_by: str | None = None
    edited: bool = False
    suggested_by: str | None = None
    sources: list[str] | None = None
    curation: str | None = None

    record_kind = "span"

    def sort_key(self) -> tuple[Any, ...]:
        return (self.start, self.end, self.layer, self.type, self.id)

    def to_dict(self) -> dict[str, Any]:
        record = {"kind": "span", **self.__dict__}  # the fields (a frozen dataclass has nothing else there)
        for name, default in OPTIONAL_SPAN_FIELDS.items():
            if record[name] == default:
                del record[name]
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Span:
        """Refuses (TypeError) unknown fields and non-integer offsets rather than dropping or keeping them."""
        _check_fields(cls, record)
        if type(record.get("start")) is not int or type(record.get("end")) is not int:
            raise TypeError(f"start and end must be integers, not {record.get('start')!r}, {record.get('end')!r}")
        return _build(cls, record)

    def with_changes(self, **changes: Any) -> Span:
        return replace(self, **changes)


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    head: str
    tail: str
    head_doc: str
    tail_doc: str
    annotator: str
    method: str
    status: str
    created: str
    guidelines_version: str
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    reviewed_by: str | None = None
    suggested_by: str | None = None
    sources: list[str] | None = None
    curation: str | None = None

    record_kind = "relation"

    @property
    def cross_document(self) -> bool:
        return self.head_doc != self.tail_doc

    def sort_key(self) -> tuple[Any, ...]:
        return (self.type, self.head, self.tail, self.id)

    def to_dict(self) -> dict[str, Any]:
        record = {"kind": "relation", **self.__dict__}
        for name in OPTIONAL_RELATION_FIELDS:
            if record[name] is None:
                del record[name]
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Relation:
        _check_fields(cls, record)
        return _build(cls, record)

    def with_changes(self, **changes: Any) -> Relation:
        return replace(self, **changes)


Record = Span | Relation


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _check_fields(cls: type, record: dict[str, Any]) -> None:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls)) | {"kind"}
    if record.keys() <= names:
        return
    unknown = sorted(set(record) - names)
    if unknown:
        raise TypeError(f"unknown field(s) {', '.join(unknown)}")


_REQUIRED: dict[type, frozenset[str]] = {}
_Built = TypeVar("_Built", Span, Relation)


_TEXT: dict[type, tuple[str, ...]] = {}
_OPTIONAL_TEXT = ("note", "reviewed_by", "suggested_by")


def _check_types(cls: type, record: dict[str, Any]) -> None:
    """Refuse (TypeError) a record whose text fields are not text or whose attributes are not an object: a writer
    would otherwise crash on it (a list as a layer cannot be hashed) or rewrite it."""
    text = _TEXT.get(cls)
    if text is None:
        text = _TEXT[cls] = tuple(f.name for f in fields(cls) if f.type == "str")
    wrong = [name for name in text if type(record[name]) is not str]
    wrong += [name for name in _OPTIONAL_TEXT if record.get(name) is not None and type(record[name]) is not str]
    if "attributes" in record and type(record["attributes"]) is not dict:
        wrong.append("attributes")
    if "edited" in record and type(record["edited"]) is not bool:
        wrong.append("edited")
    if wrong:
        raise TypeError(f"field(s) of the wrong type: {', '.join(wrong)}")


def _build(cls: type[_Built], record: dict[str, Any]) -> _Built:
    """``cls(**record)`` without ``kind``, for records read from a store: the fields are set directly (a frozen
    dataclass's ``__init__`` sets each through ``object.__setattr__``, 8 µs for a span; this takes 1 µs).
    The checks are the same: unknown fields were refused by ``_check_fields``; missing ones are refused here."""
    required = _REQUIRED.get(cls)
    if required is None:
        required = _REQUIRED[cls] = frozenset(f.name for f in fields(cls)
                                              if f.default is MISSING and f.default_factory is MISSING)
    if not required <= record.keys():
        raise TypeError(f"missing field(s) {', '.join(sorted(required - record.keys()))}")
    _check_types(cls, record)
    values = {"attributes": {}, **(OPTIONAL_SPAN_FIELDS if cls is Span else OPTIONAL_RELATION_FIELDS), **record}
    del values["kind"]
    built = object.__new__(cls)
    built.__dict__.update(values)
    return built


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    return text[max(0, start - width) : start], text[end : end + width]
