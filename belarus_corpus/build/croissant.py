"""``croissant.json``: Croissant 1.1 metadata with the Responsible-AI (RAI 1.0) vocabulary.

One RecordSet per config (``croissant_records.py``: keys, foreign keys to ``documents/doc_id``, ClassLabel
indices that reference their ``sc:Enumeration`` label sets), one FileObject with SHA-256 per Parquet file of the
build and nothing else (the raw files are not in the build: their names and SHA-256 are columns of the
documents config), and the RAI texts (``croissant_rai.py``).
The output has sorted keys and no clock time: ``datePublished`` is written only when SOURCE_DATE_EPOCH is set.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checksums import file_sha256
from .features import CONFIGS

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .result import BuildResult

CROISSANT = "croissant.json"
CROISSANT_1_1 = "http://mlcommons.org/croissant/1.1"
RAI_1_0 = "http://mlcommons.org/croissant/RAI/1.0"
PARQUET = "application/x-parquet"

# Croissant 1.1's recommended JSON-LD context (specification, appendix 1), plus the RAI and PROV-O prefixes.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "annotation": "cr:annotation",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "excludes": "cr:excludes",
    "extract": "cr:extract",
    "field": "cr:field",
    "fileObject": "cr:fileObject",
    "fileProperty": "cr:fileProperty",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "readLines": "cr:readLines",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sdVersion": "cr:sdVersion",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
    "unArchive": "cr:unArchive",
    "value": "cr:value",
}


def write_croissant(corpus: CorpusReader, staging: Path, result: BuildResult) -> Path:
    target = staging / CROISSANT
    document = croissant_document(corpus, staging, result)
    target.write_text(dumps_sorted(document) + "\n", encoding="utf-8")
    return target


def dumps_sorted(document: dict[str, Any]) -> str:
    """``json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)``, the same text, with orjson (the
    standard encoder is pure Python when it indents: 5 % of an incremental build)."""
    import orjson

    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8")


def croissant_document(corpus: CorpusReader, staging: Path, result: BuildResult) -> dict[str, Any]:
    from ..versioning import POLICY
    from . import croissant_rai as rai
    from . import facts_text as f
    from .card import citation
    from .card_metadata import PRETTY_NAME
    from .croissant_records import enumeration, label_sets, record_set, splits_record_set
    from .facts import corpus_facts, package_summary, release_settings

    if result.facts is None:
        result.facts = corpus_facts(corpus)
    facts = result.facts
    settings = release_settings(corpus)
    summary, author = package_summary()
    labels = label_sets(corpus)
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": [CROISSANT_1_1, RAI_1_0],
        "name": PRETTY_NAME,
        "description": " ".join(part for part in (summary, f.summary_sentence(facts)) if part),
        "version": result.dataset_version,
        "creator": {"@type": "sc:Organization", "name": author},
        "license": rai.licences(facts, settings),
        "citeAs": citation(result.dataset_version, settings),
        "inLanguage": sorted(code for code in facts["languages"] if code and code != "None"),
        "keywords": sorted({"news", "annotation", *facts["layers"]}),
        "distribution": _distribution(staging, result),
        "recordSet": [*(record_set(corpus, config, result, labels) for config in CONFIGS),
                      splits_record_set(result), *(enumeration(rid, names, users)
                                                   for rid, (names, users) in sorted(labels.items()))],
        "rai:dataCollection": rai.data_collection(facts),
        "rai:dataCollectionRawData": " ".join(f.provenance_items(facts)),
        "rai:dataCollectionMissingData": rai.missing_data(facts),
        "rai:dataPreprocessingProtocol": rai.preprocessing(facts),
        "rai:dataAnnotationProtocol": f.annotation_items(facts),
        "rai:dataAnnotationPlatform": ["belarus-corpus annotation commands (annotate, review) of the belarus-corpus "
                                       "package; spans are stored as JSON lines in annotations/"],
        "rai:dataAnnotationAnalysis": [rai.annotation_analysis(facts), *rai.measured(corpus, facts)],
        "rai:annotationsPerItem": rai.annotations_per_item(facts),
        "rai:annotatorDemographics": ["Not recorded: the data hold an annotator id per annotation ("
                                      + (", ".join(facts["spans"]["by_annotator"]) or "none yet")
                                      + ") and nothing about who the annotators are."],
        "rai:machineAnnotationTools": sorted(m for m in facts["spans"]["by_method_version"] if m.startswith("rule:"))
        or ["none: no span in this release was proposed by a detector"],
        "rai:dataUseCases": rai.use_cases(facts),
        "rai:dataBiases": f.bias_items(facts),
        "rai:dataLimitations": f.limitation_items(facts),
        "rai:personalSensitiveInformation": f.personal_information_items(facts),
        "rai:dataReleaseMaintenancePlan": POLICY,
    }
    if settings.get("repo_id"):
        document["url"] = f"https://huggingface.co/datasets/{settings['repo_id']}"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        document["datePublished"] = datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")
    return document


# --------------------------------------------------------------------------------------------------------------
# Distribution


def _parquet_files(staging: Path, result: BuildResult) -> list[tuple[str, str, Path]]:
    from .card_metadata import parquet_files

    return [(config, split, path) for config in CONFIGS for split in sorted(result.counts.get(config, {}))
            for path in parquet_files(staging, config, split)]


def _rows(result: BuildResult, name: str, path: Path) -> int:
    """The file's rows, as the build wrote or copied it (else from its footer)."""
    if name not in result.file_rows:
        import pyarrow.parquet as pq

        result.file_rows[name] = int(pq.ParquetFile(str(path)).metadata.num_rows)
    return result.file_rows[name]


def _sha256(result: BuildResult, name: str, path: Path) -> str:
    """The file's SHA-256, computed once per build (the checksums reuse it)."""
    if name not in result.digests:
        result.digests[name] = file_sha256(path)
    return result.digests[name]


def _distribution(staging: Path, result: BuildResult) -> list[dict[str, Any]]:
    """A FileSet per config and a FileObject per Parquet file of the build: exactly the data files written."""
    items: list[dict[str, Any]] = []
    for config in CONFIGS:
        items.append({"@type": "cr:FileSet", "@id": f"parquet-{config}", "name": f"parquet-{config}",
                      "description": f"The Parquet files of the {config} config, one per split.",
                      "encodingFormat": PARQUET, "includes": f"data/{config}/*.parquet"})
    for config, split, path in _parquet_files(staging, result):
        relative = path.relative_to(staging).as_posix()
        items.append({"@type": "cr:FileObject", "@id": relative, "name": relative, "contentUrl": relative,
                      "contentSize": f"{path.stat().st_size} B", "encodingFormat": PARQUET,
                      "sha256": _sha256(result, relative, path),
                      "description": f"Part of the {split} split of the {config} config "
                                     f"({_rows(result, relative, path)} rows)."})
    return items


