"""``belarus-corpus agreement``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--annotator", "annotators", multiple=True, required=True, help="Give exactly two.")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@root_option
@reports_errors
def agreement(annotators: tuple[str, ...], doc_ids: tuple[str, ...], output_format: str, root: str) -> None:
    """Agreement between two annotators: span F1 (exact, partial) per layer/type and Krippendorff's alpha.

    \b
    Example:
      belarus-corpus agreement --annotator alice --annotator bob --format json
    """
    import json

    from ..annotate.agreement import agreement as compute
    from ..annotate.agreement import render
    from ..errors import Problem, UsageError

    if len(annotators) != 2:
        raise UsageError(Problem("--annotator", None, "usage", f"got {len(annotators)} annotator(s)",
                                 "give --annotator exactly twice"))
    report = compute(corpus_for(root), annotators[0], annotators[1], list(doc_ids) or None)
    click.echo(json.dumps(report.to_dict(), indent=2) if output_format == "json" else render(report))
