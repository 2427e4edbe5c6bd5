"""The dataset card (``README.md`` of the build): YAML metadata the Hub reads, and the card's sections.

Every statement is computed: counts and provenance from the corpus (``build/facts.py``), sizes and example
rows from the Parquet files just written, fields from the features, the version history from CHANGELOG.md.
The card contains no path, clock time or machine name, so two builds of the same sources are byte-identical.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .features import CONFIGS, features_for
from .tokens import TOKENIZER

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .result import BuildResult

PRETTY_NAME = "belarus-corpus"
LOAD_PATH = "dist/belarus-corpus"
"""The folder the card's examples load: the default build folder, relative to the corpus root."""

# What the Hub accepts for the categorical metadata fields (huggingface_hub.DatasetCardData's documentation).
ALLOWED = {
    "annotations_creators": {"found", "crowdsourced", "expert-generated", "machine-generated", "no-annotation",
                             "other"},
    "language_creators": {"found", "crowdsourced", "expert-generated", "machine-generated", "other"},
    "multilinguality": {"monolingual", "multilingual", "translation", "other"},
    "size_categories": {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B",
                        "1B<n<10B", "10B<n<100B", "100B<n<1T", "n>1T", "other"},
    "source_datasets": {"original", "extended"},
}
SIZE_BOUNDS = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
               (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B")]

CONFIG_DESCRIPTIONS = {
    "documents": "one row per article: normalized text, paragraphs, provenance (source, unknowns, assessments)",
    "paragraphs": "one row per paragraph: offsets, rule-based role, verbatim-duplicate link, detected language",
    "spans": "one row per gold span, every layer: offsets into the document text, label, attributes, who/how/when",
    "relations": "one row per gold relation between two spans (within a document or across documents)",
    "review_spans": "one row per span record that is not gold: unreviewed suggestions, rejections, and the "
                    "independent passes' own records once a document is curated",
    "review_relations": "one row per relation record that is not gold (as review_spans)",
    "tokens": "one row per document: regex word tokens with offsets and one BIO tag sequence per layer "
              "(gold spans only)",
}

FIELD_DESCRIPTIONS = {
    "doc_id": "Document id (the raw file's stem); joins all configs.",
    "split": "The document's split (train, validation or test); every row of the document is in that split.",
    "fold": "The document's cross-validation fold (0 to k-1; metadata/splits.json).",
    "title": "The title paragraph's text, if the document has one.",
    "text": "Normalized text (Unicode NFC, LF newlines, no BOM or zero-width characters); all offsets index it.",
    "n_chars": "Length of `text` in code points.",
    "raw_sha256": "SHA-256 of the raw file as ingested.",
    "text_sha256": "SHA-256 of the normalized text (UTF-8) the offsets refer to.",
    "language": "Detected language code (langdetect, seed 0).",
    "language_probability": "Probability of the detected language.",
    "paragraphs": "Paragraph offsets, roles and duplicate links, as in the paragraphs config.",
    "original_file_name": "File name the raw text was delivered under.",
    "ingested_at": "When the raw file was ingested (UTC, from its provenance record).",
    "source": "Source metadata; null where unknown (see `unknown`).",
    "unknown": "Source fields that are unknown, each with the recorded reason.",
    "assessments": "Judgements about the document (e.g. translated, machine-written), with basis and assessor.",
    "normalization": "Normalization pipeline id.",
    "normalization_changes": "How many changes each normalization step made.",
    "index": "Paragraph number within the document, from 0.",
    "start": "Start offset (code points, inclusive) into the document's `text`.",
    "end": "End offset (code points, exclusive) into the document's `text`.",
    "role": "Paragraph role assigned by layout rules.",
    "duplicate_of": "Index of an earlier paragraph this one repeats verbatim, else null.",
    "id": "Stable record id.",
    "layer": "Annotation layer.",
    "prefix": "Up to 32 characters before the span, for re-anchoring.",
    "suffix": "Up to 32 characters after the span, for re-anchoring.",
    "attributes": "Layer attributes, null when not set.",
    "annotator": "Annotator id recorded with the annotation.",
    "method": "`manual`, `rule:<detector>@<version>` for machine proposals, or `import:<format>`.",
    "status": "gold (accepted), suggested (unreviewed proposal), rejected, or orphaned (text changed under it).",
    "created": "Date the annotation was created.",
    "guidelines_version": "Annotation guidelines version in force.",
    "note": "Free-text note.",
    "reviewed_by": "Who accepted or rejected a suggested span (null when it was never reviewed).",
    "edited": "True when a suggested span was changed (type, offsets or attributes) before it was accepted.",
    "head": "Id of the head span.",
    "tail": "Id of the tail span.",
    "head_doc": "Document of the head span.",
    "tail_doc": "Document of the tail span.",
    "cross_document": "Whether head and tail are in different documents.",
    "tokens": f"Tokens ({TOKENIZER}).",
    "token_starts": "Start offset of each token.",
    "token_ends": "End offset of each token.",
}
FIELD_DESCRIPTIONS_BY_CONFIG = {
    "paragraphs.text": "The paragraph's text (the document's `text[start:end]`).",
    "spans.text": "The span's text (the document's `text[start:end]`).",
    "spans.type": "Span type (unique across layers).",
    "relations.type": "Relation type.",
}
TAGS_DESCRIPTION = "BIO tags of the {layer} layer's gold spans, one per token."


# --------------------------------------------------------------------------------------------------------------
# YAML metadata


def card_metadata(corpus: CorpusReader, staging: Path, result: BuildResult, facts: dict[str, Any] | None = None,
                  settings: dict[str, Any] | None = None) -> dict[str, Any]:
    from .facts import corpus_facts, release_settings

    facts = facts if facts is not None else corpus_facts(corpus)
    settings = settings if settings is not None else release_settings(corpus)
    configs, infos = [], []
    for config in CONFIGS:
        splits = loadable_splits(result, config)
        configs.append({
            "config_name": config,
            **({"default": True} if config == "documents" else {}),
            "data_files": [{"split": s, "path": f"data/{config}/{s}-*.parquet"} for s in splits],
        })
        features = features_for(config, corpus.taxonomy)
        sizes = {s: _size(staging, config, s) for s in splits}
        infos.append({
            "config_name": config,
            "features": features._to_yaml_list(),
            "splits": [{"name": s, "num_bytes": sizes[s], "num_examples": result.counts[config][s]} for s in splits],
            "download_size": sum(sizes.values()),
            "dataset_size": sum(sizes.values()),
        })
    largest = max((sum(c.values()) for c in result.counts.values()), default=0)
    licences = facts["sources"]["licence"]
    licence = _licence_metadata(licences, settings)
    tasks, task_ids = _tasks(corpus)
    return {
        "pretty_name": PRETTY_NAME,
        **licence,
        "language": sorted(code for code in facts["languages"] if code and code != "None") or ["en"],
        "multilinguality": ["monolingual" if len(facts["languages"]) <= 1 else "multilingual"],
        "size_categories": [_size_category(largest)],
        "task_categories": tasks,
        "task_ids": task_ids,
        "annotations_creators": _annotation_creators(facts),
        "language_creators": ["found"],
        "source_datasets": ["original"],
        "tags": sorted({"croissant", "provenance", *facts["layers"]}),
        "configs": configs,
        "dataset_info": infos,
    }


def loadable_splits(result: BuildResult, config: str) -> list[str]:
    """The splits the card declares for a config: those with rows (``datasets`` cannot load a split without
    examples, and one such split makes the whole config fail); every split when the config has no rows at all."""
    counts: dict[str, int] = result.counts.get(config, {})
    return sorted(split for split, n in counts.items() if n) or sorted(counts)


def parquet_files(folder: Path, config: str, split: str) -> list[Path]:
    """The Parquet files of one split of one config (``<split>-NNNNN-of-NNNNN[-suffix].parquet``)."""
    return sorted(path for path in (folder / "data" / config).glob(f"{split}-*.parquet")
                  if re.fullmatch(rf"{re.escape(split)}-\d{{5}}-of-\d{{5}}(-[A-Za-z0-9_-]+)?\.parquet", path.name))


def _size(folder: Path, config: str, split: str) -> int:
    return sum(path.stat().st_size for path in parquet_files(folder, config, split))


def _size_category(rows: int) -> str:
    for bound, name in SIZE_BOUNDS:
        if rows < bound:
            return name
    return "n>1T" if rows > 10**12 else "other"


def _licence_metadata(licences: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """The texts' licences decide: one known licence for every text and the annotations → that id; else other."""
    annotations = str(settings["annotations_licence"]).lower()
    if licences["unknown"] == 0 and licences["values"] == [settings["annotations_licence"]]:
        return {"license": annotations}
    name = "unknown-text-licences" if licences["unknown"] else "mixed-text-licences"
    return {"license": "other", "license_name": name, "license_link": "README.md"}


def _tasks(corpus: CorpusReader) -> tuple[list[str], list[str]]:
    layers = set(corpus.taxonomy.layers)
    categories = ["token-classification"] if "tokens" in CONFIGS else []
    ids = []
    if layers & {"claim", "stance"}:
        categories.append("text-classification")
    if "claim" in layers:
        ids.append("fact-checking")
    return categories, ids


def _annotation_creators(facts: dict[str, Any]) -> list[str]:
    methods = set(facts["spans"]["by_method"]) | set(facts["relations"]["by_method"])
    if not methods:
        return ["no-annotation"]
    creators = set()
    for method in methods:
        creators.add("machine-generated" if method.startswith("rule:") else "other")
    return sorted(creators)


def check_card_data(data: Any) -> None:
    """Refuse metadata the Hub would reject: the categorical fields must use its values."""
    values = _as_dict(data)
    for name, allowed in ALLOWED.items():
        given = values.get(name)
        items = given if isinstance(given, list) else [given] if given else []
        wrong = [item for item in items if item not in allowed]
        if wrong:
            raise ValueError(f"dataset card: {name} has {wrong}; allowed: {sorted(allowed)}")
    if values.get("license") == "other" and not (values.get("license_name") and values.get("license_link")):
        raise ValueError("dataset card: license 'other' needs license_name and license_link")
    configs = values.get("configs") or []
    if sum(1 for c in configs if c.get("default")) != 1:
        raise ValueError("dataset card: exactly one config must be the default")


# --------------------------------------------------------------------------------------------------------------
# Sections


def render_card(corpus: CorpusReader, staging: Path, result: BuildResult) -> str:
    from huggingface_hub import DatasetCard, DatasetCardData

    from .facts import corpus_facts, release_settings

    if result.facts is None:
        result.facts = corpus_facts(corpus)
    facts = result.facts
    settings = release_settings(corpus)
    metadata = card_metadata(corpus, staging, result, facts, settings)
    data = DatasetCardData(**metadata)
    check_card_data(data)
    body = card_body(corpus, staging, result, facts, settings)
    text = f"---\n{data.to_yaml()}\n---\n\n{body}"
    card = DatasetCard(text)
    if _as_dict(card.data) != _as_dict(data):
        raise ValueError("dataset card: the YAML metadata does not read back as written")
    return text  # what str(card) gives once the metadata reads back (without dumping the YAML again)


def _as_dict(data: Any) -> dict[str, Any]:
    return dict(data.to_dict())


def card_body(corpus: CorpusReader, staging: Path, result: BuildResult, facts: dict[str, Any],
              settings: dict[str, Any]) -> str:
    from . import facts_text as f

    sections = [
        f"# {PRETTY_NAME}",
        f"Dataset version **{result.dataset_version}** · taxonomy {facts['taxonomy_version']} · annotation "
        f"guidelines {facts['guidelines_version']}",
        "## Dataset summary",
        _summary(facts),
        "## Supported tasks",
        _tasks_section(facts),
        "## Dataset structure",
        _structure(staging, result),
        "### Loading",
        _loading_examples(result),
        "### Example rows",
        _examples(staging, result),
        "### Data fields",
        _fields(corpus),
        "### Statistics",
        f.statistics_markdown(facts),
        "### Same event, different articles",
        "Gold claim spans that share the attribute `cluster` tell the same fact; the table shows what each "
        "article reports (the `value` attribute, else the quoted words).\n\n" + f.figures_markdown(facts),
        "## Dataset creation",
        "### Curation rationale",
        _rationale(facts),
        "### Source data",
        _source_data(facts),
        "### Who produced the texts",
        f.bullets(f.provenance_items(facts)),
        "### Annotation process",
        f.bullets([*f.annotation_items(facts), *_measured_agreement(corpus, facts)]),
        "### Personal and sensitive information",
        f.bullets(f.personal_information_items(facts)),
        "## Bias, risks and limitations",
        "### Biases",
        f.bullets(f.bias_items(facts)),
        "### Limitations",
        f.bullets(f.limitation_items(facts)),
        "## Licence",
        f.bullets(f.licence_items(facts, settings)),
        "## Citation",
        "```bibtex\n" + citation(result.dataset_version, settings) + "\n```",
        "## Versioning",
        _versioning(corpus, result.dataset_version),
    ]
    return "\n\n".join(sections) + "\n"


def _measured_agreement(corpus: CorpusReader, facts: dict[str, Any]) -> list[str]:
    from ..annotate.agreement_summary import agreement_sentence

    sentence = agreement_sentence(corpus, facts["spans"]["by_annotator"])
    return [sentence + " DATASHEET.md says what the figures mean and what share of the gold began as detector "
            "output."] if sentence else []


def _summary(facts: dict[str, Any]) -> str:
    from .facts import package_summary

    summary = package_summary()[0]
    lead = f"{summary.rstrip('.')}." if summary else ""
    return (f"{lead} {_first_upper(_summary_sentence(facts))} Every span points into the normalized text by "
            "code-point offsets and carries who made it, how, and its review status; every document carries what "
            "is known and unknown about its source.").strip()


def _summary_sentence(facts: dict[str, Any]) -> str:
    from .facts_text import summary_sentence

    return summary_sentence(facts)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tasks_section(facts: dict[str, Any]) -> str:
    lines = []
    for name, layer in facts["layers"].items():
        gold = facts["spans"]["gold_by_layer"].get(name, 0)
        lines.append(f"- **{name}** ({gold} gold spans): {layer['description']} Types: "
                     + ", ".join(f"`{t}`" for t in layer["types"]) + ".")
    lines.append("\nSpans can be used for span extraction and classification (spans config) or sequence "
                 "labelling (tokens config, BIO tags per layer); relations for linking hedges to claims and claims "
                 "across articles. No benchmark, baseline or leaderboard is defined.")
    return "\n".join(lines)


def _structure(staging: Path, result: BuildResult) -> str:
    lines = ["| Config | Contents | Split | Rows | Bytes |", "|---|---|---|---:|---:|"]
    for config in CONFIGS:
        for split, count in sorted(result.counts.get(config, {}).items()):
            default = " (default)" if config == "documents" else ""
            lines.append(f"| `{config}`{default} | {CONFIG_DESCRIPTIONS.get(config, '')} | {split} | {count} | "
                         f"{_size(staging, config, split):,} |")
    lines.append("\nFiles: `data/<config>/<split>-NNNNN-of-NNNNN.parquet` (zstd; cross-document relations in "
                 "`-cross-document` files), `croissant.json` (Croissant 1.1 "
                 "with the RAI vocabulary), `checksums.sha256` (SHA-256 of every other file). A config with 0 rows "
                 "cannot be loaded with `datasets` (it has nothing to load).")
    return "\n".join(lines)


def _nonempty(result: BuildResult, config: str) -> list[str]:
    return [split for split, count in sorted(result.counts.get(config, {}).items()) if count]


def _loading_examples(result: BuildResult) -> str:
    """Python examples; only for configs with rows, since ``datasets`` refuses an empty split."""
    split = (_nonempty(result, "documents") or ["train"])[0]
    blocks = [
        "Run from the corpus root (the build is `dist/belarus-corpus`), or replace the path by this folder's "
        "path or, once published, by the Hub repository id.",
        "```python\n"
        "from datasets import load_dataset\n\n"
        f"documents = load_dataset({json.dumps(LOAD_PATH)}, \"documents\", split={json.dumps(split)})\n"
        "print(documents.num_rows, documents[0][\"doc_id\"])\n"
        "paragraphs = documents[0][\"paragraphs\"]\n"
        "assert all(0 <= p[\"start\"] <= p[\"end\"] <= documents[0][\"n_chars\"] for p in paragraphs)\n"
        "```",
    ]
    spans_splits = _nonempty(result, "spans")
    if spans_splits:
        blocks.append(
            "Spans point into the document text; labels are `ClassLabel` indices:\n\n"
            "```python\n"
            "from datasets import load_dataset\n\n"
            f"spans = load_dataset({json.dumps(LOAD_PATH)}, \"spans\", split={json.dumps(spans_splits[0])})\n"
            f"documents = load_dataset({json.dumps(LOAD_PATH)}, \"documents\")\n"
            "texts = {row[\"doc_id\"]: row[\"text\"] for split in documents.values() for row in split}\n"
            "labels = {name: spans.features[name] for name in (\"layer\", \"type\", \"status\")}\n"
            "for row in spans.select(range(min(5, spans.num_rows))):\n"
            "    assert texts[row[\"doc_id\"]][row[\"start\"]:row[\"end\"]] == row[\"text\"]\n"
            "    print(*(labels[n].int2str(row[n]) for n in labels), repr(row[\"text\"]))\n"
            "gold = spans.filter(lambda row: row[\"status\"] == labels[\"status\"].str2int(\"gold\"))\n"
            "print(gold.num_rows, \"gold spans\")\n"
            "```")
    tokens_splits = _nonempty(result, "tokens")
    if tokens_splits:
        blocks.append(
            "BIO tags for sequence labelling, one sequence per layer:\n\n"
            "```python\n"
            "from datasets import load_dataset\n\n"
            f"tokens = load_dataset({json.dumps(LOAD_PATH)}, \"tokens\", split={json.dumps(tokens_splits[0])})\n"
            "names = tokens.features[\"claim_tags\"].feature.names\n"
            "row = tokens[0]\n"
            "tagged = [(token, names[tag]) for token, tag in zip(row[\"tokens\"], row[\"claim_tags\"])\n"
            "          if names[tag] != \"O\"]\n"
            "print(len(row[\"tokens\"]), \"tokens,\", len(tagged), \"tagged as claims\")\n"
            "```")
    return "\n\n".join(blocks)


def _examples(staging: Path, result: BuildResult) -> str:
    import pyarrow.parquet as pq

    blocks = ["The first row of each config as stored (`ClassLabel` fields are indices; long strings and lists "
              "are cut here, not in the data):"]
    for config in CONFIGS:
        splits = _nonempty(result, config)
        if not splits:
            blocks.append(f"`{config}`: no rows yet.")
            continue
        first = next(path for path in parquet_files(staging, config, splits[0])
                     if pq.ParquetFile(str(path)).metadata.num_rows)
        row = pq.ParquetFile(str(first)).read_row_group(0).slice(0, 1).to_pylist()[0]
        text = "{\n" + ",\n".join(f"  {json.dumps(key)}: {json.dumps(_shorten(value), ensure_ascii=False)}"
                                  for key, value in row.items()) + "\n}"
        blocks.append(f"`{config}` ({splits[0]}):\n\n```json\n{text}\n```")
    return "\n\n".join(blocks)


def _shorten(value: Any, limit: int = 100, items: int = 3) -> Any:
    if isinstance(value, str):
        return value if len(value) <= limit else f"{value[:limit]}… [{len(value)} characters]"
    if isinstance(value, list):
        head = [_shorten(v, limit, items) for v in value[:items]]
        return [*head, f"… [{len(value)} items]"] if len(value) > items else head
    if isinstance(value, dict):
        return {k: _shorten(v, limit, items) for k, v in value.items()}
    return value


def _fields(corpus: CorpusReader) -> str:
    blocks = []
    for config in CONFIGS:
        features = features_for(config, corpus.taxonomy)
        lines = [f"**{config}**", "", "| Field | Type | Description |", "|---|---|---|"]
        for name, feature in features.items():
            lines += _field_rows(name, feature, describe_field(config, name))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def describe_field(config: str, name: str) -> str:
    match = re.fullmatch(r"(.+)_tags", name)
    if match:
        return TAGS_DESCRIPTION.format(layer=match.group(1))
    from .features import REVIEW_OF

    config = REVIEW_OF.get(config, config)
    return FIELD_DESCRIPTIONS_BY_CONFIG.get(f"{config}.{name}") or FIELD_DESCRIPTIONS.get(name, "")


def undescribed_fields(corpus: CorpusReader) -> list[str]:
    """Top-level fields the card has no description for (a test keeps this empty)."""
    return [f"{config}.{name}" for config in CONFIGS for name in features_for(config, corpus.taxonomy)
            if not describe_field(config, name)]


def _field_rows(name: str, feature: Any, description: str) -> list[str]:
    rows = [f"| `{name}` | {_type_name(feature)} | {description} |"]
    inner = feature.feature if type(feature).__name__ == "List" else feature
    if isinstance(inner, dict):
        for key, value in inner.items():
            rows.append(f"| `{name}.{key}` | {_type_name(value)} | |")
    return rows


def _type_name(feature: Any) -> str:
    kind = type(feature).__name__
    if kind == "Value":
        return str(feature.dtype)
    if kind == "ClassLabel":
        names = feature.names
        shown = ", ".join(f"{i} {n}" for i, n in enumerate(names))
        return f"ClassLabel ({shown})"
    if kind == "List":
        return f"list of {_type_name(feature.feature)}"
    if isinstance(feature, dict):
        return "struct"
    return kind


def _rationale(facts: dict[str, Any]) -> str:
    layers = ", ".join(f"{name} ({layer['description'].rstrip('.').lower()})" for name, layer in
                       facts["layers"].items())
    return (f"The corpus exists to study how articles on one story report, hedge and frame the same events. It "
            f"is annotated in {len(facts['layers'])} layers: {layers}. Artifacts of the texts themselves "
            "(translation traces, machine-written framing, duplicated or boilerplate text) are annotated rather "
            "than cleaned away, so that users can see and filter them.")


def _source_data(facts: dict[str, Any]) -> str:
    from .facts_text import bullets

    lines = [f"{facts['documents']} plain-text files, ingested as delivered; each keeps its original file name and "
             "the SHA-256 of its bytes (also listed in `croissant.json`). Normalization: "
             + ", ".join(f"`{p}`" for p in facts["normalization"]) + "; language detection: "
             + ", ".join(f"`{d}`" for d in facts["language_detectors"]) + "."]
    lines.append("")
    lines.append(bullets(f"`{d['doc_id']}`: `{d['original_file_name']}`, {d['raw_bytes']:,} bytes, sha256 "
                         f"`{d['raw_sha256'][:16]}…`" for d in facts["per_document"]))
    from .facts_text import assessment_items

    assessments = assessment_items(facts)
    if assessments:
        lines += ["", "Assessments recorded in the provenance:", "", bullets(assessments)]
    return "\n".join(lines)


def citation(version: str, settings: dict[str, Any]) -> str:
    import os
    from datetime import UTC, datetime

    from .facts import package_summary

    summary, author = package_summary()
    fields = [("title", f"{PRETTY_NAME}: {summary.rstrip('.')}" if summary else PRETTY_NAME),
              ("author", f"{{{author}}}"), ("version", version), ("note", f"Dataset version {version}")]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        fields.append(("year", str(datetime.fromtimestamp(int(epoch), tz=UTC).year)))
    if settings.get("repo_id"):
        fields.append(("url", f"https://huggingface.co/datasets/{settings['repo_id']}"))
    key = "belarus_corpus_" + re.sub(r"\W", "_", version)
    return f"@misc{{{key},\n" + ",\n".join(f"  {name} = {{{value}}}" for name, value in fields) + "\n}"


def _versioning(corpus: CorpusReader, version: str) -> str:
    from ..changelog import read_changelog
    from ..versioning import POLICY

    lines = [POLICY]
    changelog = read_changelog(corpus.root)
    released = [entry for entry in changelog.versions if entry.version]
    current = next((entry for entry in released if entry.version == version), None)
    if current is not None:
        lines += ["", f"Changes in {version}" + (f" ({current.date})" if current.date else "") + ":", "",
                  current.body.strip() or "(no entries)"]
    else:
        lines += ["", f"Version {version} has no entry in CHANGELOG.md: this build is not a release."]
    if released:
        lines += ["", "Released versions: " + ", ".join(
            f"{e.version}" + (f" ({e.date})" if e.date else "") for e in released) + "."]
    return "\n".join(lines)
