"""``belarus-corpus evaluate``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.argument("predicted", type=click.Path(exists=True, path_type=str))
@click.option("--gold", type=click.Path(exists=True, path_type=str),
              help="Gold spans: a JSONL file or dataset folder (default: the corpus's gold annotations).")
@click.option("--layer", "layers", multiple=True, help="Score only this layer (repeatable); default: every layer.")
@click.option("--mode", type=click.Choice(["strict", "exact", "partial", "type"]), default="strict",
              show_default=True, help="The mode the table shows (JSON has all four).")
@click.option("--min-score", type=click.FloatRange(0, 1), help="Leave out predictions scored below this.")
@click.option("--annotator", help="Gold side: only this annotator's records (gold or suggested), e.g. curated or a "
              "blind pass; default: the gold rule (curated records where a document is curated).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of the table.")
@root_option
@reports_errors
def evaluate(predicted: str, gold: str | None, layers: tuple[str, ...], mode: str, min_score: float | None,
             annotator: str | None, as_json: bool, root: str) -> None:
    """Score predicted spans against gold: strict, exact, partial and type modes, per layer and type.

    PREDICTED is a JSONL file of {doc_id, layer, type, start, end} (optional: attributes, score) or a dataset
    folder with those columns. Only documents with gold spans are scored. Also prints check-worthiness F1
    for claims (gold rated 'high' is the positive class).

    \b
    Example:
      belarus-corpus evaluate predictions.jsonl --gold tests/devset/gold.jsonl --layer claim
    """
    from ..evaluate.report import table, to_json

    evaluation = corpus_for(root).evaluate(predicted, gold, layers, min_score, annotator)
    click.echo(to_json(evaluation) if as_json else table(evaluation, mode))
