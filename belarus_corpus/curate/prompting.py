"""Settling units at the prompt: each variant is listed, one is chosen (or none), and a reason is required. An
incomplete unit has one variant: 1 keeps it, 0 drops it."""

from __future__ import annotations

import click

from ..annotate.records import default_annotator
from .decisions import Decision
from .queues import Unit


def settle(disputes: list[Unit]) -> list[Decision]:
    decisions = []
    who = default_annotator()
    for unit in disputes:
        click.echo(f"\n{unit.id} in {unit.doc_id}, {unit.layer}:")
        variants = list(unit.variants().values())
        for number, spans in enumerate(variants, start=1):
            first = spans[0]
            names = ", ".join(s.annotator for s in spans)
            click.echo(f"  {number}. {first.type} {first.start}:{first.end} {first.text!r} {first.attributes} "
                       f"({names})")
        choice = click.prompt("choose (0 = none, s = skip)", default="s")
        if choice == "s":
            continue
        if not choice.isdigit() or int(choice) > len(variants):
            click.echo("not a choice; skipped")
            continue
        reason = click.prompt("reason")
        chosen = variants[int(choice) - 1][0].id if int(choice) else None
        decisions.append(Decision(unit.id, chosen, reason, who))
    return decisions
