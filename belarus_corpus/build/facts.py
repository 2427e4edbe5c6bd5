"""Facts about the corpus, computed from raw/, annotations/ and the taxonomy, for the card and the datasheet.

Nothing here is typed in: every number, list and statement is derived from the corpus as it is now, so the
dataset card (``build/card.py``), the Croissant file (``build/croissant.py``) and the datasheet
(``belarus-corpus stats --datasheet``) cannot drift from the data. ``corpus_facts`` returns plain,
JSON-serialisable dicts; ``release/facts_text.py`` turns them into sentences and Markdown. The build computes the
same facts from per-shard partials (see "Computing the facts") instead of reading the corpus again.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..gold import gold_origin
from .facts_types import (
    ClusterFacts,
    ClusterGroup,
    ClusterReport,
    CorpusFacts,
    DocumentFacts,
    Partial,
    SourceFacts,
)
from .features import SOURCE_FIELDS

if TYPE_CHECKING:
    from ..engine import EngineOptions
    from ..reader import CorpusReader

RELEASE_SETTINGS = "metadata/release.json"
"""Optional decisions of the maintainers: ``{"annotations_licence": SPDX id, "repo_id": "owner/name"}``."""

CLUSTER_ATTRIBUTE = "cluster"
VALUE_ATTRIBUTE = "value"
CLAIM_LAYER = "claim"


def method_family(method: str) -> str:
    """``rule:figures@2`` → ``rule:figures``; other methods unchanged."""
    return method.split("@", 1)[0] if method.startswith("rule:") else method


def _sorted_counts(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items()))


def release_settings(corpus: CorpusReader) -> dict[str, Any]:
    """The maintainers' release decisions; the annotations' licence falls back to the package's own licence."""
    path = corpus.root / RELEASE_SETTINGS
    settings: dict[str, Any] = {}
    if path.is_file():
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            settings.update(loaded)
    if settings.get("annotations_licence"):
        settings["annotations_licence_basis"] = f"declared in {RELEASE_SETTINGS}"
    else:
        settings["annotations_licence"] = package_licence()
        settings["annotations_licence_basis"] = (
            f"no separate licence is declared in {RELEASE_SETTINGS}, so the annotations carry the licence of the "
            "belarus-corpus package that produced them")
    return settings


def _package_metadata() -> dict[str, str]:
    from importlib import metadata

    try:
        meta = metadata.metadata("belarus-corpus")
    except metadata.PackageNotFoundError:
        return {}
    return {key: str(meta[key]) for key in ("License-Expression", "License", "Summary", "Author", "Author-email")
            if meta[key]}


def package_licence() -> str:
    meta = _package_metadata()
    return meta.get("License-Expression") or meta.get("License") or "unspecified"


def package_summary() -> tuple[str, str]:
    """(summary, author) from the installed package's metadata."""
    meta = _package_metadata()
    author = meta.get("Author") or meta.get("Author-email") or "belarus-corpus developers"
    if "<" in author:
        author = author.split("<", 1)[0].strip().strip('"')
    return meta.get("Summary", ""), author


# --------------------------------------------------------------------------------------------------------------
# Computing the facts: partial facts per document, an order-independent merge, and the finished facts
#
# A partial is a JSON-serialisable dict (``PARTIAL_KEYS``): the documents' own facts, span and relation counters,
# claim-cluster reports and a few totals. Every part is additive over documents (the positions annotated by
# several annotators are keyed by document, so they never span two documents), so the partial of a set of
# documents is the merge of its documents' partials, whatever the grouping. The build stores one partial per
# shard and merges them; ``corpus_facts`` merges every document's partial; both finish with ``finish_facts``.

PARTIAL_KEYS = ("documents", "spans", "relations", "positions_with_several_annotators", "cluster_reports",
                "clustered_claims_not_gold", "paragraph_languages")


FACTS_CHUNK_DOCS = 50
FACTS_PARALLEL_MIN_DOCS = 200


def corpus_facts(corpus: CorpusReader, workers: int | None = None,
                 engine: EngineOptions | None = None) -> CorpusFacts:
    """Every fact the card, Croissant file and datasheet state, from one pass over the corpus (the engine's tasks
    for a large corpus, or the local executor with ``workers``; the partials merge the same in any grouping)."""
    from ..engine import EngineOptions, Stage, run_stage

    if engine is None and workers is not None:
        engine = EngineOptions(workers=workers)
    root = str(corpus.root)
    stage: Stage[str, Partial] = Stage("facts", _chunk_partial, FACTS_CHUNK_DOCS, FACTS_PARALLEL_MIN_DOCS)
    partials = run_stage(stage, corpus.doc_ids(), lambda _: (root,), engine)
    partials.append(relations_partial(corpus.cross_document().relations))
    return finish_facts(corpus, merge_partials(partials))


