"""date-claim@1: sentences that date something.

Rule: every date expression ``dates`` recognizes ("August 17, 2025", "17 August 2025", "Oct 2025",
"this September", "in 2020", "the summer of 2025", "this week") makes its sentence a ``claim/date``
proposal; the span unit is the sentence (see ``claims``). ``value`` holds the normalized dates in ISO
8601 / TimeML form ("2025-08-17", "2025-10", "XXXX-09", "2020", "2025-SU"); relative references such
as "this week" add no value.

Known limits: a bare year is taken as a date even when it is part of a name ("the 2020 election" is
fine, "Vision 2030" is not); weekdays, "today" and "yesterday" are not dated; relative dates are not
resolved against the publication date.
"""

from __future__ import annotations

from .base import DocumentView, Proposal
from .claims import dates_in, sentence_claims


class DateClaim:
    name = "date-claim"
    version = 1

    def detect(self, document: DocumentView) -> list[Proposal]:
        triggers = ((mention.start, mention.end, mention.value) for mention in dates_in(document.text))
        return sentence_claims(document, triggers, "date")


DETECTOR = DateClaim()
