"""The CLI: every command has help with an example, --help stays light, and errors map to exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.cli import COMMANDS, main
from helpers import ARTICLE, MakeCorpus, tree


def all_commands() -> list[tuple[str, click.Command]]:
    found = []
    for name in sorted(COMMANDS):
        command = main.get_command(click.Context(main), name)
        assert command is not None, name
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", command.commands[sub]) for sub in sorted(command.commands)]
    return found


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=[n for n, _ in all_commands()])
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 20, f"{name} lacks help"
    assert "Example" in command.help, f"{name}'s help has no example"
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from belarus_corpus.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('datasets', 'pyarrow', 'langdetect', 'jsonschema', 'rich', 'rapidfuzz', 'orjson',"
            " 'huggingface_hub', 'spacy', 'belarus_corpus.interop.base', 'belarus_corpus.interop.brat',"
            " 'belarus_corpus.interop.spacy_docbin', 'belarus_corpus.store', 'belarus_corpus.corpus')"
            " if m in sys.modules]\nprint('HEAVY', heavy)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in output


def test_format_names_for_help_are_the_registry() -> None:
    """`interop` is a lazy package: the CLI reads the names from `interop.registry` without importing a format."""
    from belarus_corpus.cli.interop_cmd import FORMAT_NAMES
    from belarus_corpus.interop import FORMATS

    assert tuple(sorted(FORMATS)) == FORMAT_NAMES
    assert all(name == module.NAME for name, module in FORMATS.items())


def test_ingest_cli_refusal_is_exit_1_with_hint(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"a.txt": ARTICLE})
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    before = tree(corpus.root)
    result = CliRunner().invoke(main, ["ingest", str(bad), "--root", str(corpus.root)])
    assert result.exit_code == 1
    assert "[empty-file]" in result.output and "hint:" in result.output and str(bad) in result.output
    assert "Traceback" not in result.output
    assert tree(corpus.root) == before


def test_usage_errors_exit_2(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"a.txt": ARTICLE})
    runner = CliRunner()
    result = runner.invoke(main, ["annotate", "add", "a", "--layer", "claim", "--type", "rumour", "--quote", "Envoy",
                                  "--root", str(corpus.root)])
    assert result.exit_code == 2 and "[unknown-type]" in result.output and "quantity" in result.output
    result = runner.invoke(main, ["annotate", "add", "a", "--layer", "claim", "--type", "event",
                                  "--root", str(corpus.root)])
    assert result.exit_code == 2 and "--quote" in result.output
    result = runner.invoke(main, ["build", "--split-by-document", "x:1", "--root", str(corpus.root)])
    assert result.exit_code == 2 and "[bad-split]" in result.output
    assert runner.invoke(main, ["no-such-command"]).exit_code == 2


def test_validate_formats(seed_corpus: Corpus) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", "--root", str(seed_corpus.root)])
    assert ok.exit_code == 0, ok.output
    store = seed_corpus.layout.store("003_122411c343ab6a52")
    store.write_text('{"kind": "span", "id": "s_0000000000000000"}\n', encoding="utf-8")
    text = runner.invoke(main, ["validate", "--root", str(seed_corpus.root)])
    assert text.exit_code == 1 and "annotations/003_122411c343ab6a52.jsonl:1" in text.output
    as_json = runner.invoke(main, ["validate", "--format", "json", "--root", str(seed_corpus.root)])
    report = json.loads(as_json.output)
    assert report["valid"] is False and {"missing-field"} <= {p["code"] for p in report["problems"]}
    github = runner.invoke(main, ["validate", "--format", "github", "--root", str(seed_corpus.root)])
    assert "::error file=annotations/003_122411c343ab6a52.jsonl,line=1,title=missing-field::" in github.output


def test_schema_command_detects_and_writes(seed_corpus: Corpus) -> None:
    runner = CliRunner()
    root = ["--root", str(seed_corpus.root)]
    assert runner.invoke(main, ["schema", *root]).exit_code == 0
    path = seed_corpus.layout.schema_dir / "span.schema.json"
    path.write_text("{}", encoding="utf-8")
    assert runner.invoke(main, ["schema", *root]).exit_code == 1
    assert runner.invoke(main, ["schema", "--write", *root]).exit_code == 0
    assert runner.invoke(main, ["validate", *root]).exit_code == 0
