"""belarus-corpus: an annotated, provenance-tracked corpus of articles on the 2025 US–Belarus rapprochement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

__all__ = ["Corpus", "__version__", "validate"]

if TYPE_CHECKING:
    from .checks import validate_corpus as validate
    from .corpus import Corpus


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    if name == "validate":
        from .checks import validate_corpus as validate

        return validate
    raise AttributeError(name)
