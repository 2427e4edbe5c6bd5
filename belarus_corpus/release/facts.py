"""Facts about the corpus, computed from raw/, annotations/ and the taxonomy, for the card and the datasheet.

Nothing here is typed in: every number, list and statement is derived from the corpus as it is now, so the
dataset card (``build/card.py``), the Croissant file (``build/croissant.py``) and the datasheet
(``belarus-corpus stats --datasheet``) cannot drift from the data. ``corpus_facts`` returns plain,
JSON-serialisable dicts; the ``*_items`` functions return sentences; the ``*_markdown`` functions render them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..build.features import SOURCE_FIELDS
from ..stats import gold_origin

if TYPE_CHECKING:
    from ..corpus import Corpus

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


def release_settings(corpus: Corpus) -> dict[str, Any]:
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
# Computing the facts


def corpus_facts(corpus: Corpus) -> dict[str, Any]:
    """Every fact the card, Croissant file and datasheet state, from one pass over the corpus."""
    from ..build.builder import dataset_version_of

    taxonomy = corpus.taxonomy
    documents: list[dict[str, Any]] = []
    spans_by: dict[str, Counter[str]] = defaultdict(Counter)
    relations_by: dict[str, Counter[str]] = defaultdict(Counter)
    positions: dict[tuple[str, str, int, int], set[str]] = defaultdict(set)
    cluster_reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    clustered_not_gold = 0
    for doc_id in corpus.doc_ids():
        document = corpus.document(doc_id)
        content = corpus.annotations(doc_id)
        documents.append(_document_facts(document, content.spans))
        for span in content.spans:
            spans_by["status"][span.status] += 1
            spans_by["method"][method_family(span.method)] += 1
            spans_by["method_version"][span.method] += 1
            spans_by["annotator"][span.annotator] += 1
            spans_by["layer_status"][f"{span.layer}/{span.status}"] += 1
            positions[(span.doc_id, span.layer, span.start, span.end)].add(span.annotator)
            if span.status == "gold":
                spans_by["gold_layer"][span.layer] += 1
                spans_by["gold_type"][f"{span.layer}/{span.type}"] += 1
                spans_by["gold_origin"][gold_origin(span)] += 1
                if method_family(span.method).startswith("rule:"):
                    spans_by["gold_from_rule"][method_family(span.method)] += 1
            reviewer = getattr(span, "reviewed_by", None)
            if reviewer:
                spans_by["reviewer"][str(reviewer)] += 1
            cluster = span.attributes.get(CLUSTER_ATTRIBUTE)
            if span.layer == CLAIM_LAYER and cluster:
                if span.status != "gold":
                    clustered_not_gold += 1
                    continue
                value = span.attributes.get(VALUE_ATTRIBUTE)
                cluster_reports[str(cluster)].append({
                    "doc_id": doc_id, "span_id": span.id, "type": span.type, "text": span.text,
                    "value": str(value) if value is not None else None,
                })
        for relation in content.relations:
            _count_relation(relations_by, relation)
    for relation in corpus.cross_document().relations:
        _count_relation(relations_by, relation)
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
            "positions_with_several_annotators": sum(1 for who in positions.values() if len(who) > 1),
        },
        "relations": {
            "total": sum(relations_by["status"].values()),
            "by_type": _sorted_counts(relations_by["type"]),
            "by_status": _sorted_counts(relations_by["status"]),
            "by_method": _sorted_counts(relations_by["method"]),
            "by_annotator": _sorted_counts(relations_by["annotator"]),
            "cross_document": relations_by["scope"]["cross_document"],
        },
        "clusters": _cluster_facts(cluster_reports),
        "clustered_claims_not_gold": clustered_not_gold,
        "per_document": documents,
    }


def _count_relation(counters: dict[str, Counter[str]], relation: Any) -> None:
    counters["status"][relation.status] += 1
    counters["type"][relation.type] += 1
    counters["method"][method_family(relation.method)] += 1
    counters["annotator"][relation.annotator] += 1
    if relation.cross_document:
        counters["scope"]["cross_document"] += 1


def _document_facts(document: Any, spans: list[Any]) -> dict[str, Any]:
    prov = document.provenance
    language = prov.get("language", {})
    guess = language.get("document", {})
    gold = [s for s in spans if s.status == "gold"]
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
        "normalization": prov.get("normalization", {}).get("pipeline"),
        "source": {name: prov.get("source", {}).get(name) for name in (*SOURCE_FIELDS, "authors")},
        "unknown": dict(sorted(prov.get("unknown", {}).items())),
        "assessments": {name: {"value": str(item.get("value")), "basis": item.get("basis"), "by": item.get("by")}
                        for name, item in sorted(prov.get("assessments", {}).items())},
        "spans": len(spans),
        "gold_by_layer": _sorted_counts(Counter(s.layer for s in gold)),
    }


def _source_facts(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    facts: dict[str, dict[str, Any]] = {}
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


def _assessment_facts(documents: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in documents:
        for name, item in d["assessments"].items():
            found[name].append({"doc_id": d["doc_id"], **item})
    return dict(sorted(found.items()))


def _cluster_facts(reports: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Per cluster, the reports grouped by claim type; a group differs when two articles give different values."""
    clusters = []
    for name, items in sorted(reports.items()):
        items = sorted(items, key=lambda r: (r["type"], r["doc_id"], r["span_id"]))
        groups = []
        for claim_type in sorted({r["type"] for r in items}):
            members = [r for r in items if r["type"] == claim_type]
            documents = sorted({r["doc_id"] for r in members})
            values = sorted({str(r["value"]) for r in members if r["value"] is not None})
            by_document = {d: {str(r["value"]) for r in members if r["doc_id"] == d and r["value"] is not None}
                           for d in documents}
            compared = [v for v in by_document.values() if v]
            if len(documents) < 2:
                verdict = "one article"
            elif len(compared) < 2:
                verdict = "no values to compare"
            elif any(a != b for a in compared for b in compared):
                verdict = "differ"
            else:
                verdict = "same"
            groups.append({"type": claim_type, "documents": documents, "values": values, "verdict": verdict})
        clusters.append({"cluster": name, "documents": sorted({r["doc_id"] for r in items}), "reports": items,
                         "groups": groups, "agree": all(g["verdict"] != "differ" for g in groups)})
    return clusters


