"""Export to and import from other annotation formats: brat, Label Studio, CoNLL BIO, spaCy DocBin, JSON Lines.

Every format module has the same two functions over plain data (not the CLI):

* ``export(source, out, *, layers=None, statuses=None) -> ExportReport``: ``source`` is a ``Corpus`` or a
  ``Selection``; every record (or part of one) the format cannot carry is in ``report.losses`` as a Problem
  with code ``export-loss`` (``path`` ``$`` for the whole record, ``$.attributes``/``$.note`` for a part);
* ``import_(path, source, *, as_gold=False, annotator=None, created=None) -> ImportResult``: ``source`` is a
  ``Corpus`` or a ``TextSource`` (the document texts); nothing is written: the caller stores the records
  (see ``interop.apply``). Imported records get ``method: import:<format>`` and ``status: suggested``
  (``gold`` with ``as_gold``); problems with severity ``error`` name records that were not imported.

``FORMATS`` maps a format name to its module; spaCy is imported only when the spaCy format runs.
"""

from __future__ import annotations

from types import ModuleType

from ..codes import Code
from ..errors import Problem, UsageError
from . import brat, conll, jsonl, labelstudio, spacy_docbin
from .base import DocumentAnnotations, ExportReport, ImportResult, Selection, select
from .texts import TextSource

FORMATS: dict[str, ModuleType] = {
    brat.NAME: brat,
    labelstudio.NAME: labelstudio,
    conll.NAME: conll,
    spacy_docbin.NAME: spacy_docbin,
    jsonl.NAME: jsonl,
}


def get_format(name: str) -> ModuleType:
    module = FORMATS.get(name)
    if module is None:
        raise UsageError(Problem("<arguments>", None, Code.UNKNOWN_FORMAT, f"no format {name!r}",
                                 "formats are: " + ", ".join(sorted(FORMATS))))
    return module


__all__ = ["FORMATS", "DocumentAnnotations", "ExportReport", "ImportResult", "Selection", "TextSource", "get_format",
           "select"]
