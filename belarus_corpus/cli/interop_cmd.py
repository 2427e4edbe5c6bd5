"""``belarus-corpus export`` and ``belarus-corpus import``: other annotation formats (``belarus_corpus.interop``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import Problem
from ..interop.registry import FORMAT_NAMES
from .common import corpus_for, reports_errors, root_option

_FORMAT = click.option("--format", "format_name", required=True, type=click.Choice(FORMAT_NAMES),
                       help="brat, labelstudio, conll, spacy (DocBin) or jsonl.")
_SHOWN = 10


@click.command()
@_FORMAT
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write.")
@click.option("--layer", "layers", multiple=True, help="Export only this layer (repeatable); default: all.")
@click.option("--status", "statuses", multiple=True, help="Export only records with this status (repeatable).")
@click.option("--all-losses", is_flag=True, help="List every record the format cannot carry, not only the first.")
@click.option("--fail-on-loss", is_flag=True, help="Exit with status 1 if anything could not be carried.")
@root_option
@reports_errors
def export(format_name: str, out: Path, layers: tuple[str, ...], statuses: tuple[str, ...], all_losses: bool,
           fail_on_loss: bool, root: str) -> None:
    """Write the annotations in another format; what the format cannot carry is listed, never dropped silently.

    \b
    Example:
      belarus-corpus export --format brat --out /tmp/brat --status gold
    """
    report = corpus_for(root).export(format_name, out, layers, statuses)
    _show(report.losses, None if all_losses else _SHOWN, "--all-losses lists them")
    click.echo(f"exported {report.spans} spans and {report.relations} relations to {out} "
               f"({len(report.files)} files); {len(report.losses)} losses")
    if fail_on_loss and report.losses:
        sys.exit(1)


@click.command("import")
@_FORMAT
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--as-gold", is_flag=True, help="Store the records as gold (default: suggested, to be reviewed).")
@click.option("--annotator", help="Who made the annotations (default: what the file says, else 'unknown').")
@click.option("--skip-invalid", is_flag=True, help="Import what is valid even if some records are refused.")
@click.option("--dry-run", is_flag=True, help="Check everything, write nothing.")
@root_option
@reports_errors
def import_(format_name: str, path: Path, as_gold: bool, annotator: str | None, skip_invalid: bool, dry_run: bool,
            root: str) -> None:
    """Read annotations made in another tool into the stores, as new suggested records.

    Offsets are checked against the corpus texts; unknown labels and mismatching text are refused, never
    guessed. Nothing is written if a record is refused (unless --skip-invalid) or if an id already exists.

    \b
    Example:
      belarus-corpus import --format labelstudio project-export.json --annotator reviewer-a
    """
    outcome = corpus_for(root).import_(format_name, path, as_gold, annotator, skip_invalid, dry_run)
    for problem in outcome.result.problems:
        click.echo(problem.render(), err=True)
    applied = outcome.applied
    _show(applied.skipped, _SHOWN, "they are in the stores already")
    verb = "would import" if dry_run else "imported"
    click.echo(f"{verb} {len(applied.spans)} spans and {len(applied.relations)} relations from {path} "
               f"({len(applied.skipped)} already present)")


def _show(problems: list[Problem], limit: int | None, more: str) -> None:
    shown = problems if limit is None else problems[:limit]
    for problem in shown:
        click.echo(problem.render(), err=True)
    if len(problems) > len(shown):
        click.echo(f"... and {len(problems) - len(shown)} more ({more})", err=True)
