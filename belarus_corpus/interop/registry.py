"""The annotation formats, registered once: name → module. The CLI reads the names from here without importing
any format (so ``--help`` stays fast); `format_module` imports the one that runs."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from ..codes import Code
from ..errors import Problem, UsageError

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .base import ExportReport, ImportResult, Selection
    from .texts import TextSource

MODULES: dict[str, str] = {
    "brat": "brat",
    "conll": "conll",
    "jsonl": "jsonl",
    "labelstudio": "labelstudio",
    "spacy": "spacy_docbin",
}
FORMAT_NAMES: tuple[str, ...] = tuple(sorted(MODULES))


class Format(Protocol):
    """What every format module provides (module-level names)."""

    NAME: str

    def export(self, source: CorpusReader | Selection, out: Path, *, layers: Sequence[str] | None = None,
               statuses: Sequence[str] | None = None) -> ExportReport: ...

    def import_(self, path: Path, source: CorpusReader | TextSource, *, as_gold: bool = False,
                annotator: str | None = None, created: str | None = None) -> ImportResult: ...


def format_module(name: str) -> Format:
    """The format called ``name``; an unknown name is a usage error listing the known ones."""
    module_name = MODULES.get(name)
    if module_name is None:
        raise UsageError(Problem("--format", None, Code.UNKNOWN_FORMAT, f"no format {name!r}",
                                 "formats are: " + ", ".join(FORMAT_NAMES)))
    return cast(Format, importlib.import_module(f"{__package__}.{module_name}"))


def _check_modules_are_formats() -> tuple[Format, ...]:
    """Never called: mypy checks here that every registered module provides the `Format` names and signatures."""
    from . import brat, conll, jsonl, labelstudio, spacy_docbin

    return (brat, conll, jsonl, labelstudio, spacy_docbin)
