"""validate with a DATASHEET.md gathers the facts in its own pass (#14, #18): the report is exactly the one of
validating and then computing the facts in a second pass, for every fixture corpus, with a stale and with an
up-to-date generated block, with one process and with every document in its own task; and the detector
scorecard made of per-document parts is the scorecard of all records at once."""

from __future__ import annotations

import contextlib
import shutil
from itertools import groupby
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.build.scorecard import records_of_corpus, scorecard
from belarus_corpus.build.scorecard_parts import document_part, lines_of, merge_parts, scorecard_of
from belarus_corpus.checks import generated_file_problems, validate_corpus
from belarus_corpus.datasheet import BEGIN, END, update_datasheet
from belarus_corpus.errors import CorpusError
from belarus_corpus.reader import CorpusReader
from belarus_corpus.validate import units, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = [f"{kind}/{p.name}" for kind in ("valid", "invalid") for p in sorted((FIXTURES / kind).iterdir())
         if p.is_dir() and p.name != "path-escapes-root"]


def _rendered(problems: list[object]) -> list[str]:
    return sorted(p.render() for p in problems)  # type: ignore[attr-defined]


def _two_passes(root: Path) -> list[str]:
    """What validate reported before: the validate stage, then the facts computed again from the files."""
    return _rendered([*validate(root).problems, *generated_file_problems(root)])


def _with_datasheet(case: str, tmp_path: Path, current: bool) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / case, root, ignore=shutil.ignore_patterns("expected.json"))
    (root / "DATASHEET.md").write_text(f"# Datasheet\n\n{BEGIN}\nold figures\n{END}\n", encoding="utf-8")
    if current:
        with contextlib.suppress(CorpusError):  # a corpus whose facts cannot be computed keeps the stale block
            update_datasheet(CorpusReader(root))
    return root


@pytest.mark.parametrize("current", [False, True], ids=["stale", "current"])
@pytest.mark.parametrize("case", CASES)
def test_one_pass_reports_what_two_passes_did(case: str, current: bool, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = _with_datasheet(case, tmp_path, current)
    expected = _two_passes(root)
    assert _rendered(validate_corpus(root).problems) == expected
    monkeypatch.setattr(units, "PARALLEL_MIN_UNITS", 0)
    monkeypatch.setattr(units, "CHUNK_UNITS", 1)  # every document in its own task, merged in the main process
    assert _rendered(validate_corpus(root, workers=2).problems) == expected


def test_an_up_to_date_datasheet_is_not_reported(seed_corpus: Corpus) -> None:
    update_datasheet(seed_corpus)
    report = validate_corpus(seed_corpus.root)
    assert "stale-datasheet" not in report.codes(), [p.render() for p in report.problems]
    (seed_corpus.root / "annotations" / "_cross_document.jsonl").unlink()
    assert "stale-datasheet" in validate_corpus(seed_corpus.root).codes()


@pytest.mark.parametrize("case", ["seeds", *[c for c in CASES if c.startswith("valid/")]])
def test_scorecard_from_document_parts_is_the_scorecard_of_all_records(case: str, seed_corpus: Corpus) -> None:
    root = seed_corpus.root if case == "seeds" else FIXTURES / case
    records = records_of_corpus(CorpusReader(root))
    parts = [document_part(list(group)) for _, group in groupby(records, key=lambda r: r.doc_id)]
    assert lines_of(merge_parts(reversed(parts))) == scorecard(records)
    assert scorecard_of(reversed(records)) == scorecard(list(reversed(records)))  # as a build's files give them
