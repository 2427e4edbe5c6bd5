"""``release`` refuses what it must and records what it does; ``verify`` and ``publish`` guard the upload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from release_helpers import refresh_datasheet

from belarus_corpus import Corpus
from belarus_corpus.build.checksums import write_checksums
from belarus_corpus.changelog import read_changelog
from belarus_corpus.cli.release_cmd import publish as publish_command
from belarus_corpus.cli.release_cmd import release as release_command
from belarus_corpus.cli.release_cmd import verify as verify_command
from belarus_corpus.errors import CorpusError, UsageError
from belarus_corpus.release.publish import publish
from belarus_corpus.release.release import release
from belarus_corpus.release.verify import verify
from helpers import ARTICLE, tree

CHANGELOG = """# Changelog

Preamble.

## [Unreleased]

### Added

- {entry}
"""


def _write_changelog(corpus: Corpus, entry: str | None) -> None:
    text = CHANGELOG.format(entry=entry) if entry else "# Changelog\n\n## [Unreleased]\n\n### Added\n\n"
    (corpus.root / "CHANGELOG.md").write_text(text, encoding="utf-8")


def _add_entry(corpus: Corpus, entry: str) -> None:
    path = corpus.root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## [Unreleased]\n", f"## [Unreleased]\n\n- {entry}\n", 1), encoding="utf-8")


def _version(corpus: Corpus) -> str:
    return (corpus.root / "DATASET_VERSION").read_text(encoding="utf-8").strip()


def test_release_refuses_an_invalid_corpus(seed_corpus: Corpus) -> None:
    refresh_datasheet(seed_corpus)
    _write_changelog(seed_corpus, "something")
    store = seed_corpus.layout.store("001_f75b1ab643833f62")
    with store.open("a", encoding="utf-8") as handle:
        handle.write("not json\n")
    before = tree(seed_corpus.root)
    with pytest.raises(CorpusError) as refused:
        release(seed_corpus)
    assert refused.value.code == "release-invalid"
    assert "invalid-json" in {p.code for p in refused.value.problems}
    assert tree(seed_corpus.root) == before


@pytest.mark.parametrize("changelog", [None, "empty", "missing"])
def test_release_refuses_an_empty_unreleased_section(seed_corpus: Corpus, changelog: str | None) -> None:
    if changelog == "missing":
        (seed_corpus.root / "CHANGELOG.md").unlink(missing_ok=True)
    elif changelog == "empty":
        _write_changelog(seed_corpus, None)
    else:
        (seed_corpus.root / "CHANGELOG.md").write_text("# Changelog\n\n## [0.1.0] - 2026-01-01\n\n- old\n",
                                                       encoding="utf-8")
    with pytest.raises(CorpusError) as refused:
        release(seed_corpus)
    assert refused.value.code == "changelog-unreleased-empty"
    assert not (seed_corpus.root / "releases").exists()


def test_release_records_versions_and_refuses_a_smaller_bump(seed_corpus: Corpus, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    first_version = _version(seed_corpus)
    refresh_datasheet(seed_corpus)
    _write_changelog(seed_corpus, "The seed articles.")
    out = tmp_path / "dist" / "belarus-corpus"

    first = release(seed_corpus, out=out)
    assert (first.version, first.previous, first.bump) == (first_version, None, "none")
    assert _version(seed_corpus) == first_version
    changelog = read_changelog(seed_corpus.root)
    assert [(e.version, e.date) for e in changelog.entries] == [(None, None), (first_version, "2026-01-01")]
    assert "The seed articles." in changelog.entries[1].body and not changelog.entries[0].has_entries
    record = json.loads(first.record.read_text(encoding="utf-8"))
    assert record["version"] == first_version and record["checksums"]
    assert record["checksums"] == {line.split("  ")[1]: line.split("  ")[0]
                                   for line in (out / "checksums.sha256").read_text().splitlines()}
    assert verify(out) == []
    assert f"Changes in {first_version} (2026-01-01)" in (out / "README.md").read_text(encoding="utf-8")

    with pytest.raises(CorpusError) as again:  # nothing new in the changelog
        release(seed_corpus, out=out)
    assert again.value.code == "changelog-unreleased-empty"

    source = tmp_path / "envoy-visit.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    seed_corpus.ingest([source])
    refresh_datasheet(seed_corpus)
    _add_entry(seed_corpus, "One more article.")
    before = tree(seed_corpus.root)
    with pytest.raises(UsageError) as too_small:
        release(seed_corpus, bump="patch", out=out)
    assert too_small.value.code == "bump-too-small"
    assert tree(seed_corpus.root) == before  # nothing was written

    ran = CliRunner().invoke(release_command, ["--out", str(out), "--root", str(seed_corpus.root)])
    assert ran.exit_code == 0, ran.output
    major, minor, _ = (int(part) for part in first_version.split("."))
    second_version = f"{major}.{minor + 1}.0"
    assert f"released {second_version}" in ran.output and "bump minor" in ran.output
    assert _version(seed_corpus) == second_version
    record = json.loads((seed_corpus.root / "releases" / f"{second_version}.json").read_text(encoding="utf-8"))
    assert (record["previous"], record["bump"], record["required_bump"]) == (first_version, "minor", "minor")
    assert record["changes"]["counts"]["documents"] == {"added": 1, "removed": 0, "changed": 0}
    assert json.loads((out / "croissant.json").read_text(encoding="utf-8"))["version"] == second_version
    assert [e.version for e in read_changelog(seed_corpus.root).entries] == [None, second_version, first_version]


def test_verify_reports_a_corrupted_parquet_and_a_missing_file(build_copy: Path) -> None:
    assert verify(build_copy) == []
    target = next(iter(sorted(build_copy.glob("data/spans/*.parquet"))))
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    missing = next(iter(sorted(build_copy.glob("data/tokens/*.parquet"))))
    missing.unlink()
    problems = verify(build_copy)
    assert ("checksum-mismatch", str(target)) in {(p.code, p.file) for p in problems}
    assert any(p.code == "build-file-missing" and missing.name in p.message for p in problems)

    ran = CliRunner().invoke(verify_command, [str(build_copy)])
    assert ran.exit_code == 1
    assert "checksum-mismatch" in ran.output and "build-file-missing" in ran.output


def test_verify_opens_every_parquet_even_when_checksums_agree(build_copy: Path) -> None:
    target = next(iter(sorted(build_copy.glob("data/documents/*.parquet"))))
    target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    write_checksums(build_copy)
    assert [p.code for p in verify(build_copy)] == ["parquet-unreadable"]


def test_publish_dry_run_lists_the_files_and_refuses_a_damaged_build(build_copy: Path) -> None:
    ran = CliRunner().invoke(publish_command, [str(build_copy), "--repo-id", "someone/belarus-corpus", "--dry-run"])
    assert ran.exit_code == 0, ran.output
    files = sorted(p.relative_to(build_copy).as_posix() for p in build_copy.rglob("*") if p.is_file())
    assert f"would upload {len(files)} files" in ran.output
    for name in files:
        assert name in ran.output
    assert publish(build_copy, "someone/belarus-corpus", dry_run=True).files

    bad = CliRunner().invoke(publish_command, [str(build_copy), "--repo-id", "not a repo id", "--dry-run"])
    assert bad.exit_code == 2 and "bad-repo-id" in bad.output

    (build_copy / "README.md").write_text("changed\n", encoding="utf-8")
    refused = CliRunner().invoke(publish_command, [str(build_copy), "--repo-id", "someone/belarus-corpus",
                                                   "--dry-run"])
    assert refused.exit_code == 1
    assert "publish-refused" in refused.output and "checksum-mismatch" in refused.output
    with pytest.raises(CorpusError):
        publish(build_copy, "someone/belarus-corpus", dry_run=False)  # refused before any network access
