"""``diff(old, new)``: what changed between two versions of the dataset, and the smallest version bump for it.

Either side is a build folder, a release record (``releases/<version>.json``), a git revision of the corpus
(built into a temporary folder with the installed package; ``git archive`` only reads the repository) or a
``Snapshot``. Records are compared per config by key (documents and tokens by ``doc_id``, paragraphs by
``doc_id`` and index, spans and relations by ``id``); features and ClassLabel names are compared per field.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..build.features import CONFIGS
from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from .snapshot import SUMMARY, Snapshot, snapshot_of_build

if TYPE_CHECKING:
    from ..reader import CorpusReader

RELEASES = "releases"
WORKTREE = "WORKTREE"
CORPUS_PATHS = ("raw", "annotations", "schema", "metadata", "DATASET_VERSION", "CHANGELOG.md")


@dataclass(frozen=True)
class RecordChange:
    config: str
    key: str
    kind: str  # added, removed, changed
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    fields: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``layer/type`` of a span (the new one, or the old one if removed)."""
        record = self.new or self.old or {}
        return f"{record.get('layer')}/{record.get('type')}"

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config, "key": self.key, "kind": self.kind, "fields": list(self.fields),
                "old": self.old, "new": self.new}


@dataclass(frozen=True)
class FeatureChange:
    config: str
    path: str
    kind: str  # config-added, config-removed, field-added, field-removed, type-changed, labels-added, labels-changed
    detail: str
    bump: str

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config, "path": self.path, "kind": self.kind, "detail": self.detail,
                "bump": self.bump}


@dataclass
class DatasetDiff:
    old_version: str | None
    new_version: str | None
    features: list[FeatureChange] = field(default_factory=list)
    records: dict[str, list[RecordChange]] = field(default_factory=dict)

    def changes(self, config: str, kind: str | None = None) -> list[RecordChange]:
        return [c for c in self.records.get(config, []) if kind is None or c.kind == kind]

    def counts(self, config: str) -> dict[str, int]:
        counted = Counter(c.kind for c in self.records.get(config, []))
        return {kind: counted.get(kind, 0) for kind in ("added", "removed", "changed")}

    def span_counts_by_label(self) -> dict[str, dict[str, int]]:
        """``layer/type`` → {added, removed, changed}; a retyped span counts as changed under its new label."""
        table: dict[str, Counter[str]] = {}
        for change in self.changes("spans"):
            table.setdefault(change.label, Counter())[change.kind] += 1
        return {label: {k: counts.get(k, 0) for k in ("added", "removed", "changed")}
                for label, counts in sorted(table.items())}

    @property
    def empty(self) -> bool:
        return not self.features and not any(self.records.values())

    def reasons(self) -> dict[str, list[str]]:
        """Bump → the changes that call for it."""
        why: dict[str, list[str]] = {"major": [], "minor": []}
        for change in self.features:
            why[change.bump].append(f"{change.config}: {change.kind} {change.path} ({change.detail})")
        for config in CONFIGS:
            counts = self.counts(config)
            if counts["removed"] or counts["changed"]:
                why["major"].append(f"{config}: {counts['removed']} removed, {counts['changed']} changed")
            if counts["added"]:
                why["minor"].append(f"{config}: {counts['added']} added")
        return {bump: items for bump, items in why.items() if items}

    def required_bump(self) -> str:
        reasons = self.reasons()
        if "major" in reasons:
            return "major"
        if "minor" in reasons:
            return "minor"
        return "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version, "new_version": self.new_version,
            "required_bump": self.required_bump(), "reasons": self.reasons(),
            "features": [c.to_dict() for c in self.features],
            "counts": {config: self.counts(config) for config in CONFIGS},
            "spans_by_label": self.span_counts_by_label(),
            "records": {config: [c.to_dict() for c in self.records.get(config, [])] for config in CONFIGS},
        }


# --------------------------------------------------------------------------------------------------------------
# Comparing


def diff(old: Snapshot | Path | str, new: Snapshot | Path | str, corpus: CorpusReader | None = None) -> DatasetDiff:
    """Compare two versions; paths and strings are resolved with ``resolve``."""
    before = old if isinstance(old, Snapshot) else resolve(old, corpus)
    after = new if isinstance(new, Snapshot) else resolve(new, corpus)
    result = DatasetDiff(before.version, after.version)
    result.features = _feature_changes(before, after)
    for config in CONFIGS:
        result.records[config] = _record_changes(config, before, after)
    return result


