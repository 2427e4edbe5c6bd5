"""What ML and SQL users rely on (#17): honest card metadata, Croissant references and keys, label names in
SQL, the scorecard in the card, and empty configs that read as zero typed rows."""

from __future__ import annotations

import json
from pathlib import Path

from belarus_corpus import Corpus
from belarus_corpus.build.features import features_for
from helpers import ARTICLE, MakeCorpus


def test_card_claims_only_what_the_data_have(annotated: tuple[Corpus, Path]) -> None:
    from huggingface_hub import DatasetCard

    corpus, out = annotated
    data = DatasetCard.load(out / "README.md").data.to_dict()
    assert data["task_categories"] == ["token-classification"] and not data.get("task_ids")
    assessments = [corpus.document(d).provenance.get("assessments", {}) for d in corpus.doc_ids()]
    creators = set(data["language_creators"])
    assert "found" in creators
    assert ("machine-generated" in creators) == any("machine_generated" in a for a in assessments)
    assert ("other" in creators) == any("translated_from" in a for a in assessments)
    text = (out / "README.md").read_text(encoding="utf-8")
    assert "### Detector scorecard" in text and "| Detector | Layer |" in text
    assert "### Splits" in text and "metadata/splits.json" in text
    import belarus_corpus.build as build_package

    sources = sorted(Path(build_package.__file__).parent.glob("*.py"))
    assert sources and not any("._to_yaml" in p.read_text(encoding="utf-8") for p in sources)  # no private API


def test_croissant_labels_reference_their_sets_and_keys_are_declared(annotated: tuple[Corpus, Path]) -> None:
    _, out = annotated
    document = json.loads((out / "croissant.json").read_text(encoding="utf-8"))
    sets = {rs["@id"]: rs for rs in document["recordSet"]}

    def fields(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
        found = []
        for node in nodes:
            found.append(node)
            found += fields(node.get("subField", []))  # type: ignore[arg-type]
        return found

    all_ids = {f["@id"] for rs in sets.values() for f in fields(rs.get("field", []))}
    type_field = next(f for f in sets["spans"]["field"] if f["@id"] == "spans/type")
    assert type_field["references"] == {"field": {"@id": "labels-type/index"}}
    labelled = [f for rs in sets.values() for f in fields(rs.get("field", [])) if "ClassLabel index" in
                str(f.get("description", ""))]
    assert labelled and all(f["references"]["field"]["@id"] in all_ids for f in labelled)  # type: ignore[index]
    assert sets["documents"]["key"] == {"@id": "documents/doc_id"}
    assert sets["spans"]["key"] == {"@id": "spans/id"}
    doc_id = next(f for f in sets["spans"]["field"] if f["@id"] == "spans/doc_id")
    assert doc_id["references"] == {"field": {"@id": "documents/doc_id"}}
    assert not any(str(item.get("contentUrl", "")).startswith("raw/") for item in document["distribution"])


def test_sql_users_get_label_names_from_the_labels_config(annotated: tuple[Corpus, Path]) -> None:
    import duckdb

    corpus, out = annotated
    rows = duckdb.sql(f"""
        SELECT s.id, l.name FROM read_parquet('{out}/data/spans/*.parquet') s
        JOIN read_parquet('{out}/data/labels/*.parquet') l
          ON l.config = 'spans' AND l.field = 'type' AND l.index = s.type
        ORDER BY s.id""").fetchall()
    names = features_for("spans", corpus.taxonomy)["type"].names
    plain = duckdb.sql(f"SELECT id, type FROM read_parquet('{out}/data/spans/*.parquet') ORDER BY id").fetchall()
    assert rows and rows == [(span_id, names[index]) for span_id, index in plain]


def test_an_empty_config_reads_as_zero_typed_rows(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    import duckdb

    from belarus_corpus.build.loading import load_config

    corpus = make_corpus({"alpha.txt": ARTICLE})  # no relations at all
    out = corpus.build(tmp_path / "out").out
    streamed = load_config(out, "relations", str(tmp_path / "cache"), streaming=True)
    assert list(streamed) == ["train"]
    assert streamed["train"].features == features_for("relations", corpus.taxonomy)
    assert list(streamed["train"]) == []
    types = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out}/data/relations/*.parquet')").fetchall()
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/data/relations/*.parquet')").fetchall() == [(0,)]
    assert [name for name, *_ in types] == list(features_for("relations", corpus.taxonomy))
