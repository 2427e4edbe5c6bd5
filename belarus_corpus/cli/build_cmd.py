"""``belarus-corpus build``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .common import corpus_for, engine_options, reports_errors, root_option


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: dist/belarus-corpus under the root).")
@click.option("--split-by-document", metavar="SEED:RATIO...", help="Deterministic train/validation/test split "
              "of documents, e.g. 13:0.8:0.2; default: one train split.")
@click.option("--check-load", is_flag=True, help="Load every config back with datasets.load_dataset and print it.")
@click.option("--verbose", "-v", is_flag=True, help="List every warning (default: a count per code).")
@engine_options
@root_option
@reports_errors
def build(out: Path | None, split_by_document: str | None, check_load: bool, verbose: bool, root: str,
          engine: Any) -> None:
    """Build the Hugging Face dataset folder: Parquet configs, card, Croissant, checksums.

    The same sources always give byte-identical files, whatever the executor and the number of workers; a
    killed build resumes when run again (docs/SCALE.md).

    \b
    Example:
      belarus-corpus build --out dist/belarus-corpus --check-load
      belarus-corpus build --verbose
    """
    from collections import Counter

    result = corpus_for(root).build(out, split_by_document=split_by_document, engine=engine)
    if verbose:
        for problem in result.warnings:
            click.echo(problem.render(), err=True)
    elif result.warnings:
        by_code = Counter(str(problem.code) for problem in result.warnings)
        listed = ", ".join(f"{code} {n}" for code, n in sorted(by_code.items()))
        click.echo(f"{len(result.warnings)} warning(s): {listed} (--verbose lists them)", err=True)
    click.echo(f"built {result.out} (dataset version {result.dataset_version})")
    for config, counts in sorted(result.counts.items()):
        click.echo(f"  {config}: " + ", ".join(f"{split}={n}" for split, n in sorted(counts.items())))
    if check_load:
        from ..build.loading import describe_load

        click.echo(describe_load(result.out))
