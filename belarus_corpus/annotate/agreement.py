"""Inter-annotator agreement: span F1 (exact and partial overlap) per layer and type, and Krippendorff's alpha
over character-level coding per layer (the unitizing view), computed with the ``krippendorff`` package."""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import Problem, UsageError
from ..model import Span

if TYPE_CHECKING:
    from ..corpus import Corpus

EDGE_CHARS = set(string.whitespace + string.punctuation + "“”‘’„«»—–…")


@dataclass
class Scores:
    true_positive: int = 0
    a_total: int = 0
    b_total: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.b_total if self.b_total else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.a_total if self.a_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AgreementReport:
    annotators: tuple[str, str]
    documents: int
    exact: dict[str, Scores] = field(default_factory=dict)
    partial: dict[str, Scores] = field(default_factory=dict)
    alpha: dict[str, float | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def table(scores: dict[str, Scores]) -> dict[str, dict[str, float | int]]:
            return {key: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                          "a": s.a_total, "b": s.b_total, "matched": s.true_positive}
                    for key, s in sorted(scores.items())}

        return {"annotators": list(self.annotators), "documents": self.documents, "exact": table(self.exact),
                "partial": table(self.partial), "krippendorff_alpha": self.alpha}


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without white space and punctuation at the edges (robust to boundary conventions)."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def _match(a: list[tuple[int, int]], b: list[tuple[int, int]], partial: bool) -> int:
    """One-to-one matches: exact equality, or greedy by largest overlap."""
    if not partial:
        return len(set(a) & set(b))
    pairs = sorted(((min(ae, be) - max(as_, bs), i, j) for i, (as_, ae) in enumerate(a)
                    for j, (bs, be) in enumerate(b) if min(ae, be) > max(as_, bs)), reverse=True)
    used_a, used_b, matched = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched += 1
    return matched


def _add(scores: dict[str, Scores], key: str, a: list[tuple[int, int]], b: list[tuple[int, int]],
         partial: bool) -> None:
    entry = scores.setdefault(key, Scores())
    entry.true_positive += _match(a, b, partial)
    entry.a_total += len(a)
    entry.b_total += len(b)


def character_codes(text: str, spans: Iterable[Span], labels: list[str]) -> list[int]:
    """One code per character: the index of the covering span's type (longest first), 0 for none."""
    codes = [0] * len(text)
    for span in sorted(spans, key=lambda s: s.end - s.start):
        for index in range(span.start, span.end):
            codes[index] = labels.index(span.type) + 1
    return codes


def agreement(corpus: Corpus, annotator_a: str, annotator_b: str, doc_ids: list[str] | None = None) -> AgreementReport:
    import krippendorff
    import numpy as np

    by_doc: dict[str, dict[str, list[Span]]] = defaultdict(lambda: {annotator_a: [], annotator_b: []})
    for doc_id in doc_ids or corpus.doc_ids():
        for span in corpus.annotations(doc_id).spans:
            if span.annotator in (annotator_a, annotator_b) and span.status in ("gold", "suggested"):
                by_doc[doc_id][span.annotator].append(span)
    shared = sorted(d for d, spans in by_doc.items() if spans[annotator_a] and spans[annotator_b])
    if not shared:
        raise UsageError(Problem("<arguments>", None, "no-overlap", f"no document has spans by both {annotator_a!r} "
                                 f"and {annotator_b!r}", "check the names with 'belarus-corpus annotate list'"))
    report = AgreementReport((annotator_a, annotator_b), len(shared))
    taxonomy = corpus.taxonomy
    rows: dict[str, list[list[int]]] = {layer: [[], []] for layer in taxonomy.layers}
    for doc_id in shared:
        text = corpus.document(doc_id).text
        for layer, spec in taxonomy.layers.items():
            labels = list(spec.types)
            a = [s for s in by_doc[doc_id][annotator_a] if s.layer == layer]
            b = [s for s in by_doc[doc_id][annotator_b] if s.layer == layer]
            for type_ in labels:
                a_off = [trimmed(text, s.start, s.end) for s in a if s.type == type_]
                b_off = [trimmed(text, s.start, s.end) for s in b if s.type == type_]
                if a_off or b_off:
                    _add(report.exact, f"{layer}/{type_}", a_off, b_off, partial=False)
                    _add(report.partial, f"{layer}/{type_}", a_off, b_off, partial=True)
            rows[layer][0] += character_codes(text, a, labels)
            rows[layer][1] += character_codes(text, b, labels)
    for layer, (codes_a, codes_b) in rows.items():
        data = np.array([codes_a, codes_b], dtype=float)
        varied = len(set(codes_a) | set(codes_b)) > 1
        report.alpha[layer] = round(float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")),
                                    4) if varied else None
    return report


def render(report: AgreementReport) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    console = Console(file=buffer, width=110)
    table = Table(title=f"{report.annotators[0]} vs {report.annotators[1]} on {report.documents} document(s)")
    for column in ("layer/type", "A", "B", "exact F1", "partial F1"):
        table.add_column(column)
    for key in sorted(report.exact):
        e, p = report.exact[key], report.partial[key]
        table.add_row(key, str(e.a_total), str(e.b_total), f"{e.f1:.3f}", f"{p.f1:.3f}")
    console.print(table)
    for layer, alpha in report.alpha.items():
        console.print(f"Krippendorff's alpha (nominal, per character), {layer}: "
                      + ("n/a (no variation)" if alpha is None else f"{alpha:.3f}"))
    return buffer.getvalue()
