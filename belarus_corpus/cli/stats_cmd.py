"""``belarus-corpus stats``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@root_option
@reports_errors
def stats(output_format: str, root: str) -> None:
    """Counts of documents, characters and spans per layer, type, status and document.

    \b
    Example:
      belarus-corpus stats --format json
    """
    import json

    from ..stats import corpus_stats, render_stats

    figures = corpus_stats(corpus_for(root))
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False) if output_format == "json" else render_stats(figures))
