"""Export to and import from other annotation formats: brat, Label Studio, CoNLL BIO, spaCy DocBin, JSON Lines.

Every format module has the same two functions over plain data (not the CLI):

* ``export(source, out, *, layers=None, statuses=None) -> ExportReport``: ``source`` is a ``Corpus`` or a
  ``Selection``; every record (or part of one) the format cannot carry is in ``report.losses`` as a Problem
  with code ``export-loss`` (``path`` ``$`` for the whole record, ``$.attributes``/``$.note`` for a part);
* ``import_(path, source, *, as_gold=False, annotator=None, created=None) -> ImportResult``: ``source`` is a
  ``Corpus`` or a ``TextSource`` (the document texts); nothing is written: the caller stores the records
  (see ``interop.apply``). Imported records get ``method: import:<format>`` and ``status: suggested``
  (``gold`` with ``as_gold``); problems with severity ``error`` name records that were not imported.

``registry.MODULES`` registers each format once; ``FORMATS`` maps a name to its module (a ``Format``); spaCy
itself is imported only when the spaCy format runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import DocumentAnnotations, ExportReport, ImportResult, Selection, select
    from .registry import FORMAT_NAMES, Format
    from .texts import TextSource

    FORMATS: dict[str, Format]

__all__ = ["FORMATS", "FORMAT_NAMES", "DocumentAnnotations", "ExportReport", "Format", "ImportResult", "Selection",
           "TextSource", "get_format", "select"]

_LAZY = {"DocumentAnnotations": "base", "ExportReport": "base", "ImportResult": "base", "Selection": "base",
         "select": "base", "FORMAT_NAMES": "registry", "Format": "registry", "TextSource": "texts"}


def get_format(name: str) -> Format:
    """The format module called ``name`` (a usage error names the known ones)."""
    from .registry import format_module

    return format_module(name)


def __getattr__(name: str) -> Any:
    # Lazy, so that reading the format names (the CLI's --help) imports no format and no store code.
    import importlib

    if name == "FORMATS":
        from .registry import FORMAT_NAMES, format_module

        return {format_name: format_module(format_name) for format_name in FORMAT_NAMES}
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(name)
