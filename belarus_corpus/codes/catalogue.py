"""What every code means, where it comes from and what the user should do (docs/ERRORS.md is generated from it).

The entries live in two files by stage (`catalogue_corpus`: validate and ingest; `catalogue_commands`: the rest);
a new code goes into the file of its stage.
"""

from __future__ import annotations

from . import Code
from .catalogue_commands import COMMAND_ENTRIES
from .catalogue_corpus import CORPUS_ENTRIES
from .entry import Entry, Level, Stage

CATALOGUE: dict[Code, Entry] = {**CORPUS_ENTRIES, **COMMAND_ENTRIES}

__all__ = ["CATALOGUE", "Entry", "Level", "Stage"]
