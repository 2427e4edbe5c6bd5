"""CI reuse and publishing (#15 item 10): GitHub annotations from the repository's top, a job summary, the
composite action run as a workflow runs it, the pre-commit hook's files, and publish private by default."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from belarus_corpus.cli import main
from belarus_corpus.validate.github import job_summary, repository_prefix
from belarus_corpus.validate.report import Report
from helpers import ARTICLE

REPO = Path(__file__).resolve().parents[2]


def monorepo(tmp_path: Path) -> Path:
    """A git repository holding a corpus in corpus/ with one article and one store whose line 1 is broken."""
    repo = tmp_path / "repo"
    corpus = repo / "corpus"
    corpus.mkdir(parents=True)
    shutil.copytree(REPO / "schema", corpus / "schema")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "article.txt"), "--root", str(corpus)])
    assert result.exit_code == 0, result.output
    (corpus / "annotations").mkdir()
    (corpus / "annotations" / "article.jsonl").write_text("{not json\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def test_github_annotations_name_files_from_the_repository_top(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo = monorepo(tmp_path)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    result = CliRunner().invoke(main, ["validate", "--root", "corpus", "--format", "github"])
    assert result.exit_code == 1
    assert "::error file=corpus/annotations/article.jsonl,line=1,title=invalid-json::" in result.output
    summary = summary_file.read_text(encoding="utf-8")
    assert summary.startswith("### belarus-corpus validate (`corpus/`): invalid")
    assert "| error | `invalid-json` | 1 |" in summary and "`corpus/annotations/article.jsonl:1`" in summary


def test_the_workspace_decides_the_prefix_and_the_top_has_none(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert repository_prefix(tmp_path / "a" / "b", {"GITHUB_WORKSPACE": str(tmp_path)}) == "a/b"
    assert repository_prefix(tmp_path, {"GITHUB_WORKSPACE": str(tmp_path)}) == ""
    assert repository_prefix(tmp_path, {"GITHUB_WORKSPACE": str(tmp_path / "a")}) == ""  # outside: unchanged


def test_a_valid_corpus_gets_a_short_summary() -> None:
    text = job_summary(Report())
    assert text.startswith("### belarus-corpus validate: valid") and "|" not in text


def test_the_composite_action_validates_as_a_workflow_runs_it(tmp_path: Path) -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite" and action["inputs"]["root"]["default"] == "."
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "Validate the corpus")
    assert "${{" not in step["run"], "inputs reach the shell through env, never interpolated into it"
    repo = monorepo(tmp_path)
    summary_file = tmp_path / "summary.md"
    env = {**os.environ, "ROOT": "corpus", "GITHUB_WORKSPACE": str(repo), "GITHUB_STEP_SUMMARY": str(summary_file),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}  # this checkout
    ran = subprocess.run(["bash", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert ran.returncode == 1, ran.stderr
    assert "file=corpus/annotations/article.jsonl,line=1,title=invalid-json" in ran.stdout
    assert "invalid-json" in summary_file.read_text(encoding="utf-8")


def test_the_workflow_uses_the_action_as_other_repositories_do() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    uses = [step.get("uses") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "./" in uses


def test_the_pre_commit_hook_runs_for_every_file_validate_reads() -> None:
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    pattern = re.compile(hook["files"])
    for path in ("raw/a.txt", "raw/a.provenance.json", "annotations/a.jsonl", "schema/taxonomy.json",
                 "metadata/splits.json", "DATASHEET.md"):
        assert pattern.search(path), path
    for path in ("README.md", "belarus_corpus/cli/__init__.py", "docs/DATASHEET.md"):
        assert not pattern.search(path), path


@pytest.fixture
def built(seed_corpus: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = seed_corpus.root  # type: ignore[attr-defined]
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    return root


def test_readme_publish_example_runs_as_written_and_is_private(built: Path) -> None:
    line = re.search(r"```console\n\$ (belarus-corpus publish [^\n]+)\n```", (REPO / "README.md").read_text())
    assert line, "README has no publish example"
    arguments = line.group(1).split()[1:]
    arguments[arguments.index("ORG/NAME")] = "my-org/belarus-corpus"
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "would upload" in result.output and "(private)" in result.output
    assert "have no known licence" in result.output


def test_public_is_refused_while_licences_are_unknown_unless_acknowledged(built: Path) -> None:
    base = ["publish", "dist/belarus-corpus", "--repo-id", "my-org/belarus-corpus", "--dry-run", "--public"]
    refused = CliRunner().invoke(main, base)
    assert refused.exit_code == 2
    assert "[public-unknown-licence]" in refused.output and "nothing was uploaded" in refused.output
    accepted = CliRunner().invoke(main, [*base, "--accept-unknown-licences"])
    assert accepted.exit_code == 0 and "(public)" in accepted.output
