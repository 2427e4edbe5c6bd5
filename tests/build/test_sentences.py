"""The sentences config: one row per sentence, every gold span of every layer in its span list (#17 item 3)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from belarus_corpus.annotate.api import add_span
from belarus_corpus.build.features import features_for
from belarus_corpus.build.sentences import sentence_ranges
from helpers import MakeCorpus

TEXT = ("Talks resume in Minsk\n"
        "Mr. Smith said the U.S. envoy met officials on Monday. Nearly 40 prisoners were freed, officials said. "
        "Critics warn the thaw may not last.\n"
        "A second paragraph follows here. It has two sentences.\n")


def test_sentence_ranges_keep_abbreviations_and_initials_inside() -> None:
    start = TEXT.index("Mr.")
    end = TEXT.index("\n", start)
    pieces = [TEXT[a:b] for a, b in sentence_ranges(TEXT, start, end)]
    assert pieces == ["Mr. Smith said the U.S. envoy met officials on Monday.",
                      "Nearly 40 prisoners were freed, officials said.", "Critics warn the thaw may not last."]


def test_every_gold_span_is_rebuilt_from_the_sentences_config(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = make_corpus({"talks.txt": TEXT})
    doc_id = corpus.doc_ids()[0]
    planted = [
        add_span(corpus, doc_id, layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed"),
        # crosses a sentence boundary: the two sentences make one row
        add_span(corpus, doc_id, layer="claim", type_="event", quote="officials said. Critics warn"),
        # overlaps the first claim in the same layer (the BIO tokens config cannot hold both)
        add_span(corpus, doc_id, layer="claim", type_="attribution", quote="40 prisoners were freed, officials said"),
        add_span(corpus, doc_id, layer="hedge", type_="approximator", quote="Nearly"),
        add_span(corpus, doc_id, layer="hedge", type_="approximator", quote="earl"),  # inside a token
        add_span(corpus, doc_id, layer="stance", type_="against", quote="Critics warn the thaw may not last",
                 attributes=["target=us-belarus-rapprochement", "holder=critics"]),
    ]
    add_span(corpus, doc_id, layer="hedge", type_="speculative", quote="may", status="suggested")  # not gold
    out = corpus.build(tmp_path / "out").out
    features = features_for("sentences", corpus.taxonomy)
    item = features["spans"].feature
    rows = [r for p in sorted((out / "data" / "sentences").glob("*.parquet")) for r in pq.read_table(p).to_pylist()]
    text = corpus.document(doc_id).text
    rebuilt = []
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        for span in row["spans"]:
            start, end = row["start"] + span["start"], row["start"] + span["end"]
            rebuilt.append((span["id"], item["layer"].int2str(span["layer"]), item["type"].int2str(span["type"]),
                            start, end))
            first, last = span["token_start"], span["token_end"] - 1
            assert row["token_starts"][first] <= span["start"] and span["end"] <= row["token_ends"][last]
            aligned = (row["token_starts"][first], row["token_ends"][last]) == (span["start"], span["end"])
            assert span["token_aligned"] == aligned
    assert sorted(rebuilt) == sorted((s.id, s.layer, s.type, s.start, s.end) for s in planted)
    crossing = next(r for r in rows if "officials said. Critics warn" in r["text"])
    assert crossing["n_sentences"] == 2
    inside = next(s for r in rows for s in r["spans"] if s["id"] == planted[4].id)
    assert not inside["token_aligned"]
    assert sum(r["n_sentences"] for r in rows) == 6 and len(rows) == 5  # the title and five sentences, two merged
