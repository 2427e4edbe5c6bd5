"""The export and import commands: losses listed, records stored valid, nothing written twice or half."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from interop_corpus import Small

from belarus_corpus.cli.interop_cmd import export, import_
from helpers import tree


def _run(command: object, *args: str) -> object:
    return CliRunner().invoke(command, [*args])  # type: ignore[arg-type]


def _empty_stores(small: Small) -> None:
    for path in small.corpus.layout.annotations_dir.glob("*.jsonl"):
        path.unlink()


def test_export_lists_losses_and_counts(small: Small, tmp_path: Path) -> None:
    root = str(small.corpus.root)
    result = CliRunner().invoke(export, ["--format", "brat", "--out", str(tmp_path / "b"), "--root", root])
    assert result.exit_code == 0, result.output
    assert "exported 14 spans and 3 relations" in result.stdout and "[export-loss]" in result.stderr
    failing = CliRunner().invoke(export, ["--format", "brat", "--out", str(tmp_path / "b"), "--root", root,
                                          "--fail-on-loss", "--layer", "mood"])
    assert failing.exit_code == 2 and "unknown-layer" in failing.stderr


def test_import_stores_valid_records_once(small: Small, tmp_path: Path) -> None:
    root = str(small.corpus.root)
    exported = CliRunner().invoke(export, ["--format", "labelstudio", "--out", str(tmp_path), "--root", root])
    assert exported.exit_code == 0
    _empty_stores(small)
    first = CliRunner().invoke(import_, ["--format", "labelstudio", str(tmp_path / "tasks.json"), "--root", root])
    assert first.exit_code == 0, first.output
    assert "imported 14 spans and 3 relations" in first.stdout
    assert small.corpus.validate().valid
    spans = [s for doc_id in ("alpha", "beta") for s in small.corpus.annotations(doc_id).spans]
    assert {s.method for s in spans} == {"import:labelstudio"} and {s.status for s in spans} == {"suggested"}
    before = tree(small.corpus.root)
    again = CliRunner().invoke(import_, ["--format", "labelstudio", str(tmp_path / "tasks.json"), "--root", root])
    assert again.exit_code == 1 and "[id-exists]" in again.stderr
    assert tree(small.corpus.root) == before


def test_import_skips_what_is_there_and_refuses_conflicts(small: Small, tmp_path: Path) -> None:
    root = str(small.corpus.root)
    CliRunner().invoke(export, ["--format", "jsonl", "--out", str(tmp_path), "--root", root])
    same = CliRunner().invoke(import_, ["--format", "jsonl", str(tmp_path), "--root", root, "--dry-run"])
    assert same.exit_code == 0 and "would import 0 spans and 0 relations" in same.stdout
    lines = (tmp_path / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    changed = [json.loads(line) for line in lines]
    stance = next(r for r in changed if r.get("layer") == "stance")
    stance["attributes"]["target"] = "sanctions-relief"
    (tmp_path / "annotations.jsonl").write_text("\n".join(json.dumps(r) for r in changed) + "\n", encoding="utf-8")
    before = tree(small.corpus.root)
    conflict = CliRunner().invoke(import_, ["--format", "jsonl", str(tmp_path), "--root", root])
    assert conflict.exit_code == 1 and "[duplicate-span]" in conflict.stderr
    assert tree(small.corpus.root) == before


def test_import_refuses_a_file_with_errors_unless_told(small: Small, tmp_path: Path) -> None:
    root = str(small.corpus.root)
    CliRunner().invoke(export, ["--format", "conll", "--out", str(tmp_path), "--root", root])
    _empty_stores(small)
    refused = CliRunner().invoke(import_, ["--format", "conll", str(tmp_path / "corpus.conll"), "--root", root])
    assert refused.exit_code == 1 and "[missing-required-attribute]" in refused.stderr
    assert "[import-refused]" in refused.stderr and not list(small.corpus.layout.annotations_dir.glob("*.jsonl"))
    taken = CliRunner().invoke(import_, ["--format", "conll", str(tmp_path / "corpus.conll"), "--root", root,
                                         "--skip-invalid", "--annotator", "tagger"])
    assert taken.exit_code == 0 and "imported 11 spans" in taken.stdout
    assert small.corpus.validate().valid
