"""Inter-annotator agreement for two or more annotators: span F1 per layer, type and document (exact, and partial
overlap), Krippendorff's alpha for unitizing per layer (nominal, one code per character), kappa on the attribute
values of matched spans (Cohen's for two annotators, Fleiss' for more), seeded bootstrap 95% intervals by
resampling documents, and diagnostics saying when a figure means little."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import Problem, UsageError
from ..model import Span
from .agreement_relations import EXACT_ANCHORS, LINKED, OVERLAP_ANCHORS, relation_figures, relation_table
from .agreement_stats import (
    EXACT_RULE,
    PARTIAL_RULE,
    Coincidences,
    Counts,
    alpha,
    bootstrap,
    cohen_kappa,
    coincidences,
    fleiss_kappa,
    match,
)

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from ..taxonomy import Taxonomy

COUNTED_STATUSES = ("gold", "suggested")
FEW_ITEMS = 20


@dataclass
class DocFigures:
    exact: dict[str, Counts] = field(default_factory=dict)
    partial: dict[str, Counts] = field(default_factory=dict)
    codes: dict[str, Coincidences] = field(default_factory=dict)
    attributes: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class AgreementReport:
    annotators: tuple[str, ...]
    documents: list[str]
    exact: dict[str, Counts]
    partial: dict[str, Counts]
    by_document: dict[str, dict[str, dict[str, float]]]
    alpha: dict[str, float | None]
    kappa: dict[str, dict[str, Any]]
    intervals: dict[str, dict[str, tuple[float, float] | None]]
    diagnostics: list[str]
    seed: int
    samples: int
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def table(scores: dict[str, Counts]) -> dict[str, dict[str, float | int]]:
            return {key: {"f1": round(s.f1, 4), "a": s.a_total, "b": s.b_total, "matched": s.matched}
                    for key, s in sorted(scores.items())}

        return {"annotators": list(self.annotators), "documents": len(self.documents),
                "rules": {"exact": EXACT_RULE, "partial": PARTIAL_RULE, "pairs": "counts are pooled over every pair "
                          "of annotators (a = first of the pair, b = second)",
                          "alpha": "nominal Krippendorff's alpha, one code per character per layer (the type of the "
                          "shortest covering span, 0 for none)",
                          "kappa": ("Cohen's" if len(self.annotators) == 2 else "Fleiss'") + " kappa on attribute "
                          "values of spans matched partially (same layer and type) by every annotator",
                          "intervals": f"percentile 95% bootstrap, {self.samples} resamples of documents, seed "
                          f"{self.seed}"},
                "exact": table(self.exact), "partial": table(self.partial), "by_document": self.by_document,
                "krippendorff_alpha": {k: _round(v) for k, v in self.alpha.items()}, "attribute_kappa": self.kappa,
                "intervals": {k: {m: None if v is None else [round(v[0], 4), round(v[1], 4)] for m, v in d.items()}
                              for k, d in self.intervals.items()},
                "relations": self.relations, "relation_rules": relation_rules(),
                "diagnostics": self.diagnostics}


def relation_rules() -> dict[str, str]:
    return {"exact": EXACT_ANCHORS, "overlap": OVERLAP_ANCHORS, "linked": LINKED}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _collect(corpus: CorpusReader, annotators: tuple[str, ...],
             doc_ids: list[str] | None) -> dict[str, dict[str, list[Span]]]:
    if len(annotators) < 2 or len(set(annotators)) != len(annotators):
        raise UsageError(Problem("--annotator", None, Code.USAGE, f"got {len(set(annotators))} distinct annotator(s)",
                                 "give --annotator at least twice, with different names"))
    by_doc: dict[str, dict[str, list[Span]]] = {}
    for doc_id in doc_ids or corpus.doc_ids():
        spans: dict[str, list[Span]] = {name: [] for name in annotators}
        for span in corpus.annotations(doc_id).spans:
            if span.annotator in spans and span.status in COUNTED_STATUSES:
                spans[span.annotator].append(span)
        if all(spans.values()):
            by_doc[doc_id] = spans
    if not by_doc:
        raise UsageError(Problem("<arguments>", None, Code.NO_OVERLAP, "no document has spans by every one of "
                                 + ", ".join(map(repr, annotators)), "check the names with 'belarus-corpus annotate "
                                 "list'"))
    return by_doc


def _codes(length: int, spans: list[Span], labels: list[str]) -> list[int]:
    codes = [0] * length
    for span in sorted(spans, key=lambda s: s.start - s.end):  # longest first, so the shortest covering wins
        codes[span.start : span.end] = [labels.index(span.type) + 1] * (span.end - span.start)
    return codes


def _doc_figures(length: int, spans: dict[str, list[Span]], taxonomy: Taxonomy) -> DocFigures:
    figures = DocFigures()
    names = list(spans)
    for layer, spec in taxonomy.layers.items():
        labels = list(spec.types)
        figures.codes[layer] = coincidences([_codes(length, [s for s in spans[n] if s.layer == layer], labels)
                                             for n in names])
        for type_ in labels:
            chosen = {n: [s for s in spans[n] if s.layer == layer and s.type == type_] for n in names}
            if not any(chosen.values()):
                continue
            for a, b in combinations(names, 2):
                left, right = [(s.start, s.end) for s in chosen[a]], [(s.start, s.end) for s in chosen[b]]
                for key in (layer, f"{layer}/{type_}"):
                    figures.exact.setdefault(key, Counts()).add(Counts(len(match(left, right, False)), len(left),
                                                                       len(right)))
                    figures.partial.setdefault(key, Counts()).add(Counts(len(match(left, right, True)), len(left),
                                                                         len(right)))
            _attribute_items(figures, layer, spec.attributes, chosen, names)
    return figures


def _attribute_items(figures: DocFigures, layer: str, specs: Any, chosen: dict[str, list[Span]],
                     names: list[str]) -> None:
    """Spans of the first annotator matched (partially) by every other one: their enum attribute values."""
    first = chosen[names[0]]
    partners: list[dict[int, int]] = []
    for other in names[1:]:
        pairs = match([(s.start, s.end) for s in first], [(s.start, s.end) for s in chosen[other]], True)
        partners.append(dict(pairs))
    for i, span in enumerate(first):
        if not all(i in p for p in partners):
            continue
        group = [span, *(chosen[o][p[i]] for o, p in zip(names[1:], partners, strict=True))]
        for attribute, spec in specs.items():
            if spec.enum:
                figures.attributes[f"{layer}.{attribute}"].append(
                    tuple(str(s.attributes.get(attribute, "(none)")) for s in group))


def _pooled(figures: dict[str, DocFigures], docs: list[str], metric: str, key: str) -> float | None:
    total = Counts()
    for doc in docs:
        total.add(getattr(figures[doc], metric).get(key, Counts()))
    return total.f1 if total.a_total + total.b_total else None


def _alpha_of(figures: dict[str, DocFigures], docs: list[str], layer: str) -> float | None:
    matrix: Coincidences = {}
    for doc in docs:
        for key, value in figures[doc].codes[layer].items():
            matrix[key] = matrix.get(key, 0.0) + value
    return alpha(matrix)


def _kappa(items: list[tuple[str, ...]]) -> float | None:
    if not items:
        return None
    return cohen_kappa([(a, b) for a, b in items]) if len(items[0]) == 2 else fleiss_kappa(items)  # type: ignore[misc]


def _intervals(figures: dict[str, DocFigures], docs: list[str], layer: str, seed: int,
               samples: int) -> dict[str, tuple[float, float] | None]:
    return {"exact_f1": bootstrap(docs, lambda sample: _pooled(figures, sample, "exact", layer), seed, samples),
            "partial_f1": bootstrap(docs, lambda sample: _pooled(figures, sample, "partial", layer), seed, samples),
            "alpha": bootstrap(docs, lambda sample: _alpha_of(figures, sample, layer), seed, samples)}


def agreement(corpus: CorpusReader, annotators: tuple[str, ...] | list[str], doc_ids: list[str] | None = None,
              seed: int = 16, samples: int = 1000) -> AgreementReport:
    names = tuple(annotators)
    by_doc = _collect(corpus, names, doc_ids)
    taxonomy = corpus.taxonomy
    figures = {d: _doc_figures(len(corpus.document(d).text), spans, taxonomy) for d, spans in by_doc.items()}
    docs = sorted(figures)
    exact: dict[str, Counts] = defaultdict(Counts)
    partial: dict[str, Counts] = defaultdict(Counts)
    items: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for doc in docs:
        for key, counts in figures[doc].exact.items():
            exact[key].add(counts)
        for key, counts in figures[doc].partial.items():
            partial[key].add(counts)
        for key, values in figures[doc].attributes.items():
            items[key] += values
    by_document = {d: {key: {"exact_f1": round(c.f1, 4), "partial_f1": round(figures[d].partial[key].f1, 4)}
                       for key, c in sorted(figures[d].exact.items()) if "/" not in key} for d in docs}
    layers = [layer for layer in taxonomy.layers if layer in exact]
    alphas = {layer: _alpha_of(figures, docs, layer) for layer in taxonomy.layers}
    kappa = {key: {"kappa": _round(_kappa(values)), "items": len(values)} for key, values in sorted(items.items())}
    intervals = {layer: _intervals(figures, docs, layer, seed, samples) for layer in layers}
    report = AgreementReport(names, docs, dict(exact), dict(partial), by_document, alphas, kappa, intervals, [],
                             seed, samples, relation_table(relation_figures(corpus, names, docs), docs, seed, samples))
    report.diagnostics = diagnose(report, items)
    return report


def diagnose(report: AgreementReport, items: dict[str, list[tuple[str, ...]]]) -> list[str]:
    notes = []
    if len(report.documents) < 10:
        notes.append(f"only {len(report.documents)} document(s): the bootstrap intervals resample very few units "
                     "and are wide and uneven")
    for key, counts in sorted(report.exact.items()):
        if counts.a_total + counts.b_total < FEW_ITEMS:
            notes.append(f"{key}: {counts.a_total + counts.b_total} span(s) in all; F1 means little")
        elif report.partial[key].f1 - counts.f1 >= 0.2:
            notes.append(f"{key}: partial F1 {report.partial[key].f1:.2f} vs exact {counts.f1:.2f}: the "
                         "disagreement is mostly on boundaries")
    for key, row in sorted(report.relations.items()):
        if int(row["a"]) + int(row["b"]) < FEW_ITEMS:
            notes.append(f"relations {key}: {int(row['a']) + int(row['b'])} relation(s) in all; F1 means little")
    for key, values in sorted(items.items()):
        flat = [v for item in values for v in item]
        if flat and max(flat.count(v) for v in set(flat)) / len(flat) > 0.9:
            notes.append(f"{key}: over 90% of values are one value; kappa is unstable under such prevalence")
        if len(values) < FEW_ITEMS:
            notes.append(f"{key}: kappa on {len(values)} matched span(s) means little")
    return notes
