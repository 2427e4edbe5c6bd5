"""The registry of detectors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_corpus.suggest import registry

TAXONOMY = json.loads((Path(__file__).resolve().parents[2] / "schema" / "taxonomy.json").read_text(encoding="utf-8"))


def test_ids_and_lookup() -> None:
    ids = registry.detector_ids()
    assert "hedge-lexicon@2" in ids and "numeric-conflict@2" in ids
    assert len(ids) == len(set(ids)) == len(registry.DETECTORS) + len(registry.CORPUS_DETECTORS)
    assert registry.get("duplicates").name == "duplicates"
    assert registry.get("numeric-conflict@2").version == 2


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="hedge-lexicon@2"):
        registry.get("no-such-detector")
    with pytest.raises(KeyError):
        registry.get("duplicates@99")


def test_names_are_kebab_case() -> None:
    for detector_id in registry.detector_ids():
        name, version = detector_id.split("@")
        assert name == name.lower() and " " not in name and "_" not in name
        assert int(version) >= 1


def test_proposals_use_taxonomy_names(seed_views: list[object]) -> None:
    layers = TAXONOMY["layers"]
    for document in seed_views:
        for detector in registry.DETECTORS.values():
            for proposal in detector.detect(document):  # type: ignore[arg-type]
                assert proposal.type in layers[proposal.layer]["types"]
                assert set(proposal.attributes) <= set(layers[proposal.layer]["attributes"])


def test_importing_the_registry_loads_no_rapidfuzz() -> None:
    code = "import sys, belarus_corpus.suggest.registry; print('rapidfuzz' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


def test_clear_caches_keeps_results_the_same(seed_views: list[object]) -> None:
    document = seed_views[0]
    before = [list(detector.detect(document)) for detector in registry.DETECTORS.values()]  # type: ignore[arg-type]
    registry.clear_caches()
    after = [list(detector.detect(document)) for detector in registry.DETECTORS.values()]  # type: ignore[arg-type]
    assert before == after
