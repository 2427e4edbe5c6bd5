"""``belarus-corpus stats``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--datasheet", is_flag=True, help="Rewrite the generated block of DATASHEET.md.")
@root_option
@reports_errors
def stats(output_format: str, datasheet: bool, root: str) -> None:
    """Counts of documents, characters and spans per layer, type, status and document.

    \b
    Example:
      belarus-corpus stats --format json
      belarus-corpus stats --datasheet
    """
    import json

    from ..stats import render_stats

    corpus = corpus_for(root)
    if datasheet:
        changed = corpus.update_datasheet()
        click.echo(f"DATASHEET.md {'updated' if changed else 'already up to date'}")
        return
    figures = corpus.stats()
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False) if output_format == "json" else render_stats(figures))
