"""``belarus-corpus validate``, ``fmt`` and ``schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .common import corpus_for, engine_options, reports_errors, root_option


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for machines, github for Actions annotations.")
@engine_options
@root_option
@reports_errors
def validate(paths: tuple[Path, ...], output_format: str, root: str, engine: Any) -> None:
    """Check raw files, provenance, schemas and every annotation; exit 1 if anything is invalid.

    With PATHS, only those annotation stores are checked. With --format github, file paths are given from the
    repository's top (so `--root corpus` in a monorepo annotates corpus/...), and under GitHub Actions a
    summary is appended to the job's summary page ($GITHUB_STEP_SUMMARY).

    \b
    Example:
      belarus-corpus validate --format github
    """
    from ..validate.report import RENDERERS, render_github

    corpus = corpus_for(root)
    report = corpus.validate([str(p) for p in paths] or None, engine=engine)
    if output_format == "github":
        from ..validate.github import repository_prefix, write_job_summary

        prefix = repository_prefix(corpus.root)
        click.echo(render_github(report, prefix))
        write_job_summary(report, prefix)
    else:
        click.echo(RENDERERS[output_format](report))
    raise SystemExit(0 if report.valid else 1)


@click.command()
@click.option("--check", is_flag=True, help="Only report stores that are not canonical (exit 1 if any).")
@root_option
@reports_errors
def fmt(check: bool, root: str) -> None:
    """Rewrite every annotation store canonically (sorted records, sorted keys, LF).

    Refuses a store with a line it cannot parse, and changes nothing then.

    \b
    Example:
      belarus-corpus fmt --check
    """
    changed = corpus_for(root).fmt(check=check)
    for path in changed:
        click.echo(f"{'would reformat' if check else 'reformatted'} {path}")
    if check and changed:
        raise SystemExit(1)


@click.command()
@click.option("--write", is_flag=True, help="Write the generated schemas into schema/.")
@root_option
@reports_errors
def schema(write: bool, root: str) -> None:
    """Generate span.schema.json and relation.schema.json from the corpus's taxonomy.

    The taxonomy is schema/taxonomy.json when the corpus has one, else the one shipped with the package.

    Without --write, exits 1 if the files in schema/ are out of date.

    \b
    Example:
      belarus-corpus schema --write
    """
    corpus = corpus_for(root)
    stale = corpus.schema(write=write).stale
    for path in stale:
        click.echo(f"{'wrote' if write else 'out of date:'} {corpus.layout.relative(path)}")
    if stale and not write:
        raise SystemExit(1)
