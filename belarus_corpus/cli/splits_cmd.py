"""``belarus-corpus splits``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--write", is_flag=True, help="Record the assignment of documents not yet listed in "
              "metadata/splits.json (creating it when there is none).")
@click.option("--proportions", metavar="TRAIN[:VALIDATION[:TEST]]", help="Target shares for documents not yet "
              "listed, e.g. 0.6:0.2:0.2 (the default for a new file).")
@click.option("--folds", type=click.IntRange(1), help="Cross-validation folds of a new file (default 5).")
@click.option("--seed", type=int, help="Seed of the hash rule of a new file (default 17).")
@root_option
@reports_errors
def splits(write: bool, proportions: str | None, folds: int | None, seed: int | None, root: str) -> None:
    """Show (or record) each document's split and cross-validation fold.

    Recorded documents never move; a new document is assigned by a hash of its id against the target
    proportions. Every config of a build follows its documents' splits.

    \b
    Example:
      belarus-corpus splits --write
    """
    from ..build.splits import parse_proportions
    from ..codes import Code
    from ..errors import Problem, UsageError

    shares = None
    if proportions is not None:
        shares = parse_proportions(proportions)
        if shares is None:
            raise UsageError(Problem("--proportions", None, Code.BAD_SPLIT, f"{proportions!r} is not 1-3 shares",
                                     "give shares that sum to 1, e.g. 0.6:0.2:0.2"))
    result = corpus_for(root).splits(write=write, proportions=shares, folds=folds, seed=seed)
    plan = result.plan
    for doc_id, (split, fold) in sorted(plan.documents.items()):
        new = " (new)" if doc_id in result.added else ""
        click.echo(f"{doc_id}\t{split}\tfold {fold}{new}")
    if write:
        click.echo("metadata/splits.json " + ("written" if result.written else "already up to date"))
    elif result.added:
        click.echo(f"{len(result.added)} document(s) not recorded yet; run with --write to record them")
