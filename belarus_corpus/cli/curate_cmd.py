"""``belarus-corpus curate``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--annotator", "annotators", multiple=True, required=True, help="Two or more annotators to merge.")
@click.option("--strategy", default="unanimous", show_default=True,
              help="unanimous, majority, at-least-K or confidence-T.")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False),
              help="JSONL of settled disputes (read; --interactive appends to it).")
@click.option("--interactive", is_flag=True,
              help="Settle open disputes and incomplete units at the prompt, each with a reason.")
@click.option("--write", "write", is_flag=True, help="Write the gold (annotator 'curated'); otherwise only report.")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents.")
@root_option
@reports_errors
def curate(annotators: tuple[str, ...], strategy: str, decisions_path: str | None, interactive: bool, write: bool,
           doc_ids: tuple[str, ...], root: str) -> None:
    """Merge annotators into gold: agreed, incomplete and disputed queues; disputes settled with reasons.

    Every gold record lists its sources (annotator:record id) and how it was made. Decisions name the record
    they chose, so re-curating after new annotations keeps them.

    \b
    Example:
      belarus-corpus curate --annotator alice --annotator bob --strategy majority \\
          --decisions curation/decisions.jsonl --write
    """
    from ..curate.prompting import settle

    if interactive and not decisions_path:
        raise click.UsageError("--interactive needs --decisions FILE to keep the decisions in")
    outcome = corpus_for(root).curate(annotators, strategy, decisions_path, doc_ids, write,
                                      settle if interactive else None)
    result = outcome.curation
    settled = {q: sum(1 for s in result.decided if s.queue == q) for q in ("agreed", "incomplete", "disputed")}
    click.echo(f"{result.strategy}: {result.count('agreed')} agreed ({settled['agreed']} corrected or dropped by a "
               f"decision), {result.count('incomplete')} incomplete ({settled['incomplete']} decided), "
               f"{result.count('disputed')} disputed ({settled['disputed']} decided); {len(result.added)} added")
    click.echo(f"open: {len(result.incomplete)} incomplete, {len(result.disputed)} disputed")
    rq = result.relation_queues
    click.echo(f"relations: {rq.get('agreed', 0)} agreed, {rq.get('decided', 0)} decided, {rq.get('added', 0)} "
               f"added, {rq.get('incomplete', 0)} incomplete (left out), {rq.get('unlinked', 0)} left out with an "
               "end that is not gold")
    for unit in result.disputed[:20]:
        click.echo(f"  disputed {unit.id} {unit.doc_id} {unit.layer}: "
                   + "; ".join(f"{s.annotator} {s.id} {s.type} {s.start}:{s.end}" for s in unit.spans))
    if outcome.written is not None:
        spans, relations = outcome.written
        click.echo(f"wrote {spans} gold span(s) and {relations} gold relation(s) as 'curated'")
