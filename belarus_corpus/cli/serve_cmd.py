"""``belarus-corpus serve``: the web workspace."""

from __future__ import annotations

import click

from .annotate_cmd import annotator_option
from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (keep it local).")
@click.option("--port", type=click.IntRange(0, 65535), default=8642, show_default=True, help="Port (0: any free one).")
@click.option("--decisions", default="curation/decisions.jsonl", show_default=True,
              help="Where curation decisions are kept (inside the corpus root).")
@annotator_option
@root_option
@reports_errors
def serve(host: str, port: int, decisions: str, annotator: str | None, root: str) -> None:
    """Open a browser workspace over the corpus: overview, documents, review, relations, curation, search.

    Prints an address with a random access token (needed on every request); writes go through the same
    functions as the other commands and are refused when the store changed since the page was loaded.

    \b
    Example:
      belarus-corpus serve --annotator alice
    """
    from ..serve.workspace import ServeOptions

    options = ServeOptions(host=host, port=port, annotator=annotator, decisions=decisions)
    corpus_for(root).serve(options, announce=lambda url: click.echo(f"belarus-corpus workspace: {url}\n"
                                                                   "(Ctrl-C to stop)"))
