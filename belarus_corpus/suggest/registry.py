"""The detectors ``belarus-corpus suggest`` can run, by name.

``DETECTORS`` run on one document at a time; ``CORPUS_DETECTORS`` need every document at once. Importing
this module compiles no large pattern and imports no heavy library: detectors build their regular
expressions and load ``data/`` on first use, and import rapidfuzz inside the functions that need it.
"""

from __future__ import annotations

from . import (
    attributed_quote,
    boilerplate,
    claim_type,
    claim_units,
    claims,
    date_claim,
    duplicates,
    foreign_typography,
    hedge_lexicon,
    hypothetical_framing,
    numeric_conflict,
    quantity_claim,
    relative_dates,
    scan,
    segment,
    stance,
    translation_calque,
    transliteration,
    unverifiable_source,
)
from .base import CorpusDetector, Detector

_DOCUMENT_DETECTORS: tuple[Detector, ...] = (
    hedge_lexicon.DETECTOR,
    quantity_claim.DETECTOR,
    date_claim.DETECTOR,
    attributed_quote.DETECTOR,
    claim_type.DETECTOR,
    transliteration.DETECTOR,
    duplicates.DETECTOR,
    boilerplate.DETECTOR,
    foreign_typography.DETECTOR,
    hypothetical_framing.DETECTOR,
    stance.DETECTOR,
    unverifiable_source.DETECTOR,
    translation_calque.DETECTOR,
)
DETECTORS: dict[str, Detector] = {detector.name: detector for detector in _DOCUMENT_DETECTORS}
CORPUS_DETECTORS: dict[str, CorpusDetector] = {numeric_conflict.DETECTOR.name: numeric_conflict.DETECTOR}


def detector_ids() -> list[str]:
    """Every detector as ``name@version``, document detectors first."""
    every: list[Detector | CorpusDetector] = [*DETECTORS.values(), *CORPUS_DETECTORS.values()]
    return [f"{detector.name}@{detector.version}" for detector in every]


def get(name: str) -> Detector | CorpusDetector:
    """The detector called ``name`` (or ``name@version`` for the current version); KeyError lists the known ones."""
    bare, _, version = name.partition("@")
    detector: Detector | CorpusDetector | None = DETECTORS.get(bare) or CORPUS_DETECTORS.get(bare)
    if detector is None or (version and version != str(detector.version)):
        raise KeyError(f"unknown detector {name!r}; known detectors: {', '.join(detector_ids())}")
    return detector


def clear_caches() -> None:
    """Forget the per-text results detectors share (segmentation, word scan, figures, dates) after a run."""
    claims.clear_caches()
    claim_units.clear_caches()
    claim_type.clear_caches()
    quantity_claim.clear_caches()
    date_claim.clear_caches()
    relative_dates.clear_caches()
    segment.clear_caches()
    scan.clear_caches()
