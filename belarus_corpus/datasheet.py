"""The generated parts of DATASHEET.md: a statistics block and a cross-document table, between markers.

``belarus-corpus stats --datasheet`` rewrites them; ``validate`` reports ``stale-datasheet`` when they no longer
match the data. The dataset card is generated from the same functions.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .errors import Problem

if TYPE_CHECKING:
    from .corpus import Corpus

BEGIN = "<!-- BEGIN GENERATED: belarus-corpus stats --datasheet -->"
END = "<!-- END GENERATED -->"
DATASHEET = "DATASHEET.md"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |"
                    for row in rows]


def statistics_markdown(corpus: Corpus) -> str:
    from .stats import corpus_stats

    figures = corpus_stats(corpus)
    layers = list(corpus.taxonomy.layers)
    lines = [f"- Documents: {figures['documents']}", f"- Characters (normalized text): {figures['characters']}",
             "- Spans by status: " + (", ".join(f"{k} {v}" for k, v in figures["spans_by_status"].items()) or "none"),
             "- Spans by method: " + (", ".join(f"{k} {v}" for k, v in figures["spans_by_method"].items()) or "none"),
             "- Gold spans by origin: " + (", ".join(f"{k} {v}" for k, v in figures["gold_origin"].items()) or "none"),
             "- Paragraph languages (langdetect, seeded): "
             + (", ".join(f"{k} {v}" for k, v in figures["paragraph_languages"].items()) or "none"), "",
             "Gold spans per document and layer:", ""]
    rows = [[doc_id, *[str(row["gold_by_layer"].get(layer, 0)) for layer in layers], str(row["artifacts"])]
            for doc_id, row in figures["per_document"].items()]
    lines += _table(["document", *layers, "artifacts"], rows)
    lines += ["", "Gold spans per type:", ""]
    lines += _table(["layer/type", "gold spans"], [[k, str(v)] for k, v in figures["gold_spans_by_type"].items()])
    return "\n".join(lines)


def cross_document_markdown(corpus: Corpus) -> str:
    """Which article reports what for the same fact: claim spans sharing a ``cluster`` attribute."""
    clusters: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc_id in corpus.doc_ids():
        for span in corpus.annotations(doc_id).spans:
            cluster = span.attributes.get("cluster")
            if span.layer == "claim" and span.status == "gold" and cluster:
                shown = span.attributes.get("value") or span.text
                clusters[str(cluster)][doc_id].append(str(shown) if len(str(shown)) <= 60 else str(shown)[:57] + "…")
    if not clusters:
        return "No claim clusters are annotated yet."
    doc_ids = sorted({d for reports in clusters.values() for d in reports})
    rows = [[cluster, *["; ".join(reports.get(d, [])) or "—" for d in doc_ids]]
            for cluster, reports in sorted(clusters.items())]
    return "\n".join(_table(["claim cluster", *doc_ids], rows))


def generated_block(corpus: Corpus) -> str:
    return "\n".join([BEGIN, "", "### Statistics", "", statistics_markdown(corpus), "",
                      "### Cross-document figures", "", cross_document_markdown(corpus), "", END])


def _split(text: str) -> tuple[str, str, str] | None:
    if BEGIN not in text or END not in text:
        return None
    head, rest = text.split(BEGIN, 1)
    block, tail = rest.split(END, 1)
    return head, BEGIN + block + END, tail


def update_datasheet(corpus: Corpus) -> bool:
    """Rewrite the generated block; True when the file changed."""
    from .fsio import atomic_write_text

    path = corpus.root / DATASHEET
    text = path.read_text(encoding="utf-8") if path.is_file() else f"# Datasheet\n\n{BEGIN}\n{END}\n"
    parts = _split(text)
    if parts is None:
        text = text.rstrip("\n") + f"\n\n## Generated statistics\n\n{BEGIN}\n{END}\n"
        parts = _split(text)
        assert parts is not None
    updated = parts[0] + generated_block(corpus) + parts[2]
    if updated == text and path.is_file():
        return False
    atomic_write_text(path, updated)
    return True


def check_datasheet(corpus: Corpus) -> list[Problem]:
    path = corpus.root / DATASHEET
    if not path.is_file():
        return []
    parts = _split(path.read_text(encoding="utf-8"))
    if parts is None:
        return [Problem(DATASHEET, None, "stale-datasheet", "the datasheet has no generated statistics block",
                        "run 'belarus-corpus stats --datasheet'")]
    if parts[1] != generated_block(corpus):
        line = parts[0].count("\n") + 1
        return [Problem(DATASHEET, line, "stale-datasheet", "the generated statistics no longer match the data",
                        "run 'belarus-corpus stats --datasheet' and commit DATASHEET.md")]
    return []
