"""belarus-corpus: an annotated, provenance-tracked corpus of articles on the 2025 US–Belarus rapprochement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Corpus", "__version__", "validate"]

if TYPE_CHECKING:
    from .corpus import Corpus
    from .validate import validate


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    if name == "validate":
        from .validate import validate

        return validate
    raise AttributeError(name)
