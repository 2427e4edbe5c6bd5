"""Fixture-driven validator tests: every valid corpus validates; every invalid one gives exactly its problems.

The corpora live in tests/fixtures/{valid,invalid}/<case>/ and are made by tests/fixtures/make_fixtures.py;
see that script for what each case plants. ``expected.json`` lists ``errors`` and ``warnings`` as
``{"code", "file", "line"}``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.records import make_relation
from belarus_corpus.cli import main
from belarus_corpus.datasheet import update_datasheet
from belarus_corpus.provenance import dumps as dumps_provenance
from belarus_corpus.store import StoreContent, dumps_record, load, save
from belarus_corpus.validate import validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_CASES = sorted(p.name for p in (FIXTURES / "valid").iterdir() if p.is_dir())
INVALID_CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())

# Cases that show a bug in the validator (reported to the lead); strict, so a fix turns them into failures
# that say "remove me from KNOWN_BUGS".
KNOWN_BUGS: dict[str, str] = {}

# Every code the issue asks the fixtures to cover (warnings included).
REQUIRED_CODES = {
    "invalid-json", "truncated-line", "store-not-utf8", "blank-line", "missing-field", "wrong-type", "unknown-layer",
    "unknown-type", "unknown-attribute", "invalid-attribute-value", "unknown-field", "offset-out-of-range",
    "empty-span", "span-text-mismatch", "stale-anchor", "duplicate-id", "duplicate-span", "store-unsorted",
    "store-not-canonical", "doc-id-mismatch", "relation-missing-endpoint", "relation-wrong-layer",
    "misplaced-relation", "relation-missing-document", "relation-not-cross-document", "store-without-document",
    "store-not-a-file", "raw-hash-mismatch", "raw-missing", "raw-without-provenance", "provenance-invalid",
    "unknown-without-reason", "path-escapes-root", "schema-out-of-date", "orphaned-span", "span-in-cross-store",
    "unknown-kind",
}

Row = tuple[str, int, str]


def _params(names: list[str]) -> list[Any]:
    return [pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_BUGS[name], strict=True))
            if name in KNOWN_BUGS else name for name in names]


def _expected(case: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / "invalid" / case / "expected.json").read_text(encoding="utf-8"))
    return loaded


def _rows(items: list[dict[str, Any]]) -> list[Row]:
    return sorted((item["file"], -1 if item["line"] is None else item["line"], item["code"]) for item in items)


def _copy_case(kind: str, case: str, tmp_path: Path) -> Path:
    """A copy of the fixture to validate (with any setup the case needs done in the copy)."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / kind / case, root, ignore=shutil.ignore_patterns("expected.json"))
    setup = _expected(case).get("setup", {}) if kind == "invalid" else {}
    if "symlink_outside" in setup:
        link = setup["symlink_outside"]
        outside = tmp_path / "outside" / "article.txt"
        outside.parent.mkdir()
        outside.write_bytes(link["content"].encode("utf-8"))
        (root / link["link"]).symlink_to(outside)
    return root


def _problems(root: Path) -> tuple[list[Row], list[Row]]:
    rows = validate(root).flatten(("severity", "file", "line", "code"))
    by_severity: dict[str, list[Row]] = {"error": [], "warning": []}
    for severity, file, line, code in rows:
        by_severity[severity].append((file, -1 if line is None else line, code))
    return sorted(by_severity["error"]), sorted(by_severity["warning"])


@pytest.mark.parametrize("case", VALID_CASES)
def test_valid_fixture_has_no_problems(case: str, tmp_path: Path) -> None:
    errors, warnings = _problems(_copy_case("valid", case, tmp_path))
    assert errors == []
    assert warnings == []


@pytest.mark.parametrize("case", _params(INVALID_CASES))
def test_invalid_fixture_gives_exactly_its_problems(case: str, tmp_path: Path) -> None:
    expected = _expected(case)
    errors, warnings = _problems(_copy_case("invalid", case, tmp_path))
    assert errors == _rows(expected["errors"]), expected["description"]
    assert warnings == _rows(expected["warnings"]), expected["description"]


