"""Compiled JSON Schema validators, and the mapping from a schema error to a stable problem code."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..codes import Code
from ..schemagen import relation_schema, span_schema
from ..taxonomy import Taxonomy, package_schema_dir


@dataclass(frozen=True)
class SchemaError:
    path: str
    keyword: str
    message: str


def json_path(parts: list[Any]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


class RecordValidator:
    """Validates records against one schema; uses jsonschema-rs when available, else jsonschema."""

    def __init__(self, schema: dict[str, Any]) -> None:
        try:
            import jsonschema_rs

            validator = jsonschema_rs.validator_for(schema)
            self.is_valid: Callable[[Any], bool] = _surrogates_invalid(validator.is_valid)
            self._iter_errors: Callable[[Any], Iterator[Any]] = validator.iter_errors
            self._rust = True
        except ImportError:  # pragma: no cover - the fallback path
            import jsonschema

            fallback = jsonschema.Draft202012Validator(schema)
            self.is_valid = fallback.is_valid
            self._iter_errors = fallback.iter_errors
            self._rust = False

    def errors(self, record: Any) -> list[SchemaError]:
        try:
            surrogate = _lone_surrogate(record, "$")
        except RecursionError:
            return [SchemaError("$", "type", "nested too deeply to check")]
        if surrogate is not None:  # jsonschema-rs cannot take a string that is not valid Unicode
            return [SchemaError(surrogate, "type", "the string holds a lone UTF-16 surrogate, which is not text")]
        found = []
        for error in self._iter_errors(record):
            if self._rust:
                path, keyword = list(error.instance_path), list(error.schema_path)[-1]
            else:
                path, keyword = list(error.absolute_path), str(error.validator)
            found.append(SchemaError(json_path(path), str(keyword), error.message))
        return found


def _surrogates_invalid(is_valid: Callable[[Any], bool]) -> Callable[[Any], bool]:
    def checked(record: Any) -> bool:
        try:
            return is_valid(record)
        except UnicodeEncodeError:
            return False

    return checked


def _lone_surrogate(value: Any, path: str) -> str | None:
    """The JSON path of the first string (or key) holding a lone surrogate, None when there is none."""
    if isinstance(value, str):
        return path if any("\ud800" <= c <= "\udfff" for c in value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _lone_surrogate(key, path) or _lone_surrogate(item, f"{path}.{key}")
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _lone_surrogate(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def schema_code(error: SchemaError, layer_known: bool, kind: str = "span") -> Code:
    field = error.path.split(".")[1] if error.path.count(".") >= 1 else ""
    if error.keyword == "required":
        return Code.MISSING_ATTRIBUTE if field == "attributes" else Code.MISSING_FIELD
    if error.keyword == "type":
        return Code.WRONG_TYPE
    if field == "layer" and error.keyword in {"enum", "const"}:
        return Code.UNKNOWN_LAYER
    if field == "type" and error.keyword in {"enum", "const"}:
        if kind == "relation":
            return Code.UNKNOWN_RELATION_TYPE
        return Code.UNKNOWN_TYPE if layer_known else Code.SCHEMA_VIOLATION
    if field == "attributes":
        return Code.UNKNOWN_ATTRIBUTE if error.keyword == "additionalProperties" else Code.INVALID_ATTRIBUTE_VALUE
    if error.keyword == "additionalProperties":
        return Code.UNKNOWN_FIELD
    if field in ("annotator", "suggested_by") and error.keyword == "pattern":
        return Code.BAD_ANNOTATOR_NAME
    return Code.SCHEMA_VIOLATION


_COMPILED: dict[str, tuple[RecordValidator, RecordValidator]] = {}
_BY_OBJECT: dict[int, tuple[Taxonomy, tuple[RecordValidator, RecordValidator]]] = {}


def record_validators(taxonomy: Taxonomy) -> tuple[RecordValidator, RecordValidator]:
    """Span and relation validators for this taxonomy, compiled once per process."""
    cached = _BY_OBJECT.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    key = json.dumps(taxonomy.source, sort_keys=True)
    if key not in _COMPILED:
        _COMPILED[key] = RecordValidator(span_schema(taxonomy)), RecordValidator(relation_schema(taxonomy))
    _BY_OBJECT[id(taxonomy)] = (taxonomy, _COMPILED[key])
    return _COMPILED[key]


@functools.lru_cache(maxsize=2)
def provenance_validator(schema_path: str | None = None) -> RecordValidator:
    path = Path(schema_path) if schema_path else package_schema_dir() / "provenance.schema.json"
    return RecordValidator(json.loads(path.read_text(encoding="utf-8")))


def meta_schema_error(schema: Any) -> str | None:
    """Why ``schema`` is not valid JSON Schema (2020-12 unless it says otherwise), or None when it is."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the fallback path
        import jsonschema

        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as exc:
            return str(exc.message)
        return None
    try:
        jsonschema_rs.meta.validate(schema)
    except jsonschema_rs.ValidationError as exc:
        return str(exc.message)
    except Exception as exc:  # an unknown $schema, or a schema it cannot read at all
        return str(exc)
    return None
