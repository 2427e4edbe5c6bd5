"""CHANGELOG.md in the Keep a Changelog layout: ``## [Unreleased]`` then ``## [X.Y.Z] - YYYY-MM-DD`` sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CHANGELOG = "CHANGELOG.md"
UNRELEASED = "Unreleased"
_HEADING = re.compile(r"^## \[?(?P<name>[^\]\s]+)\]?(?:\s+-\s+(?P<date>\S+))?\s*$")


@dataclass
class Entry:
    """One ``## `` section: ``version`` is None for Unreleased."""

    heading: str
    version: str | None
    date: str | None
    body: str

    @property
    def has_entries(self) -> bool:
        """Any line that is not blank, a sub-heading or an HTML comment."""
        return any(line.strip() and not line.lstrip().startswith(("#", "<!--"))
                   for line in self.body.splitlines())


@dataclass
class Changelog:
    preamble: str = ""
    entries: list[Entry] = field(default_factory=list)

    @property
    def versions(self) -> list[Entry]:
        return self.entries

    @property
    def unreleased(self) -> Entry | None:
        return next((e for e in self.entries if e.version is None), None)

    def render(self) -> str:
        parts = [self.preamble.rstrip("\n") + "\n"] if self.preamble.strip() else []
        for entry in self.entries:
            body = entry.body.strip("\n")
            parts.append(entry.heading + "\n" + (f"\n{body}\n" if body else ""))
        return "\n".join(parts)


def parse_changelog(text: str) -> Changelog:
    changelog = Changelog()
    current: Entry | None = None
    lines: list[str] = []
    preamble: list[str] = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            if current is not None:
                current.body = "\n".join(lines)
                changelog.entries.append(current)
            name = match.group("name")
            is_unreleased = name.lower() == UNRELEASED.lower()
            current = Entry(line.rstrip(), None if is_unreleased else name, match.group("date"), "")
            lines = []
        elif current is None:
            preamble.append(line)
        else:
            lines.append(line)
    if current is not None:
        current.body = "\n".join(lines)
        changelog.entries.append(current)
    changelog.preamble = "\n".join(preamble)
    return changelog


def read_changelog(root: Path) -> Changelog:
    path = root / CHANGELOG
    return parse_changelog(path.read_text(encoding="utf-8")) if path.is_file() else Changelog()


def move_unreleased(changelog: Changelog, version: str, date: str) -> Changelog:
    """The Unreleased entries under a new ``## [version] - date`` heading; Unreleased is left empty."""
    unreleased = changelog.unreleased
    if unreleased is None:
        raise ValueError("no Unreleased section")
    released = Entry(f"## [{version}] - {date}", version, date, unreleased.body)
    entries: list[Entry] = []
    for entry in changelog.entries:
        if entry is unreleased:
            entries += [Entry(f"## [{UNRELEASED}]", None, None, ""), released]
        else:
            entries.append(entry)
    return Changelog(changelog.preamble, entries)
