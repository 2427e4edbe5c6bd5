"""The shape of a catalogue entry: title, stage, severity, meaning and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Stage = Literal["validate", "ingest", "annotate", "suggest", "review", "agreement", "build", "verify", "diff",
                "release", "publish", "interop", "doctor", "files", "curate", "evaluate", "serve", "engine"]
Level = Literal["error", "warning", "error or warning"]


@dataclass(frozen=True)
class Entry:
    """One code: a title, the stage that reports it, its severity, what it means and what to do about it."""

    title: str
    stage: Stage
    severity: Level
    description: str
    action: str


E: Final = "error"
W: Final = "warning"
EW: Final = "error or warning"
