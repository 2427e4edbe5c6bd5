"""``belarus-corpus annotate``: add, list, show, update, rm, relate, reanchor."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option

annotator_option = click.option("--annotator", envvar="BELARUS_CORPUS_ANNOTATOR",
                                help="Who makes the annotation (default: $BELARUS_CORPUS_ANNOTATOR or your user name).")


@click.group()
def annotate() -> None:
    """Add, inspect and edit span annotations and relations.

    \b
    Example:
      belarus-corpus annotate add 000_3b0f4b3db40a5bc3 --layer artifact \\
          --type hypothetical-framing --quote "hypothetical second term"
    """


@annotate.command("add")
@click.argument("doc_id")
@click.option("--layer", required=True, help="claim, stance, hedge or artifact.")
@click.option("--type", "type_", required=True, help="A type of the layer (see schema/taxonomy.json).")
@click.option("--quote", help="The exact text to annotate.")
@click.option("--occurrence", type=click.IntRange(min=1), help="Which occurrence of --quote (1-based).")
@click.option("--start", type=click.IntRange(min=0), help="Start offset (code points, normalized text).")
@click.option("--end", type=click.IntRange(min=1), help="End offset (exclusive).")
@click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE", help="An attribute; repeat for several.")
@click.option("--note", help="A free-text note.")
@click.option("--status", type=click.Choice(["gold", "suggested"]), default="gold", show_default=True)
@annotator_option
@root_option
@reports_errors
def add(doc_id: str, layer: str, type_: str, quote: str | None, occurrence: int | None, start: int | None,
        end: int | None, attrs: tuple[str, ...], note: str | None, status: str, annotator: str | None,
        root: str) -> None:
    """Add a span, anchored by its quote (or by --start/--end).

    A quote that is not found shows the closest passages; a quote found several times lists them and
    asks for --occurrence.

    \b
    Example:
      belarus-corpus annotate add 001_f75b1ab643833f62 --layer claim --type quantity \\
          --quote "52 freed political prisoners" --attr checkworthiness=high
    """
    from ..annotate.api import add_span

    span = add_span(corpus_for(root), doc_id, layer=layer, type_=type_, quote=quote, occurrence=occurrence,
                    start=start, end=end, attributes=attrs, note=note, status=status, annotator=annotator)
    click.echo(f"added {span.id} {span.layer}/{span.type} {span.start}:{span.end} {span.text!r}")


@annotate.command("list")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents.")
@click.option("--layer")
@click.option("--type", "type_")
@click.option("--status")
@click.option("--annotator")
@click.option("--method", help="Exact method, or a prefix such as rule:.")
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@root_option
@reports_errors
def list_(doc_ids: tuple[str, ...], layer: str | None, type_: str | None, status: str | None,
          annotator: str | None, method: str | None, output_format: str, root: str) -> None:
    """List spans, filtered.

    \b
    Example:
      belarus-corpus annotate list --layer hedge --status suggested --format jsonl
    """
    from ..annotate.api import SpanFilter, filtered_spans
    from ..annotate.views import print_span_table
    from ..store import dumps_record

    spans = filtered_spans(corpus_for(root), SpanFilter(list(doc_ids), layer, type_, status, annotator, method))
    if output_format == "jsonl":
        for span in spans:
            click.echo(dumps_record(span.to_dict()).decode("utf-8"))
    else:
        print_span_table(spans)


@annotate.command("show")
@click.argument("doc_id")
@click.option("--layer", "layers", multiple=True, help="Only these layers (repeatable).")
@click.option("--status", "statuses", multiple=True, default=("gold", "suggested"), show_default=True)
@click.option("--annotator", help="Blind mode: show only this annotator's records.")
@click.option("--with-others", is_flag=True, help="In blind mode, also show other annotators' records.")
@click.option("--with-suggestions", is_flag=True, help="In blind mode, also show the detectors' suggestions.")
@root_option
@reports_errors
def show(doc_id: str, layers: tuple[str, ...], statuses: tuple[str, ...], annotator: str | None, with_others: bool,
         with_suggestions: bool, root: str) -> None:
    """Show a document with its spans highlighted per layer, and a legend.

    \b
    Example:
      belarus-corpus annotate show 003_122411c343ab6a52 --layer artifact --annotator alice
    """
    from ..annotate.blind import BlindView
    from ..annotate.records import check_annotator
    from ..annotate.views import show_document

    view = BlindView(check_annotator(annotator), with_others, with_suggestions) if annotator else None
    show_document(corpus_for(root), doc_id, list(layers), list(statuses), view)


@annotate.command("update")
@click.argument("span_id")
@click.option("--type", "type_")
@click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE")
@click.option("--remove-attr", "remove_attrs", multiple=True, metavar="KEY")
@click.option("--status", type=click.Choice(["gold", "suggested", "rejected", "orphaned"]))
@click.option("--note")
@click.option("--start", type=click.IntRange(min=0))
@click.option("--end", type=click.IntRange(min=1))
@root_option
@reports_errors
def update(span_id: str, type_: str | None, attrs: tuple[str, ...], remove_attrs: tuple[str, ...],
           status: str | None, note: str | None, start: int | None, end: int | None, root: str) -> None:
    """Edit a span's type, attributes, status, note or offsets; its id stays the same.

    \b
    Example:
      belarus-corpus annotate update s_0123456789abcdef --type quantity --attr value=52
    """
    from ..annotate.operations import SpanEdit, update_span
    from ..annotate.records import parse_attributes

    edit = SpanEdit(type=type_, attributes=parse_attributes(attrs), remove_attributes=remove_attrs, status=status,
                    note=note, start=start, end=end)
    span = update_span(corpus_for(root), span_id, edit)
    click.echo(f"updated {span.id} {span.layer}/{span.type} {span.start}:{span.end} {span.status}")


@annotate.command("rm")
@click.argument("span_id")
@click.option("--yes", is_flag=True, help="Do not ask.")
@click.option("--cascade", is_flag=True, help="Also remove the relations that use the span.")
@root_option
@reports_errors
def rm(span_id: str, yes: bool, cascade: bool, root: str) -> None:
    """Remove a span (asks first unless --yes).

    \b
    Example:
      belarus-corpus annotate rm s_0123456789abcdef --yes
    """
    from ..annotate.operations import find_span, remove_span

    corpus = corpus_for(root)
    span = find_span(corpus, span_id)
    if not yes:
        click.confirm(f"Remove {span.id} {span.layer}/{span.type} {span.text!r}?", abort=True)
    _, relations = remove_span(corpus, span_id, cascade=cascade)
    click.echo(f"removed {span_id}" + (f" and {len(relations)} relation(s)" if relations else ""))


@annotate.command("relate")
@click.argument("head_id")
@click.argument("tail_id")
@click.option("--type", "type_", required=True, help="A relation type (see schema/taxonomy.json).")
@click.option("--note")
@annotator_option
@root_option
@reports_errors
def relate(head_id: str, tail_id: str, type_: str, note: str | None, annotator: str | None, root: str) -> None:
    """Relate two spans (in one document, or across documents for same-claim, contradicts, ...).

    \b
    Example:
      belarus-corpus annotate relate s_hedge0000000000 s_claim0000000000 --type hedge-scope
    """
    from ..annotate.operations import relate as relate_spans

    relation = relate_spans(corpus_for(root), head_id, tail_id, type_, annotator=annotator, note=note)
    click.echo(f"related {relation.id}: {relation.head} -{relation.type}-> {relation.tail}")


@annotate.command("reanchor")
@click.argument("doc_ids", nargs=-1)
@root_option
@reports_errors
def reanchor(doc_ids: tuple[str, ...], root: str) -> None:
    """Move spans to the current text of their documents; spans that cannot be placed become orphaned.

    \b
    Example:
      belarus-corpus annotate reanchor 002_78f193878130a4b8
    """
    from ..annotate.reanchoring import reanchor_documents

    for outcome in reanchor_documents(corpus_for(root), list(doc_ids) or None):
        click.echo(outcome.summary())


@annotate.command("migrate")
@root_option
@reports_errors
def migrate(root: str) -> None:
    """Give old stores per-annotator records (detectors as rule:<name>@<version>).

    An accepted suggestion then belongs to its reviewer, with the detector in ``suggested_by``; ids stay the
    same, and a migrated store is left as it is.

    \b
    Example:
      belarus-corpus annotate migrate
    """
    from ..annotate.migration import migrate as run

    outcome = run(corpus_for(root))
    click.echo(f"migrated {outcome.changed} record(s) in {outcome.stores} store(s)")


@annotate.command("import-quotes")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--annotator", required=True, help="Who made the pass (their own records; nobody else's change).")
@click.option("--status", type=click.Choice(["gold", "suggested"]), default="gold", show_default=True)
@root_option
@reports_errors
def import_quotes(folder: str, annotator: str, status: str, root: str) -> None:
    """Import a pass written as quotes, one <doc_id>.jsonl per document, as one annotator's records.

    Span lines give layer, type, quote, occurrence and context_before; relation lines name local ids
    (source = head, target = tail). Every quote is resolved first; any problem writes nothing.

    \b
    Example:
      belarus-corpus annotate import-quotes second-pass/ --annotator reviewer-b --status suggested
    """
    from pathlib import Path

    from ..annotate.quote_import import import_pass

    result = import_pass(corpus_for(root), Path(folder), annotator, status)
    spans = sum(len(s) for s in result.spans.values())
    click.echo(f"imported {spans} spans and {len(result.relations)} relations as {annotator}")


@annotate.command("progress")
@click.option("--annotator", required=True, envvar="BELARUS_CORPUS_ANNOTATOR", help="Whose progress.")
@click.option("--doc", "doc_id", help="The document to set (with --state).")
@click.option("--state", type=click.Choice(["not started", "in progress", "done"]), help="Its new state.")
@root_option
@reports_errors
def progress(annotator: str, doc_id: str | None, state: str | None, root: str) -> None:
    """Show (or set, with --doc and --state) an annotator's progress per document.

    \b
    Example:
      belarus-corpus annotate progress --annotator alice --doc 001_f75b1ab643833f62 --state done
    """
    from ..annotate.blind import read_progress, set_progress

    corpus = corpus_for(root)
    if (doc_id is None) != (state is None):
        raise click.UsageError("give --doc and --state together")
    if doc_id is not None and state is not None:
        set_progress(corpus, annotator, doc_id, state)
    for doc, current in read_progress(corpus, annotator).items():
        click.echo(f"{doc}\t{current}")
