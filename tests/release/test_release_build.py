"""A build is reproducible, loads with ``datasets`` offline, and its card and Croissant file are valid and true."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_corpus import Corpus
from belarus_corpus.build.checksums import file_sha256
from belarus_corpus.build.features import CONFIGS, features_for
from helpers import tree


def _parquet_rows(folder: Path, config: str, split: str | None = None) -> int:
    import pyarrow.parquet as pq

    pattern = f"{split}-*.parquet" if split else "*.parquet"
    return sum(pq.ParquetFile(str(p)).metadata.num_rows for p in (folder / "data" / config).glob(pattern))


def test_builds_are_byte_identical(seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    other = tmp_path / "elsewhere" / "corpus"
    shutil.copytree(seed_corpus.root, other)
    first = seed_corpus.build(tmp_path / "a" / "belarus-corpus").out
    second = Corpus(other).build(tmp_path / "b" / "out", incremental=False).out
    assert tree(first) == tree(second)
    assert "datePublished" not in json.loads((first / "croissant.json").read_text(encoding="utf-8"))

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    third = seed_corpus.build(tmp_path / "c" / "belarus-corpus").out
    fourth = Corpus(other).build(tmp_path / "d" / "belarus-corpus").out
    assert tree(third) == tree(fourth)
    dated = json.loads((third / "croissant.json").read_text(encoding="utf-8"))
    assert dated["datePublished"] == "2026-01-01"
    # The date reaches the metadata only; the data files do not change.
    parquet = {name: data for name, data in tree(first).items() if name.endswith(".parquet")}
    assert parquet and parquet == {n: d for n, d in tree(third).items() if n.endswith(".parquet")}


def test_every_nonempty_config_loads_offline_with_the_declared_features(annotated: tuple[Corpus, Path],
                                                                       tmp_path: Path) -> None:
    import datasets

    corpus, out = annotated
    loaded = 0
    for config in CONFIGS:
        if not _parquet_rows(out, config):
            continue
        data = datasets.load_dataset(str(out), config, cache_dir=str(tmp_path / "cache"))
        for split, part in data.items():
            assert part.features == features_for(config, corpus.taxonomy), (config, split)
            assert part.num_rows == _parquet_rows(out, config, split)
        loaded += 1
    assert loaded == len(CONFIGS)


def test_card_metadata_passes_huggingface_hub_and_matches_the_build(annotated: tuple[Corpus, Path]) -> None:
    from datasets.info import DatasetInfosDict
    from huggingface_hub import DatasetCard

    from belarus_corpus.build.card_fields import undescribed_fields
    from belarus_corpus.build.card_metadata import ALLOWED

    corpus, out = annotated
    card = DatasetCard.load(out / "README.md")
    data = card.data.to_dict()
    for name, allowed in ALLOWED.items():
        values = data[name] if isinstance(data[name], list) else [data[name]]
        assert values and set(values) <= allowed, name
    # Every text's licence is unknown: the Hub's `unknown`, not `other` with a link to the card itself (#17).
    assert data["license"] == "unknown" and "license_link" not in data
    assert data["language"] == ["en"]
    assert data["pretty_name"] == "belarus-corpus"
    largest = max(_parquet_rows(out, config) for config in CONFIGS)  # the spans config: every annotator's records
    assert data["task_categories"] and data["size_categories"] == ["n<1K" if largest < 1000 else "1K<n<10K"]
    configs = {c["config_name"]: c for c in data["configs"]}
    assert list(configs) == list(CONFIGS)
    assert [name for name, c in configs.items() if c.get("default")] == ["documents"]
    infos = DatasetInfosDict.from_dataset_card_data(card.data)
    for config in CONFIGS:
        assert infos[config].features == features_for(config, corpus.taxonomy)
        for split, info in infos[config].splits.items():
            assert info.num_examples == _parquet_rows(out, config, split)
            assert info.num_bytes == sum(p.stat().st_size for p in (out / "data" / config).glob(f"{split}-*"))
    assert undescribed_fields(corpus) == []


def test_card_states_the_computed_facts(annotated: tuple[Corpus, Path]) -> None:
    corpus, out = annotated
    text = (out / "README.md").read_text(encoding="utf-8")
    version = (corpus.root / "DATASET_VERSION").read_text(encoding="utf-8").strip()
    provenance = [corpus.document(doc_id).provenance for doc_id in corpus.doc_ids()]
    n = len(provenance)
    assert f"Dataset version **{version}**" in text
    assert f"{n} articles" in text
    # Provenance as recorded: unknown publishers are said to be unknown; assessments are reported.
    if not any(p["source"].get("publisher") for p in provenance):
        assert f"Publisher: unknown for all {n} documents" in text
    translated = sorted(p["doc_id"] for p in provenance if "translated_from" in p.get("assessments", {}))
    machine = sorted(p["doc_id"] for p in provenance if "machine_generated" in p.get("assessments", {}))
    assert f"{len(translated)} articles of {n} read as translations" in text
    assert all(doc_id in text for doc_id in translated + machine)
    assert f"{len(machine)} article of {n} appears machine-written" in text
    # The cross-document table comes from clustered gold claims (the fixture plants a disagreeing cluster).
    assert "Articles disagree on figures" in text
    assert re.search(r"\| `political-prisoners-held` \| quantity \| `002_78f193878130a4b8` \| 1100-1300 \|"
                     r".*\| \*\*differ\*\* \(2 values\) \|", text)
    assert re.search(r"\| `prisoners-freed-september` \| quantity \| `004_c31f13c431a41b4e` \| 52 \|.*\| same \|",
                     text)
    # The licence section says what unknown means; the annotation process claims nothing the data do not say.
    assert f"the licence is unknown for all {n} articles" in text and "no permission to redistribute" in text
    for claim in ("expert", "crowd", "adjudicated by"):
        assert claim not in text.lower()
    for config in CONFIGS:  # one example row per config, from its first split with rows (#17: documents are split)
        assert re.search(rf"`{config}` \((train|validation|test|labels)\):", text), config


def test_card_python_examples_run_against_the_build(annotated: tuple[Corpus, Path], tmp_path: Path) -> None:
    _, out = annotated
    text = (out / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3
    script = tmp_path / "examples.py"
    script.write_text("\n\n".join(blocks), encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
           "HF_DATASETS_CACHE": str(tmp_path / "cache"), "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    ran = subprocess.run([sys.executable, str(script)], cwd=out.parent.parent, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert "gold spans" in ran.stdout


def test_croissant_validates_and_every_record_set_loads(annotated: tuple[Corpus, Path]) -> None:
    import mlcroissant as mlc

    corpus, out = annotated
    path = out / "croissant.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["conformsTo"] == ["http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"]
    assert document["version"] == (corpus.root / "DATASET_VERSION").read_text(encoding="utf-8").strip()
    for key in ("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:dataLimitations", "rai:dataBiases",
                "rai:personalSensitiveInformation", "rai:dataReleaseMaintenancePlan"):
        assert document[key], key
    files = {item["@id"]: item for item in document["distribution"] if item["@type"] == "cr:FileObject"}
    for parquet in sorted(out.rglob("*.parquet")):
        assert files[parquet.relative_to(out).as_posix()]["sha256"] == file_sha256(parquet)
    # Exactly the files in the build (#17: no raw/*.txt, which are not in it); each exists with its checksum.
    assert set(files) == {p.relative_to(out).as_posix() for p in out.rglob("*.parquet")}

    dataset = mlc.Dataset(jsonld=path)
    assert not dataset.metadata.ctx.issues.errors
    record_sets = [record_set.uuid for record_set in dataset.metadata.record_sets]
    assert set(CONFIGS) <= set(record_sets)
    for record_set in record_sets:
        records = list(dataset.records(record_set=record_set))
        if record_set in CONFIGS:
            assert len(records) == _parquet_rows(out, record_set), record_set
            splits = {r.get(f"{record_set}/split", b"labels") for r in records}  # labels: one lookup table (#17)
            assert splits <= ({b"labels"} if record_set == "labels" else {b"train", b"validation", b"test"})
        else:
            assert records, record_set
    types = corpus.taxonomy
    names = [r["labels-type/name"] for r in dataset.records(record_set="labels-type")]
    assert names == features_for("spans", types)["type"].names
