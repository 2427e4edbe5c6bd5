"""The spancat baseline trains from ``load_dataset`` output and scores with ``evaluate`` (a tiny, fast run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from belarus_corpus.annotate.api import add_span
from helpers import ARTICLE, MakeCorpus


def test_spancat_baseline_runs_leave_one_document_out(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    from baselines import spancat

    corpus = make_corpus({"alpha.txt": ARTICLE, "beta.txt": ARTICLE.replace("Minsk", "Vilnius")})
    for doc_id in ("alpha", "beta"):
        add_span(corpus, doc_id, layer="hedge", type_="approximator", quote="Nearly")
        add_span(corpus, doc_id, layer="hedge", type_="reportative", quote="officials said")
    out = corpus.build(tmp_path / "build").out
    results = tmp_path / "results"
    assert spancat.main(["--data", str(out), "--layer", "hedge", "--iterations", "2", "--out", str(results)]) == 0
    written = json.loads((results / "spancat.json").read_text(encoding="utf-8"))
    assert written["settings"]["documents"] == 2 and written["settings"]["layers"] == ["hedge"]
    overall = next(r for r in written["scores"]["rows"] if r["layer"] == "*")
    assert overall["strict"]["gold"] == 4  # every gold span, each predicted by the model that did not see it
    assert "| hedge | * | 4 |" in written["table_markdown"]
    assert not list(tmp_path.rglob("*.spacy")) and not list(tmp_path.rglob("model*"))  # no weights written
