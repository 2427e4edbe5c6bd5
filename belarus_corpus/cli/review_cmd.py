"""``belarus-corpus review``: interactive, or ``accept``/``reject`` by id or detector."""

from __future__ import annotations

import click

from ..codes import Code
from .annotate_cmd import annotator_option
from .common import corpus_for, reports_errors, root_option


class ReviewGroup(click.Group):
    """``review [DOC]`` runs the interactive loop; ``review accept|reject ...`` decide without asking."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["interactive", *args]
        return super().parse_args(ctx, args)


@click.group(cls=ReviewGroup)
def review() -> None:
    """Review suggested spans: accept (they become gold), reject (kept as rejected), edit type, skip.

    \b
    Examples:
      belarus-corpus review 001_f75b1ab643833f62          # interactive
      belarus-corpus review accept s_0123456789abcdef
      belarus-corpus review reject --detector boilerplate
    """


@review.command("interactive")
@click.argument("doc_ids", nargs=-1)
@click.option("--detector", help="Only suggestions of this detector.")
@annotator_option
@root_option
@reports_errors
def interactive(doc_ids: tuple[str, ...], detector: str | None, annotator: str | None, root: str) -> None:
    """Go through suggested spans one at a time, with context.

    \b
    Example:
      belarus-corpus review interactive 001_f75b1ab643833f62
    """
    from ..annotate.api import SpanFilter, filtered_spans
    from ..annotate.interactive import review_loop
    from ..annotate.records import check_annotator
    from ..annotate.review import reviewable

    corpus = corpus_for(root)
    method = f"rule:{detector}" if detector else None
    reviewer = check_annotator(annotator)  # another annotator's suggested manual records are not shown
    spans = [s for s in filtered_spans(corpus, SpanFilter(list(doc_ids), status="suggested", method=method))
             if reviewable(s, reviewer)]
    if not spans:
        click.echo("nothing to review: no suggested spans")
        return
    tally = review_loop(corpus, spans, annotator)
    click.echo(", ".join(f"{count} {what}" for what, count in tally.items()))


def _decide(decision: str, span_ids: tuple[str, ...], detector: str | None, doc_ids: tuple[str, ...],
            annotator: str | None, root: str) -> None:
    from ..annotate.review import decide_detector, decide_ids
    from ..errors import Problem, UsageError

    corpus = corpus_for(root)
    if bool(span_ids) == bool(detector):
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "give span ids or --detector NAME (one of them)",
                                 f"e.g. belarus-corpus review {decision} --detector hedge-lexicon"))
    if detector:
        outcome = decide_detector(corpus, decision, detector, list(doc_ids) or None, annotator)
    else:
        outcome = decide_ids(corpus, decision, list(span_ids), annotator)
    click.echo(f"{decision}ed {len(outcome.changed)} suggestion(s)")
    for span_id in outcome.not_suggested:
        click.echo(f"  {span_id} was not a suggestion; left as it was", err=True)
    for span_id in outcome.others_annotations:
        click.echo(f"  {span_id} is another annotator's manual annotation, not a suggestion; left as it was "
                   "(belarus-corpus curate merges annotators)", err=True)


@review.command("accept")
@click.argument("span_ids", nargs=-1)
@click.option("--detector", help="Accept every suggestion of this detector.")
@click.option("--doc", "doc_ids", multiple=True, help="With --detector: only these documents.")
@annotator_option
@root_option
@reports_errors
def accept(span_ids: tuple[str, ...], detector: str | None, doc_ids: tuple[str, ...], annotator: str | None,
           root: str) -> None:
    """Accept suggestions: they become gold.

    \b
    Example:
      belarus-corpus review accept --detector foreign-typography
    """
    _decide("accept", span_ids, detector, doc_ids, annotator, root)


@review.command("reject")
@click.argument("span_ids", nargs=-1)
@click.option("--detector", help="Reject every suggestion of this detector.")
@click.option("--doc", "doc_ids", multiple=True, help="With --detector: only these documents.")
@annotator_option
@root_option
@reports_errors
def reject(span_ids: tuple[str, ...], detector: str | None, doc_ids: tuple[str, ...], annotator: str | None,
           root: str) -> None:
    """Reject suggestions: they stay in the store as rejected, so they are not proposed again.

    \b
    Example:
      belarus-corpus review reject s_0123456789abcdef
    """
    _decide("reject", span_ids, detector, doc_ids, annotator, root)
