"""The dataset card (``README.md`` of the build): YAML metadata the Hub reads, and the card's sections."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .features import CONFIGS, features_for

if TYPE_CHECKING:
    from ..corpus import Corpus
    from .builder import BuildResult


def card_metadata(corpus: Corpus, staging: Path, result: BuildResult) -> dict[str, Any]:
    configs, infos = [], []
    for config in CONFIGS:
        splits = sorted(result.counts.get(config, {}))
        configs.append({
            "config_name": config,
            **({"default": True} if config == "documents" else {}),
            "data_files": [{"split": s, "path": f"data/{config}/{s}-*.parquet"} for s in splits],
        })
        features = features_for(config, corpus.taxonomy)
        infos.append({
            "config_name": config,
            "features": features._to_yaml_list(),
            "splits": [{"name": s, "num_bytes": _size(staging / "data" / config / f"{s}-00000-of-00001.parquet"),
                        "num_examples": result.counts[config][s]} for s in splits],
        })
    return {"configs": configs, "dataset_info": infos}


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def render_card(corpus: Corpus, staging: Path, result: BuildResult) -> str:
    from huggingface_hub import DatasetCard, DatasetCardData

    data = DatasetCardData(
        pretty_name="belarus-corpus",
        language=["en"],
        license="other",
        **card_metadata(corpus, staging, result),
    )
    body = f"# belarus-corpus\n\nDataset version {result.dataset_version}.\n"
    card = DatasetCard(f"---\n{data.to_yaml()}\n---\n\n{body}")
    return str(card)
