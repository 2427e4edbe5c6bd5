"""The rich table of an agreement report."""

from __future__ import annotations

from io import StringIO

from .agreement import AgreementReport
from .agreement_relations import EXACT_ANCHORS, LINKED, OVERLAP_ANCHORS
from .agreement_stats import EXACT_RULE, PARTIAL_RULE


def _interval(value: tuple[float, float] | None) -> str:
    return "" if value is None else f"[{value[0]:.2f}, {value[1]:.2f}]"


def _listed(value: object) -> str:
    return f"[{value[0]:.2f}, {value[1]:.2f}]" if isinstance(value, list) else ""


def render(report: AgreementReport) -> str:
    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    console = Console(file=buffer, width=120)
    title = f"{' vs '.join(report.annotators)} on {len(report.documents)} document(s)"
    table = Table(title=title)
    for column in ("layer/type", "A", "B", "exact F1", "95% CI", "partial F1", "95% CI", "alpha", "95% CI"):
        table.add_column(column)
    for key in sorted(report.exact):
        e, p = report.exact[key], report.partial[key]
        ci = report.intervals.get(key, {})
        layer_alpha = report.alpha.get(key) if "/" not in key else None
        table.add_row(key, str(e.a_total), str(e.b_total), f"{e.f1:.3f}", _interval(ci.get("exact_f1")),
                      f"{p.f1:.3f}", _interval(ci.get("partial_f1")),
                      "" if layer_alpha is None else f"{layer_alpha:.3f}", _interval(ci.get("alpha")))
    console.print(table)
    if report.relations:
        relations = Table(title="relations")
        for column in ("relation type", "A", "B", "exact F1", "95% CI", "overlap F1", "linked F1", "95% CI"):
            relations.add_column(column)
        for key, row in report.relations.items():
            relations.add_row(key, str(row["a"]), str(row["b"]), f"{row['exact_f1']:.3f}",
                              _listed(row.get("exact_f1_interval")), f"{row['overlap_f1']:.3f}",
                              f"{row['linked_f1']:.3f}", _listed(row.get("linked_f1_interval")))
        console.print(relations)
    for key, entry in report.kappa.items():
        kappa = entry["kappa"]
        console.print(f"kappa {key}: " + ("n/a" if kappa is None else f"{kappa:.3f}") + f" on {entry['items']} spans")
    console.print(f"exact: {EXACT_RULE}.\npartial: {PARTIAL_RULE}.")
    if report.relations:
        console.print(f"relations exact: {EXACT_ANCHORS}.\nrelations overlap: {OVERLAP_ANCHORS}.\n"
                      f"relations linked: {LINKED}.")
    for note in report.diagnostics:
        console.print(f"note: {note}")
    return buffer.getvalue()
