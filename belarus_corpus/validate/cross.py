"""The cross-document relation store: read first, its endpoints resolved as each document's store streams by."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..codes import Code
from ..errors import Problem
from ..layout import Layout
from ..taxonomy import Taxonomy
from .annotators import check_sources
from .report import Report
from .stores import Endpoint, PendingRelation, StoreCheck, check_endpoint, check_file


@dataclass
class CrossDocumentIndex:
    layout: Layout
    taxonomy: Taxonomy
    wanted: dict[str, list[tuple[PendingRelation, str]]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)

    @functools.cached_property
    def file(self) -> str:
        return self.layout.relative(self.layout.cross_document_store)

    def wanted_span_ids(self) -> dict[str, set[str]]:
        """Per document, the span ids the cross-document relations name there."""
        return {doc_id: {_endpoint(pending, role) for pending, role in items} for doc_id, items in self.wanted.items()}

    def read(self, report: Report) -> None:
        path = self.layout.cross_document_store
        if not path.is_file():
            return
        check = StoreCheck(file=self.file, doc_id="", taxonomy=self.taxonomy, doc=None)
        check_file(check, path, cross_store=True)
        check_sources(check)
        report.extend(check.problems)
        report.stats["cross-document relations"] += len(check.relations)
        for pending in check.relations:
            self.wanted[pending.head_doc].append((pending, "head"))
            self.wanted[pending.tail_doc].append((pending, "tail"))

    def resolve(self, doc_id: str, spans: Mapping[str, Endpoint]) -> None:
        """Check the endpoints wanted in ``doc_id`` while its span ids are in memory."""
        for pending, role in self.wanted.pop(doc_id, []):
            self.problems += check_endpoint(self.file, pending, role, spans.get(_endpoint(pending, role)),
                                            self.taxonomy, doc_id)

    def finish(self, report: Report, check_all: bool) -> None:
        report.extend(self.problems)
        if not check_all:
            return
        known = set(self.layout.doc_ids())
        for doc_id, items in sorted(self.wanted.items()):
            for pending, role in items:
                if doc_id in known:
                    code, what = Code.RELATION_MISSING_ENDPOINT, f"{_endpoint(pending, role)} is not a span of {doc_id}"
                else:
                    code, what = Code.RELATION_MISSING_DOCUMENT, f"document {doc_id!r} does not exist"
                report.add(Problem(self.file, pending.line, code, f"{role}: {what}",
                                   "fix the relation's endpoints or remove it", f"$.{role}", pending.record_id))


def _endpoint(pending: PendingRelation, role: str) -> str:
    return pending.head if role == "head" else pending.tail
