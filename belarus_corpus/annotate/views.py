"""Terminal views (rich): a span table, and a document with its spans highlighted per layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Span

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .blind import BlindView

LAYER_STYLES = {"claim": "bold cyan", "stance": "bold magenta", "hedge": "bold yellow", "artifact": "bold red"}


def print_span_table(spans: list[Span]) -> None:
    """A rich table on a terminal; tab-separated columns when piped, so that it stays readable and greppable."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        import click

        click.echo("id\tdoc\tlayer/type\toffsets\tstatus\tmethod\ttext")
        for span in spans:
            text = span.text.replace("\t", " ").replace("\n", " ")
            click.echo(f"{span.id}\t{span.doc_id}\t{span.layer}/{span.type}\t{span.start}:{span.end}\t"
                       f"{span.status}\t{span.method}\t{text}")
        return
    table = Table(show_lines=False)
    for column in ("id", "doc", "layer/type", "offsets", "status", "method", "text"):
        table.add_column(column, overflow="fold")
    for span in spans:
        text = span.text if len(span.text) <= 60 else span.text[:57] + "..."
        table.add_row(span.id, span.doc_id, f"{span.layer}/{span.type}", f"{span.start}:{span.end}", span.status,
                      span.method, text)
    console.print(table)
    console.print(f"{len(spans)} span(s)")


def show_document(corpus: CorpusReader, doc_id: str, layers: list[str], statuses: list[str],
                  view: BlindView | None = None) -> None:
    from rich.console import Console
    from rich.text import Text

    document = corpus.document(doc_id)
    spans = [s for s in corpus.annotations(doc_id).spans
             if (not layers or s.layer in layers) and s.status in statuses and (view is None or view.shows(s))]
    text = Text(document.text)
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        style = LAYER_STYLES.get(span.layer, "bold")
        text.stylize(style if span.status == "gold" else f"{style} underline", span.start, span.end)
    console = Console()
    console.rule(f"{doc_id} — {document.title or '(no title)'}")
    console.print(text)
    legend = Text("legend: ")
    for layer, style in LAYER_STYLES.items():
        count = sum(1 for s in spans if s.layer == layer)
        legend.append(f" {layer} ({count}) ", style=style)
    legend.append("  (underlined = suggested)")
    console.rule()
    console.print(legend)
