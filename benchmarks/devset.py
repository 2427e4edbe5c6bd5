"""``python -m benchmarks.devset [--json] [--min-score S] [--heldout|--heldout2] [--seeds]``: the detectors, scored.

The development set (``tests/suggest/devset/``, described in its README) is a set of short articles written for the
tests, each with a must-find list and false-positive traps. This module runs every registered detector (document
and corpus detectors, all articles at once) on the articles, scores the proposals against the must-find items with
``belarus_corpus.evaluate`` (strict and partial, per layer and type) and prints recall per layer, strict precision,
the traps that were hit, and how often the attributes that matter (holder, target, value) agree on the spans
matched strictly, and how precision and recall vary with the suggestions' confidence. ``--heldout`` measures the
held-out articles (``devset/heldout/``, written after the detectors and never used to change them) instead, and
``--heldout2`` the second held-out set (``devset/heldout2/``, written blind to the detector code). With
``--seeds`` it also scores the detectors on the corpus's own documents against their gold annotations (reported
apart: the seeds are not the development set).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from belarus_corpus.evaluate.api import evaluate_spans
from belarus_corpus.evaluate.records import ScoredSpan
from belarus_corpus.evaluate.report import Evaluation, table
from belarus_corpus.structure import paragraphs
from belarus_corpus.suggest.base import DocumentView, Proposal

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "suggest" / "devset"
HELDOUT = DEVSET / "heldout"
HELDOUT2 = DEVSET / "heldout2"
LAYERS = ("claim", "hedge", "artifact", "stance")
THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)
CHECKED_ATTRIBUTES = {"claim": ("holder", "value"), "stance": ("target", "holder"), "artifact": ("canonical",)}


@dataclass(frozen=True)
class Trap:
    """Text that must not be flagged: no proposal of ``layer`` (and ``type``, when given) that is not itself a
    must-find item may overlap it."""

    doc_id: str
    layer: str
    type: str | None
    start: int
    end: int
    why: str

    def caught_by(self, span: ScoredSpan) -> bool:
        return (span.doc_id == self.doc_id and span.layer == self.layer and self.type in (None, span.type)
                and span.start < self.end and self.start < span.end)


@dataclass(frozen=True)
class DevSet:
    views: tuple[DocumentView, ...]
    gold: tuple[ScoredSpan, ...]
    traps: tuple[Trap, ...]
    styles: dict[str, str]


def find_quote(text: str, quote: str, occurrence: int = 1) -> int:
    """Where the ``occurrence``-th copy of ``quote`` starts, counting only copies that are not part of a longer word
    (so "if" is not found in "lift"); ValueError when there are fewer copies."""
    left = r"(?<!\w)" if quote[:1].isalnum() else ""
    right = r"(?!\w)" if quote[-1:].isalnum() else ""
    starts = [m.start() for m in re.finditer(left + re.escape(quote) + right, text)]
    if len(starts) < occurrence:
        raise ValueError(f"{quote!r} occurs {len(starts)} times, not {occurrence}")
    return starts[occurrence - 1]


def view_of(doc_id: str, text: str) -> DocumentView:
    found = tuple((p.start, p.end, p.role) for p in paragraphs(text))
    return DocumentView(doc_id=doc_id, text=text, paragraphs=found)


def load(folder: Path = DEVSET) -> DevSet:
    """The articles, the must-find items as gold spans and the traps; ValueError names an item that does not
    resolve."""
    articles = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    texts = {a["doc"]: (folder / "articles" / f"{a['doc']}.txt").read_text(encoding="utf-8") for a in articles}
    gold: list[ScoredSpan] = []
    traps: list[Trap] = []
    lines = (folder / "items.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = json.loads(line)
        text = texts[item["doc"]]
        try:
            start = find_quote(text, item["quote"], item.get("occurrence", 1))
        except ValueError as error:
            raise ValueError(f"items.jsonl:{number}: {item['doc']}: {error}") from error
        end = start + len(item["quote"])
        if item["kind"] == "trap":
            traps.append(Trap(item["doc"], item["layer"], item.get("type"), start, end, item["why"]))
        else:
            gold.append(ScoredSpan(item["doc"], item["layer"], start, end, item["type"],
                                   {k: str(v) for k, v in item.get("attributes", {}).items()}))
    views = tuple(view_of(doc, texts[doc]) for doc in sorted(texts))
    return DevSet(views, tuple(sorted(gold)), tuple(traps), {a["doc"]: a["style"] for a in articles})


def _scored(doc_id: str, proposal: Proposal) -> ScoredSpan:
    score = getattr(proposal, "score", None)
    return ScoredSpan(doc_id, proposal.layer, proposal.start, proposal.end, proposal.type,
                      {k: str(v) for k, v in proposal.attributes.items()}, score)


def predict(views: Sequence[DocumentView]) -> list[ScoredSpan]:
    """Every registered detector's proposals on ``views`` (corpus detectors over all of them at once)."""
    from belarus_corpus.suggest import registry

    found: list[ScoredSpan] = []
    for view in views:
        for detector in registry.DETECTORS.values():
            found += [_scored(view.doc_id, proposal) for proposal in detector.detect(view)]
    for corpus_detector in registry.CORPUS_DETECTORS.values():
        found += [_scored(doc_id, proposal) for doc_id, proposal in corpus_detector.detect_corpus(list(views))]
    registry.clear_caches()
    return sorted(found)


