"""quantity-claim@1: sentences that state a figure.

Rule: every figure ``figures`` recognizes (digits, number words, percentages, "12/100" scores, ranges,
vague amounts such as "dozens") outside a date makes its sentence a ``claim/quantity`` proposal; the
span unit is the sentence (see ``claims``). ``value`` holds the normalized figures ("52", "1100-1300",
"87%", "12/100"); vague amounts add no value.

Known limits: years are never quantities; "one" alone is skipped; a figure in a sentence that
``segment`` fails to split takes the whole unsplit stretch; no check that the figure is asserted rather
than, say, part of a name or a title ("Top 10 ...").
"""

from __future__ import annotations

from .base import DocumentView, Proposal
from .claims import figures_in, sentence_claims


class QuantityClaim:
    name = "quantity-claim"
    version = 1

    def detect(self, document: DocumentView) -> list[Proposal]:
        triggers = ((figure.start, figure.end, figure.value) for figure in figures_in(document.text))
        return sentence_claims(document, triggers, "quantity")


DETECTOR = QuantityClaim()
