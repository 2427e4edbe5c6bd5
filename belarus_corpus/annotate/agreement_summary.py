"""One sentence of measured agreement among the corpus's people annotators, for the card and Croissant RAI fields
(the same computation as ``belarus-corpus agreement``, seeded, so the text is reproducible)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..reader import CorpusReader

NOT_PASSES = ("rule:", "curated")


def passes(by_annotator: dict[str, int]) -> list[str]:
    """The annotators who made a pass of their own (not detectors, not the curated gold)."""
    return sorted(name for name in by_annotator if not name.startswith(NOT_PASSES))


def agreement_sentence(corpus: CorpusReader, by_annotator: dict[str, int]) -> str | None:
    from .agreement import agreement

    names = passes(by_annotator)
    if len(names) < 2:
        return None
    try:
        report = agreement(corpus, names)
    except UsageError:
        return None

    def interval(layer: str, metric: str) -> str:
        value = report.intervals.get(layer, {}).get(metric)
        return f" [{value[0]:.2f}, {value[1]:.2f}]" if value else ""

    figures = "; ".join(f"{layer}: exact F1 {report.exact[layer].f1:.2f}{interval(layer, 'exact_f1')}, alpha "
                        f"{alpha:.2f}{interval(layer, 'alpha')}" for layer, alpha in report.alpha.items()
                        if alpha is not None and layer in report.exact)
    return (f"Measured agreement of {', '.join(names)} on {len(report.documents)} documents (belarus-corpus "
            f"agreement; exact = equal offsets, no trimming; Krippendorff's alpha for unitizing; 95% intervals from "
            f"{report.samples} seeded bootstrap resamples of documents): {figures}.")