def _feature_changes(old: Snapshot, new: Snapshot) -> list[FeatureChange]:
    changes: list[FeatureChange] = []
    for config in CONFIGS:
        had, has = config in old.types, config in new.types
        if had and not has:
            changes.append(FeatureChange(config, "", "config-removed", "the config is gone", "major"))
            continue
        if has and not had:
            if old.types:  # comparing with nothing at all is not a feature change
                changes.append(FeatureChange(config, "", "config-added", "a new config", "minor"))
            continue
        if not has:
            continue
        before, after = old.types[config], new.types[config]
        for path in sorted(set(before) | set(after)):
            if path not in after:
                changes.append(FeatureChange(config, path, "field-removed", before[path], "major"))
            elif path not in before:
                changes.append(FeatureChange(config, path, "field-added", after[path], "minor"))
            elif before[path] != after[path]:
                changes.append(FeatureChange(config, path, "type-changed", f"{before[path]} → {after[path]}",
                                             "major"))
        old_labels, new_labels = old.labels.get(config, {}), new.labels.get(config, {})
        for path in sorted(set(old_labels) & set(new_labels)):
            was, now = old_labels[path], new_labels[path]
            if was == now:
                continue
            if now[: len(was)] == was:
                changes.append(FeatureChange(config, path, "labels-added", ", ".join(now[len(was):]), "minor"))
            else:
                gone = [name for name in was if name not in now]
                detail = f"removed {', '.join(gone)}" if gone else "renamed or reordered"
                changes.append(FeatureChange(config, path, "labels-changed", detail, "major"))
    return changes


def _record_changes(config: str, old: Snapshot, new: Snapshot) -> list[RecordChange]:
    before, after = old.records.get(config, {}), new.records.get(config, {})
    changes: list[RecordChange] = []
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was is None and now is not None:
            changes.append(RecordChange(config, key, "added", None, _public(now)))
        elif now is None and was is not None:
            changes.append(RecordChange(config, key, "removed", _public(was), None))
        elif was is not None and now is not None and (was["hash"] != now["hash"] or was["split"] != now["split"]):
            changes.append(RecordChange(config, key, "changed", _public(was), _public(now),
                                        _changed_fields(config, key, was, now, old, new)))
    return changes


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "hash"}


def _changed_fields(config: str, key: str, was: dict[str, Any], now: dict[str, Any], old: Snapshot,
                    new: Snapshot) -> tuple[str, ...]:
    fields = ["split"] if was["split"] != now["split"] else []
    old_hashes = old.field_hashes.get(config, {}).get(key)
    new_hashes = new.field_hashes.get(config, {}).get(key)
    if old_hashes is not None and new_hashes is not None:
        fields += sorted(name for name in set(old_hashes) | set(new_hashes)
                         if old_hashes.get(name) != new_hashes.get(name))
        return tuple(fields)
    summary = [name for name in SUMMARY[config] if was.get(name) != now.get(name)]
    fields += summary
    if was["hash"] != now["hash"] and not summary:
        fields.append("(fields not kept in the release record)")
    return tuple(fields)


# --------------------------------------------------------------------------------------------------------------
# Resolving a side


def resolve(source: str | Path, corpus: CorpusReader | None = None) -> Snapshot:
    """A build folder, a release record (file, or a version with a record in releases/), ``WORKTREE`` (the
    corpus as it is now), ``empty``, or a git revision of the corpus repository."""
    text = str(source)
    path = Path(text)
    if text == "empty":
        return Snapshot(version=None)
    if path.is_dir() and (path / "data").is_dir():
        return snapshot_of_build(path)
    if path.is_file() and path.suffix == ".json":
        return read_release_record(path)
    if corpus is not None and text == WORKTREE:
        return snapshot_of_corpus(corpus.root)
    if corpus is not None and (corpus.root / RELEASES / f"{text}.json").is_file():
        return read_release_record(corpus.root / RELEASES / f"{text}.json")
    if corpus is not None and _is_revision(corpus.root, text.removeprefix("git:")):
        return snapshot_of_revision(corpus.root, text.removeprefix("git:"))
    raise UsageError(Problem(text, None, Code.UNKNOWN_VERSION_SOURCE,
                             "not a build folder, a release record, a released version or a git revision",
                             "give e.g. dist/belarus-corpus, releases/0.1.0.json, 0.1.0, HEAD~1 or WORKTREE"))