def _chunk_partial(doc_ids: list[str], root: str) -> list[Partial]:
    from ..reader import CorpusReader

    corpus = CorpusReader(root)
    partials = []
    for doc_id in doc_ids:
        content = corpus.annotations(doc_id)
        partials.append(document_partial(corpus.document(doc_id), content.spans, content.relations))
    return [merge_partials(partials)]


def empty_partial() -> Partial:
    return {"documents": [], "spans": {}, "relations": {}, "positions_with_several_annotators": 0,
            "cluster_reports": {}, "clustered_claims_not_gold": 0, "paragraph_languages": {}}


def document_partial(document: Any, spans: list[Any], relations: list[Any]) -> Partial:
    """The facts of one document with its spans and in-document relations.

    Spans are counted by their distinct (status, method, annotator, layer) and, for gold, (layer, type, method,
    edited, detector) combinations (a handful per document) rather than one counter update per span and key."""
    from ..gold import detector_of, split_gold

    spans_by: dict[str, Counter[str]] = defaultdict(Counter)
    gold = {span.id for span in split_gold(spans, relations).spans}
    by_id = {span.id: span for span in spans}
    for (status, method, annotator, layer), n in Counter([(s.status, s.method, s.annotator, s.layer)
                                                          for s in spans]).items():
        spans_by["status"][status] += n
        spans_by["method"][method_family(method)] += n
        spans_by["method_version"][method] += n
        spans_by["annotator"][annotator] += n
        spans_by["layer_status"][f"{layer}/{status}"] += n
    gold_spans = [span for span in spans if span.id in gold]
    for (layer, type_, method, edited, detector), n in Counter([
            (s.layer, s.type, s.method, s.edited, detector_of(s, by_id)) for s in gold_spans]).items():
        spans_by["gold_layer"][layer] += n
        spans_by["gold_type"][f"{layer}/{type_}"] += n
        spans_by["gold_origin"][gold_origin(method, edited, detector)] += n
        if detector:
            spans_by["gold_from_rule"][method_family(detector)] += n
    reviewers = Counter([str(reviewer) for s in spans if (reviewer := getattr(s, "reviewed_by", None))])
    if reviewers:
        spans_by["reviewer"] = reviewers
    reports, not_gold = _cluster_reports(document.doc_id, spans, gold)
    annotators = Counter([key[:4] for key in {(s.doc_id, s.layer, s.start, s.end, s.annotator) for s in spans}])
    languages = Counter(str(p.get("code")) for p in document.provenance["language"]["paragraphs"])
    partial = relations_partial(relations)
    partial.update({
        "documents": [_document_facts(document, spans, gold_spans)],
        "spans": _counters(spans_by),
        "positions_with_several_annotators": sum(1 for n in annotators.values() if n > 1),
        "cluster_reports": dict(sorted(reports.items())),
        "clustered_claims_not_gold": not_gold,
        "paragraph_languages": _sorted_counts(languages),
    })
    return partial


def _cluster_reports(doc_id: str, spans: list[Any], gold: set[str]) -> tuple[dict[str, list[ClusterReport]], int]:
    """Gold claim spans with a ``cluster`` attribute, by cluster (in store order), and how many were not gold."""
    reports: dict[str, list[ClusterReport]] = defaultdict(list)
    not_gold = 0
    for span in spans:
        if span.layer != CLAIM_LAYER:
            continue
        cluster = span.attributes.get(CLUSTER_ATTRIBUTE)
        if not cluster:
            continue
        if span.id not in gold:
            not_gold += 1
            continue
        value = span.attributes.get(VALUE_ATTRIBUTE)
        reports[str(cluster)].append({
            "doc_id": doc_id, "span_id": span.id, "type": span.type, "text": span.text,
            "value": str(value) if value is not None else None,
        })
    return reports, not_gold


