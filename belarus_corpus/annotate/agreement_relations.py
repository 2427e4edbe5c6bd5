"""Agreement on relations: two annotators' relations match when they have the same type and their heads and tails
are spans at the same place (same document, layer and offsets: *exact anchors*) or at overlapping places (same
document and layer, at least one shared character: *overlapping anchors*, one-to-one, greedy by the smaller of the
two overlaps). F1 is pooled over pairs of annotators per relation type; a relation counts in the document of its
head. *Linked* F1 counts only the relations whose two ends the other annotator also marked (exact anchors), so it
separates disagreeing about the relation from disagreeing about its spans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from ..model import Relation, Span
from .agreement_stats import Counts, bootstrap

if TYPE_CHECKING:
    from ..reader import CorpusReader

COUNTED_STATUSES = ("gold", "suggested")
EXACT_ANCHORS = ("two relations match when they have the same type and their heads and their tails are spans of the "
                 "same document, layer, start and end")
OVERLAP_ANCHORS = ("relations of the same type match when head overlaps head and tail overlaps tail (same document "
                   "and layer, a shared character); one-to-one, greedy by the smaller overlap")
LINKED = "exact anchors, counting only relations whose two ends the other annotator also marked"
Anchor = tuple[str, str, int, int]  # doc_id, layer, start, end
Drawn = tuple[str, Anchor, Anchor]  # type, head, tail


@dataclass
class RelationFigures:
    """Per document (of the head): per relation type, the counts of each matching rule."""

    exact: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(dict))
    overlap: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(dict))
    linked: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(dict))

    def pooled(self, rule: str, docs: list[str], key: str | None = None) -> Counts:
        total = Counts()
        for doc in docs:
            for type_, counts in getattr(self, rule).get(doc, {}).items():
                if key is None or key == type_:
                    total.add(counts)
        return total

    def types(self) -> list[str]:
        return sorted({t for by_type in self.exact.values() for t in by_type})


def _anchor(span: Span) -> Anchor:
    return (span.doc_id, span.layer, span.start, span.end)


def drawn(corpus: CorpusReader, annotators: tuple[str, ...], docs: list[str]) -> dict[str, list[tuple[str, Drawn]]]:
    """Each annotator's relations as (head document, (type, head anchor, tail anchor))."""
    spans: dict[str, dict[str, Span]] = {name: {} for name in annotators}
    relations: list[Relation] = []
    for doc_id in docs:
        content = corpus.annotations(doc_id)
        for span in content.spans:
            if span.annotator in spans and span.status in COUNTED_STATUSES:
                spans[span.annotator][span.id] = span
        relations += content.relations
    relations += [r for r in corpus.cross_document().relations if r.head_doc in docs and r.tail_doc in docs]
    out: dict[str, list[tuple[str, Drawn]]] = {name: [] for name in annotators}
    for relation in relations:
        mine = spans.get(relation.annotator, {})
        head, tail = mine.get(relation.head), mine.get(relation.tail)
        if relation.status in COUNTED_STATUSES and head is not None and tail is not None:
            out[relation.annotator].append((head.doc_id, (relation.type, _anchor(head), _anchor(tail))))
    return out


def _overlap(a: Anchor, b: Anchor) -> int:
    if a[:2] != b[:2]:
        return 0
    return max(0, min(a[3], b[3]) - max(a[2], b[2]))


def _matched(left: list[Drawn], right: list[Drawn], overlapping: bool) -> int:
    if not overlapping:
        pool = list(right)
        found = 0
        for item in left:
            if item in pool:
                pool.remove(item)
                found += 1
        return found
    candidates = sorted(((min(_overlap(a[1], b[1]), _overlap(a[2], b[2])), -i, -j) for i, a in enumerate(left)
                         for j, b in enumerate(right)
                         if a[0] == b[0] and _overlap(a[1], b[1]) and _overlap(a[2], b[2])), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if -i not in used_a and -j not in used_b:
            used_a.add(-i)
            used_b.add(-j)
    return len(used_a)


def relation_figures(corpus: CorpusReader, annotators: tuple[str, ...], docs: list[str]) -> RelationFigures:
    by_annotator = drawn(corpus, annotators, docs)
    anchors = {name: {a for _, (_, h, t) in items for a in (h, t)} for name, items in by_annotator.items()}
    figures = RelationFigures()
    for a, b in combinations(annotators, 2):
        for doc in docs:
            for type_ in sorted({d[0] for name in (a, b) for doc_of, d in by_annotator[name] if doc_of == doc}):
                left = [d for doc_of, d in by_annotator[a] if doc_of == doc and d[0] == type_]
                right = [d for doc_of, d in by_annotator[b] if doc_of == doc and d[0] == type_]
                for rule, counts in (("exact", Counts(_matched(left, right, False), len(left), len(right))),
                                     ("overlap", Counts(_matched(left, right, True), len(left), len(right)))):
                    getattr(figures, rule)[doc].setdefault(type_, Counts()).add(counts)
                linked_left = [d for d in left if d[1] in anchors[b] and d[2] in anchors[b]]
                linked_right = [d for d in right if d[1] in anchors[a] and d[2] in anchors[a]]
                figures.linked[doc].setdefault(type_, Counts()).add(
                    Counts(_matched(linked_left, linked_right, False), len(linked_left), len(linked_right)))
    return figures


def relation_table(figures: RelationFigures, docs: list[str], seed: int,
                   samples: int) -> dict[str, dict[str, object]]:
    """Per relation type and for all relations: counts, the three F1s, and 95% intervals of the overall ones."""
    table: dict[str, dict[str, object]] = {}
    for key in [None, *figures.types()]:
        exact = figures.pooled("exact", docs, key)
        row: dict[str, object] = {"a": exact.a_total, "b": exact.b_total, "matched": exact.matched,
                                  "exact_f1": round(exact.f1, 4),
                                  "overlap_f1": round(figures.pooled("overlap", docs, key).f1, 4),
                                  "linked_f1": round(figures.pooled("linked", docs, key).f1, 4)}
        if key is None:
            for rule in ("exact", "linked"):
                interval = bootstrap(docs, _statistic(figures, rule), seed, samples)
                row[f"{rule}_f1_interval"] = None if interval is None else [round(v, 4) for v in interval]
        table[key or "all relations"] = row
    return table


def _statistic(figures: RelationFigures, rule: str) -> Callable[[list[str]], float | None]:
    def f1(sample: list[str]) -> float | None:
        counts = figures.pooled(rule, sample)
        return counts.f1 if counts.a_total + counts.b_total else None

    return f1
