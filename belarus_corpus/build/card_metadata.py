"""The card's YAML metadata: what the Hub reads (configs, splits, features, licence, tasks, creators), checked
against the values the Hub accepts, with the features written in the Hub's YAML form from their public
``Features.to_dict()`` (no private ``datasets`` method)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .features import CONFIGS, features_for

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import CorpusFacts, SourceFacts
    from .result import BuildResult

PRETTY_NAME = "belarus-corpus"

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


def card_metadata(corpus: CorpusReader, staging: Path, result: BuildResult, facts: CorpusFacts | None = None,
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
        sizes = {s: split_size(staging, config, s) for s in splits}
        infos.append({
            "config_name": config,
            "features": features_yaml(features),
            "splits": [{"name": s, "num_bytes": sizes[s], "num_examples": result.counts[config][s]} for s in splits],
            "download_size": sum(sizes.values()),
            "dataset_size": sum(sizes.values()),
        })
    largest = max((sum(c.values()) for c in result.counts.values()), default=0)
    licences = facts["sources"]["licence"]
    licence = _licence_metadata(licences, settings)
    tasks, task_ids = _tasks()
    return {
        "pretty_name": PRETTY_NAME,
        **licence,
        "language": sorted(code for code in facts["languages"] if code and code != "None") or ["en"],
        "multilinguality": ["monolingual" if len(facts["languages"]) <= 1 else "multilingual"],
        "size_categories": [_size_category(largest)],
        "task_categories": tasks,
        "task_ids": task_ids,
        "annotations_creators": _annotation_creators(facts),
        "language_creators": language_creators(facts),
        "source_datasets": ["original"],
        "tags": sorted({"croissant", "provenance", "span-classification", *facts["layers"]}),
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


def split_size(folder: Path, config: str, split: str) -> int:
    return sum(path.stat().st_size for path in parquet_files(folder, config, split))


def _size_category(rows: int) -> str:
    for bound, name in SIZE_BOUNDS:
        if rows < bound:
            return name
    return "n>1T" if rows > 10**12 else "other"


def _licence_metadata(licences: SourceFacts, settings: dict[str, Any]) -> dict[str, Any]:
    """The texts' licences decide: one known licence for every text and the annotations → that id; any text whose
    licence is unknown → ``unknown`` (the Hub's own value; the card's Licence section says what is known); texts
    under several known licences → ``other``, pointing at that section."""
    annotations = str(settings["annotations_licence"]).lower()
    if licences["unknown"] == 0 and licences["values"] == [settings["annotations_licence"]]:
        return {"license": annotations}
    if licences["unknown"]:
        return {"license": "unknown"}
    return {"license": "other", "license_name": "mixed-text-licences", "license_link": "README.md#licence"}


def _tasks() -> tuple[list[str], list[str]]:
    """Span tagging only: the data have span labels, no document label and no verdicts (no text-classification,
    no fact-checking); the Hub has no task id for span classification, so none is claimed."""
    return ["token-classification"], []


def language_creators(facts: CorpusFacts) -> list[str]:
    """``found`` for texts taken as published; ``machine-generated`` when an article is assessed machine-written;
    ``other`` when one is assessed a translation (by whom or what is not known)."""
    assessments = facts.get("assessments", {})
    creators = {"found"}
    machine = assessments.get("machine_generated", [])
    if any(str(a.get("value")).lower() not in ("false", "no", "none") for a in machine):
        creators.add("machine-generated")
    if assessments.get("translated_from"):
        creators.add("other")
    return sorted(creators)


def features_yaml(features: Any) -> list[dict[str, Any]]:
    """The features in the Hub's YAML form (as ``datasets`` writes it), from the public ``Features.to_dict()``."""
    return [{"name": name, **_yaml_of(spec)} for name, spec in features.to_dict().items()]


def _yaml_of(spec: Any) -> dict[str, Any]:
    if isinstance(spec, list):
        return _simplified({"list": _yaml_of(spec[0])})
    kind = spec.get("_type") if isinstance(spec, dict) else None
    if kind is None:
        return {"struct": [{"name": name, **_yaml_of(sub)} for name, sub in spec.items()]}
    rest = {k: v for k, v in spec.items() if k != "_type"}
    if kind in ("List", "LargeList"):
        inner = rest.pop("feature")
        return _simplified({"list" if kind == "List" else "large_list": _yaml_of(inner), **rest})
    if kind == "Value":
        return rest
    if kind == "ClassLabel":
        return {"dtype": {"class_label": {"names": {str(i): n for i, n in enumerate(rest["names"])}}}}
    raise ValueError(f"dataset card: no YAML form for feature type {kind}")


def _simplified(node: dict[str, Any]) -> dict[str, Any]:
    for key in ("large_list", "list"):
        inner = node.get(key)
        if isinstance(inner, dict) and list(inner) == ["dtype"]:
            node[key] = inner["dtype"]
        elif isinstance(inner, dict) and list(inner) == ["struct"]:
            node[key] = inner["struct"]
    return node


def _annotation_creators(facts: CorpusFacts) -> list[str]:
    methods = set(facts["spans"]["by_method"]) | set(facts["relations"]["by_method"])
    if not methods:
        return ["no-annotation"]
    creators = set()
    for method in methods:
        creators.add("machine-generated" if method.startswith("rule:") else "other")
    return sorted(creators)


def check_card_data(data: Any) -> None:
    """Refuse metadata the Hub would reject: the categorical fields must use its values."""
    values = dict(data.to_dict())
    for name, allowed in ALLOWED.items():
        given = values.get(name)
        items = given if isinstance(given, list) else [given] if given else []
        wrong = [item for item in items if item not in allowed]
        if wrong:
            raise ValueError(f"dataset card: {name} has {wrong}; allowed: {sorted(allowed)}")
    if values.get("license") == "other" and not (values.get("license_name") and values.get("license_link")):
        raise ValueError("dataset card: license 'other' needs license_name and license_link")
    if str(values.get("license_link", "")).split("#")[0] == "README.md" and "#" not in str(values["license_link"]):
        raise ValueError("dataset card: license_link must not point at the card itself")
    configs = values.get("configs") or []
    if sum(1 for c in configs if c.get("default")) != 1:
        raise ValueError("dataset card: exactly one config must be the default")