def test_valid_fixtures_cover_what_the_issue_asks() -> None:
    assert len(VALID_CASES) >= 3
    full = Corpus(FIXTURES / "valid" / "full")
    spans = [s for d in full.doc_ids() for s in full.annotations(d).spans]
    relations = [r for d in full.doc_ids() for r in full.annotations(d).relations] + full.cross_document().relations
    assert {s.layer for s in spans} == set(full.taxonomy.layers)
    assert {r.type for r in relations} == set(full.taxonomy.relations)
    assert any(r.type == "contradicts" and r.cross_document for r in relations)
    crlf = Corpus(FIXTURES / "valid" / "crlf-unicode")
    (doc_id,) = crlf.doc_ids()
    document = crlf.document(doc_id)
    assert b"\r\n" in document.raw and "\r" not in document.text
    assert any(ord(char) > 0xFFFF for char in document.text)
    assert any(0x300 <= ord(char) <= 0x36F for char in document.text)
    assert crlf.annotations(doc_id).spans
    empty = FIXTURES / "valid" / "documents-only"
    assert Corpus(empty).doc_ids() and not (empty / "annotations").exists()
    for case in VALID_CASES:
        assert not (FIXTURES / "valid" / case / "schema").exists(), "fixtures use the package's schema"


def test_invalid_fixtures_cover_every_required_code() -> None:
    assert len(INVALID_CASES) >= 30
    covered = set()
    for case in INVALID_CASES:
        expected = _expected(case)
        assert expected["errors"] or expected["warnings"], case
        covered |= {item["code"] for item in expected["errors"] + expected["warnings"]}
    assert covered >= REQUIRED_CODES, sorted(REQUIRED_CODES - covered)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the module runs
    spec.loader.exec_module(module)
    return module


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes()
            for folder in ("valid", "invalid") for path in sorted((root / folder).rglob("*")) if path.is_file()}


def test_generator_reproduces_the_committed_fixtures(tmp_path: Path) -> None:
    _generator().generate(tmp_path)
    made, committed = _tree(tmp_path), _tree(FIXTURES)
    assert sorted(made) == sorted(committed), "run: python tests/fixtures/make_fixtures.py"
    changed = [name for name in made if made[name] != committed[name]]
    assert changed == [], "run: python tests/fixtures/make_fixtures.py"


# ------------------------------------------------------------------------------------------------------ CLI

CLI_CASE = "span-text-mismatch"


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_cli_reports_an_invalid_fixture(output_format: str, tmp_path: Path) -> None:
    root = _copy_case("invalid", CLI_CASE, tmp_path)
    (expected,) = _expected(CLI_CASE)["errors"]
    result = CliRunner().invoke(main, ["validate", "--root", str(root), "--format", output_format])
    assert result.exit_code == 1, result.output
    if output_format == "json":
        report = json.loads(result.stdout)
        assert report["valid"] is False
        assert [(p["code"], p["file"], p["line"]) for p in report["problems"]] == [
            (expected["code"], expected["file"], expected["line"])]
    elif output_format == "github":
        lines = result.stdout.splitlines()
        pattern = re.compile(rf"^::error file={re.escape(expected['file'])},line={expected['line']},"
                             rf"title={expected['code']}::\S.*$")
        assert any(pattern.match(line) for line in lines), result.stdout
        assert lines[-1].startswith("INVALID: 1 error(s)")
    else:
        assert f"{expected['file']}:{expected['line']}" in result.stdout
        assert f"[{expected['code']}]" in result.stdout


def test_cli_exits_zero_on_a_valid_fixture(tmp_path: Path) -> None:
    root = _copy_case("valid", "full", tmp_path)
    result = CliRunner().invoke(main, ["validate", "--root", str(root), "--format", "github"])
    assert result.exit_code == 0, result.output
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


# ----------------------------------------------------------------------------- a broken copy of the repository


def _line_of(path: Path, record_id: str) -> int:
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        if json.loads(raw).get("id") == record_id:
            return number
    raise KeyError(record_id)


def _edit_line(path: Path, number: int, change: Any) -> None:
    lines = path.read_bytes().splitlines(keepends=True)
    record = json.loads(lines[number - 1])
    change(record)
    lines[number - 1] = dumps_record(record) + b"\n"
    path.write_bytes(b"".join(lines))


