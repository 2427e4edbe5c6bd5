"""Seeded language identification (langdetect), for a document and for each of its paragraphs."""

from __future__ import annotations

import functools
from typing import Any

LANGDETECT_SEED = 0
MIN_LETTERS = 3


@functools.lru_cache(maxsize=1)
def detector_id() -> str:
    """Which detector (name, installed version, seed) made the language guesses; package metadata is read once."""
    from importlib.metadata import version

    return f"langdetect@{version('langdetect')} seed={LANGDETECT_SEED}"


def detect(text: str) -> dict[str, Any]:
    """``{"code", "probability", "alternatives"}``; ``code`` is None (with a reason) when there is nothing to detect."""
    if sum(1 for char in text if char.isalpha()) < MIN_LETTERS:
        return {"code": None, "probability": None, "alternatives": [], "reason": "too few letters to detect"}
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = LANGDETECT_SEED
    try:
        found = detect_langs(text)
    except LangDetectException as exc:
        return {"code": None, "probability": None, "alternatives": [], "reason": f"langdetect: {exc}"}
    alternatives = [{"code": item.lang, "probability": round(item.prob, 4)} for item in found[1:3]]
    return {"code": found[0].lang, "probability": round(found[0].prob, 4), "alternatives": alternatives}


def detect_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    return [{"index": index, "start": start, "end": end, **detect(text[start:end])}
            for index, (start, end) in enumerate(spans)]
