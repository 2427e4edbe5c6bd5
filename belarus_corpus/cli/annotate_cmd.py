"""``belarus-corpus annotate``: add, list, show, update, rm, relate, find, undo, history, types, reanchor, locate,
..."""

from __future__ import annotations

from typing import Any

import click

from .annotate_extra_cmd import find, format_option, history, types, undo
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


doc_argument = click.argument("doc_ids", nargs=-1, metavar="[DOC]...")
doc_option = click.option("--doc", "doc_options", multiple=True, hidden=True, help="Same as the DOC arguments.")


def _label(record: Any) -> str:
    if getattr(record, "record_kind", "") == "relation":
        return f"{record.id} {record.type}: {record.head} → {record.tail} ({record.status})"
    return f"{record.id} {record.layer}/{record.type} {record.start}:{record.end} {record.status} {record.text!r}"


@annotate.command("add")
@click.argument("doc_id", metavar="DOC")
@click.option("--layer", required=True, help="claim, stance, hedge or artifact.")
@click.option("--type", "type_", required=True, help="A type of the layer ('annotate types' lists them).")
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
    asks for --occurrence. 'annotate undo' takes the addition back.

    \b
    Example:
      belarus-corpus annotate add 001_f75b1ab643833f62 --layer claim --type quantity \\
          --quote "52 freed political prisoners" --attr checkworthiness=high
    """
    span = corpus_for(root).annotate_add(doc_id, layer=layer, type_=type_, quote=quote, occurrence=occurrence,
                                         start=start, end=end, attributes=attrs, note=note, status=status,
                                         annotator=annotator)
    click.echo(f"added {span.id} {span.layer}/{span.type} {span.start}:{span.end} {span.text!r}")


@annotate.command("list")
@doc_argument
@doc_option
@click.option("--kind", type=click.Choice(["all", "spans", "relations"]), default="all", show_default=True)
@click.option("--layer", help="Only spans of this layer (relations have none, so they are left out).")
@click.option("--type", "type_", help="Only this span or relation type.")
@click.option("--status", help="gold, suggested, rejected or orphaned.")
@click.option("--annotator")
@click.option("--method", help="Exact method, or a prefix such as rule:.")
@format_option(["auto", "table", "tsv", "jsonl"])
@root_option
@reports_errors
def list_(doc_ids: tuple[str, ...], doc_options: tuple[str, ...], kind: str, layer: str | None,
          type_: str | None, status: str | None, annotator: str | None, method: str | None, output_format: str,
          root: str) -> None:
    """List spans and relations (of the DOCs given, else of every document), filtered.

    A table on a terminal; tab-separated values when piped (first line: the column names); one record a
    line with --format jsonl.

    \b
    Example:
      belarus-corpus annotate list 001_f75b1ab643833f62 --layer hedge --status suggested
      belarus-corpus annotate list --kind relations --format jsonl
    """
    from ..annotate.listing import ListQuery
    from ..annotate.views import print_listing

    query = ListQuery([*doc_ids, *doc_options], kind, layer, type_, status, annotator, method)  # type: ignore[arg-type]
    listing = corpus_for(root).annotate_list(query)
    if output_format == "jsonl":
        import orjson

        for record in [*(s.to_dict() for s in listing.spans), *(r.to_dict() for r in listing.relations)]:
            click.echo(orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode("utf-8"))
    else:
        print_listing(listing, output_format, kind)  # type: ignore[arg-type]


@annotate.command("show")
@click.argument("target", metavar="DOC|ID")
@click.option("--layer", "layers", multiple=True, help="Only these layers (repeatable).")
@click.option("--status", "statuses", multiple=True, default=("gold", "suggested"), show_default=True)
@click.option("--annotator", help="Blind mode: show only this annotator's records.")
@click.option("--with-others", is_flag=True, help="In blind mode, also show other annotators' records.")
@click.option("--with-suggestions", is_flag=True, help="In blind mode, also show the detectors' suggestions.")
@click.option("--labels/--no-labels", default=True, show_default=True, help="layer/type after each closing mark.")
@format_option(["auto", "rich", "plain"])
@root_option
@reports_errors
def show(target: str, layers: tuple[str, ...], statuses: tuple[str, ...], annotator: str | None, with_others: bool,
         with_suggestions: bool, labels: bool, output_format: str, root: str) -> None:
    """Show a document with its spans marked, or one span or relation (by id) in its context.

    Spans are marked [1 like this]1 claim/event, numbered in text order, with a key below (number, id,
    layer/type, offsets, status, annotator) and the relations between them; colours by layer on a terminal.
    The article's own brackets and backslashes are escaped (\\[ \\] \\\\), and control characters are shown as
    \\xNN, never sent to the terminal.

    \b
    Example:
      belarus-corpus annotate show 003_122411c343ab6a52 --layer artifact --annotator alice
      belarus-corpus annotate show r_0123456789abcdef
    """
    from ..annotate.blind import BlindView
    from ..annotate.records import check_annotator
    from ..annotate.showing import ShownDocument
    from ..annotate.views import print_document, print_record

    view = BlindView(check_annotator(annotator), with_others, with_suggestions) if annotator else None
    shown = corpus_for(root).annotate_show(target, list(layers), list(statuses), view)
    table_format = {"rich": "table", "plain": "tsv"}.get(output_format, "auto")
    if isinstance(shown, ShownDocument):
        print_document(shown, table_format, labels)  # type: ignore[arg-type]
    else:
        print_record(shown, table_format)  # type: ignore[arg-type]


@annotate.command("update")
@click.argument("record_id", metavar="ID")
@click.option("--type", "type_", help="A new type (of the span's layer, or a relation type).")
@click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE")
@click.option("--remove-attr", "remove_attrs", multiple=True, metavar="KEY")
@click.option("--status", type=click.Choice(["gold", "suggested", "rejected", "orphaned"]))
@click.option("--note", help="A new note ('' removes it).")
@click.option("--start", type=click.IntRange(min=0), help="Spans only: a new start offset.")
@click.option("--end", type=click.IntRange(min=1), help="Spans only: a new end offset.")
@root_option
@reports_errors
def update(record_id: str, type_: str | None, attrs: tuple[str, ...], remove_attrs: tuple[str, ...],
           status: str | None, note: str | None, start: int | None, end: int | None, root: str) -> None:
    """Edit a span (s_...) or a relation (r_...): type, attributes, status, note, or a span's offsets.

    The id stays the same; 'annotate undo' takes the edit back.

    \b
    Example:
      belarus-corpus annotate update s_0123456789abcdef --type quantity --attr value=52
      belarus-corpus annotate update r_0123456789abcdef --status rejected --note "not the same claim"
    """
    from ..annotate.operations import SpanEdit
    from ..annotate.records import parse_attributes
    from ..annotate.relations import RelationEdit
    from ..codes import Code
    from ..errors import Problem, UsageError

    edit: SpanEdit | RelationEdit
    if record_id.startswith("r_"):
        if start is not None or end is not None:
            raise UsageError(Problem("<arguments>", None, Code.USAGE, "a relation has no offsets",
                                     "edit the spans it relates, or relate other spans"))
        edit = RelationEdit(type_, status, note, parse_attributes(attrs), remove_attrs)
    else:
        edit = SpanEdit(type=type_, attributes=parse_attributes(attrs), remove_attributes=remove_attrs,
                        status=status, note=note, start=start, end=end)
    record = corpus_for(root).annotate_update(record_id, edit)
    click.echo(f"updated {_label(record)}")


@annotate.command("rm")
@click.argument("record_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask.")
@click.option("--cascade", is_flag=True, help="With a span: also remove the relations that use it.")
@root_option
@reports_errors
def rm(record_id: str, yes: bool, cascade: bool, root: str) -> None:
    """Remove a span (s_...) or a relation (r_...); asks first unless --yes.

    A span that relations use is kept unless --cascade removes them with it. 'annotate undo' puts back
    what was removed.

    \b
    Example:
      belarus-corpus annotate rm s_0123456789abcdef --yes
      belarus-corpus annotate rm r_0123456789abcdef --yes
    """
    def confirm(record: Any) -> bool:
        return yes or click.confirm(f"Remove {_label(record)}?", abort=True)

    removed = corpus_for(root).annotate_rm(record_id, cascade=cascade, confirm=confirm)
    for record in [*removed.spans, *removed.relations]:
        click.echo(f"removed {_label(record)}")


@annotate.command("relate")
@click.argument("head_id", metavar="HEAD_ID")
@click.argument("tail_id", metavar="TAIL_ID")
@click.option("--type", "type_", required=True, help="A relation type ('belarus-corpus annotate types' lists them).")
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
    relation = corpus_for(root).annotate_relate(head_id, tail_id, type_, note=note, annotator=annotator)
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
    for outcome in corpus_for(root).annotate_reanchor(list(doc_ids) or None):
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
    outcome = corpus_for(root).annotate_migrate()
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
    result = corpus_for(root).annotate_import_quotes(folder, annotator, status)
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
    if (doc_id is None) != (state is None):
        raise click.UsageError("give --doc and --state together")
    for doc, current in corpus_for(root).annotate_progress(annotator, doc_id, state).items():
        click.echo(f"{doc}\t{current}")


@annotate.command("locate")
@click.argument("span_id")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@root_option
@reports_errors
def locate(span_id: str, output_format: str, root: str) -> None:
    """Show where a span is in its raw file: byte range, line:column and, for a web
    page, the path of the element that encloses it.

    \b
    Example:
      belarus-corpus annotate locate s_0123456789abcdef
    """
    import dataclasses
    import json

    found = corpus_for(root).annotate_locate(span_id)
    if output_format == "json":
        click.echo(json.dumps(dataclasses.asdict(found), ensure_ascii=False, sort_keys=True))
    else:
        click.echo(found.render())


for _command in (find, undo, history, types):
    annotate.add_command(_command)