def _strict_pairs(gold: Iterable[ScoredSpan], predicted: Iterable[ScoredSpan]) -> list[tuple[ScoredSpan, ScoredSpan]]:
    by_place = {(p.doc_id, p.layer, p.type, p.start, p.end): p for p in predicted}
    return [(g, by_place[key]) for g in gold if (key := (g.doc_id, g.layer, g.type, g.start, g.end)) in by_place]


def attribute_agreement(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan]) -> dict[str, tuple[int, int]]:
    """For each checked attribute: (agreeing, compared) over the strictly matched spans where gold has it."""
    counts: dict[str, tuple[int, int]] = {}
    for g, p in _strict_pairs(gold, predicted):
        for name in CHECKED_ATTRIBUTES.get(g.layer, ()):
            if name in g.attributes:
                agree, total = counts.get(f"{g.layer}.{name}", (0, 0))
                same = p.attributes.get(name, "").casefold() == g.attributes[name].casefold()
                counts[f"{g.layer}.{name}"] = (agree + same, total + 1)
    return dict(sorted(counts.items()))


def summary(evaluation: Evaluation) -> dict[str, dict[str, float | int]]:
    """Per layer (and ``*`` for all): gold, predicted, strict and partial recall, strict precision."""
    rows = {row.layer: row for row in evaluation.rows if row.type == "*"}
    return {layer: {"gold": row.scores["strict"].gold, "predicted": row.scores["strict"].predicted,
                    "recall_strict": round(row.scores["strict"].recall, 4),
                    "recall_partial": round(row.scores["partial"].recall, 4),
                    "precision_strict": round(row.scores["strict"].precision, 4),
                    "precision_partial": round(row.scores["partial"].precision, 4)}
            for layer, row in rows.items()}


@dataclass(frozen=True)
class Measurement:
    evaluation: Evaluation
    summary: dict[str, dict[str, float | int]]
    traps_hit: list[tuple[Trap, ScoredSpan]]
    attributes: dict[str, tuple[int, int]]
    traps: int
    by_confidence: dict[float, tuple[int, float, float]]  # threshold → (predicted, strict precision, recall)


def _by_confidence(gold: Sequence[ScoredSpan],
                   predicted: Sequence[ScoredSpan]) -> dict[float, tuple[int, float, float]]:
    """For each threshold of ``THRESHOLDS``: (proposals kept, strict precision, strict recall) over every layer."""
    found = {}
    for threshold in THRESHOLDS:
        kept = [p for p in predicted if p.score is None or p.score >= threshold]
        overall = next(row for row in evaluate_spans(gold, kept, LAYERS).rows if row.layer == "*")
        strict = overall.scores["strict"]
        found[threshold] = (strict.predicted, round(strict.precision, 4), round(strict.recall, 4))
    return found


