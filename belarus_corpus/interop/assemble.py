"""Turn what a format file states (candidates) into span and relation records, checking each against the corpus.

Every import ends here, so the rules are the same for all formats:

* a label that is not a layer/type of the taxonomy: ``unknown-label`` (error; never guessed);
* a document the corpus does not have: ``unknown-document``; offsets outside the text: ``offset-out-of-range``;
  ``end <= start``: ``empty-span``; text that is not the document's text at the offsets: ``offset-mismatch``;
  an edge inside a character that normalization composed: ``span-splits-character`` (all errors);
* an attribute the layer does not have, or a value outside its enum: ``unknown-attribute`` /
  ``invalid-attribute-value`` (warning: the span is imported without it); a required attribute missing:
  ``missing-required-attribute`` (error);
* relations: unknown type, an endpoint that was not imported, wrong layers, or a cross-document relation of a
  type that must stay within a document (errors).

Records get ``method: import:<format>``, ``status: suggested`` (``gold`` with ``as_gold``), ``created`` today, and
new ids made from what they are (``span_id``/``relation_id``), so importing the same file twice gives the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..annotate.records import today
from ..codes import Code
from ..errors import Problem
from ..model import Relation, Span, annotator_slug, context, relation_id, span_id
from ..taxonomy import LayerSpec, Taxonomy
from .base import ImportResult, RelationCandidate, SpanCandidate, Where
from .texts import DocText, TextSource


@dataclass(frozen=True)
class ImportOptions:
    format: str
    as_gold: bool = False
    annotator: str | None = None
    created: str | None = None

    @property
    def method(self) -> str:
        return f"import:{self.format}"

    @property
    def status(self) -> str:
        return "gold" if self.as_gold else "suggested"

    def annotator_for(self, carried: str | None) -> str:
        return annotator_slug(self.annotator or carried or f"unknown-{self.format}-import")

    def created_date(self) -> str:
        return self.created or today()


def assemble(spans: Iterable[SpanCandidate], relations: Iterable[RelationCandidate], texts: TextSource,
             options: ImportOptions, problems: list[Problem] | None = None) -> ImportResult:
    result = ImportResult(problems=list(problems or []))
    made: dict[str, Span] = {}
    for candidate in spans:
        record = _span(candidate, texts, options, result.problems)
        if record is None:
            continue
        if record.id in made:
            result.problems.append(candidate.where.problem(
                Code.DUPLICATE_SPAN, f"the same {record.layer}/{record.type} span at {record.start}:{record.end} is "
                "already in this import", "remove one of them; it is imported once", record.id, "warning"))
        else:
            made[record.id] = record
            result.spans.append(record)
        result.refs[(candidate.doc_id, candidate.ref)] = record.id
    seen: set[str] = set()
    for relation in relations:
        built = _relation(relation, result.refs, made, texts.taxonomy, options, result.problems)
        if built is not None and built.id not in seen:
            seen.add(built.id)
            result.relations.append(built)
    return result


def _span(candidate: SpanCandidate, texts: TextSource, options: ImportOptions,
          problems: list[Problem]) -> Span | None:
    where = candidate.where
    layer = texts.taxonomy.layers.get(candidate.layer)
    if layer is None or candidate.type not in layer.types:
        problems.append(unknown_label(where, f"{candidate.layer}/{candidate.type}", texts.taxonomy))
        return None
    doc = texts.get(candidate.doc_id)
    if doc is None:
        problems.append(where.problem(Code.UNKNOWN_DOCUMENT, f"no document {candidate.doc_id!r} in this corpus",
                                      "ingest the document first, or fix the document id in the file"))
        return None
    problem = check_offsets(doc, candidate.start, candidate.end, candidate.text, where)
    if problem is not None:
        problems.append(problem)
        return None
    attributes = _attributes(candidate.attributes, layer, where, problems)
    missing = [name for name in layer.required_attributes if name not in attributes]
    if missing:
        problems.append(where.problem(Code.MISSING_REQUIRED_ATTRIBUTE, f"a {layer.name} span needs "
                                      f"{', '.join(missing)}", "add the attribute in the file, then import again"))
        return None
    return _record(candidate, doc, attributes, options, texts.taxonomy)


def _record(candidate: SpanCandidate, doc: DocText, attributes: dict[str, Any], options: ImportOptions,
            taxonomy: Taxonomy) -> Span:
    annotator = options.annotator_for(candidate.annotator)
    start, end = candidate.start, candidate.end
    prefix, suffix = context(doc.text, start, end)
    new_id = span_id(doc.doc_id, candidate.layer, candidate.type, start, end, annotator, options.method)
    return Span(id=new_id, doc_id=doc.doc_id, layer=candidate.layer, type=candidate.type, start=start, end=end,
                text=doc.text[start:end], prefix=prefix, suffix=suffix, annotator=annotator, method=options.method,
                status=options.status, created=options.created_date(),
                guidelines_version=candidate.guidelines_version or taxonomy.guidelines_version,
                text_sha256=doc.text_sha256, attributes=attributes, note=candidate.note)


def check_offsets(doc: DocText, start: int, end: int, text: str | None, where: Where) -> Problem | None:
    """The first thing wrong with (start, end, text) in ``doc``, or None."""
    if start < 0 or end > len(doc.text):
        return where.problem(Code.OFFSET_OUT_OF_RANGE, f"{start}:{end} is outside the document "
                             f"({len(doc.text)} characters)", "the file was made for another version of the text")
    if end <= start:
        return where.problem(Code.EMPTY_SPAN, f"end ({end}) is not after start ({start})",
                             "a span covers at least one character")
    if text is not None and doc.text[start:end] != text:
        return where.problem(Code.OFFSET_MISMATCH, f"the file has {_short(text)} at {start}:{end} but the document has "
                             f"{_short(doc.text[start:end])}",
                             "the file was made for another version of the text, or counts offsets differently")
    if not (doc.is_boundary(start) and doc.is_boundary(end)):
        return where.problem(Code.SPAN_SPLITS_CHARACTER, f"{start}:{end} starts or ends inside a combined character",
                             "move start/end to a character boundary")
    return None


def _attributes(raw: dict[str, Any], layer: LayerSpec, where: Where, problems: list[Problem]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for name, value in raw.items():
        spec = layer.attributes.get(name)
        if spec is None:
            problems.append(where.problem(Code.UNKNOWN_ATTRIBUTE, f"{layer.name} spans have no attribute {name!r}; "
                                          "the span is imported without it",
                                          f"attributes of {layer.name}: " + (", ".join(layer.attributes) or "none"),
                                          severity="warning"))
        elif not isinstance(value, str) or (spec.enum is not None and value not in spec.enum):
            allowed = "|".join(spec.enum) if spec.enum else "a string"
            problems.append(where.problem(Code.INVALID_ATTRIBUTE_VALUE, f"{name}={value!r} is not {allowed}; the span "
                                          "is imported without it", f"use one of: {allowed}", severity="warning"))
        else:
            kept[name] = value
    return kept


def _relation(candidate: RelationCandidate, refs: dict[tuple[str, str], str], spans: dict[str, Span],
              taxonomy: Taxonomy, options: ImportOptions, problems: list[Problem]) -> Relation | None:
    where = candidate.where
    spec = taxonomy.relations.get(candidate.type)
    if spec is None:
        problems.append(unknown_label(where, candidate.type, taxonomy, relation=True))
        return None
    head, tail = refs.get(candidate.head), refs.get(candidate.tail)
    if head is None or tail is None:
        missing = candidate.head if head is None else candidate.tail
        problems.append(where.problem(Code.RELATION_MISSING_ENDPOINT, f"{missing[1]} in {missing[0]} was not imported",
                                      "fix or import the span first; the relation is not imported"))
        return None
    for role, span, allowed in (("head", spans[head], spec.head_layers), ("tail", spans[tail], spec.tail_layers)):
        if span.layer not in allowed:
            problems.append(where.problem(Code.RELATION_WRONG_LAYER, f"{spec.name} takes a {role} in "
                                          f"{'/'.join(allowed)}, not a {span.layer} span", "relate the right spans"))
            return None
    if spans[head].doc_id != spans[tail].doc_id and not spec.cross_document:
        problems.append(where.problem(Code.RELATION_NOT_CROSS_DOCUMENT,
                                      f"{spec.name} relations stay within one document",
                                      "use same-claim, contradicts, same-entity or duplicate-of across documents"))
        return None
    return Relation(id=relation_id(spec.name, head, tail), type=spec.name, head=head, tail=tail,
                    head_doc=spans[head].doc_id, tail_doc=spans[tail].doc_id,
                    annotator=options.annotator_for(candidate.annotator), method=options.method,
                    status=options.status, created=options.created_date(),
                    guidelines_version=candidate.guidelines_version or taxonomy.guidelines_version,
                    attributes=dict(candidate.attributes), note=candidate.note)


def unknown_label(where: Where, label: str, taxonomy: Taxonomy, relation: bool = False) -> Problem:
    if relation:
        hint = "relation types are: " + ", ".join(taxonomy.relations)
    else:
        hint = "labels are <layer>/<type> of schema/taxonomy.json: " + "; ".join(
            f"{name}: {', '.join(layer.types)}" for name, layer in taxonomy.layers.items())
    return where.problem(Code.UNKNOWN_LABEL, f"{label!r} is not in the taxonomy; not imported", hint)


def _short(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")
