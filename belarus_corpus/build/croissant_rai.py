"""The Responsible-AI (RAI 1.0) texts of ``croissant.json``, from the release facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .facts_types import CorpusFacts

SPDX = "https://spdx.org/licenses/{}.html"


def licences(facts: CorpusFacts, settings: dict[str, Any]) -> list[Any]:
    from .facts_text import licence_items

    annotations = str(settings["annotations_licence"])
    items: list[Any] = [SPDX.format(annotations) if annotations not in ("unspecified", "") else annotations]
    texts = facts["sources"]["licence"]
    if texts["unknown"] or texts["values"] != [annotations]:
        items.append({"@type": "sc:CreativeWork", "name": "Article texts: licences unknown" if texts["unknown"]
                      else "Article texts: own licences", "description": " ".join(licence_items(facts, settings))})
    return items


def data_collection(facts: CorpusFacts) -> str:
    n = facts["documents"]
    return (f"{n} article texts delivered to the project as plain-text files; how and "
            "where they were collected before that is not recorded. Each file was ingested as is: its bytes, "
            "original name and SHA-256 are kept, its text normalized, its paragraphs and language detected, and "
            "what is known and unknown about its source recorded in a provenance file. Detected languages: "
            + ", ".join(f"{code} {count}" for code, count in facts["languages"].items()) + ".")


def missing_data(facts: CorpusFacts) -> str:
    n = facts["documents"]
    parts = [f"{name}: unknown for {source['unknown']} of {n}" for name, source in facts["sources"].items()
             if source["unknown"]]
    return ("Source metadata missing per field (null in the data, with the reason in `unknown`): "
            + "; ".join(parts) + ".") if parts else "No source metadata is missing."


def preprocessing(facts: CorpusFacts) -> list[str]:
    from .tokens import TOKENIZER

    return [
        "Text normalization, recorded per document with the count of changes per step: "
        + ", ".join(facts["normalization"]) + ". All offsets index the normalized text.",
        "Paragraph segmentation with rule-based roles (title, byline, heading, body, list, table, faq, "
        "boilerplate) and verbatim-duplicate links; nothing is removed.",
        "Language detection per document and paragraph: " + ", ".join(facts["language_detectors"]) + ".",
        f"Tokenization {TOKENIZER} and BIO tags from gold spans for the tokens config.",
    ]


def annotation_analysis(facts: CorpusFacts) -> str:
    several = facts["spans"]["positions_with_several_annotators"]
    if not facts["spans"]["total"]:
        return "No annotations yet; nothing to analyse."
    return (f"{several} annotated positions carry spans from more than one annotator. Rejected and unreviewed "
            "records are kept with their "
            "status: " + ", ".join(f"{k} {v}" for k, v in facts["spans"]["by_status"].items()) + ".")


def measured(corpus: CorpusReader, facts: CorpusFacts) -> list[str]:
    from ..annotate.agreement_summary import agreement_sentence

    sentence = agreement_sentence(corpus, facts["spans"]["by_annotator"])
    return [sentence] if sentence else []


def annotations_per_item(facts: CorpusFacts) -> str:
    from ..annotate.agreement_summary import passes

    spans = facts["spans"]
    if not spans["total"]:
        return "0: no annotations yet."
    names = passes(spans["by_annotator"])
    if len(names) > 1:
        return (f"{len(names)} independent passes ({', '.join(names)}), each span a record of its own annotator; "
                f"{spans['total']} spans over {facts['documents']} documents.")
    return (f"One annotator per span ({spans['positions_with_several_annotators']} positions annotated by more "
            f"than one); {spans['total']} spans over {facts['documents']} documents.")


def use_cases(facts: CorpusFacts) -> list[str]:
    layers = ", ".join(facts["layers"])
    return [f"Research and evaluation on span extraction and classification for the {layers} layers, hedge-claim "
            "linking and cross-article claim comparison.",
            f"With {facts['documents']} documents and {facts['spans']['by_status'].get('gold', 0)} gold spans: "
            "qualitative analysis and small-scale evaluation, not model training."]
