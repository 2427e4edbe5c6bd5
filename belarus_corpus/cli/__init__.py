"""The ``belarus-corpus`` command: a thin layer over the Python API (``belarus_corpus.Corpus``)."""

from __future__ import annotations

import importlib
from typing import Any

import click

from .._version import __version__

# command name → "module:attribute"; modules are imported only when a command is listed or run.
COMMANDS = {
    "ingest": "ingest_cmd:ingest",
    "validate": "validate_cmd:validate",
    "fmt": "validate_cmd:fmt",
    "schema": "validate_cmd:schema",
    "build": "build_cmd:build",
    "stats": "stats_cmd:stats",
    "splits": "splits_cmd:splits",
    "annotate": "annotate_cmd:annotate",
    "review": "review_cmd:review",
    "agreement": "agreement_cmd:agreement",
    "curate": "curate_cmd:curate",
    "suggest": "suggest_cmd:suggest",
    "release": "release_cmd:release",
    "diff": "release_cmd:diff",
    "verify": "release_cmd:verify",
    "publish": "release_cmd:publish",
    "export": "interop_cmd:export",
    "import": "interop_cmd:import_",
    "doctor": "doctor_cmd:doctor",
    "evaluate": "evaluate_cmd:evaluate",
    "serve": "serve_cmd:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        command: Any = getattr(module, attribute)
        return command  # type: ignore[no-any-return]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="belarus-corpus")
def main() -> None:
    """Build, annotate and validate the belarus-corpus dataset.

    \b
    Example:
      belarus-corpus ingest article.txt && belarus-corpus validate && belarus-corpus build
    """
