"""The error-code catalogue declares every code once, and every code the fixtures expect is declared."""

import json
from pathlib import Path

from belarus_corpus.codes import Code
from belarus_corpus.codes.catalogue import CATALOGUE

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"


def _fixture_codes() -> dict[str, str]:
    found = {}
    for expected in sorted(FIXTURES.glob("*/expected.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        for level in ("errors", "warnings"):
            for item in data.get(level, []):
                found[item["code"]] = level[:-1]
    return found


def test_every_code_has_a_catalogue_entry_and_nothing_else_does():
    assert set(CATALOGUE) == set(Code)


def test_codes_are_kebab_case_and_entries_are_filled():
    for code, entry in CATALOGUE.items():
        assert code.value == code.value.lower() and " " not in code.value
        assert entry.title and entry.description.endswith(".") and entry.action


def test_every_code_a_fixture_expects_is_catalogued_with_its_severity():
    for value, level in _fixture_codes().items():
        entry = CATALOGUE[Code(value)]
        assert level in entry.severity, (value, level, entry.severity)


def test_a_code_renders_as_its_string():
    assert f"{Code.SPAN_TEXT_MISMATCH}" == "span-text-mismatch"
    assert json.dumps({"code": Code.STALE_ANCHOR}) == '{"code": "stale-anchor"}'


def test_errors_reference_is_current():
    from belarus_corpus.codes.reference import errors_markdown

    written = (Path(__file__).parent.parent / "docs" / "ERRORS.md").read_text(encoding="utf-8")
    assert written == errors_markdown(), "run: python -m belarus_corpus.codes.reference > docs/ERRORS.md"


def test_every_catalogued_code_appears_in_the_reference_with_its_action():
    from belarus_corpus.codes.reference import errors_markdown

    text = errors_markdown()
    for code, entry in CATALOGUE.items():
        assert f"| `{code.value}` | {entry.severity} |" in text
