"""``belarus-corpus review``: interactive, or ``accept``/``reject`` by id or detector."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from ..codes import Code
from .annotate_cmd import annotator_option
from .common import corpus_for, reports_errors, root_option

if TYPE_CHECKING:
    from ..annotate.review import ReviewOutcome


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
@click.argument("doc_ids", nargs=-1, metavar="[DOC]...")
@click.option("--detector", help="Only suggestions of this detector.")
@annotator_option
@root_option
@reports_errors
def interactive(doc_ids: tuple[str, ...], detector: str | None, annotator: str | None, root: str) -> None:
    """Go through suggested spans one at a time, in context, one key per action.

    \b
    Keys:
      a accept   r reject   s skip   b back (undoes the last step of the session)
      t change the type     e edit attributes (key=value, key= removes)
      < > widen at the start / end by one word     , . narrow at the start / end by one word
      q quit     ? help
    Every change is logged, so 'belarus-corpus annotate undo' can also take it back later.

    \b
    Example:
      belarus-corpus review interactive 001_f75b1ab643833f62 --detector hedge-lexicon
    """
    from ..annotate.interactive import review_loop

    session = corpus_for(root).review_interactive(list(doc_ids), detector, annotator)
    if not session.spans:
        click.echo("nothing to review: no suggested spans")
        return
    tally = review_loop(session)
    click.echo(", ".join(f"{count} {what}" for what, count in tally.items()))


def _check(decision: str, span_ids: tuple[str, ...], detector: str | None) -> None:
    from ..errors import Problem, UsageError

    if bool(span_ids) == bool(detector):
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "give span ids or --detector NAME (one of them)",
                                 f"e.g. belarus-corpus review {decision} --detector hedge-lexicon"))


def _report(decision: str, outcome: ReviewOutcome, dry_run: bool, output_format: str) -> None:
    if dry_run:
        from ..annotate.listing import Listing
        from ..annotate.views import print_listing
        from ..model import Relation, Span

        spans = [r for r in outcome.changed if isinstance(r, Span)]
        relations = [r for r in outcome.changed if isinstance(r, Relation)]
        print_listing(Listing(spans, relations, {s.id: s.text for s in spans}),
                      output_format, "all" if relations else "spans")  # type: ignore[arg-type]
        click.echo(f"would {decision} {len(outcome.changed)} suggestion(s); nothing was changed (--dry-run)",
                   err=True)
    else:
        click.echo(f"{decision}ed {len(outcome.changed)} suggestion(s)")
    for span_id in outcome.not_suggested:
        click.echo(f"  {span_id} was not a suggestion; left as it was", err=True)
    for span_id in outcome.others_annotations:
        click.echo(f"  {span_id} is another annotator's manual annotation, not a suggestion; left as it was "
                   "(belarus-corpus curate merges annotators)", err=True)


def _batch_options(function: Any) -> Any:
    for option in reversed([
        click.argument("span_ids", nargs=-1, metavar="[ID]..."),
        click.option("--detector", help="Every suggestion of this detector (e.g. hedge-lexicon)."),
        click.option("--doc", "doc_ids", multiple=True, help="With --detector: only these documents."),
        click.option("--dry-run", is_flag=True, help="List what would change (a preview), and change nothing."),
        click.option("--format", "output_format", type=click.Choice(["auto", "table", "tsv"]), default="auto",
                     show_default=True, help="Of the --dry-run preview."),
        annotator_option, root_option, reports_errors,
    ]):
        function = option(function)
    return function


@review.command("accept")
@_batch_options
def accept(span_ids: tuple[str, ...], detector: str | None, doc_ids: tuple[str, ...], dry_run: bool,
           output_format: str, annotator: str | None, root: str) -> None:
    """Accept suggestions (by id, or every one of a detector): they become gold.

    Preview a batch first with --dry-run; 'annotate undo' takes a batch back.

    \b
    Example:
      belarus-corpus review accept --detector foreign-typography --dry-run
      belarus-corpus review accept s_0123456789abcdef
    """
    _check("accept", span_ids, detector)
    outcome = corpus_for(root).review_accept(list(span_ids), detector, list(doc_ids) or None, annotator, dry_run)
    _report("accept", outcome, dry_run, output_format)


@review.command("reject")
@_batch_options
def reject(span_ids: tuple[str, ...], detector: str | None, doc_ids: tuple[str, ...], dry_run: bool,
           output_format: str, annotator: str | None, root: str) -> None:
    """Reject suggestions: they stay in the store as rejected, so they are not proposed again.

    Preview a batch first with --dry-run; 'annotate undo' takes a batch back.

    \b
    Example:
      belarus-corpus review reject --detector boilerplate --doc 001_f75b1ab643833f62 --dry-run
    """
    _check("reject", span_ids, detector)
    outcome = corpus_for(root).review_reject(list(span_ids), detector, list(doc_ids) or None, annotator, dry_run)
    _report("reject", outcome, dry_run, output_format)
