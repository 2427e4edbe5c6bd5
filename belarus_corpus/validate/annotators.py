"""The annotator invariants of a record (#16): detectors are annotators named as their method, and an accepted
suggestion belongs to its reviewer and names the detector that proposed it."""

from __future__ import annotations

from typing import Any, Protocol

from ..codes import Code


class StoreCheck(Protocol):
    """What these checks need of `stores.StoreCheck`: a place to report a problem."""

    def problem(self, line: int | None, code: Code, message: str, hint: str, path: str = "",
                record_id: str | None = None) -> None: ...

LEGACY_RULES_ANNOTATOR = "belarus-corpus-rules"


def check_annotator_fields(check: StoreCheck, line: int, record: dict[str, Any]) -> None:
    annotator, method = record.get("annotator"), str(record.get("method", ""))
    suggested_by, record_id = record.get("suggested_by"), record.get("id")
    if annotator == LEGACY_RULES_ANNOTATOR:
        check.problem(line, Code.LEGACY_ANNOTATOR, f"annotator {annotator!r} is the shared name detectors had before "
                      "annotators were kept apart", "run 'belarus-corpus annotate migrate' (ids stay the same)",
                      "$.annotator", record_id)
        return
    if isinstance(annotator, str) and annotator.startswith("rule:") and annotator != method:
        check.problem(line, Code.RULE_ANNOTATOR_METHOD_MISMATCH, f"detector annotator {annotator!r} but method "
                      f"{method!r}", "a detector's own record has its method as annotator", "$.annotator", record_id)
    if suggested_by is not None and (record.get("status") == "suggested" or not record.get("reviewed_by")):
        check.problem(line, Code.SUGGESTED_BY_UNREVIEWED, "suggested_by is set on a record nobody accepted",
                      "suggested_by is set when a reviewer accepts a suggestion (with reviewed_by)",
                      "$.suggested_by", record_id)
    if (method.startswith("rule:") and record.get("status") == "gold" and suggested_by is None
            and isinstance(annotator, str) and not annotator.startswith("rule:")):
        check.problem(line, Code.ACCEPTED_WITHOUT_ORIGIN, f"an accepted {method} suggestion does not say who proposed "
                      "it", f"set suggested_by to {method!r}", "$.suggested_by", record_id)
