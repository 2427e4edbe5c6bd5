"""The interactive review loop: one suggestion at a time, with context; accept, reject, edit type, skip or quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..model import Span
from .review import ReviewOutcome, decide_ids, retype

if TYPE_CHECKING:
    from ..reader import CorpusReader

CONTEXT = 80
KEYS = {"a": "accept", "r": "reject", "e": "edit type", "s": "skip", "q": "quit"}


def _show(corpus: CorpusReader, span: Span, position: int, total: int) -> None:
    text = corpus.document(span.doc_id).text
    before = text[max(0, span.start - CONTEXT) : span.start].replace("\n", " ")
    after = text[span.end : span.end + CONTEXT].replace("\n", " ")
    click.echo(f"\n[{position}/{total}] {span.doc_id} {span.layer}/{span.type} {span.start}:{span.end} "
               f"({span.method}) {span.id}")
    if span.attributes:
        click.echo("  attributes: " + ", ".join(f"{k}={v}" for k, v in span.attributes.items()))
    click.echo("  …" + before + click.style(f"[{span.text}]", bold=True, fg="yellow") + after + "…")


def review_loop(corpus: CorpusReader, spans: list[Span], annotator: str | None) -> dict[str, int]:
    tally = {"accepted": 0, "rejected": 0, "retyped": 0, "skipped": 0}
    for position, span in enumerate(spans, start=1):
        _show(corpus, span, position, len(spans))
        key = click.prompt("  " + " ".join(f"[{k}]{v[1:] if v[0] == k else ' ' + v}" for k, v in KEYS.items()),
                           type=click.Choice(list(KEYS)), show_choices=False, default="s")
        if key == "q":
            break
        if key == "s":
            tally["skipped"] += 1
            continue
        if key == "e":
            types = list(corpus.taxonomy.layers[span.layer].types)
            new_type = click.prompt("  new type", type=click.Choice(types), default=span.type)
            span = retype(corpus, span, new_type)
            tally["retyped"] += 1
            key = "a" if click.confirm("  accept it now?", default=True) else "s"
            if key == "s":
                continue
        outcome: ReviewOutcome = decide_ids(corpus, "accept" if key == "a" else "reject", [span.id], annotator)
        tally["accepted" if key == "a" else "rejected"] += len(outcome.changed)
    return tally
