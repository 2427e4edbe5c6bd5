"""Exit codes and roots (#15 item 8): the corpus root is found by walking up from the current folder, as git finds
its top; outside a corpus every command exits 2 with ``not-a-corpus`` and writes nothing; a missing path exits 2;
an unknown detector exits 2 naming the known ones; a declined confirmation exits 0 saying that nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reliability_support import ARTICLE, DOC, Frozen, expect, records, run

SPAN = "s_0000000000000000"
COMMANDS = {
    "validate": ["validate"],
    "fmt": ["fmt"],
    "fmt-check": ["fmt", "--check"],
    "schema": ["schema"],
    "build": ["build"],
    "stats": ["stats"],
    "annotate-list": ["annotate", "list"],
    "annotate-show": ["annotate", "show", DOC],
    "annotate-add": ["annotate", "add", DOC, "--layer", "claim", "--type", "event", "--start", "0", "--end", "5"],
    "annotate-update": ["annotate", "update", SPAN, "--note", "x"],
    "annotate-rm": ["annotate", "rm", SPAN, "--yes"],
    "annotate-relate": ["annotate", "relate", SPAN, SPAN, "--type", "hedge-scope"],
    "annotate-reanchor": ["annotate", "reanchor"],
    "annotate-progress": ["annotate", "progress"],
    "annotate-migrate": ["annotate", "migrate"],
    "review-accept": ["review", "accept", "--detector", "hedge-lexicon"],
    "review-reject": ["review", "reject", SPAN],
    "suggest": ["suggest"],
    "agreement": ["agreement", "--annotator", "a", "--annotator", "b"],
    "curate": ["curate", "--annotator", "a", "--annotator", "b"],
    "release": ["release"],
    "diff": ["diff"],
    "doctor": ["doctor"],
    "export": ["export", "--format", "jsonl", "--out", "{tmp}/exported"],
    "import": ["import", "--format", "jsonl", "{tmp}/records.jsonl"],
    "evaluate": ["evaluate", "{tmp}/records.jsonl"],
}


def _args(name: str, tmp: Path) -> list[str]:
    return [part.replace("{tmp}", str(tmp)) for part in COMMANDS[name]]


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is no corpus (nor is any folder above it), and an input file beside it."""
    monkeypatch.delenv("BELARUS_CORPUS_ROOT", raising=False)
    (tmp_path / "records.jsonl").write_text('{"doc_id": "doc", "layer": "claim", "type": "event", "start": 0, '
                                            '"end": 5}\n', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    return empty


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_outside_a_corpus_every_command_exits_2(outside: Path, frozen: Frozen, name: str) -> None:
    frozen(outside.parent)
    result = run(_args(name, outside.parent), cwd=outside)
    problem = expect(result, 2, "not-a-corpus")
    assert "not a corpus" in problem.message
    frozen.check(allow_new_locks=False)


@pytest.mark.parametrize("name", ["validate", "build", "annotate-list", "doctor", "suggest"])
def test_a_missing_root_exits_2(outside: Path, frozen: Frozen, name: str) -> None:
    frozen(outside.parent)
    missing = outside / "no-such-folder"
    for how in (["--root", str(missing)], []):
        env = {"BELARUS_CORPUS_ROOT": str(missing)} if not how else None
        result = run([*_args(name, outside.parent), *how], cwd=outside, env=env)
        expect(result, 2, "not-a-corpus", file=str(missing))
    frozen.check(allow_new_locks=False)


@pytest.mark.parametrize("where", ["annotations", "raw", "schema"])
def test_the_root_is_found_from_a_folder_inside_it(corpus_root: Path, monkeypatch: pytest.MonkeyPatch,
                                                   where: str) -> None:
    monkeypatch.delenv("BELARUS_CORPUS_ROOT", raising=False)
    nested = corpus_root / where
    at_root = run(["annotate", "list", "--format", "jsonl"], cwd=corpus_root)
    inside = run(["annotate", "list", "--format", "jsonl"], cwd=nested)
    assert at_root.returncode == inside.returncode == 0, inside.describe()
    assert inside.stdout == at_root.stdout and inside.stdout.strip()
    validated = run(["validate"], cwd=nested)
    assert validated.returncode == 0 and "1 documents" in validated.stdout, validated.describe()
    explicit = run(["validate", "--root", nested])
    assert explicit.stdout == validated.stdout


def test_ingest_starts_a_corpus_where_there_is_none(outside: Path) -> None:
    article = outside.parent / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(["ingest", article], cwd=outside).returncode == 0
    assert (outside / "raw" / "article.provenance.json").is_file()
    validated = run(["validate"], cwd=outside / "raw")
    assert validated.returncode == 0 and "1 documents" in validated.stdout, validated.describe()


def test_a_missing_store_path_exits_2(corpus_root: Path, frozen: Frozen) -> None:
    frozen(corpus_root)
    result = run(["validate", "--root", corpus_root, corpus_root / "annotations" / "missing.jsonl"])
    expect(result, 2, "file-not-found", file=str(corpus_root / "annotations" / "missing.jsonl"))
    assert "valid" not in result.stdout
    frozen.check(allow_new_locks=False)


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_an_unknown_detector_exits_2_with_the_known_names(corpus_root: Path, frozen: Frozen, decision: str) -> None:
    frozen(corpus_root)
    result = run(["review", decision, "--root", corpus_root, "--detector", "typo"])
    problem = expect(result, 2, "unknown-detector")
    assert "'typo'" in problem.message and "hedge-lexicon" in problem.message
    frozen.check()


def test_a_declined_confirmation_exits_0_and_changes_nothing(corpus_root: Path, store: Path, frozen: Frozen) -> None:
    span_id = next(r["id"] for r in records(store) if r.get("kind", "span") == "span")
    frozen(corpus_root)
    for answer in ("n\n", ""):  # "no", and no answer at all (stdin closed)
        result = _run_with_input(["annotate", "rm", "--root", str(corpus_root), span_id, "--cascade"], answer)
        assert result[0] == 0, result
        assert "nothing changed" in result[2], result
        frozen.check()


def _run_with_input(args: list[str], answer: str) -> tuple[int, str, str]:
    import subprocess

    from reliability_support import cli

    done = subprocess.run([*cli(), *args], input=answer, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ), check=False)
    return done.returncode, done.stdout, done.stderr
