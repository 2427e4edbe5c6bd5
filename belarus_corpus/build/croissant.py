"""``croissant.json``: Croissant 1.1 metadata with the Responsible-AI (RAI 1.0) vocabulary.

One RecordSet per config, its fields typed from the features (ClassLabel fields are ``sc:Integer`` indices,
with their names in an ``sc:Enumeration`` RecordSet), one FileObject with SHA-256 per Parquet file, and one
FileObject per raw source file for provenance (original name and SHA-256; those files are not in the build).
The output has sorted keys and no clock time: ``datePublished`` is written only when SOURCE_DATE_EPOCH is set.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checksums import file_sha256
from .features import CONFIGS, features_for

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .result import BuildResult

CROISSANT = "croissant.json"
CROISSANT_1_1 = "http://mlcommons.org/croissant/1.1"
RAI_1_0 = "http://mlcommons.org/croissant/RAI/1.0"
PARQUET = "application/x-parquet"
SPLIT_URLS = {"train": "cr:TrainingSplit", "validation": "cr:ValidationSplit", "test": "cr:TestSplit"}
SPLIT_REGEX = r"^(?:.*/)?([A-Za-z0-9_]+)-\d{5}-of-\d{5}(?:-[A-Za-z0-9_-]+)?\.parquet$"
DATA_TYPES = {"string": "sc:Text", "large_string": "sc:Text", "int32": "cr:Int32", "int64": "cr:Int64",
              "float32": "cr:Float32", "float64": "cr:Float64", "bool": "sc:Boolean"}
SPDX = "https://spdx.org/licenses/{}.html"

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
    from . import facts_text as f
    from .card import PRETTY_NAME, citation
    from .facts import corpus_facts, package_summary, release_settings

    if result.facts is None:
        result.facts = corpus_facts(corpus)
    facts = result.facts
    settings = release_settings(corpus)
    summary, author = package_summary()
    labels = _label_sets(corpus)
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": [CROISSANT_1_1, RAI_1_0],
        "name": PRETTY_NAME,
        "description": " ".join(part for part in (summary, f.summary_sentence(facts)) if part),
        "version": result.dataset_version,
        "creator": {"@type": "sc:Organization", "name": author},
        "license": _licences(facts, settings),
        "citeAs": citation(result.dataset_version, settings),
        "inLanguage": sorted(code for code in facts["languages"] if code and code != "None"),
        "keywords": sorted({"news", "annotation", *facts["layers"]}),
        "distribution": _distribution(staging, result, facts),
        "recordSet": [*(_record_set(corpus, config, result, labels, facts) for config in CONFIGS),
                      _splits_record_set(result), *(_enumeration(rid, names, users)
                                                     for rid, (names, users) in sorted(labels.items()))],
        "rai:dataCollection": _data_collection(facts),
        "rai:dataCollectionRawData": " ".join(f.provenance_items(facts)),
        "rai:dataCollectionMissingData": _missing_data(facts),
        "rai:dataPreprocessingProtocol": _preprocessing(facts),
        "rai:dataAnnotationProtocol": f.annotation_items(facts),
        "rai:dataAnnotationPlatform": ["belarus-corpus annotation commands (annotate, review) of the belarus-corpus "
                                       "package; spans are stored as JSON lines in annotations/"],
        "rai:dataAnnotationAnalysis": [_annotation_analysis(facts), *_measured(corpus, facts)],
        "rai:annotationsPerItem": _annotations_per_item(facts),
        "rai:annotatorDemographics": ["Not recorded: the data hold an annotator id per annotation ("
                                      + (", ".join(facts["spans"]["by_annotator"]) or "none yet")
                                      + ") and nothing about who the annotators are."],
        "rai:machineAnnotationTools": sorted(m for m in facts["spans"]["by_method_version"] if m.startswith("rule:"))
        or ["none: no span in this release was proposed by a detector"],
        "rai:dataUseCases": _use_cases(facts),
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
    from .card import parquet_files

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


def _distribution(staging: Path, result: BuildResult, facts: dict[str, Any]) -> list[dict[str, Any]]:
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
    for doc in facts["per_document"]:
        unknown = "; ".join(f"{name}: {reason}" for name, reason in doc["unknown"].items())
        items.append({
            "@type": "cr:FileObject", "@id": f"raw/{doc['doc_id']}", "name": doc["original_file_name"],
            "contentUrl": f"raw/{doc['doc_id']}.txt", "contentSize": f"{doc['raw_bytes']} B",
            "encodingFormat": "text/plain", "sha256": doc["raw_sha256"],
            "description": f"Raw source file of document {doc['doc_id']} as delivered (original name "
                           f"{doc['original_file_name']}). Kept in the corpus repository's raw/ folder for "
                           "provenance, not in this build; its normalized text is the `text` column of the "
                           "documents config." + (f" Unknown: {unknown}." if unknown else ""),
        })
    return items


# --------------------------------------------------------------------------------------------------------------
# Record sets


def _label_sets(corpus: CorpusReader) -> dict[str, tuple[list[str], list[str]]]:
    """Enumeration id → (names, fields using it), one per distinct list of ClassLabel names."""
    by_names: dict[tuple[str, ...], str] = {}
    sets: dict[str, tuple[list[str], list[str]]] = {}
    for config in CONFIGS:
        for path, feature in _class_labels(features_for(config, corpus.taxonomy)):
            names = tuple(feature.names)
            field_id = f"{config}/{path}"
            if names not in by_names:
                by_names[names] = "labels-" + path.replace("/", "-")
                if by_names[names] in sets:
                    by_names[names] = f"labels-{config}-{path.replace('/', '-')}"
                sets[by_names[names]] = (list(names), [])
            sets[by_names[names]][1].append(field_id)
    return sets


def _class_labels(features: Any, prefix: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name, feature in features.items():
        inner = feature.feature if type(feature).__name__ == "List" else feature
        if type(inner).__name__ == "ClassLabel":
            found.append((f"{prefix}{name}", inner))
        elif isinstance(inner, dict):
            found += _class_labels(inner, f"{prefix}{name}/")
    return found


def _enumeration_of(field_id: str, labels: dict[str, tuple[list[str], list[str]]]) -> str | None:
    return next((rid for rid, (_, users) in labels.items() if field_id in users), None)


def _record_set(corpus: CorpusReader, config: str, result: BuildResult,
                labels: dict[str, tuple[list[str], list[str]]], facts: dict[str, Any]) -> dict[str, Any]:
    from .card import CONFIG_DESCRIPTIONS, describe_field

    features = features_for(config, corpus.taxonomy)
    source = {"fileSet": {"@id": f"parquet-{config}"}}
    fields = []
    for name, feature in features.items():
        description = describe_field(config, name)
        fields.append(_field(f"{config}/{name}", name, feature, description, source, labels, column=name))
    if "split" not in features:  # documents carry their split as a column
        fields.append({
            "@type": "cr:Field", "@id": f"{config}/split", "name": "split", "dataType": "sc:Text",
            "description": "The split, from the Parquet file's name (see the splits record set).",
            "source": {**source, "extract": {"fileProperty": "fullpath"}, "transform": {"regex": SPLIT_REGEX}},
        })
    rows = sum(result.counts.get(config, {}).values())
    record_set: dict[str, Any] = {
        "@type": "cr:RecordSet", "@id": config, "name": config,
        "description": f"{CONFIG_DESCRIPTIONS.get(config, config)}; {rows} rows in this version.",
        "field": fields,
    }
    if config == "documents":
        record_set["prov:wasDerivedFrom"] = [{"@id": f"raw/{d['doc_id']}"} for d in facts["per_document"]]
    return record_set


def _field(field_id: str, name: str, feature: Any, description: str, source: dict[str, Any],
           labels: dict[str, tuple[list[str], list[str]]], column: str, json_path: str | None = None) -> dict[str, Any]:
    kind = type(feature).__name__
    node: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": name}
    inner = feature.feature if kind == "List" else feature
    if kind == "List":
        node["isArray"] = True
        node["arrayShape"] = "-1"
    if isinstance(inner, dict):
        node["description"] = description or f"The {name} structure."
        node["subField"] = [
            _field(f"{field_id}/{key}", key, sub, "", source, labels, column,
                   f"{json_path}.{key}" if json_path else key)
            for key, sub in inner.items()
        ]
        return node
    node["dataType"] = _data_type(inner)
    if type(inner).__name__ == "ClassLabel":
        enumeration = _enumeration_of(field_id, labels) or ""
        names = ", ".join(f"{i} {n}" for i, n in enumerate(inner.names))
        description = (f"{description} " if description else "") + (
            f"ClassLabel index into the {enumeration} enumeration: {names}.")
    if description:
        node["description"] = description
    node["source"] = {**source, "extract": {"column": column}}
    if json_path:
        node["source"]["transform"] = {"jsonPath": json_path}
    return node


def _data_type(feature: Any) -> str:
    kind = type(feature).__name__
    if kind == "ClassLabel":
        return "sc:Integer"
    if kind == "Value":
        return DATA_TYPES.get(str(feature.dtype), "sc:Text")
    return "sc:Text"


def _splits_record_set(result: BuildResult) -> dict[str, Any]:
    names = sorted({split for counts in result.counts.values() for split in counts})
    other = [name for name in names if name not in SPLIT_URLS]
    return {
        "@type": "cr:RecordSet", "@id": "splits", "name": "splits", "dataType": "cr:Split",
        "description": "The standard splits of this build. " + (
            f"Also present, with no standard meaning: {', '.join(other)} (cross-document relations of a build split "
            "by document)." if other else ""),
        "key": {"@id": "splits/name"},
        "field": [{"@type": "cr:Field", "@id": "splits/name", "name": "name", "dataType": "sc:Text"},
                  {"@type": "cr:Field", "@id": "splits/url", "name": "url", "dataType": "sc:URL"}],
        "data": [{"splits/name": name, "splits/url": SPLIT_URLS[name]} for name in names if name in SPLIT_URLS],
    }


def _enumeration(rid: str, names: list[str], users: list[str]) -> dict[str, Any]:
    return {
        "@type": "cr:RecordSet", "@id": rid, "name": rid, "dataType": "sc:Enumeration",
        "description": "Names of the ClassLabel indices of " + ", ".join(users) + ".",
        "key": {"@id": f"{rid}/index"},
        "field": [{"@type": "cr:Field", "@id": f"{rid}/index", "name": "index", "dataType": "sc:Integer"},
                  {"@type": "cr:Field", "@id": f"{rid}/name", "name": "name", "dataType": "sc:Text"}],
        "data": [{f"{rid}/index": index, f"{rid}/name": name} for index, name in enumerate(names)],
    }


# --------------------------------------------------------------------------------------------------------------
# RAI texts


def _licences(facts: dict[str, Any], settings: dict[str, Any]) -> list[Any]:
    from .facts_text import licence_items

    annotations = str(settings["annotations_licence"])
    items: list[Any] = [SPDX.format(annotations) if annotations not in ("unspecified", "") else annotations]
    texts = facts["sources"]["licence"]
    if texts["unknown"] or texts["values"] != [annotations]:
        items.append({"@type": "sc:CreativeWork", "name": "Article texts: licences unknown" if texts["unknown"]
                      else "Article texts: own licences", "description": " ".join(licence_items(facts, settings))})
    return items


def _data_collection(facts: dict[str, Any]) -> str:
    n = facts["documents"]
    return (f"{n} article texts delivered to the project as plain-text files; how and "
            "where they were collected before that is not recorded. Each file was ingested as is: its bytes, "
            "original name and SHA-256 are kept, its text normalized, its paragraphs and language detected, and "
            "what is known and unknown about its source recorded in a provenance file. Detected languages: "
            + ", ".join(f"{code} {count}" for code, count in facts["languages"].items()) + ".")


def _missing_data(facts: dict[str, Any]) -> str:
    n = facts["documents"]
    parts = [f"{name}: unknown for {source['unknown']} of {n}" for name, source in facts["sources"].items()
             if source["unknown"]]
    return ("Source metadata missing per field (null in the data, with the reason in `unknown`): "
            + "; ".join(parts) + ".") if parts else "No source metadata is missing."


def _preprocessing(facts: dict[str, Any]) -> list[str]:
    from .tokens import TOKENIZER

    return [
        "Text normalization, recorded per document with the count of changes per step: "
        + ", ".join(facts["normalization"]) + ". All offsets index the normalized text.",
        "Paragraph segmentation with rule-based roles (title, byline, heading, body, list, table, faq, "
        "boilerplate) and verbatim-duplicate links; nothing is removed.",
        "Language detection per document and paragraph: " + ", ".join(facts["language_detectors"]) + ".",
        f"Tokenization {TOKENIZER} and BIO tags from gold spans for the tokens config.",
    ]


def _annotation_analysis(facts: dict[str, Any]) -> str:
    several = facts["spans"]["positions_with_several_annotators"]
    if not facts["spans"]["total"]:
        return "No annotations yet; nothing to analyse."
    return (f"{several} annotated positions carry spans from more than one annotator. Rejected and unreviewed "
            "records are kept with their "
            "status: " + ", ".join(f"{k} {v}" for k, v in facts["spans"]["by_status"].items()) + ".")


def _measured(corpus: CorpusReader, facts: dict[str, Any]) -> list[str]:
    from ..annotate.agreement_summary import agreement_sentence

    sentence = agreement_sentence(corpus, facts["spans"]["by_annotator"])
    return [sentence] if sentence else []


def _annotations_per_item(facts: dict[str, Any]) -> str:
    from ..annotate.agreement_summary import passes

    spans = facts["spans"]
    if not spans["total"]:
        return "0: no annotations yet."
    names = passes(spans["by_annotator"])
    if len(names) > 1:
        return (f"{len(names)} independent passes ({', '.join(names)}), each span a record of its own annotator; "
                f"{spans['total']} spans over {facts['documents']} documents.")
    return (f"One annotator per span ({spans['positions_with_several_annotators']} positions annotated by more "
            f"than one); {spans['total']} spans over {facts['documents']} documents.")


def _use_cases(facts: dict[str, Any]) -> list[str]:
    layers = ", ".join(facts["layers"])
    return [f"Research and evaluation on span extraction and classification for the {layers} layers, hedge-claim "
            "linking and cross-article claim comparison.",
            f"With {facts['documents']} documents and {facts['spans']['by_status'].get('gold', 0)} gold spans: "
            "qualitative analysis and small-scale evaluation, not model training."]
