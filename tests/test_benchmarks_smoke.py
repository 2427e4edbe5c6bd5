"""Smoke tests of the benchmarks: the generator makes a valid corpus, and ``--quick`` reports every operation.

No timing is asserted: the numbers depend on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.ingest import IngestOptions
from belarus_corpus.validate import validate

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is not part of the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.generate import (  # noqa: E402
    SOURCE_DATE_EPOCH,
    cached_corpus,
    generate,
    source_document,
    target_sizes,
)

OPERATIONS = {
    "validate", "validate with DATASHEET.md", "validate vs reference B", "build", "load_dataset spans",
    "suggest detectors", "suggest (end to end)", "suggest vs its floor", "suggest, 2 workers vs 1", "cli --help",
    "cli validate (empty corpus)", "incremental rebuild", "peak RSS validate", "peak RSS build",
}
WITH_FLOOR = ("validate", "validate with DATASHEET.md", "validate vs reference B", "build", "load_dataset spans",
              "cli --help", "incremental rebuild", "peak RSS validate", "peak RSS build", "suggest vs its floor",
              "suggest, 2 workers vs 1")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_corpus_validates(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    info = generate(root, 6, 300, seed=3, workers=1)
    report = validate(root)
    assert report.errors == []
    assert report.stats["documents"] == 6
    assert report.stats["spans"] == 300
    assert report.stats["relations"] > 0
    assert info["cross_document_relations"] > 0
    corpus = Corpus(root)
    spans = [span for doc_id in corpus.doc_ids() for span in corpus.annotations(doc_id).spans]
    assert {span.layer for span in spans} == set(corpus.taxonomy.layers)
    assert all("target" in span.attributes for span in spans if span.layer == "stance")
    texts = [corpus.document(doc_id).text for doc_id in corpus.doc_ids()]
    assert all(2000 <= len(text.encode("utf-8")) <= 12500 for text in texts)
    assert any(not text.isascii() for text in texts)


def test_generation_is_deterministic_and_matches_store_save(tmp_path: Path) -> None:
    """Fast writes give the same bytes as ``store.save`` and the fsync'd atomic writes (``durable=True``)."""
    generate(tmp_path / "fast", 4, 120, seed=5, workers=1)
    generate(tmp_path / "durable", 4, 120, seed=5, workers=1, durable=True)
    assert _files(tmp_path / "fast") == _files(tmp_path / "durable")


def test_provenance_matches_ingest_except_detected_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator's provenance is what ``Corpus.ingest`` writes; only langdetect's guesses are precomputed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    generated = tmp_path / "generated"
    generate(generated, 2, 20, seed=9, workers=1)
    _, raw, metadata, _ = source_document(9, 1, target_sizes(2, 9)[1])
    source = tmp_path / "sources" / "bench-000001.txt"
    source.parent.mkdir()
    source.write_bytes(raw.encode("utf-8"))
    ingested = Corpus(tmp_path / "ingested")
    ingested.ingest([source], IngestOptions(metadata=metadata))
    name = "raw/bench-000001.provenance.json"
    ours = json.loads((generated / name).read_text(encoding="utf-8"))
    theirs = json.loads((tmp_path / "ingested" / name).read_text(encoding="utf-8"))
    raw_name = "raw/bench-000001.txt"
    assert (generated / raw_name).read_bytes() == (tmp_path / "ingested" / raw_name).read_bytes()
    assert {k: v for k, v in ours.items() if k != "language"} == {k: v for k, v in theirs.items() if k != "language"}
    offsets = [(p["index"], p["start"], p["end"]) for p in ours["language"]["paragraphs"]]
    assert offsets == [(p["index"], p["start"], p["end"]) for p in theirs["language"]["paragraphs"]]
    assert ours["language"]["detector"] == theirs["language"]["detector"]
    assert theirs["language"]["document"]["code"] == "en"


def test_cache_is_reused(tmp_path: Path) -> None:
    root, first = cached_corpus(3, 60, seed=1, out=tmp_path)
    again, second = cached_corpus(3, 60, seed=1, out=tmp_path)
    assert root == again
    assert not first["cached"]
    assert second["cached"]


def test_quick_run_reports_every_operation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((out / "results-quick.json").read_text(encoding="utf-8"))
    rows = {row["operation"]: row for row in results["operations"]}
    assert not OPERATIONS - rows.keys()
    for name in OPERATIONS:
        assert rows[name]["ours"] is not None, (name, rows[name]["notes"])
    for name in WITH_FLOOR:
        assert rows[name]["floor"], name
        assert rows[name]["ratio"] is not None, name
    assert {entry["operation"] for entry in results["rss"]} == {"validate", "build"}
    assert all(entry["peak_rss_mb_1x"] and entry["peak_rss_mb_10x"] for entry in results["rss"])
    assert results["machine"]["nproc"] >= 1
    assert "operation" in done.stdout