def _reported(report: dict[str, Any]) -> str:
    return str(report["value"]) if report["value"] is not None else " ".join(str(report["text"]).split())


# --------------------------------------------------------------------------------------------------------------
# Sentences


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _join(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"


def summary_sentence(facts: dict[str, Any]) -> str:
    languages = _join(f"`{code}`" for code in facts["languages"]) or "no detected language"
    spans, relations = facts["spans"], facts["relations"]
    return (f"{_plural(facts['documents'], 'article')} ({facts['characters']:,} characters in "
            f"{_plural(facts['paragraphs'], 'paragraph')}; detected language {languages}), with "
            f"{_plural(spans['total'], 'annotated span')} ({spans['by_status'].get('gold', 0)} gold) in "
            f"{_plural(len(facts['layers']), 'layer')} ({_join(facts['layers'])}) and "
            f"{_plural(relations['total'], 'relation')}.")


def provenance_items(facts: dict[str, Any]) -> list[str]:
    """Who produced the texts, and what is known of where they came from."""
    n = facts["documents"]
    items = []
    for name in ("publisher", "authors", "url", "published_date", "retrieved_date"):
        source = facts["sources"][name]
        label = {"url": "URL"}.get(name, name.replace("_", " "))
        if source["known"] == 0:
            items.append(f"{_capital(label)}: unknown for all {n} documents" + _reasons(source["reasons"]))
        elif source["unknown"] == 0:
            items.append(f"{_capital(label)}: recorded for all {n} documents ({_join(source['values'])}).")
        else:
            items.append(f"{_capital(label)}: recorded for {source['known']} of {n} documents "
                         f"({_join(source['known_in'])}: {_join(source['values'])}); unknown for the other "
                         f"{source['unknown']}" + _reasons(source["reasons"]))
    return items


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _reasons(reasons: dict[str, int]) -> str:
    if not reasons:
        return "."
    return " (recorded reason: " + "; ".join(f"“{reason}”" + (f" ×{count}" if count > 1 else "")
                                             for reason, count in reasons.items()) + ")."


def assessment_items(facts: dict[str, Any]) -> list[str]:
    items = []
    for name, found in facts["assessments"].items():
        for item in found:
            items.append(f"{item['doc_id']}: {name.replace('_', ' ')} = {item['value']} — {item['basis']} "
                         f"(assessed by {item['by']}).")
    return items


def translated_documents(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in facts["assessments"].get("translated_from", []) if item["value"] not in ("", "None")]


def _from_language(item: dict[str, Any]) -> str:
    return f"{item['doc_id']} from `{item['value']}`"


def machine_written_documents(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in facts["assessments"].get("machine_generated", [])
            if item["value"].lower() in ("yes", "true", "likely", "probable", "probably")]


def disagreeing_clusters(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """Clusters where two articles give different values for the same claim type."""
    return [c for c in facts["clusters"] if not c["agree"]]


def bias_items(facts: dict[str, Any]) -> list[str]:
    n = facts["documents"]
    items = []
    translated = translated_documents(facts)
    if translated:
        items.append(f"{_plural(len(translated), 'article')} of {n} read as translations into English "
                     f"({_join(_from_language(t) for t in translated)}), by an unverified "
                     "assessment recorded in their provenance: their wording, name spellings and typography "
                     "follow the source language, and the perspective is that of the original outlet.")
    machine = machine_written_documents(facts)
    if machine:
        verb = "appears" if len(machine) == 1 else "appear"
        items.append(f"{_plural(len(machine), 'article')} of {n} {verb} machine-written "
                     f"({_join(m['doc_id'] for m in machine)}; assessment: {_join(m['value'] for m in machine)}, "
                     "not verified): such text can state real events with invented or anachronistic framing.")
    publishers = facts["sources"]["publisher"]
    if publishers["known"] < n:
        items.append(f"The outlets are unknown for {publishers['unknown']} of {n} articles, so the political "
                     "leaning and editorial standards of the sources cannot be balanced or even described.")
    summary = package_summary()[0]
    scope = f" (“{summary}”)" if summary else ""
    items.append(f"The {n} articles were selected around a single topic{scope}; detected languages: "
                 f"{_counts_text(facts['languages'])}. They do not represent news coverage in general.")
    return items


def limitation_items(facts: dict[str, Any]) -> list[str]:
    n = facts["documents"]
    spans = facts["spans"]
    items = [f"Size: {_plural(n, 'article')} and {_plural(spans['by_status'].get('gold', 0), 'gold span')}; "
             "too small for training and too small for any statistical claim about news coverage."]
    disagreeing = disagreeing_clusters(facts)
    clusters = facts["clusters"]
    if disagreeing:
        items.append(f"Articles disagree on figures: in {_plural(len(disagreeing), 'claim cluster')} of "
                     f"{len(clusters)}, two or more articles give different values for the same claim about the "
                     f"same event ({_join(c['cluster'] for c in disagreeing)}; see the cross-document table). "
                     "Differences may be real contradictions or differences of precision or date; the corpus "
                     "records what each article says, not which figure is true.")
    elif clusters:
        items.append(f"{_plural(len(clusters), 'claim cluster')} link the same event across articles and no two "
                     "articles give different values in them yet; the corpus records what each article says, not "
                     "which figure is true.")
    else:
        items.append("No cross-document claim clusters are annotated yet, so disagreements between articles on "
                     "figures are not yet recorded in the data; the corpus records what each article says, not "
                     "which figure is true.")
    dates = facts["sources"]["published_date"]
    if dates["unknown"]:
        items.append(f"Publication dates are unknown for {dates['unknown']} of {n} articles; relative time "
                     "references in the texts cannot be resolved with certainty.")
    not_gold = {status: count for status, count in spans["by_status"].items() if status != "gold"}
    if not_gold:
        items.append(f"Not every span is gold: {_counts_text(not_gold)}. Filter on `status` for gold spans.")
    if spans["total"] and not spans["positions_with_several_annotators"]:
        items.append("Every span was annotated by one annotator only; no inter-annotator agreement can be "
                     "computed from this release.")
    return items


def annotation_items(facts: dict[str, Any]) -> list[str]:
    """What the data say about how the annotations were made; nothing more."""
    spans, relations = facts["spans"], facts["relations"]
    if not spans["total"] and not relations["total"]:
        return ["No span or relation is annotated yet: the spans, relations and BIO tag columns are empty or "
                "all `O`."]
    items = [f"{_plural(spans['total'], 'span')} by status: {_counts_text(spans['by_status'])}; by method: "
             f"{_counts_text(spans['by_method'])}; by annotator id: {_counts_text(spans['by_annotator'])}."]
    if relations["total"]:
        items.append(f"{_plural(relations['total'], 'relation')} by type: {_counts_text(relations['by_type'])}; "
                     f"by status: {_counts_text(relations['by_status'])}; by annotator id: "
                     f"{_counts_text(relations['by_annotator'])}; {relations['cross_document']} cross-document.")
    manual = spans["by_method"].get("manual", 0)
    rules = {m: c for m, c in spans["by_method"].items() if m.startswith("rule:")}
    if manual:
        items.append(f"{manual} spans have method `manual`: an annotator placed them with the annotation tool. "
                     "The data record an annotator id for each, not who or what the annotator is (person or "
                     "software agent), nor any qualification.")
    if rules:
        accepted = sum(spans["gold_from_rules"].values())
        items.append(f"{sum(rules.values())} spans were proposed by rule-based detectors "
                     f"({_join(f'`{m}`' for m in rules)}); {accepted} of them are gold after review, the others "
                     "keep the status the review gave them (`suggested` if not reviewed yet).")
    if spans["gold_origin"]:
        items.append(f"Gold spans by origin: {_counts_text(spans['gold_origin'])}.")
    if spans["by_reviewer"]:
        items.append(f"Review decisions recorded by reviewer id: {_counts_text(spans['by_reviewer'])}.")
    several = spans["positions_with_several_annotators"]
    items.append(f"{several} annotated positions carry spans from more than one annotator; "
                 + ("no adjudication step is recorded." if several else
                    "there is no double annotation and no adjudication."))
    items.append(f"Guidelines version {facts['guidelines_version']}, taxonomy version {facts['taxonomy_version']}.")
    return items


def personal_information_items(facts: dict[str, Any]) -> list[str]:
    authors = facts["sources"]["authors"]
    spans = facts["spans"]
    items = [f"The {facts['documents']} texts are kept as published, without anonymisation: every person they "
             "name (politicians and officials, and possibly private individuals) is named in the data, and the "
             "claim, quote and stance annotations attribute statements to them."]
    if authors["known"]:
        items.append(f"Author names (bylines) are recorded for {authors['known']} of {facts['documents']} "
                     f"documents ({_join(authors['values'])}).")
    if "stance" in facts["layers"]:
        items.append(f"The stance layer attributes political positions to named holders "
                     f"({spans['gold_by_layer'].get('stance', 0)} gold stance spans): political opinion is a "
                     "special category of personal data in some jurisdictions (e.g. GDPR art. 9).")
    annotators = sorted(spans["by_annotator"])
    if annotators:
        items.append(f"Every span and relation carries its annotator id ({_plural(len(annotators), 'distinct id')}"
                     f": {_join(f'`{a}`' for a in annotators)}).")
    return items


def licence_items(facts: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    n = facts["documents"]
    licences = facts["sources"]["licence"]
    items = []
    if licences["known"] == 0:
        items.append(f"Article texts: the licence is unknown for all {n} articles" + _reasons(licences["reasons"]))
    else:
        items.append(f"Article texts: licence recorded for {licences['known']} of {n} articles "
                     f"({_join(licences['values'])}); unknown for {licences['unknown']}.")
    if licences["unknown"]:
        items.append("Unknown means no permission to redistribute the texts has been established. The texts stay "
                     "under the copyright of their unknown authors and publishers; this folder, which contains "
                     "them in full (the `text` columns, the tokens), may be shared only where the law allows it "
                     "without a licence (for example, text-and-data-mining or research exceptions), and anyone "
                     "redistributing it must check that for their own jurisdiction and use. The annotation "
                     "licence below does not cover the texts.")
    items.append(f"Annotations (spans, relations, attributes, BIO tags, provenance records): "
                 f"`{settings['annotations_licence']}` ({settings['annotations_licence_basis']}).")
    return items


# --------------------------------------------------------------------------------------------------------------
# Markdown


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _cell(text: Any, limit: int = 80) -> str:
    value = " ".join(str(text).split()) if text is not None else "—"
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return value.replace("|", "\\|")


def statistics_markdown(facts: dict[str, Any]) -> str:
    spans, relations = facts["spans"], facts["relations"]
    lines = [
        "| | |", "|---|---|",
        f"| Documents | {facts['documents']} |",
        f"| Characters | {facts['characters']:,} |",
        f"| Paragraphs | {facts['paragraphs']} ({_counts_text(facts['paragraph_roles'])}) |",
        f"| Languages (document level) | {_counts_text(facts['languages'])} |",
        f"| Spans | {spans['total']} ({_counts_text(spans['by_status'])}) |",
        f"| Gold spans by layer | {_counts_text(spans['gold_by_layer'])} |",
        f"| Relations | {relations['total']} ({_counts_text(relations['by_type'])}) |",
        f"| Claim clusters across articles | {len(facts['clusters'])} |",
        "",
        "| Document | Title | Characters | Paragraphs | Language | Spans | Gold by layer |",
        "|---|---|---:|---:|---|---:|---|",
    ]
    for d in facts["per_document"]:
        lines.append(f"| `{d['doc_id']}` | {_cell(d['title'], 60)} | {d['characters']:,} | {d['paragraphs']} | "
                     f"{d['language']} | {d['spans']} | {_counts_text(d['gold_by_layer'])} |")
    if spans["gold_by_type"]:
        lines += ["", "| Gold spans by layer/type | Count |", "|---|---:|"]
        lines += [f"| {name} | {count} |" for name, count in spans["gold_by_type"].items()]
    return "\n".join(lines)


def figures_markdown(facts: dict[str, Any]) -> str:
    """Which article reports which figure for the same event: gold claim spans sharing a ``cluster``."""
    clusters = facts["clusters"]
    if not clusters:
        text = ("No gold claim spans share a `cluster` attribute yet, so there is no cross-document comparison "
                "to show.")
        if facts["clustered_claims_not_gold"]:
            text += f" ({facts['clustered_claims_not_gold']} clustered claim spans are not gold yet.)"
        return text
    lines = ["| Event (cluster) | Claim type | Article | Reported | Quote | Across articles |",
             "|---|---|---|---|---|---|"]
    for cluster in clusters:
        verdicts = {g["type"]: g for g in cluster["groups"]}
        for report in cluster["reports"]:
            group = verdicts[report["type"]]
            verdict = group["verdict"]
            if verdict == "differ":
                verdict = f"**differ** ({len(group['values'])} values)"
            lines.append(f"| `{cluster['cluster']}` | {report['type']} | `{report['doc_id']}` | "
                         f"{_cell(_reported(report), 30)} | “{_cell(report['text'], 70)}” | {verdict} |")
    lines += ["", "Reported: the claim's `value` attribute, else its words. Across articles: whether the articles "
              "that make this type of claim about the event give the same values."]
    if facts["clustered_claims_not_gold"]:
        lines += ["", f"{facts['clustered_claims_not_gold']} clustered claim spans that are not gold are left out."]
    return "\n".join(lines)


def datasheet_sections(corpus: Corpus) -> dict[str, str]:
    """The shared blocks, rendered, for a datasheet or any other document."""
    facts = corpus_facts(corpus)
    settings = release_settings(corpus)
    return {
        "summary": summary_sentence(facts),
        "statistics": statistics_markdown(facts),
        "figures": figures_markdown(facts),
        "provenance": bullets(provenance_items(facts) + assessment_items(facts)),
        "annotation": bullets(annotation_items(facts)),
        "personal_information": bullets(personal_information_items(facts)),
        "biases": bullets(bias_items(facts)),
        "limitations": bullets(limitation_items(facts)),
        "licence": bullets(licence_items(facts, settings)),
    }
