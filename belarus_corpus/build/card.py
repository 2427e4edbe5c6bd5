"""The dataset card (``README.md`` of the build): YAML metadata the Hub reads, and the card's sections.

Every statement is computed: counts and provenance from the corpus (``build/facts.py``), sizes and example
rows from the Parquet files just written, fields from the features, the version history from CHANGELOG.md.
The card contains no path, clock time or machine name, so two builds of the same sources are byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import card_ml as ml
from .card_examples import example_rows, loading_examples
from .card_fields import fields_markdown
from .card_metadata import PRETTY_NAME, card_metadata, check_card_data

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import CorpusFacts
    from .result import BuildResult


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


def card_body(corpus: CorpusReader, staging: Path, result: BuildResult, facts: CorpusFacts,
              settings: dict[str, Any]) -> str:
    from . import facts_text as f

    sections = [
        f"# {PRETTY_NAME}",
        f"Dataset version **{result.dataset_version}** · taxonomy {facts['taxonomy_version']} · annotation "
        f"guidelines {facts['guidelines_version']}",
        "## Dataset summary",
        _summary(facts),
        "## Supported tasks",
        ml.tasks_section(facts),
        "## Dataset structure",
        ml.structure(staging, result),
        "### Splits",
        ml.splits_section(corpus, result),
        "### Loading",
        loading_examples(result),
        "### Sentences and tokens",
        ml.views_section(result),
        "### Example rows",
        example_rows(staging, result),
        "### Data fields",
        fields_markdown(corpus),
        "### Statistics",
        f.statistics_markdown(facts),
        "### Same event, different articles",
        "Gold claim spans that share the attribute `cluster` tell the same fact; the table shows what each "
        "article reports (the `value` attribute, else the quoted words).\n\n" + f.figures_markdown(facts),
        "### Detector scorecard",
        ml.scorecard_section(staging, corpus),
        "### Baseline",
        ml.baseline_section(corpus),
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


def _measured_agreement(corpus: CorpusReader, facts: CorpusFacts) -> list[str]:
    from ..annotate.agreement_summary import agreement_sentence

    sentence = agreement_sentence(corpus, facts["spans"]["by_annotator"])
    return [sentence + " DATASHEET.md says what the figures mean and what share of the gold began as detector "
            "output."] if sentence else []


def _summary(facts: CorpusFacts) -> str:
    from .facts import package_summary

    summary = package_summary()[0]
    lead = f"{summary.rstrip('.')}." if summary else ""
    return (f"{lead} {_first_upper(_summary_sentence(facts))} Every span points into the normalized text by "
            "code-point offsets and carries who made it, how, and its review status; every document carries what "
            "is known and unknown about its source.").strip()


def _summary_sentence(facts: CorpusFacts) -> str:
    from .facts_text import summary_sentence

    return summary_sentence(facts)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rationale(facts: CorpusFacts) -> str:
    layers = ", ".join(f"{name} ({layer['description'].rstrip('.').lower()})" for name, layer in
                       facts["layers"].items())
    return (f"The corpus exists to study how articles on one story report, hedge and frame the same events. It "
            f"is annotated in {len(facts['layers'])} layers: {layers}. Artifacts of the texts themselves "
            "(translation traces, machine-written framing, duplicated or boilerplate text) are annotated rather "
            "than cleaned away, so that users can see and filter them.")


def _source_data(facts: CorpusFacts) -> str:
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
