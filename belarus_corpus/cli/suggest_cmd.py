"""``belarus-corpus suggest``."""

from __future__ import annotations

from typing import Any

import click

from .common import corpus_for, engine_options, reports_errors, root_option


@click.command()
@click.argument("doc_ids", nargs=-1)
@click.option("--detector", "detectors", multiple=True, help="Run only this detector (repeatable); default: all.")
@click.option("--list", "list_only", is_flag=True, help="List the detectors and exit.")
@click.option("--min-score", type=click.FloatRange(0, 1),
              help="Keep only proposals whose confidence is at least this (0 to 1); default: all.")
@engine_options
@root_option
@reports_errors
def suggest(doc_ids: tuple[str, ...], detectors: tuple[str, ...], list_only: bool, min_score: float | None,
            root: str, engine: Any) -> None:
    """Propose suggested spans with the rule-based detectors (name@version); review them with 'review'.

    Gold, rejected and orphaned spans are never touched, and a second run adds nothing. Every suggestion's note
    starts with its confidence ("confidence 0.85"). Conflicts between documents are looked for over the whole
    corpus, also when DOC_IDS names some documents (the suggestions go to those documents only).

    \b
    Example:
      belarus-corpus suggest 002_78f193878130a4b8 --detector hedge-lexicon --detector transliteration
    """
    if list_only:
        from ..suggest.registry import detector_ids

        click.echo("\n".join(detector_ids()))
        return
    report = corpus_for(root).suggest(doc_ids, detectors, min_score=min_score, engine=engine)
    for problem in report.invalid:
        click.echo(problem.render(), err=True)
    click.echo("\n".join(report.lines()))
