"""validate gives the same report with one process or a pool of them, for every fixture corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.validate import units, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = [f"{kind}/{p.name}" for kind in ("valid", "invalid") for p in sorted((FIXTURES / kind).iterdir())
         if p.is_dir()]


def _everything(root: Path, workers: int) -> tuple[list[object], dict[str, int]]:
    report = validate(root, workers=workers)
    problems = [p.to_dict() for p in report.sorted_problems()]
    return problems, dict(report.stats)


@pytest.mark.parametrize("case", [c for c in CASES if c != "invalid/path-escapes-root"])
def test_a_pool_of_workers_reports_exactly_what_one_process_does(case: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / case, root, ignore=shutil.ignore_patterns("expected.json"))
    alone = _everything(root, workers=1)
    monkeypatch.setattr(units, "PARALLEL_MIN_UNITS", 0)
    monkeypatch.setattr(units, "CHUNK_UNITS", 1)  # every document in its own task: the most interleaving
    assert _everything(root, workers=2) == alone


def test_the_seed_corpus_is_valid_with_a_pool(seed_corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units, "PARALLEL_MIN_UNITS", 0)
    monkeypatch.setattr(units, "CHUNK_UNITS", 2)
    report = validate(seed_corpus.root, workers=2)
    assert report.valid, [p.render() for p in report.errors]
    assert report.stats["documents"] == report.stats["stores"] == 5
