"""The annotator invariants of a record (#16): detectors are annotators named as their method, and an accepted
suggestion belongs to its reviewer and names the detector that proposed it. A curated record lists its sources,
each a record of the named annotator in the same store, and how it was made (a known strategy, a decision, or an
addition by the curator)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..codes import Code

LEGACY_RULES_ANNOTATOR = "belarus-corpus-rules"
CURATED = "curated"
CURATION = re.compile(r"(unanimous|majority|at-least-[1-9][0-9]*|confidence-(0?\.[0-9]+|1(\.0*)?))"
                      r"|(decision|added) by \S+: \S.*", re.DOTALL)


@dataclass
class SourceCheck:
    """What one store's curated records name, resolved when the whole store has been read."""

    seen: set[tuple[str, str]] = field(default_factory=set)  # (annotator, record id) of every record
    curated: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


class StoreCheck(Protocol):
    """What these checks need of `stores.StoreCheck`: a place to report a problem, and the store's sources."""

    sources: SourceCheck

    def problem(self, line: int | None, code: Code, message: str, hint: str, path: str = "",
                record_id: str | None = None) -> None: ...


def check_annotator_fields(check: StoreCheck, line: int, record: dict[str, Any]) -> None:
    annotator, method = record.get("annotator"), str(record.get("method", ""))
    suggested_by, record_id = record.get("suggested_by"), record.get("id")
    check.sources.seen.add((str(annotator), str(record_id)))
    if annotator == CURATED or "sources" in record or "curation" in record:
        check.sources.curated.append((line, record))
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


def check_sources(check: StoreCheck) -> None:
    """Each curated record of the store: sources and curation present, every source a record of the named
    annotator here (not of ``curated``), the curation a known strategy, decision or addition, the method matching."""
    for line, record in check.sources.curated:
        record_id, sources, curation = record.get("id"), record.get("sources"), record.get("curation")
        if record.get("annotator") != CURATED:
            check.problem(line, Code.CURATED_WITHOUT_SOURCES, f"sources/curation on a record of "
                          f"{record.get('annotator')!r}", "only records of annotator 'curated' carry them",
                          "$.sources", record_id)
            continue
        if not isinstance(sources, list) or not isinstance(curation, str) or (
                not sources and not curation.startswith("added by ")):
            check.problem(line, Code.CURATED_WITHOUT_SOURCES, "a curated record does not say what it was made from",
                          "curated records carry sources (annotator:record id) and curation; re-run "
                          "'belarus-corpus curate --write'", "$.sources", record_id)
            continue
        if not CURATION.fullmatch(curation) or record.get("method") != "curate:" + curation.partition(" ")[0]:
            check.problem(line, Code.UNKNOWN_CURATION, f"curation {curation[:60]!r} with method "
                          f"{record.get('method')!r} is no known strategy, decision or addition",
                          "a strategy (unanimous, majority, at-least-K, confidence-T), 'decision by WHO: reason' "
                          "or 'added by WHO: reason', and method curate:<its first word>", "$.curation", record_id)
        for source in sources:
            who, _, source_id = str(source).partition(":")
            if who == CURATED or (who, source_id) not in check.sources.seen:
                check.problem(line, Code.UNKNOWN_CURATION_SOURCE, f"source {source!r} is no record of {who!r} in "
                              "this store", "re-run 'belarus-corpus curate --write' after changing an annotator's "
                              "records", "$.sources", record_id)
