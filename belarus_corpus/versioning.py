"""Dataset versions: MAJOR.MINOR.PATCH with the TFDS / Croissant meaning, and the smallest bump a diff needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import Code
from .errors import Problem, UsageError

BUMPS = ("none", "patch", "minor", "major")
"""Ordered from smallest to largest; ``none`` means the data and features are identical."""

POLICY = (
    "The dataset version (`DATASET_VERSION`, the `version` of the card and of `croissant.json`) follows semantic "
    "versioning with the meaning TFDS and Croissant give it. PATCH: the same records with the same features (only "
    "documentation, packaging or serialization changed). MINOR: records, configs, features or labels were added "
    "and every existing record is unchanged, so the previous version can still be read as it was. MAJOR: an "
    "existing record was changed, removed or moved to another split, or a feature or label was removed, renamed, "
    "retyped or reordered. A record is one row of one config: adding a gold span to an existing document changes "
    "that document's row in the `tokens` config, so it is a MAJOR change, while adding documents, non-gold spans "
    "or relations between new spans is MINOR. `belarus-corpus release` computes the smallest bump from a diff "
    "against the previous release and refuses a smaller one; `belarus-corpus diff` shows the changes."
)

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str, where: str = "DATASET_VERSION") -> Version:
        match = _SEMVER.match(text.strip())
        if not match:
            raise UsageError(Problem(where, None, Code.BAD_VERSION, f"{text.strip()!r} is not MAJOR.MINOR.PATCH",
                                     "write a version such as 0.1.0"))
        return cls(*(int(part) for part in match.groups()))

    def bump(self, kind: str) -> Version:
        if kind == "major":
            return Version(self.major + 1, 0, 0)
        if kind == "minor":
            return Version(self.major, self.minor + 1, 0)
        if kind == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        if kind == "none":
            return self
        raise ValueError(kind)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def rank(kind: str) -> int:
    return BUMPS.index(kind)


def larger(first: str, second: str) -> str:
    return first if rank(first) >= rank(second) else second


def check_bump(requested: str | None, required: str) -> str:
    """The bump to apply: the requested one if it is large enough, else refuse; by default the required one."""
    if requested is None:
        return "patch" if required == "none" else required
    if requested not in BUMPS[1:]:
        raise UsageError(Problem("--bump", None, Code.BAD_BUMP, f"unknown bump {requested!r}",
                                 "use patch, minor or major"))
    if rank(requested) < rank(required):
        raise UsageError(Problem("--bump", None, Code.BUMP_TOO_SMALL,
                                 f"--bump {requested} is smaller than the changes require ({required})",
                                 f"use --bump {required} (or leave --bump out); 'belarus-corpus diff' shows why"))
    return requested
