"""``belarus-corpus stats``: counts of documents, characters and spans, read off the one facts engine.

The figures are a view of `build.facts.corpus_facts` (the facts the card, Croissant and DATASHEET.md state), so
`stats` cannot disagree with them; adding a count means adding it to the facts, then showing it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from .build.facts import corpus_facts

if TYPE_CHECKING:
    from .build.facts_types import CorpusFacts
    from .reader import CorpusReader


class DocumentFigures(TypedDict):
    characters: int
    spans: int
    gold_by_layer: dict[str, int]
    artifacts: int


class StatsFigures(TypedDict):
    """What ``belarus-corpus stats`` prints (``--format json`` prints this object as it is)."""

    documents: int
    characters: int
    gold_spans_by_layer: dict[str, int]
    gold_spans_by_type: dict[str, int]
    spans_by_status: dict[str, int]
    spans_by_method: dict[str, int]
    gold_origin: dict[str, int]
    paragraph_languages: dict[str, int]
    per_document: dict[str, DocumentFigures]



def corpus_stats(corpus: CorpusReader) -> StatsFigures:
    """Documents, characters, gold spans by layer and type, spans by status and method, gold origin, paragraph
    languages and per-document counts; a corpus that does not validate is refused with the report (counts of
    records of the wrong type would be wrong, or a traceback)."""
    from .codes import Code
    from .errors import CorpusError, Problem
    from .validate import validate
    from .validate.report import summary

    report = validate(corpus.root)
    if not report.valid:
        raise CorpusError([*report.sorted_problems(), Problem(
            "<corpus>", None, Code.STATS_REFUSED, f"no statistics: {summary(report)}",
            "fix the errors above (belarus-corpus validate lists them), then run stats again")])
    return stats_from_facts(corpus_facts(corpus))


def stats_from_facts(facts: CorpusFacts) -> StatsFigures:
    spans = facts["spans"]
    per_document: dict[str, DocumentFigures] = {
        row["doc_id"]: {"characters": row["characters"], "spans": row["spans"],
                        "gold_by_layer": dict(row["gold_by_layer"]),
                        "artifacts": row["gold_by_layer"].get("artifact", 0)}
        for row in facts["per_document"]}
    return {
        "documents": facts["documents"], "characters": facts["characters"],
        "gold_spans_by_layer": dict(spans["gold_by_layer"]), "gold_spans_by_type": dict(spans["gold_by_type"]),
        "spans_by_status": dict(spans["by_status"]), "spans_by_method": dict(spans["by_method"]),
        "gold_origin": dict(spans["gold_origin"]),
        "paragraph_languages": dict(facts["paragraph_languages"]), "per_document": per_document,
    }


def render_stats(figures: StatsFigures) -> str:
    lines = [f"documents: {figures['documents']}", f"characters: {figures['characters']}"]
    counted = {"gold spans by layer": figures["gold_spans_by_layer"],
               "gold spans by type": figures["gold_spans_by_type"], "spans by status": figures["spans_by_status"],
               "spans by method": figures["spans_by_method"], "gold origin": figures["gold_origin"],
               "paragraph languages": figures["paragraph_languages"]}
    for heading, counts in counted.items():
        lines.append(f"{heading}:")
        lines += [f"  {name}: {count}" for name, count in counts.items()] or ["  (none)"]
    lines.append("per document:")
    for doc_id, row in figures["per_document"].items():
        lines.append(f"  {doc_id}: {row['characters']} chars, {row['spans']} spans, gold {row['gold_by_layer']}")
    return "\n".join(lines)
