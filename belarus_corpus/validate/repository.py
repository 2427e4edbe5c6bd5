"""Checks of the repository's contract files: schemas current and valid against the 2020-12 meta-schema."""

from __future__ import annotations

import json

from ..codes import Code
from ..errors import Problem
from ..layout import Layout
from ..schemagen import stale_schemas
from ..taxonomy import Taxonomy
from .schemas import RecordValidator, meta_schema_error


def check_repository_files(layout: Layout, taxonomy: Taxonomy) -> list[Problem]:
    problems: list[Problem] = []
    if not layout.schema_dir.is_dir():
        return problems
    for path in stale_schemas(layout.schema_dir, taxonomy):
        problems.append(Problem(layout.relative(path), None, Code.SCHEMA_OUT_OF_DATE,
                                "does not match what schema/taxonomy.json generates",
                                "run 'belarus-corpus schema --write' after editing the taxonomy"))
    problems += _check_meta_schema(layout)
    problems += _check_taxonomy_file(layout)
    return problems


def _check_taxonomy_file(layout: Layout) -> list[Problem]:
    from ..taxonomy import package_schema_dir

    path, schema_path = layout.schema_dir / "taxonomy.json", package_schema_dir() / "taxonomy.schema.json"
    if not path.is_file() or not schema_path.is_file():
        return []
    try:
        instance = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return []  # reported as taxonomy-invalid when it is loaded
    validator = RecordValidator(json.loads(schema_path.read_text(encoding="utf-8")))
    return [Problem(layout.relative(path), None, Code.TAXONOMY_INVALID, error.message,
                    "fix the taxonomy so it matches schema/taxonomy.schema.json", path=error.path)
            for error in validator.errors(instance)]


def _check_meta_schema(layout: Layout) -> list[Problem]:
    problems = []
    for path in sorted(layout.schema_dir.glob("*.schema.json")):
        try:
            message = meta_schema_error(json.loads(path.read_text(encoding="utf-8")))
        except ValueError as exc:
            message = str(exc)
        if message is not None:
            problems.append(Problem(layout.relative(path), None, Code.SCHEMA_INVALID, message,
                                    "fix the schema so it is valid JSON Schema 2020-12"))
    return problems
