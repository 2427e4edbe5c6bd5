"""The JSON Schemas in schema/: valid 2020-12, documented, current, and agreeing with a third-party validator."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from belarus_corpus import Corpus
from belarus_corpus.build.tables import DocumentBundle, document_row
from belarus_corpus.schemagen import generated_schemas
from belarus_corpus.taxonomy import load_taxonomy, parse_taxonomy

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "schema"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://github.com/belarus-corpus/belarus-corpus/schema/"
SCHEMA_FILES = sorted(path.name for path in SCHEMA_DIR.glob("*.schema.json"))


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = _load(SCHEMA_DIR / name)
    return loaded


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema(name), format_checker=jsonschema.FormatChecker())


def test_the_expected_schema_files_exist() -> None:
    assert {"span.schema.json", "relation.schema.json", "provenance.schema.json", "document.schema.json",
            "taxonomy.schema.json"} <= set(SCHEMA_FILES)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schema_is_valid_2020_12_and_documented(name: str) -> None:
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["$id"] == BASE_ID + name
    for key in ("title", "description"):
        assert isinstance(schema.get(key), str) and schema[key].strip(), key
    assert isinstance(schema.get("examples"), list) and schema["examples"], "examples"


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_example_validates_against_its_schema(name: str) -> None:
    validator = _validator(name)
    for example in _schema(name)["examples"]:
        assert not list(validator.iter_errors(example)), [e.message for e in validator.iter_errors(example)]


def test_generated_schemas_are_current() -> None:
    for name, text in generated_schemas(load_taxonomy(REPO)).items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"run 'belarus-corpus schema --write' ({name})"


# ------------------------------------------------------------------------------------------------- taxonomy


def test_taxonomy_validates_against_its_schema() -> None:
    validator = _validator("taxonomy.schema.json")
    taxonomy = _load(SCHEMA_DIR / "taxonomy.json")
    assert not list(validator.iter_errors(taxonomy)), [e.message for e in validator.iter_errors(taxonomy)]


def test_taxonomy_schema_examples_parse_as_a_taxonomy() -> None:
    for example in _schema("taxonomy.schema.json")["examples"]:
        parsed = parse_taxonomy(example)
        assert parsed.layers and parsed.relations


@pytest.mark.parametrize("change", [
    lambda t: t["relations"]["hedge-scope"].pop("head_layers"),
    lambda t: t["layers"]["claim"].update(types={}),
    lambda t: t["layers"]["stance"]["attributes"]["target"].update(type="list"),
    lambda t: t.update(statuses=["gold", "gold"]),
    lambda t: t["layers"].update({"Bad Name": t["layers"]["claim"]}),
    lambda t: t.update(extra=True),
])
def test_taxonomy_schema_rejects_a_broken_taxonomy(change: Any) -> None:
    taxonomy = copy.deepcopy(_load(SCHEMA_DIR / "taxonomy.json"))
    change(taxonomy)
    assert not _validator("taxonomy.schema.json").is_valid(taxonomy)


def test_taxonomy_is_consistent_beyond_its_schema() -> None:
    """What JSON Schema cannot say: names referred to exist."""
    taxonomy = load_taxonomy(REPO)
    for layer in taxonomy.layers.values():
        assert set(layer.required_attributes) <= set(layer.attributes), layer.name
    for relation in taxonomy.relations.values():
        assert set(relation.head_layers + relation.tail_layers) <= set(taxonomy.layers), relation.name
    assert {"gold", "rejected", "orphaned"} <= set(taxonomy.statuses)


# ---------------------------------------------------------------------------------------------- documents


def _document_rows(root: Path) -> list[dict[str, Any]]:
    corpus = Corpus(root)
    return [document_row(DocumentBundle(document, [], [])) for document in corpus.documents()]


def test_document_rows_of_the_seed_corpus_validate(seed_corpus: Corpus) -> None:
    validator = _validator("document.schema.json")
    rows = _document_rows(seed_corpus.root)
    assert rows
    for row in rows:
        assert not list(validator.iter_errors(row)), (row["doc_id"], [e.message for e in validator.iter_errors(row)])


@pytest.mark.parametrize("case", ["full", "crlf-unicode", "documents-only"])
def test_document_rows_of_the_fixtures_validate(case: str) -> None:
    validator = _validator("document.schema.json")
    for row in _document_rows(FIXTURES / "valid" / case):
        assert not list(validator.iter_errors(row)), (row["doc_id"], [e.message for e in validator.iter_errors(row)])


def test_document_schema_matches_the_row_and_the_taxonomy() -> None:
    schema = _schema("document.schema.json")
    (row,) = [r for r in _document_rows(FIXTURES / "valid" / "full") if r["doc_id"] == "release-report"]
    assert set(schema["properties"]) == set(row) == set(schema["required"])
    roles = schema["properties"]["paragraphs"]["items"]["properties"]["role"]["enum"]
    assert roles == list(load_taxonomy(REPO).paragraph_roles)


def test_document_schema_rejects_a_broken_row() -> None:
    (row,) = _document_rows(FIXTURES / "valid" / "crlf-unicode")
    validator = _validator("document.schema.json")
    for key, value in (("n_chars", -1), ("raw_sha256", "abc"), ("paragraphs", [{"start": 0}]), ("extra", 1)):
        broken = {**row, key: value}
        assert not validator.is_valid(broken), key


# ------------------------------------------------------------------------------- a third-party validator


def _check_jsonschema() -> str:
    beside = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside) if beside.is_file() else shutil.which("check-jsonschema")
    if not found:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    return found


def _run_check(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_check_jsonschema(), "--schemafile", str(SCHEMA_DIR / schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120, check=False)


def _assert_only_rejected(schema: str, good: list[Path], bad: Path) -> None:
    """One run over valid files plus one broken file: it fails, and names the broken file only."""
    result = _run_check(schema, [*good, bad])
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    named = {line.strip().split("::")[0] for line in output.splitlines() if "::" in line}
    assert named == {str(bad)}, output


def _records(kind: str) -> list[dict[str, Any]]:
    found = []
    for store in sorted((FIXTURES / "valid").glob("*/annotations/*.jsonl")):
        for line in store.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["kind"] == kind:
                found.append(record)
    return found


def _write_each(records: list[dict[str, Any]], folder: Path, stem: str) -> list[Path]:
    """One JSON file per record: check-jsonschema reads JSON documents, not JSON Lines."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, record in enumerate(records):
        path = folder / f"{stem}-{index:03d}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(("kind", "schema", "break_it"), [
    ("span", "span.schema.json", lambda r: r.update(layer="opinion")),
    ("relation", "relation.schema.json", lambda r: r.update(type="scopes-over")),
])
def test_check_jsonschema_agrees_on_store_records(kind: str, schema: str, break_it: Any, tmp_path: Path) -> None:
    records = _records(kind)
    assert records
    broken = copy.deepcopy(records[0])
    break_it(broken)
    (bad,) = _write_each([broken], tmp_path / "bad", kind)
    _assert_only_rejected(schema, _write_each(records, tmp_path / "good", kind), bad)


def test_check_jsonschema_agrees_on_provenance(tmp_path: Path) -> None:
    files = sorted((FIXTURES / "valid").glob("*/raw/*.provenance.json"))
    assert files
    record = _load(files[0])
    record["size_bytes"] = 0
    (bad,) = _write_each([record], tmp_path, "provenance")
    _assert_only_rejected("provenance.schema.json", files, bad)


def test_check_jsonschema_agrees_on_taxonomy_and_documents(tmp_path: Path) -> None:
    rows = _document_rows(FIXTURES / "valid" / "full") + _document_rows(FIXTURES / "valid" / "crlf-unicode")
    broken = {**rows[0], "n_chars": -1}
    (bad,) = _write_each([broken], tmp_path / "bad", "document")
    _assert_only_rejected("document.schema.json", _write_each(rows, tmp_path / "documents", "document"), bad)
    taxonomy = _run_check("taxonomy.schema.json", [SCHEMA_DIR / "taxonomy.json"])
    assert taxonomy.returncode == 0, taxonomy.stdout + taxonomy.stderr
