"""The provenance record's declared type (``schema/provenance.schema.json`` as TypedDicts) and its parse.

A record is parsed once, where the file is read (``as_provenance``): the fields later stages read are
checked for their JSON types there, so a stage that holds a ``ProvenanceRecord`` can trust them. The full
contract (patterns, enums, required keys) stays the JSON Schema's, which ``validate`` applies.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict, cast

from .codes import Code
from .errors import CorpusError, Problem


class SourceBlock(TypedDict):
    """What the source states; ``None`` where it is unknown (``unknown`` then says why)."""

    publisher: str | None
    url: str | None
    authors: list[str] | None
    published_date: str | None
    retrieved_date: str | None
    licence: str | None
    translated_from: str | None


class Assessment(TypedDict):
    """A judgement about the text its source does not state, with its basis and who made it."""

    value: object
    basis: str
    by: str


class Normalization(TypedDict):
    pipeline: str
    changes: dict[str, int]
    text_sha256: str


class LanguageAlternative(TypedDict):
    code: str
    probability: float


class LanguageGuess(TypedDict):
    code: str | None
    probability: float | None
    alternatives: list[LanguageAlternative]
    reason: NotRequired[str]


class ParagraphLanguage(LanguageGuess):
    index: int
    start: int
    end: int


class LanguageBlock(TypedDict):
    detector: str
    structure: str
    document: LanguageGuess
    paragraphs: list[ParagraphLanguage]


class HistoryEntry(TypedDict):
    sha256: str
    text_sha256: NotRequired[str | None]
    size_bytes: NotRequired[int]
    ingested_at: NotRequired[str]
    original_file_name: NotRequired[str | None]


class ProvenanceRecord(TypedDict):
    """``raw/<doc_id>.provenance.json``. ``html`` (web pages only) keeps the schema's ``$defs/html`` shape;
    it is read by ``webpage`` alone, which checks the parts it uses."""

    schema_version: str
    doc_id: str
    original_file_name: str
    sha256: str
    size_bytes: int
    encoding: str
    bom: bool
    line_endings: str
    trailing_newline: bool
    ingested_at: str
    ingested_with: str
    source: SourceBlock
    unknown: dict[str, str]
    assessments: dict[str, Assessment]
    normalization: Normalization
    language: LanguageBlock
    history: list[HistoryEntry]
    media_type: NotRequired[str]
    html: NotRequired[dict[str, object]]


# The blocks stages read, and the JSON type each must have: a record that passes this can be used as a
# ProvenanceRecord without a KeyError or an AttributeError on these paths.
_OBJECT_BLOCKS = ("source", "unknown", "assessments", "normalization", "language")
_STRING_FIELDS = ("doc_id", "original_file_name", "ingested_at", "encoding")


def shape_problems(record: object, file: str) -> list[Problem]:
    """What makes ``record`` unusable as a ``ProvenanceRecord`` (empty when it can be used)."""
    if not isinstance(record, dict):
        return [_problem(file, "$", "the provenance record is not a JSON object")]
    problems = [_problem(file, f"$.{name}", f"{name} is not a JSON object")
                for name in _OBJECT_BLOCKS if not isinstance(record.get(name), dict)]
    problems += [_problem(file, f"$.{name}", f"{name} is not a string")
                 for name in _STRING_FIELDS if not isinstance(record.get(name), str)]
    if not problems:
        problems += _nested_problems(record, file)
    return problems


def _nested_problems(record: dict[str, object], file: str) -> list[Problem]:
    language = cast(dict[str, object], record["language"])
    problems = []
    if not isinstance(language.get("document"), dict):
        problems.append(_problem(file, "$.language.document", "language.document is not a JSON object"))
    paragraphs = language.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, dict) for p in paragraphs):
        problems.append(_problem(file, "$.language.paragraphs", "language.paragraphs is not a list of objects"))
    assessments = cast(dict[str, object], record["assessments"])
    problems += [_problem(file, f"$.assessments.{name}", f"assessments.{name} is not a JSON object")
                 for name, item in assessments.items() if not isinstance(item, dict)]
    changes = cast(dict[str, object], record["normalization"]).get("changes")
    if not isinstance(changes, dict):
        problems.append(_problem(file, "$.normalization.changes", "normalization.changes is not a JSON object"))
    if "html" in record and not isinstance(record["html"], dict):
        problems.append(_problem(file, "$.html", "html is not a JSON object"))
    return problems


def as_provenance(record: object, file: str) -> ProvenanceRecord:
    """``record`` (parsed JSON) as a ``ProvenanceRecord``; raises ``CorpusError`` naming file and field when
    a block that stages read has the wrong JSON type."""
    problems = shape_problems(record, file)
    if problems:
        raise CorpusError(problems)
    return cast(ProvenanceRecord, record)


def _problem(file: str, path: str, message: str) -> Problem:
    return Problem(file, None, Code.PROVENANCE_INVALID, message,
                   "fix the field (schema/provenance.schema.json says its type), or re-ingest the file", path=path)
