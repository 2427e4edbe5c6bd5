"""``belarus-corpus annotate find|undo|history|types``: searching, the operations log and the taxonomy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .common import corpus_for, reports_errors, root_option

F = TypeVar("F", bound=Callable[..., Any])


def format_option(choices: list[str]) -> Callable[[F], F]:
    return click.option("--format", "output_format", type=click.Choice(choices), default="auto", show_default=True,
                        help="auto: a table on a terminal, tab-separated values when piped.")


@click.command("find")
@click.argument("pattern")
@click.argument("doc_ids", nargs=-1, metavar="[DOC]...")
@click.option("--regex", is_flag=True, help="PATTERN is a (Python) regular expression.")
@click.option("-i", "--ignore-case", is_flag=True)
@click.option("--layer", help="Only matches inside a span of this layer.")
@click.option("--type", "type_", help="Only matches inside a span of this type.")
@click.option("--status", help="Only matches inside a span of this status.")
@click.option("--unannotated", is_flag=True, help="Only matches inside no span (of --layer/--type/--status).")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many matches.")
@format_option(["auto", "table", "tsv"])
@root_option
@reports_errors
def find(pattern: str, doc_ids: tuple[str, ...], regex: bool, ignore_case: bool, layer: str | None,
         type_: str | None, status: str | None, unannotated: bool, limit: int | None, output_format: str,
         root: str) -> None:
    """Find a text (or a regular expression) in the documents, with the spans at each match.

    \b
    Example:
      belarus-corpus annotate find "reportedly" --ignore-case --layer hedge --unannotated
      belarus-corpus annotate find "\\b\\d+ (prisoners|people)" --regex 001_f75b1ab643833f62
    """
    from ..annotate.listing import FindQuery
    from ..annotate.views import print_hits

    query = FindQuery(pattern, regex, ignore_case, list(doc_ids), layer, type_, status, unannotated, limit)
    print_hits(corpus_for(root).annotate_find(query), output_format)  # type: ignore[arg-type]


@click.command("undo")
@root_option
@reports_errors
def undo(root: str) -> None:
    """Take back the last annotation operation (add, update, rm, relate, review, reanchor, ...).

    Each store it wrote gets exactly its previous records back. Refused, changing nothing, when one of them
    has changed since (by hand, or by a command that is not logged, such as suggest). Run it again to go
    further back; 'annotate history' shows the log (.belarus-corpus/operations.jsonl).

    \b
    Example:
      belarus-corpus annotate undo
    """
    undone = corpus_for(root).annotate_undo()
    stores = ", ".join(change.path for change in undone.operation.stores)
    click.echo(f"undid #{undone.operation.id} {undone.operation.command} ({stores})")


@click.command("history")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@root_option
@reports_errors
def history(limit: int, root: str) -> None:
    """Show the last operations of the log, newest last, and which are undone.

    \b
    Example:
      belarus-corpus annotate history --limit 5
    """
    entries = corpus_for(root).annotate_history()
    undone = {entry.undoes for entry in entries if entry.kind == "undo"}
    for entry in entries[-limit:]:
        mark = " (undone)" if entry.id in undone else ""
        click.echo(f"#{entry.id}\t{entry.at}\t{entry.command}{mark}\t" + ", ".join(s.path for s in entry.stores))


@click.command("types")
@root_option
@reports_errors
def types(root: str) -> None:
    """List the layers, their types and attributes, and the relation types of this corpus's taxonomy.

    \b
    Example:
      belarus-corpus annotate types
    """
    summary = corpus_for(root).annotate_types()
    click.echo(f"taxonomy {summary.version}")
    for layer in summary.layers:
        click.echo(f"{layer.layer}: " + ", ".join(layer.types))
        for name, allowed in layer.attributes.items():
            need = " (required)" if name in layer.required else ""
            click.echo(f"  --attr {name}=" + ("|".join(allowed) if allowed else "TEXT") + need)
    click.echo("relations:")
    for name, shape in summary.relations.items():
        click.echo(f"  {name}: {shape}")