def relations_partial(relations: list[Any]) -> Partial:
    """A partial holding only relation counts (the cross-document store's relations)."""
    relations_by: dict[str, Counter[str]] = defaultdict(Counter)
    for (status, type_, method, annotator, cross), n in Counter([
            (r.status, r.type, r.method, r.annotator, r.cross_document) for r in relations]).items():
        relations_by["status"][status] += n
        relations_by["type"][type_] += n
        relations_by["method"][method_family(method)] += n
        relations_by["annotator"][annotator] += n
        if cross:
            relations_by["scope"]["cross_document"] += n
    return {**empty_partial(), "relations": _counters(relations_by)}


def merge_partials(partials: Iterable[Partial]) -> Partial:
    """One partial for the union of the documents of ``partials`` (which must not share a document)."""
    merged = empty_partial()
    spans_by: dict[str, Counter[str]] = defaultdict(Counter)
    relations_by: dict[str, Counter[str]] = defaultdict(Counter)
    languages: Counter[str] = Counter()
    reports: dict[str, list[ClusterReport]] = defaultdict(list)
    for partial in partials:
        merged["documents"] += partial["documents"]
        for name, counts in partial["spans"].items():
            _add(spans_by[name], counts)
        for name, counts in partial["relations"].items():
            _add(relations_by[name], counts)
        merged["positions_with_several_annotators"] += partial["positions_with_several_annotators"]
        merged["clustered_claims_not_gold"] += partial["clustered_claims_not_gold"]
        _add(languages, partial["paragraph_languages"])
        for name, items in partial["cluster_reports"].items():
            reports[name] += items
    merged["documents"].sort(key=lambda d: d["doc_id"])
    merged["spans"], merged["relations"] = _counters(spans_by), _counters(relations_by)
    merged["paragraph_languages"] = _sorted_counts(languages)
    merged["cluster_reports"] = {name: sorted(items, key=lambda r: (r["doc_id"], r["span_id"]))
                                 for name, items in sorted(reports.items())}
    return merged


def _add(total: Counter[str], counts: dict[str, int]) -> None:
    """``total.update(counts)`` without Counter.update's per-call overhead (merging is per document)."""
    for key, count in counts.items():
        total[key] += count


