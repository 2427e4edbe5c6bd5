"""Build: loads with datasets (offline) and pyarrow with the declared features; deterministic; incremental."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.reanchoring import reanchor_documents
from belarus_corpus.build.facts import corpus_facts
from belarus_corpus.build.features import CONFIGS, features_for
from belarus_corpus.build.loading import load_config
from belarus_corpus.ingest import IngestOptions
from helpers import ARTICLE, MakeCorpus, tree


def annotated(make_corpus: MakeCorpus) -> Corpus:
    corpus = make_corpus({"alpha.txt": ARTICLE, "beta.txt": ARTICLE.replace("Nearly 40", "About 52 😀")})
    add_span(corpus, "alpha", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed",
             attributes=["checkworthiness=high", "value=40"])
    add_span(corpus, "alpha", layer="hedge", type_="approximator", quote="Nearly")
    add_span(corpus, "beta", layer="artifact", type_="boilerplate", quote="Follow us on Telegram and X")
    add_span(corpus, "beta", layer="stance", type_="against", quote="Critics warn the thaw may not last",
             attributes=["target=us-belarus-rapprochement", "holder=critics"])
    return corpus


def test_build_loads_with_declared_features(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = annotated(make_corpus)
    result = corpus.build(tmp_path / "out")
    assert result.counts["documents"]["train"] == 2 and result.counts["spans"]["train"] == 4
    cache = str(tmp_path / "cache")
    for config in ("documents", "paragraphs", "spans", "tokens"):
        loaded = load_config(result.out, config, cache)["train"]
        assert loaded.features == features_for(config, corpus.taxonomy)
    documents = load_config(result.out, "documents", cache)["train"]
    spans = load_config(result.out, "spans", cache)["train"]
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    for row in spans:
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]
    layer_names = spans.features["layer"].names
    assert sorted(layer_names[i] for i in spans["layer"]) == ["artifact", "claim", "hedge", "stance"]
    assert spans.filter(lambda r: r["attributes"]["value"] == "40").num_rows == 1


def test_pyarrow_reads_exact_types(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = annotated(make_corpus)
    result = corpus.build(tmp_path / "out")
    table = pq.read_table(next((result.out / "data" / "documents").glob("*.parquet")))
    assert str(table.schema.field("n_chars").type) == "int32"
    assert str(table.schema.field("language_probability").type) == "float"
    assert b"huggingface" in table.schema.metadata
    versions = json.loads(table.schema.metadata[b"belarus_corpus"])
    assert versions["dataset_version"] == "0.0.0"


def test_builds_are_byte_identical(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = annotated(make_corpus)
    first = corpus.build(tmp_path / "one", incremental=False).out
    second = corpus.build(tmp_path / "two", incremental=False).out
    assert tree(first) == tree(second)


def test_rebuild_after_raw_edit_changes_only_that_row(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = annotated(make_corpus)
    out = corpus.build(tmp_path / "out").out
    before = pq.read_table(next((out / "data" / "documents").glob("*.parquet"))).to_pylist()
    newer = tmp_path / "beta-v2.txt"
    newer.write_text(ARTICLE.replace("Envoy visits", "Envoy returns to"), encoding="utf-8")
    corpus.ingest([newer], IngestOptions(replace="beta"))
    reanchor_documents(corpus, ["beta"])  # build refuses stale anchors (#15 item 4)
    corpus.build(out)
    after = pq.read_table(next((out / "data" / "documents").glob("*.parquet"))).to_pylist()
    changed = [b["doc_id"] for b, a in zip(before, after, strict=True) if a != b]
    assert changed == ["beta"]


def test_incremental_build_reuses_unchanged_shards(make_corpus: MakeCorpus, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from belarus_corpus.build import shards

    monkeypatch.setattr(shards, "DOCS_PER_SHARD", 1)
    monkeypatch.setattr(shards, "shard_index", lambda doc_id, count: ["alpha", "beta"].index(doc_id) % count)
    corpus = annotated(make_corpus)
    out = corpus.build(tmp_path / "out").out
    assert corpus.build(out).reused_shards == 2
    add_span(corpus, "alpha", layer="hedge", type_="reportative", quote="officials said")
    read = []
    document = Corpus.document
    monkeypatch.setattr(Corpus, "document", lambda self, doc_id: read.append(doc_id) or document(self, doc_id))
    result = corpus.build(out)
    assert result.reused_shards == 1
    assert read == ["alpha"]  # beta's facts come from its shard's footer, not from reading beta again
    full = corpus.build(tmp_path / "full", incremental=False)
    assert tree(out) == tree(full.out)
    assert result.facts == full.facts == corpus_facts(corpus)


@pytest.mark.parametrize("batch_rows", [256, 3])  # 3: row groups that mix kept and new rows
def test_a_changed_shard_keeps_the_rows_of_its_unchanged_documents(make_corpus: MakeCorpus, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   batch_rows: int) -> None:
    from belarus_corpus.build import writer

    monkeypatch.setattr(writer, "BATCH_ROWS", batch_rows)
    corpus = annotated(make_corpus)
    add_span(corpus, "beta", layer="hedge", type_="approximator", quote="bout")  # inside a token: a warning
    out = corpus.build(tmp_path / "out").out
    add_span(corpus, "alpha", layer="hedge", type_="reportative", quote="officials said")
    read = []
    document = Corpus.document
    monkeypatch.setattr(Corpus, "document", lambda self, doc_id: read.append(doc_id) or document(self, doc_id))
    result = corpus.build(out)
    assert result.reused_shards == 0 and read == ["alpha"]  # beta's rows, facts and warnings are kept
    full = corpus.build(tmp_path / "full", incremental=False)
    assert tree(out) == tree(full.out)
    assert result.facts == full.facts == corpus_facts(corpus)
    assert [p.render() for p in result.warnings] == [p.render() for p in full.warnings]
    assert [p.record_id for p in result.warnings] and all(p.file == "annotations/beta.jsonl" for p in result.warnings)


def test_each_document_has_an_entry_in_the_documents_footer(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    from belarus_corpus.build.shards import DOCUMENTS_KEY

    corpus = annotated(make_corpus)
    out = corpus.build(tmp_path / "out").out
    path = next((out / "data" / "documents").glob("*.parquet"))
    entries = json.loads(pq.read_metadata(path).metadata[DOCUMENTS_KEY.encode()])
    assert [e["doc_id"] for e in entries] == ["alpha", "beta"]
    assert [e["rows"]["spans"] for e in entries] == [2, 2] and [e["rows"]["tokens"] for e in entries] == [1, 1]
    assert [e["facts"]["documents"][0]["doc_id"] for e in entries] == ["alpha", "beta"]
    assert DOCUMENTS_KEY.encode() not in (pq.read_schema(path).metadata or {})  # readers of the rows do not get it


def test_split_by_document_is_deterministic(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = annotated(make_corpus)
    one = corpus.build(tmp_path / "a", split_by_document="7:0.5:0.5")
    two = corpus.build(tmp_path / "b", split_by_document="7:0.5:0.5")
    assert one.counts == two.counts
    assert sum(one.counts["documents"].values()) == 2


def test_every_config_has_a_file(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"alpha.txt": ARTICLE})
    result = corpus.build(tmp_path / "out")
    for config in CONFIGS:
        assert list((result.out / "data" / config).glob("*.parquet")), config
