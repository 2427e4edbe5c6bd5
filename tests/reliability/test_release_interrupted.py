"""All or nothing across files (#15 item 2): ``release`` writes a journal before it changes any file. Killed
(SIGKILL: no clean-up runs) at every step in turn, it leaves either the old state or one that ``doctor`` reports
as ``release-interrupted`` and ``doctor --fix`` completes (the record was written) or rolls back; ``release``
refuses to start over a journal, and after the fix it runs as if nothing had happened."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import CHILD, doctor_cli, expect, run, snapshot

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}
CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- The test article.\n"
STEPS = ["planned", "journal", "DATASET_VERSION", "CHANGELOG.md", "build", "record"]


def sources(root: Path) -> dict[str, bytes]:
    """What a release edits: DATASET_VERSION, CHANGELOG.md and the release records."""
    found = {name: (root / name).read_bytes() for name in ("DATASET_VERSION", "CHANGELOG.md")}
    for path in sorted((root / "releases").glob("*")) if (root / "releases").is_dir() else []:
        if not path.name.endswith(".lock"):
            found[f"releases/{path.name}"] = path.read_bytes()
    return found


def _make_releasable(root: Path) -> Path:
    (root / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    (root / "DATASET_VERSION").write_text("0.1.0\n", encoding="utf-8")
    return root


@pytest.fixture
def releasable(corpus_root: Path) -> Path:
    return _make_releasable(corpus_root)


@pytest.fixture(scope="module")
def released(template_root: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[dict[str, bytes], dict[str, bytes | str]]:
    """The sources and the build of the same release, run without interruption in a copy."""
    reference = tmp_path_factory.mktemp("reference") / "corpus"
    shutil.copytree(template_root, reference, symlinks=True)
    _make_releasable(reference)
    done = run(["release", "--root", reference, "--bump", "minor"], env=EPOCH)
    assert done.returncode == 0, done.describe()
    return sources(reference), snapshot(reference / "dist" / "belarus-corpus")


def _kill_at(step: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHILD), "release-killed-at", step, str(root), "--bump", "minor"],
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**__import__("os").environ, **EPOCH})


@pytest.mark.parametrize("step", STEPS)
def test_release_killed_at_every_step_is_completed_or_rolled_back(
        releasable: Path, released: tuple[dict[str, bytes], dict[str, bytes | str]], step: str) -> None:
    complete, complete_build = released
    before = sources(releasable)
    killed = _kill_at(step, releasable)
    assert killed.returncode == -9 and f"killed at {step}" in killed.stdout, killed.stdout + killed.stderr
    checked = run([*doctor_cli(), "--root", releasable], command=[])
    if step == "planned":  # nothing was written yet
        assert sources(releasable) == before
        assert "release-interrupted" not in checked.stdout, checked.describe()
    else:
        expect(checked, 1, "release-interrupted", file="releases/.release-journal.json", hint="doctor --fix")
        again = run(["release", "--root", releasable, "--bump", "minor"], env=EPOCH)
        expect(again, 1, "release-interrupted")
        fixed = run([*doctor_cli(), "--root", releasable, "--fix"], command=[])
        assert fixed.returncode == 0, fixed.describe()
        outcome = "completed" if step == "record" else "rolled back"
        assert f"was {outcome}" in fixed.stdout + fixed.stderr, fixed.describe()
        assert "release-recovered" in fixed.stdout, fixed.describe()
        assert "release-interrupted" not in fixed.stdout
        if step == "record":
            assert sources(releasable) == complete
            assert snapshot(releasable / "dist" / "belarus-corpus") == complete_build
            expect(run(["release", "--root", releasable, "--bump", "minor"], env=EPOCH), 1,
                   "changelog-unreleased-empty")
            return
        assert sources(releasable) == before
    rerun = run(["release", "--root", releasable, "--bump", "minor"], env=EPOCH)
    assert rerun.returncode == 0, rerun.describe()
    assert sources(releasable) == complete
    assert snapshot(releasable / "dist" / "belarus-corpus") == complete_build


def test_a_journal_that_is_not_ours_is_reported_and_never_followed(releasable: Path) -> None:
    journal = releasable / "releases" / ".release-journal.json"
    journal.parent.mkdir()
    journal.write_text('{"version": "9.9.9", "record": "releases/9.9.9.json", "out": "dist", "files": '
                       '{"raw/doc.txt": {"old": "overwritten", "new": "overwritten"}}}', encoding="utf-8")
    raw = (releasable / "raw" / "doc.txt").read_bytes()
    expect(run([*doctor_cli(), "--root", releasable], command=[]), 1, "release-journal-invalid")
    expect(run([*doctor_cli(), "--root", releasable, "--fix"], command=[]), 1, "release-journal-invalid")
    expect(run(["release", "--root", releasable]), 1, "release-journal-invalid")
    assert (releasable / "raw" / "doc.txt").read_bytes() == raw


def test_a_changelog_edited_while_the_release_is_planned_is_a_conflict(releasable: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The release plans without the lock (a refusal writes nothing) and checks again under it."""
    import contextlib
    from collections.abc import Iterator

    import belarus_corpus.release.release as release_module
    from belarus_corpus import Corpus
    from belarus_corpus.errors import CorpusError

    real = release_module.locked
    edited = CHANGELOG + "- Another change, written meanwhile.\n"

    @contextlib.contextmanager
    def edited_first(path: Path, *args: object) -> Iterator[None]:
        (releasable / "CHANGELOG.md").write_text(edited, encoding="utf-8")
        with real(path):
            yield

    monkeypatch.setattr(release_module, "locked", edited_first)
    before = sources(releasable)
    with pytest.raises(CorpusError) as refused:
        Corpus(releasable).release(bump="minor")
    assert refused.value.code == "release-conflict"
    assert sources(releasable) == {**before, "CHANGELOG.md": edited.encode()}