def _counters(by: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    return {name: _sorted_counts(counts) for name, counts in sorted(by.items()) if counts}


def finish_facts(corpus: CorpusReader, partial: Partial) -> CorpusFacts:
    """The facts of the corpus from the merged partial of all its documents and its cross-document relations."""
    from .result import dataset_version_of

    taxonomy = corpus.taxonomy
    documents: list[DocumentFacts] = partial["documents"]
    spans_by: dict[str, Counter[str]] = defaultdict(Counter, {k: Counter(v) for k, v in partial["spans"].items()})
    relations_by: dict[str, Counter[str]] = defaultdict(Counter,
                                                        {k: Counter(v) for k, v in partial["relations"].items()})
    return {
        "dataset_version": dataset_version_of(corpus),
        "taxonomy_version": taxonomy.version,
        "guidelines_version": taxonomy.guidelines_version,
        "layers": {name: {"description": layer.description, "types": dict(layer.types)}
                   for name, layer in taxonomy.layers.items()},
        "documents": len(documents),
        "characters": sum(d["characters"] for d in documents),
        "paragraphs": sum(d["paragraphs"] for d in documents),
        "paragraph_roles": _sorted_counts(sum((Counter(d["paragraph_roles"]) for d in documents), Counter())),
        "languages": _sorted_counts(Counter(str(d["language"]) for d in documents)),
        "paragraph_languages": dict(partial["paragraph_languages"]),
        "language_detectors": sorted({d["language_detector"] for d in documents if d["language_detector"]}),
        "normalization": sorted({d["normalization"] for d in documents if d["normalization"]}),
        "sources": _source_facts(documents),
        "assessments": _assessment_facts(documents),
        "spans": {
            "total": sum(spans_by["status"].values()),
            "by_status": _sorted_counts(spans_by["status"]),
            "by_method": _sorted_counts(spans_by["method"]),
            "by_method_version": _sorted_counts(spans_by["method_version"]),
            "by_annotator": _sorted_counts(spans_by["annotator"]),
            "by_layer_status": _sorted_counts(spans_by["layer_status"]),
            "gold_by_layer": _sorted_counts(spans_by["gold_layer"]),
            "gold_by_type": _sorted_counts(spans_by["gold_type"]),
            "gold_from_rules": _sorted_counts(spans_by["gold_from_rule"]),
            "gold_origin": _sorted_counts(spans_by["gold_origin"]),
            "by_reviewer": _sorted_counts(spans_by["reviewer"]),
            "positions_with_several_annotators": partial["positions_with_several_annotators"],
        },
        "relations": {
            "total": sum(relations_by["status"].values()),
            "by_type": _sorted_counts(relations_by["type"]),
            "by_status": _sorted_counts(relations_by["status"]),
            "by_method": _sorted_counts(relations_by["method"]),
            "by_annotator": _sorted_counts(relations_by["annotator"]),
            "cross_document": relations_by["scope"]["cross_document"],
        },
        "clusters": _cluster_facts(partial["cluster_reports"]),
        "clustered_claims_not_gold": partial["clustered_claims_not_gold"],
        "per_document": documents,
    }


def _document_facts(document: Any, spans: list[Any], gold: list[Any]) -> DocumentFacts:
    prov = document.provenance
    language = prov["language"]
    guess = language["document"]
    return {
        "doc_id": document.doc_id,
        "title": document.title,
        "original_file_name": prov.get("original_file_name"),
        "raw_sha256": document.raw_sha256,
        "raw_bytes": len(document.raw),
        "characters": len(document.text),
        "paragraphs": len(document.paragraphs),
        "paragraph_roles": _sorted_counts(Counter(p.role for p in document.paragraphs)),
        "language": guess.get("code"),
        "language_probability": guess.get("probability"),
        "language_detector": language.get("detector"),
        "normalization": prov["normalization"].get("pipeline"),
        "source": {name: prov["source"].get(name) for name in (*SOURCE_FIELDS, "authors")},
        "unknown": dict(sorted(prov["unknown"].items())),
        "assessments": {name: {"value": str(item.get("value")), "basis": item.get("basis"), "by": item.get("by")}
                        for name, item in sorted(prov["assessments"].items())},
        "spans": len(spans),
        "gold_by_layer": _sorted_counts(Counter(s.layer for s in gold)),
    }


def _source_facts(documents: list[DocumentFacts]) -> dict[str, SourceFacts]:
    facts: dict[str, SourceFacts] = {}
    for name in (*SOURCE_FIELDS, "authors"):
        known = [d for d in documents if d["source"].get(name)]
        values: set[str] = set()
        for d in known:
            value = d["source"][name]
            values.update(value if isinstance(value, list) else [str(value)])
        facts[name] = {"known": len(known), "unknown": len(documents) - len(known),
                       "known_in": [d["doc_id"] for d in known], "values": sorted(values),
                       "reasons": _sorted_counts(Counter(d["unknown"][name] for d in documents
                                                         if not d["source"].get(name) and name in d["unknown"]))}
    return facts


def _assessment_facts(documents: list[DocumentFacts]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in documents:
        for name, item in d["assessments"].items():
            found[name].append({"doc_id": d["doc_id"], **item})
    return dict(sorted(found.items()))


def _cluster_facts(reports: dict[str, list[ClusterReport]]) -> list[ClusterFacts]:
    """Per cluster, the reports grouped by claim type; a group differs when two articles give different values."""
    clusters: list[ClusterFacts] = []
    for name, items in sorted(reports.items()):
        items = sorted(items, key=lambda r: (r["type"], r["doc_id"], r["span_id"]))
        by_type: dict[str, list[ClusterReport]] = defaultdict(list)
        for report in items:
            by_type[report["type"]].append(report)
        groups = [_cluster_group(claim_type, members) for claim_type, members in sorted(by_type.items())]
        clusters.append({"cluster": name, "documents": sorted({r["doc_id"] for r in items}), "reports": items,
                         "groups": groups, "agree": all(g["verdict"] != "differ" for g in groups)})
    return clusters


def _cluster_group(claim_type: str, members: list[ClusterReport]) -> ClusterGroup:
    by_document: dict[str, set[str]] = defaultdict(set)
    for report in members:
        values = by_document[report["doc_id"]]
        if report["value"] is not None:
            values.add(str(report["value"]))
    compared = {frozenset(values) for values in by_document.values() if values}
    if len(by_document) < 2:
        verdict = "one article"
    elif sum(1 for values in by_document.values() if values) < 2:
        verdict = "no values to compare"
    elif len(compared) > 1:
        verdict = "differ"
    else:
        verdict = "same"
    return {"type": claim_type, "documents": sorted(by_document),
            "values": sorted(set().union(*by_document.values())), "verdict": verdict}
