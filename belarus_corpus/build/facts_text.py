"""Sentences and Markdown from the corpus facts (``build/facts.py``), for the card, Croissant and datasheet.

The ``*_items`` functions return sentences; the ``*_markdown`` functions render tables. They read only the facts
dict, never the corpus, so one computation of the facts serves every document that states them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .facts import corpus_facts, package_summary, release_settings

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import ClusterFacts, ClusterReport, CorpusFacts


def _reported(report: ClusterReport) -> str:
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


def summary_sentence(facts: CorpusFacts) -> str:
    languages = _join(f"`{code}`" for code in facts["languages"]) or "no detected language"
    spans, relations = facts["spans"], facts["relations"]
    return (f"{_plural(facts['documents'], 'article')} ({facts['characters']:,} characters in "
            f"{_plural(facts['paragraphs'], 'paragraph')}; detected language {languages}), with "
            f"{_plural(spans['total'], 'annotated span')} ({spans['by_status'].get('gold', 0)} gold) in "
            f"{_plural(len(facts['layers']), 'layer')} ({_join(facts['layers'])}) and "
            f"{_plural(relations['total'], 'relation')}.")


def provenance_items(facts: CorpusFacts) -> list[str]:
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


def assessment_items(facts: CorpusFacts) -> list[str]:
    items = []
    for name, found in facts["assessments"].items():
        for item in found:
            items.append(f"{item['doc_id']}: {name.replace('_', ' ')} = {item['value']} — {item['basis']} "
                         f"(assessed by {item['by']}).")
    return items


def translated_documents(facts: CorpusFacts) -> list[dict[str, Any]]:
    return [item for item in facts["assessments"].get("translated_from", []) if item["value"] not in ("", "None")]


def _from_language(item: dict[str, Any]) -> str:
    return f"{item['doc_id']} from `{item['value']}`"


def machine_written_documents(facts: CorpusFacts) -> list[dict[str, Any]]:
    return [item for item in facts["assessments"].get("machine_generated", [])
            if item["value"].lower() in ("yes", "true", "likely", "probable", "probably")]


def disagreeing_clusters(facts: CorpusFacts) -> list[ClusterFacts]:
    """Clusters where two articles give different values for the same claim type."""
    return [c for c in facts["clusters"] if not c["agree"]]


def bias_items(facts: CorpusFacts) -> list[str]:
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


def limitation_items(facts: CorpusFacts) -> list[str]:
    n = facts["documents"]
    spans = facts["spans"]
    items = [f"Size: {_plural(n, 'article')} and {_plural(sum(spans['gold_by_layer'].values()), 'gold span')}; "
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
    gold = sum(spans["gold_by_layer"].values())
    if spans["total"] > gold:
        items.append(f"Of {_plural(spans['total'], 'span record')}, {gold} are the gold (one per annotated item, by "
                     "the gold rule: a curated document's gold is its curated records); the `spans` and `relations` "
                     "configs hold the gold only, and every other record (each annotator's own, suggestions, "
                     "rejections) is in `review_spans` and `review_relations`.")
    if spans["total"] and not spans["positions_with_several_annotators"]:
        items.append("Every span was annotated by one annotator only; no inter-annotator agreement can be "
                     "computed from this release.")
    return items


def annotation_items(facts: CorpusFacts) -> list[str]:
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
    several, curated = spans["positions_with_several_annotators"], spans["by_annotator"].get("curated", 0)
    if curated:
        adjudication = (f"{curated} gold spans were curated from the annotators' records (annotator `curated`; "
                        "each lists its sources, the annotators' record ids, and the strategy that merged them, "
                        "with every dispute settled by a recorded decision and its reason).")
    elif several:
        adjudication = "no adjudication step is recorded."
    else:
        adjudication = "there is no double annotation and no adjudication."
    items.append(f"{several} annotated positions carry spans from more than one annotator; {adjudication}")
    items.append(f"Guidelines version {facts['guidelines_version']}, taxonomy version {facts['taxonomy_version']}.")
    return items


def personal_information_items(facts: CorpusFacts) -> list[str]:
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


def licence_items(facts: CorpusFacts, settings: dict[str, Any]) -> list[str]:
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


def statistics_markdown(facts: CorpusFacts) -> str:
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


def figures_markdown(facts: CorpusFacts) -> str:
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


def datasheet_sections(corpus: CorpusReader) -> dict[str, str]:
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
