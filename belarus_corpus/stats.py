"""CorpusReader statistics: documents, characters, spans per layer/type/status/document, languages."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .gold import detector_of, split_gold
from .model import Span

if TYPE_CHECKING:
    from .reader import CorpusReader


def gold_origin(span: Span, detector: str | None = None) -> str:
    """How a gold span came to be: an accepted or an edited suggestion, a manual addition, or an import;
    ``detector`` is the detector it began as (``gold.detector_of``; a curated span's sources decide)."""
    if span.method.startswith("rule:") or detector:
        return "edited suggestion" if span.edited else "accepted suggestion"
    if span.method.startswith("curate:"):
        return "manual"  # merged from manual records of the independent passes
    return "manual" if span.method == "manual" else span.method.split(":")[0]


def corpus_stats(corpus: CorpusReader) -> dict[str, Any]:
    per_document: dict[str, dict[str, Any]] = {}
    layers: Counter[str] = Counter()
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    characters = 0
    for doc_id in corpus.doc_ids():
        document = corpus.document(doc_id)
        content = corpus.annotations(doc_id)
        characters += len(document.text)
        for paragraph in document.provenance.get("language", {}).get("paragraphs", []):
            languages[str(paragraph.get("code"))] += 1
        gold = split_gold(content.spans, content.relations).spans
        gold_ids = {s.id for s in gold}
        per_document[doc_id] = {
            "characters": len(document.text),
            "spans": len(content.spans),
            "gold_by_layer": dict(sorted(Counter(s.layer for s in gold).items())),
            "artifacts": sum(1 for s in gold if s.layer == "artifact"),
        }
        by_id = {s.id: s for s in content.spans}
        for span in content.spans:
            statuses[span.status] += 1
            methods[span.method.split("@")[0] if span.method.startswith("rule:") else span.method] += 1
            if span.id in gold_ids:
                origins[gold_origin(span, detector_of(span, by_id))] += 1
                layers[span.layer] += 1
                types[f"{span.layer}/{span.type}"] += 1
    return {
        "documents": len(per_document), "characters": characters,
        "gold_spans_by_layer": dict(sorted(layers.items())), "gold_spans_by_type": dict(sorted(types.items())),
        "spans_by_status": dict(sorted(statuses.items())), "spans_by_method": dict(sorted(methods.items())),
        "gold_origin": dict(sorted(origins.items())),
        "paragraph_languages": dict(sorted(languages.items())), "per_document": per_document,
    }


def render_stats(figures: dict[str, Any]) -> str:
    lines = [f"documents: {figures['documents']}", f"characters: {figures['characters']}"]
    for key in ("gold_spans_by_layer", "gold_spans_by_type", "spans_by_status", "spans_by_method", "gold_origin",
                "paragraph_languages"):
        lines.append(f"{key.replace('_', ' ')}:")
        lines += [f"  {name}: {count}" for name, count in figures[key].items()] or ["  (none)"]
    lines.append("per document:")
    for doc_id, row in figures["per_document"].items():
        lines.append(f"  {doc_id}: {row['characters']} chars, {row['spans']} spans, gold {row['gold_by_layer']}")
    return "\n".join(lines)
