"""validate warns when a web page's recorded extractor version is not the installed one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers_html import PAGES

from belarus_corpus import Corpus
from belarus_corpus.codes import Code

REPO = Path(__file__).resolve().parents[2]


def test_another_extractor_version_is_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    corpus = Corpus(root)
    (done,) = corpus.ingest([PAGES / "quotes.html"])
    assert corpus.validate().problems == []
    record = json.loads(done.provenance_path.read_text(encoding="utf-8"))
    record["html"]["extraction"]["version"] = "1.0.0"
    done.provenance_path.write_text(json.dumps(record), encoding="utf-8")
    (problem,) = corpus.validate().problems
    assert problem.code == Code.EXTRACTOR_CHANGED and problem.severity == "warning"
    assert "trafilatura 1.0.0" in problem.message
