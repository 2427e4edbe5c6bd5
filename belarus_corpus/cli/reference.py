"""The CLI reference (docs/CLI.md), generated from every command's --help so that it cannot drift.

Regenerate with: ``python -m belarus_corpus.cli.reference > docs/CLI.md``
"""

from __future__ import annotations

import click

from . import COMMANDS, main


def _help(path: list[str], command: click.Command) -> str:
    """Help as the user sees it: inside the main group's context (so ``-h, --help``), 100 columns wide."""
    root = click.Context(main, info_name="belarus-corpus", terminal_width=100, max_content_width=100,
                         help_option_names=["-h", "--help"])
    with click.Context(command, info_name=" ".join(path), parent=root) as context:
        return command.get_help(context)


def reference() -> str:
    parts = ["# CLI reference", "", "Generated from `--help` by `python -m belarus_corpus.cli.reference`; "
             "`tests/test_docs.py` fails when it is out of date.", ""]
    for name in sorted(COMMANDS):
        command = main.get_command(click.Context(main), name)
        assert command is not None
        entries = [([name], command)]
        if isinstance(command, click.Group):
            entries += [([name, sub], command.commands[sub]) for sub in sorted(command.commands)]
        for path, item in entries:
            parts += [f"## belarus-corpus {' '.join(path)}", "", "```text", _help(path, item).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
