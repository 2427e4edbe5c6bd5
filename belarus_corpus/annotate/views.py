"""Printing records: rich tables and coloured text on a terminal; tab-separated values and plain brackets when
piped, so that output stays greppable. Every piece of article text is escaped (see ``showing.escape``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import click

from ..model import Relation, Span
from .showing import Segment, ShownDocument, ShownRecord, bracketed, escape, in_context

if TYPE_CHECKING:
    from rich.console import Console

    from .listing import Hit, Listing

LAYER_STYLES = {"claim": "bold cyan", "stance": "bold magenta", "hedge": "bold yellow", "artifact": "bold red"}
Format = Literal["auto", "table", "tsv"]


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def use_table(output_format: Format) -> bool:
    return output_format == "table" or (output_format == "auto" and _console().is_terminal)


def _cell(text: str, width: int = 60) -> str:
    flat = escape(text, keep_newlines=False).replace("\t", "\\t")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _tsv(rows: list[list[str]]) -> None:
    for row in rows:
        click.echo("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))


def _table(title: str | None, header: list[str], rows: list[list[str]], footer: str) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for column in header:
        free = column in ("text", "texts", "before", "match", "after", "spans")
        table.add_column(column, overflow="fold" if free else "ellipsis", no_wrap=not free, ratio=1 if free else None)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console = _console()
    console.print(table)
    console.print(footer)


SPAN_HEADER = ["id", "doc", "layer/type", "offsets", "status", "annotator", "text"]
RELATION_HEADER = ["id", "type", "head", "tail", "status", "annotator", "texts"]


def span_row(span: Span, width: int = 60) -> list[str]:
    return [span.id, span.doc_id, f"{span.layer}/{span.type}", f"{span.start}:{span.end}", span.status,
            span.annotator, _cell(span.text, width)]


def relation_row(relation: Relation, texts: dict[str, str], width: int = 28) -> list[str]:
    head, tail = _cell(texts.get(relation.head, "?"), width), _cell(texts.get(relation.tail, "?"), width)
    return [relation.id, relation.type, relation.head, relation.tail, relation.status, relation.annotator,
            f"{head} → {tail}"]


def print_listing(listing: Listing, output_format: Format = "auto", kind: str = "all") -> None:
    """Spans, then relations: two tables on a terminal; TSV when piped (a ``kind`` column first when both kinds
    are listed, so each line stands alone)."""
    spans = [span_row(s) for s in listing.spans]
    relations = [relation_row(r, listing.texts) for r in listing.relations]
    if not use_table(output_format):
        if kind == "all":
            _tsv([["kind", *SPAN_HEADER], *(["span", *row] for row in spans)])
            _tsv([["kind", *RELATION_HEADER], *(["relation", *row] for row in relations)] if relations else [])
        else:
            _tsv([SPAN_HEADER, *spans] if kind == "spans" else [RELATION_HEADER, *relations])
        return
    if kind != "relations":
        _table("spans", SPAN_HEADER, spans, f"{len(spans)} span(s)")
    if kind != "spans" and (relations or kind == "relations"):
        _table("relations", RELATION_HEADER, relations, f"{len(relations)} relation(s)")


def _styled(segments: list[Segment]) -> object:
    from rich.text import Text

    text = Text()
    for piece, layer in segments:
        text.append(piece, style=LAYER_STYLES.get(layer, "bold") if layer else None)
    return text


def _legend_rows(shown: ShownDocument) -> list[list[str]]:
    return [[str(n), s.id, f"{s.layer}/{s.type}", f"{s.start}:{s.end}", s.status, s.annotator, _cell(s.text, 50)]
            for n, s in enumerate(shown.spans, start=1)]


def _relation_lines(shown: ShownDocument) -> list[str]:
    return [f"{r.id} {r.type}: {shown.number(r.head)} → {shown.number(r.tail)} ({r.status}, {r.annotator})"
            for r in shown.relations]


def print_document(shown: ShownDocument, output_format: Format = "auto", labels: bool = True) -> None:
    """The text with ``[n …]n layer/type`` markers, then a key (number, id, label, offsets, status, annotator)
    and the relations; coloured by layer on a terminal."""
    segments = bracketed(shown, labels)
    title = f"{shown.doc_id} — {escape(shown.title or '(no title)', keep_newlines=False)}"
    legend = _legend_rows(shown)
    if not use_table(output_format):
        click.echo(f"# {title}")
        click.echo("".join(piece for piece, _ in segments), nl=False)
        click.echo(f"\n# {len(shown.spans)} span(s); {_layer_counts(shown)}")
        _tsv([["n", "id", "layer/type", "offsets", "status", "annotator", "text"], *legend])
        if shown.relations:
            click.echo(f"# {len(shown.relations)} relation(s)")
            for line in _relation_lines(shown):
                click.echo(line)
        return
    console = _console()
    console.rule(title)
    console.print(_styled(segments))
    console.rule()
    _table(None, ["n", "id", "layer/type", "offsets", "status", "annotator", "text"], legend,
           _layer_counts(shown))
    for line in _relation_lines(shown):
        console.print(line, markup=False)


def _layer_counts(shown: ShownDocument) -> str:
    counts = [f"{layer} ({sum(1 for s in shown.spans if s.layer == layer)})" for layer in LAYER_STYLES]
    return "by layer: " + "  ".join(counts)


def _fields(record: Span | Relation) -> list[tuple[str, str]]:
    shown = {k: v for k, v in record.to_dict().items() if k not in ("prefix", "suffix", "text") and v is not None}
    return [(key, escape(str(value), keep_newlines=False)) for key, value in shown.items()]


def print_record(shown: ShownRecord, output_format: Format = "auto") -> None:
    """The record's fields, then each span it is about in its context."""
    table = use_table(output_format)
    for key, value in _fields(shown.record):
        click.echo(f"{key}\t{value}" if not table else f"{key:>18}  {value}")
    for span in shown.spans:
        segments = in_context(shown.texts[span.doc_id], span)
        role = "" if span is shown.record else ("head " if span.id == getattr(shown.record, "head", "") else "tail ")
        click.echo(f"{role}{span.id} {span.layer}/{span.type} in {span.doc_id} {span.start}:{span.end}:")
        if table:
            _console().print(_styled(segments))
        else:
            click.echo("".join(piece for piece, _ in segments))


def print_hits(hits: list[Hit], output_format: Format = "auto") -> None:
    rows = [[h.doc_id, f"{h.start}:{h.end}", _cell(h.before[-30:], 31), _cell(h.text, 40), _cell(h.after, 30),
             ", ".join(f"{s.id} {s.layer}/{s.type} {s.status}" for s in h.spans)] for h in hits]
    header = ["doc", "offsets", "before", "match", "after", "spans"]
    if use_table(output_format):
        _table(None, header, rows, f"{len(hits)} match(es)")
    else:
        _tsv([header, *rows])
