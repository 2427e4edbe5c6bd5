"""Making span and relation records that are valid by construction (or a clear error listing what is allowed)."""

from __future__ import annotations

import getpass
import os
import re
from datetime import UTC, datetime
from typing import Any

from ..codes import Code
from ..document import Document
from ..errors import Problem, UsageError
from ..model import Relation, Span, context, is_annotator_name, relation_id, span_id
from ..taxonomy import Taxonomy


def today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch and epoch.isdigit() else datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%d")


def default_annotator() -> str:
    return os.environ.get("BELARUS_CORPUS_ANNOTATOR") or getpass.getuser() or "unknown"


def check_annotator(name: str | None, where: str = "--annotator") -> str:
    """The annotator's name (default: the environment's), refused when it could be read as a path."""
    who = name or default_annotator()
    if not is_annotator_name(who):
        raise _usage(Code.BAD_ANNOTATOR_NAME, f"annotator name {who!r} is not allowed",
                     "use letters, digits, '.', '_', '+' or '-' (no '/', '\\', '..' or spaces), at most 64",
                     where)
    return who


def _usage(code: Code, message: str, hint: str, where: str = "<arguments>") -> UsageError:
    return UsageError(Problem(where, None, code, message, hint))


def check_label(taxonomy: Taxonomy, layer: str, type_: str) -> None:
    if layer not in taxonomy.layers:
        raise _usage(Code.UNKNOWN_LAYER, f"unknown layer {layer!r}", "layers are: " + ", ".join(taxonomy.layers))
    if type_ not in taxonomy.layers[layer].types:
        raise _usage(Code.UNKNOWN_TYPE, f"{layer} has no type {type_!r}",
                     f"types of {layer} are: " + ", ".join(taxonomy.layers[layer].types))


def check_attributes(taxonomy: Taxonomy, layer: str, attributes: dict[str, Any]) -> dict[str, Any]:
    specs = taxonomy.layers[layer].attributes
    for name, value in attributes.items():
        spec = specs.get(name)
        if spec is None:
            raise _usage(Code.UNKNOWN_ATTRIBUTE, f"{layer} spans have no attribute {name!r}",
                         f"attributes of {layer}: " + (", ".join(specs) or "none"))
        if spec.enum and value not in spec.enum:
            raise _usage(Code.INVALID_ATTRIBUTE_VALUE, f"{name}={value!r} is not allowed",
                         f"{name} is one of: " + ", ".join(spec.enum))
        if spec.pattern and not re.match(spec.pattern, str(value)):
            raise _usage(Code.INVALID_ATTRIBUTE_VALUE, f"{name}={value!r} does not match {spec.pattern}",
                         spec.description or "see 'belarus-corpus annotate types'")
    missing = [name for name in taxonomy.layers[layer].required_attributes if name not in attributes]
    if missing:
        raise _usage(Code.MISSING_ATTRIBUTE, f"{layer} spans need {', '.join(missing)}",
                     "add --attr " + " --attr ".join(f"{m}=..." for m in missing))
    return dict(sorted(attributes.items()))


def check_offsets(document: Document, start: int, end: int) -> None:
    text = document.text
    if not 0 <= start < end <= len(text):
        raise _usage(Code.OFFSET_OUT_OF_RANGE, f"{start}:{end} is not a non-empty range inside {document.doc_id} "
                     f"({len(text)} characters)", "give 0 <= start < end <= the document's length")
    if not (document.normalized.is_boundary(start) and document.normalized.is_boundary(end)):
        raise _usage(Code.SPAN_SPLITS_CHARACTER, f"{start}:{end} cuts a combined character",
                     "move start/end to a character boundary")


def make_span(document: Document, taxonomy: Taxonomy, *, layer: str, type_: str, start: int, end: int,
              attributes: dict[str, Any] | None = None, annotator: str | None = None, method: str = "manual",
              status: str = "gold", note: str | None = None, created: str | None = None) -> Span:
    """A valid span (``created``: today unless a bulk caller passes the date it read once)."""
    check_label(taxonomy, layer, type_)
    checked = check_attributes(taxonomy, layer, attributes or {})
    check_offsets(document, start, end)
    who = check_annotator(annotator)
    prefix, suffix = context(document.text, start, end)
    return Span(id=span_id(document.doc_id, layer, type_, start, end, who, method, checked), doc_id=document.doc_id,
                layer=layer, type=type_, start=start, end=end, text=document.text[start:end], prefix=prefix,
                suffix=suffix, annotator=who, method=method, status=status, created=created or today(),
                guidelines_version=taxonomy.guidelines_version, text_sha256=document.text_sha256,
                attributes=checked, note=note)


def make_relation(taxonomy: Taxonomy, type_: str, head: Span, tail: Span, *, annotator: str | None = None,
                  method: str = "manual", status: str = "gold", note: str | None = None) -> Relation:
    spec = taxonomy.relations.get(type_)
    if spec is None:
        raise _usage(Code.UNKNOWN_RELATION_TYPE, f"unknown relation type {type_!r}",
                     "relation types are: " + ", ".join(taxonomy.relations))
    if head.layer not in spec.head_layers or tail.layer not in spec.tail_layers:
        raise _usage(Code.RELATION_WRONG_LAYER, f"{type_} relates {'/'.join(spec.head_layers)} → "
                     f"{'/'.join(spec.tail_layers)}, not {head.layer} → {tail.layer}", "relate spans of those layers")
    if head.doc_id != tail.doc_id and not spec.cross_document:
        raise _usage(Code.RELATION_NOT_CROSS_DOCUMENT, f"{type_} relations stay within one document",
                     "cross-document types: " + ", ".join(n for n, s in taxonomy.relations.items() if s.cross_document))
    if head.id == tail.id:
        raise _usage(Code.SELF_RELATION, "a span cannot be related to itself", "choose two different spans")
    return Relation(id=relation_id(type_, head.id, tail.id), type=type_, head=head.id, tail=tail.id,
                    head_doc=head.doc_id, tail_doc=tail.doc_id, annotator=check_annotator(annotator),
                    method=method, status=status, created=today(), guidelines_version=taxonomy.guidelines_version,
                    note=note)


def parse_attributes(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    parsed = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise _usage(Code.BAD_ATTRIBUTE, f"--attr {pair!r} is not key=value",
                         "write e.g. --attr target=sanctions-relief")
        parsed[key.strip()] = value.strip()
    return parsed