def read_release_record(path: Path) -> Snapshot:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("snapshot"), dict):
            raise ValueError("it is not a JSON object with a 'snapshot' object")
        return Snapshot.from_json(record["snapshot"], record.get("checksums"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise CorpusError(Problem(str(path), None, Code.BAD_RELEASE_RECORD, f"cannot read the release record: {exc}",
                                  "restore it from git")) from exc


def snapshot_of_corpus(root: Path) -> Snapshot:
    """Build the corpus at ``root`` into a temporary folder and read it back."""
    from ..build.builder import build
    from ..reader import CorpusReader

    with tempfile.TemporaryDirectory(prefix="belarus-corpus-diff-") as tmp:
        out = Path(tmp) / "build"
        build(CorpusReader(root), out)
        return snapshot_of_build(out)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def _is_revision(root: Path, revision: str) -> bool:
    if not revision or revision.startswith("-"):
        return False
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0
    except OSError:
        return False


def snapshot_of_revision(root: Path, revision: str) -> Snapshot:
    """Export the corpus files of ``revision`` with ``git archive`` (read-only) and build them."""
    listed = _git(root, "ls-tree", "--name-only", revision)
    if listed.returncode != 0:
        raise UsageError(Problem(revision, None, Code.UNKNOWN_REVISION, listed.stderr.decode(errors="replace").strip(),
                                 "give a commit, tag or branch of the corpus repository"))
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    present = set(listed.stdout.decode().split())
    paths = [name for name in CORPUS_PATHS if name in present]
    if not paths:
        raise UsageError(Problem(revision, None, Code.NO_CORPUS_AT_REVISION, "the revision has no raw/ or annotations/",
                                 "choose a later revision"))
    with tempfile.TemporaryDirectory(prefix="belarus-corpus-rev-") as tmp:
        archive = Path(tmp) / "corpus.tar"
        exported = _git(root, "archive", "--format=tar", f"--output={archive}", revision, "--",
                        *[f"{prefix}{p}" if prefix else p for p in paths])
        if exported.returncode != 0:
            raise CorpusError(Problem(revision, None, Code.GIT_ARCHIVE_FAILED,
                                      exported.stderr.decode(errors="replace").strip(), "check the revision"))
        tree = Path(tmp) / "corpus"
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        return snapshot_of_corpus(tree / prefix if prefix else tree)


# --------------------------------------------------------------------------------------------------------------
# Rendering


def _describe_span(record: dict[str, Any] | None) -> str:
    if not record:
        return ""
    text = " ".join(str(record.get("text") or "").split())
    text = text if len(text) <= 60 else text[:59] + "…"
    return (f"{record.get('doc_id')} {record.get('layer')}/{record.get('type')} {record.get('start')}:"
            f"{record.get('end')} {record.get('status')} “{text}”")


def _describe(config: str, record: dict[str, Any] | None) -> str:
    if not record:
        return ""
    if config == "spans":
        return _describe_span(record)
    if config == "documents":
        return f"{record.get('title') or '(no title)'} ({record.get('n_chars')} characters)"
    if config == "relations":
        return f"{record.get('type')} {record.get('head')} → {record.get('tail')} {record.get('status')}"
    return ""


def render_text(result: DatasetDiff, limit: int = 50) -> str:
    lines = [f"dataset diff: {result.old_version or '(nothing)'} → {result.new_version or '(unversioned)'}",
             f"required bump: {result.required_bump()}"]
    for bump, items in result.reasons().items():
        lines.append(f"  {bump}: " + "; ".join(items))
    lines.append("features: " + ("no changes" if not result.features else ""))
    for change in result.features:
        lines.append(f"  [{change.bump}] {change.config} {change.kind} {change.path}: {change.detail}")
    for config in CONFIGS:
        counts = result.counts(config)
        if not any(counts.values()):
            lines.append(f"{config}: no changes")
            continue
        lines.append(f"{config}: +{counts['added']} -{counts['removed']} ~{counts['changed']}")
        if config in ("paragraphs", "tokens"):
            changed = sorted({c.key.split("#")[0] for c in result.changes(config)})
            lines.append(f"  (derived from documents and gold spans) documents: {', '.join(changed[:limit])}")
            continue
        if config == "spans":
            for label, counts_by in result.span_counts_by_label().items():
                lines.append(f"  {label}: +{counts_by['added']} -{counts_by['removed']} ~{counts_by['changed']}")
        records = result.changes(config)
        for record in records[:limit]:
            lines.append("  " + _render_change(config, record))
        if len(records) > limit:
            lines.append(f"  … {len(records) - limit} more")
    return "\n".join(lines)


def _render_change(config: str, change: RecordChange) -> str:
    if change.kind == "added":
        return f"+ {change.key} {_describe(config, change.new)}"
    if change.kind == "removed":
        return f"- {change.key} {_describe(config, change.old)}"
    old, new = change.old or {}, change.new or {}
    details = []
    for name in change.fields:
        if name in old and name in new and old.get(name) != new.get(name) and name != "text":
            details.append(f"{name}: {old.get(name)} → {new.get(name)}")
        else:
            details.append(name)
    return f"~ {change.key} {_describe(config, new)} [{'; '.join(details)}]"


def render_json(result: DatasetDiff) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False, sort_keys=True)


RENDERERS = {"text": render_text, "json": render_json}


def latest_release(root: Path) -> tuple[str, Path] | None:
    """The highest released version and its record, from ``releases/*.json``."""
    from ..versioning import Version

    found: list[tuple[Version, Path]] = []
    for path in sorted((root / RELEASES).glob("*.json")) if (root / RELEASES).is_dir() else []:
        try:
            found.append((Version.parse(path.stem, str(path)), path))
        except UsageError:
            continue
    if not found:
        return None
    version, path = max(found)
    return str(version), path



def diff_versions(corpus: CorpusReader, old: str | None = None, new: str | None = None) -> DatasetDiff:
    """``diff`` with the command's defaults: OLD the last release (refused if there is none), NEW the worktree."""
    if old is None:
        last = latest_release(corpus.root)
        if last is None:
            raise CorpusError(Problem("releases/", None, Code.NO_RELEASE, "there is no release to compare with",
                                      "give OLD: a build folder or a git revision, e.g. HEAD~1"))
        old = str(last[1])
    return diff(old, new or WORKTREE, corpus)