def measure(devset: DevSet, min_score: float | None = None) -> Measurement:
    every = [p for p in predict(devset.views) if p.layer in LAYERS]
    predicted = every
    if min_score is not None:
        predicted = [p for p in predicted if p.score is None or p.score >= min_score]
    evaluation = evaluate_spans(devset.gold, predicted, LAYERS)
    gold = {(g.doc_id, g.layer, g.type, g.start, g.end) for g in devset.gold}
    hits = [(trap, span) for trap in devset.traps for span in predicted if trap.caught_by(span)
            and (span.doc_id, span.layer, span.type, span.start, span.end) not in gold]
    return Measurement(evaluation, summary(evaluation), hits, attribute_agreement(devset.gold, predicted),
                       len(devset.traps), _by_confidence(devset.gold, every))


def seeds(root: Path = REPO) -> Evaluation:
    """The detectors on the corpus's documents, scored against their gold annotations."""
    from belarus_corpus import Corpus
    from belarus_corpus.annotate.detecting import view_of as corpus_view
    from belarus_corpus.evaluate.records import read_spans

    corpus = Corpus(root)
    views = [corpus_view(corpus.document(doc_id)) for doc_id in corpus.doc_ids()]
    return evaluate_spans(read_spans(root / "annotations", gold=True), predict(views), LAYERS)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def render(measurement: Measurement) -> str:
    lines = [table(measurement.evaluation, "strict"), "", "layer     gold  pred  recall(strict)  recall(partial)  "
             "precision(strict)"]
    for layer, row in measurement.summary.items():
        lines.append(f"{layer:<9} {row['gold']:>4} {row['predicted']:>5}  {_pct(float(row['recall_strict'])):>14}  "
                     f"{_pct(float(row['recall_partial'])):>15}  {_pct(float(row['precision_strict'])):>17}")
    lines += ["", f"traps hit: {len(measurement.traps_hit)} of {measurement.traps}"]
    lines += [f"  {trap.doc_id} {trap.layer}/{trap.type or '*'} {span.type} at {span.start}-{span.end}: {trap.why}"
              for trap, span in measurement.traps_hit]
    lines += ["", "confidence >=   predicted   precision(strict)   recall(strict)   (all layers)"]
    lines += [f"{threshold:>13.1f}   {count:>9}   {_pct(precision):>17}   {_pct(recall):>14}"
              for threshold, (count, precision, recall) in measurement.by_confidence.items()]
    lines += ["", "attributes on strict matches (agreeing / compared):"]
    lines += [f"  {name}: {agree}/{total}" for name, (agree, total) in measurement.attributes.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.devset", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--min-score", type=float, help="leave out proposals scored below this")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--heldout", action="store_true", help="measure the held-out articles instead")
    chosen.add_argument("--heldout2", action="store_true",
                        help="measure the second held-out set (written blind to the detectors) instead")
    parser.add_argument("--seeds", action="store_true", help="also score the corpus's own documents (apart)")
    options = parser.parse_args(argv)
    folder = HELDOUT if options.heldout else HELDOUT2 if options.heldout2 else DEVSET
    measurement = measure(load(folder), options.min_score)
    if options.json:
        print(json.dumps({"summary": measurement.summary, "traps_hit": len(measurement.traps_hit),
                          "traps": measurement.traps, "attributes": measurement.attributes,
                          "by_confidence": {str(k): v for k, v in measurement.by_confidence.items()}},
                         indent=2, sort_keys=True))
    else:
        print(render(measurement))
    if options.seeds:
        print("\nseed articles (corpus gold, reported apart):")
        print(table(seeds(), "strict"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
