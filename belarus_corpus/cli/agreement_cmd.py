"""``belarus-corpus agreement``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--annotator", "annotators", multiple=True, required=True, help="Two or more, each once.")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents.")
@click.option("--seed", type=int, default=16, show_default=True, help="Seed of the document bootstrap.")
@click.option("--samples", type=click.IntRange(min=100), default=1000, show_default=True,
              help="Bootstrap resamples.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@root_option
@reports_errors
def agreement(annotators: tuple[str, ...], doc_ids: tuple[str, ...], seed: int, samples: int, output_format: str,
              root: str) -> None:
    """Agreement of two or more annotators: span F1 (exact, partial), alpha, kappa, 95% intervals.

    F1 per layer, type and document; Krippendorff's alpha for unitizing per layer; kappa on the attribute
    values of matched spans; intervals from a seeded bootstrap over documents; diagnostics when a figure
    means little. The rules are stated in the output.

    \b
    Example:
      belarus-corpus agreement --annotator alice --annotator bob --format json
    """
    import json

    from ..annotate.agreement_render import render

    report = corpus_for(root).agreement(annotators, doc_ids, seed=seed, samples=samples)
    click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if output_format == "json"
               else render(report))