def _words(text: str, first: int, count: int) -> tuple[int, int]:
    """Offsets of ``count`` words starting at word ``first`` of the text."""
    words = list(re.finditer(r"[A-Za-z]+", text))
    return words[first].start(), words[first + count - 1].end()


def test_broken_copy_of_the_repository_reports_every_planted_problem(seed_corpus: Corpus) -> None:
    corpus = seed_corpus
    baseline = corpus.validate()
    assert baseline.valid, [p.render() for p in baseline.errors]
    doc_ids = corpus.doc_ids()
    assert len(doc_ids) >= 3
    first, second, third = doc_ids[:3]
    layout = corpus.layout

    # A few spans and a relation made with the API, as an annotator would.
    def span_at(doc_id: str, layer: str, type_: str, word: int, count: int, **options: Any) -> Any:
        start, end = _words(corpus.document(doc_id).text, word, count)
        return add_span(corpus, doc_id, layer=layer, type_=type_, start=start, end=end, **options)

    mismatched = span_at(first, "artifact", "factual-error", 3, 4,
                         attributes={"explanation": "planted by the fixture test"})
    claim = span_at(second, "claim", "attribution", 5, 3)
    hedge = span_at(second, "hedge", "speculative", 9, 2)
    scope = make_relation(corpus.taxonomy, "hedge-scope", hedge, claim)
    store = layout.store(second)
    content = load(store)
    content.relations.append(scope)
    save(store, content)
    assert corpus.validate().codes() == {"stale-datasheet"}
    update_datasheet(corpus)
    assert corpus.validate().valid

    planted: list[Row] = []
    # 1. span-text-mismatch in the first document's store.
    first_store = layout.store(first)
    line = _line_of(first_store, mismatched.id)
    _edit_line(first_store, line, lambda r: r.update(text=r["text"].upper() + "!"))
    planted.append((f"annotations/{first}.jsonl", line, "span-text-mismatch"))
    # 2. relation-missing-endpoint: the hedge-scope relation loses its tail.
    line = _line_of(store, scope.id)
    _edit_line(store, line, lambda r: r.update(tail="s_0000000000000000"))
    planted.append((f"annotations/{second}.jsonl", line, "relation-missing-endpoint"))
    # 3. invalid-json: a cut-off record appended to the same store.
    with store.open("ab") as handle:
        handle.write(b'{"kind":"span","id":\n')
    planted.append((f"annotations/{second}.jsonl", len(store.read_bytes().splitlines()), "invalid-json"))
    # 4. relation-missing-document: a cross-document relation to a document that does not exist.
    cross = layout.cross_document_store
    content = load(cross) if cross.exists() else StoreContent()
    ghost = make_relation(corpus.taxonomy, "contradicts", claim, mismatched).with_changes(tail_doc="ghost-article")
    content.relations.append(ghost)
    save(cross, content)
    planted.append(("annotations/_cross_document.jsonl", _line_of(cross, ghost.id), "relation-missing-document"))
    # 5. raw-hash-mismatch: provenance records another hash (the text itself is unchanged).
    provenance = layout.provenance(third)
    record = json.loads(provenance.read_text(encoding="utf-8"))
    record["sha256"] = "0" * 64
    # 6. unknown-without-reason, in the same provenance record.
    record["source"]["licence"] = None
    record["unknown"].pop("licence", None)
    provenance.write_text(dumps_provenance(record), encoding="utf-8")
    planted.append((f"raw/{third}.txt", -1, "raw-hash-mismatch"))
    planted.append((f"raw/{third}.provenance.json", -1, "unknown-without-reason"))
    # 7. raw-without-provenance: a text copied into raw/ by hand.
    (layout.raw_dir / "copied-by-hand.txt").write_text("An article copied by hand.\n", encoding="utf-8")
    planted.append(("raw/copied-by-hand.txt", -1, "raw-without-provenance"))
    # 8. schema-out-of-date: relation.schema.json edited by hand.
    schema_file = layout.schema_dir / "relation.schema.json"
    schema_file.write_text(schema_file.read_text(encoding="utf-8").replace("A typed", "An edited", 1),
                           encoding="utf-8")
    planted.append(("schema/relation.schema.json", -1, "schema-out-of-date"))

    errors, _ = _problems(corpus.root)
    assert errors == sorted(planted)
