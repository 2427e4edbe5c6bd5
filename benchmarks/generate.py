"""A seeded synthetic corpus: N English-like news articles with M spans in all four layers, written through the library.

Articles are 2–12 kB of UTF-8 (title, optional byline, paragraphs, sub-headings, an occasional sharing line or
repeated paragraph) with curly quotes, dashes, accented names and a few emoji. Some raw files carry CRLF line
endings, a BOM, decomposed accents or soft hyphens, so normalization and its offset map are exercised.

What goes through the library (nothing about the formats is re-implemented here):

* provenance: ``provenance.build_record`` + ``provenance.dumps`` (checked with ``check_provenance_record``, as
  ingest does), with a precomputed language block (``language.detector_id``, ``structure.paragraph_spans``) in
  place of running langdetect on every paragraph, which is what makes real ingest slow;
* spans and relations: ``annotate.records.make_span`` / ``make_relation`` on a ``Document`` loaded once per
  article (``document.load_document``), so every span is checked and anchored exactly as ``annotate add`` does;
* stores: ``store.canonical_bytes`` (what ``store.save`` writes). By default the files are written without the
  fsync of ``fsio.atomic_write_bytes`` (about 7 ms a file here, 3–4 minutes for 10,000 documents); pass
  ``durable=True`` to write them with ``store.save`` and the fsync'd atomic writes.

Generated corpora are cached under ``benchmarks/out/corpora/n<N>-m<M>-s<seed>/``; the cache is reused only when
its marker records the same generator version, taxonomy, provenance schema and normalization pipeline (the
generated span/relation schemas in its ``schema/`` are refreshed on every use). Delete the folder to regenerate.

Run ``python -m benchmarks.generate N M [--seed S] [--out DIR]`` to make one.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 3
OUT = Path(__file__).resolve().parent / "out"
SOURCE_DATE_EPOCH = "1759276800"  # 2025-10-01T00:00:00Z: ingest times and span dates are reproducible
ANNOTATOR = "benchmark-generator"
MARKER = ".generated.json"
CHUNK = 200

# ---------------------------------------------------------------------------------------------------- vocabulary

CANONICAL_NAMES = {
    "Alexander Lukashenko": ["Aliaksandr Lukashenka", "Alyaksandr Lukashenko", "Aliaksandr Łukašenka"],
    "Sviatlana Tsikhanouskaya": ["Svetlana Tikhanovskaya", "Sviatłana Cichanoŭskaja"],
    "Maria Kalesnikava": ["Maria Kolesnikova", "Maryja Kalesnikava"],
    "Ales Bialiatski": ["Ales Byalyatski", "Aleś Bialacki"],
    "Siarhei Tsikhanouski": ["Sergei Tikhanovsky", "Siarhiej Cichanoŭski"],
}
PEOPLE = [
    "John Coale", "Marco Rubio", "Keith Kellogg", "Maxim Ryzhenkov", "Ihar Losik", "Franak Viačorka",
    "Zoë Brennan", "José Ortega", "Mikalaj Statkievič", "Kaja Kallas", "Radosław Sikorski", "Gitanas Nausėda",
    "Dmitry Peskov", "Renée Dubois", "Łukasz Nowak", "Jürgen Hoffmann", "Anaïs Lefèvre", "Pavel Latushko",
    *CANONICAL_NAMES,
]
ROLES = [
    "the US envoy", "Belarusian officials", "the State Department", "EU diplomats", "the foreign ministry in Minsk",
    "human rights groups", "the Viasna rights centre", "opposition leaders in Vilnius", "a White House spokesperson",
    "Lithuanian border guards", "the Kremlin", "Polish officials",
]
PLACES = ["Minsk", "Vilnius", "Warsaw", "Washington", "Brest", "Hrodna", "Kyiv", "Moscow", "Kraków", "Białystok",
          "Mahilioŭ", "Homieĺ"]
DATES = ["on August 17, 2025", "on 11 September 2025", "in June 2025", "this September", "last week", "in 2020",
         "on September 11", "in early October", "the summer of 2025", "on 3 March 2025", "since May"]
OBJECTS = ["the prisoner deal", "the talks", "the visit", "the agreement", "the envoy’s trip", "the release",
           "the flights to Vilnius", "the potash shipments", "the Belavia deal"]
OUTCOMES = ["a broader deal", "more releases", "an easing of sanctions", "a new round of talks",
            "the reopening of the embassy", "a prisoner exchange", "direct flights"]
POLICIES = [("eased sanctions on", "Belavia"), ("extended sanctions on", "potash exports"),
            ("lifted restrictions on", "the national airline"), ("reimposed controls on", "fertiliser exports"),
            ("suspended tariffs on", "Belarusian timber")]
STANCE_TARGETS = {
    "us-belarus-rapprochement": ["the rapprochement with Washington", "the thaw in US–Belarus relations"],
    "sanctions-relief": ["the sanctions relief", "the easing of sanctions"],
    "lukashenko-government": ["Lukashenko’s government", "the authorities in Minsk"],
    "prisoner-releases": ["the prisoner releases", "the release of political prisoners"],
    "belarusian-opposition": ["the opposition in exile", "the democratic movement"],
    "russia-belarus-alliance": ["Minsk’s alliance with Moscow", "the Union State"],
    "eu-isolation-policy": ["the EU’s isolation policy", "Brussels’ hard line"],
}
FAVOR = ["welcomed", "praised", "backed", "hailed"]
AGAINST = ["condemned", "criticised", "denounced", "rejected"]
NEUTRAL = ["took note of", "declined to judge", "neither backed nor rejected"]
QUOTES = [
    "We are ready to talk about everything", "This is a step in the right direction",
    "Nobody should be fooled by this gesture", "The door is open, but the conditions have not changed",
    "Every prisoner released is a life returned", "We will judge them by their actions, not their words",
    "It is too early to speak of a breakthrough", "The sanctions were never the goal — freedom was",
]
CUES = {
    "epistemic-modal": ["may", "could", "might", "is likely to", "will perhaps"],
    "reportative": ["reportedly", "allegedly"],
    "speculative": ["apparently", "seemingly"],
}
APPROXIMATORS = ["nearly", "about", "some", "more than", "roughly"]
SHIELDS = ["Analysts say", "Critics warn", "Sources suggest", "Observers believe", "Some experts argue"]
HEADINGS = ["What happens next", "Prisoners and politics", "A cautious thaw — for now", "Reaction in Vilnius",
            "Sanctions on the table", "Why it matters", "The road to Minsk", "Washington’s calculation",
            "Voices from the opposition", "What is still unknown?"]
FILLERS = [
    "The thaw comes after years of isolation that began with the disputed election.",
    "Relations between the two countries have been frozen for most of the past decade.",
    "Belarus has been a close ally of Russia throughout the war in Ukraine.",
    "The negotiations took place largely behind closed doors.",
    "Families of the detainees gathered outside the embassy in the rain.",
    "Few details of the arrangement have been made public so far.",
    "The border crossing near Brest was busy for most of the day.",
    "Diplomats described the atmosphere at the meeting as businesslike.",
]
BOILERPLATE = ["Follow us on Telegram and X for the latest news 📲",
               "Share this article: Facebook | Twitter | Telegram",
               "Subscribe to our newsletter to get the latest news", "Read more: Belarus frees prisoners 🇧🇾"]
CLAIM_TYPES = ("quantity", "event", "date", "quote", "attribution", "policy", "prediction")
ARTIFACT_EXPLANATIONS = {
    "factual-error": "Contradicts a figure given earlier in the same article.",
    "temporal-inconsistency": "The tense does not fit the date reported.",
    "translation-error": "Reads as a literal translation.",
    "hypothetical-framing": "Real events are framed as hypothetical.",
    "unverifiable-source": "The source is not named.",
    "cross-document-inconsistency": "Another article gives a different figure.",
}


# ---------------------------------------------------------------------------------------------------- text


@dataclass
class Mark:
    """A span to propose: offsets into the normalized text."""

    start: int
    end: int
    layer: str
    type: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    start: int
    end: int
    claim: Mark
    cues: list[Mark] = field(default_factory=list)
    extras: list[Mark] = field(default_factory=list)
    stance: Mark | None = None


class Builder:
    """Appends text and remembers where each piece went (code point offsets) and the UTF-8 size so far."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.pos = 0
        self.size = 0

    def put(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.chunks.append(text)
        self.pos += len(text)
        self.size += len(text.encode("utf-8"))
        return start, self.pos

    def text(self) -> str:
        return "".join(self.chunks)


def _person(rng: random.Random) -> tuple[str, str | None]:
    """A name as written, and its canonical form when it is a transliteration variant."""
    name = rng.choice(PEOPLE)
    if name in CANONICAL_NAMES and rng.random() < 0.35:
        return rng.choice(CANONICAL_NAMES[name]), name
    return name, None


def _figure(rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(5)
    if kind == 0:
        value = rng.randint(2, 60)
        return f"{value} political prisoners", str(value)
    if kind == 1:
        value = rng.randint(1000, 9999)
        return f"{value:,} people", str(value)
    if kind == 2:
        value = rng.randint(5, 900)
        return f"${value} million in frozen assets", f"{value}000000"
    if kind == 3:
        value = rng.randint(1, 99)
        return f"{value}% of the detainees", f"{value}%"
    low = rng.randint(10, 40)
    return f"{low}–{low + rng.randint(2, 9)} flights a week", f"{low}-{low}"


def _name_marks(b: Builder, rng: random.Random, marks: list[Mark]) -> str:
    name, canonical = _person(rng)
    start, end = b.put(name)
    if canonical:
        marks.append(Mark(start, end, "artifact", "transliteration-variant", {"canonical": canonical}))
    return name


def _sentence(b: Builder, rng: random.Random) -> Sentence:
    """One sentence of a randomly chosen shape, with the spans it naturally carries."""
    start = b.pos
    cues: list[Mark] = []
    extras: list[Mark] = []
    stance: Mark | None = None
    attrs: dict[str, Any] = {"checkworthiness": rng.choice(["high", "medium", "low"])}
    shape = rng.randrange(10)
    if shape == 0:  # event with a date
        holder = _name_marks(b, rng, extras)
        b.put(f" met {rng.choice(ROLES)} in {rng.choice(PLACES)} ")
        b.put(rng.choice(DATES))
        b.put(".")
        kind = rng.choice(["event", "date"])
        attrs["holder"] = holder
    elif shape == 1:  # quantity with an approximator
        b.put(rng.choice(["Belarus", "Minsk", "The authorities", "Lukashenko"]) + " freed ")
        if rng.random() < 0.6:
            cues.append(Mark(*b.put(rng.choice(APPROXIMATORS)), "hedge", "approximator"))
            b.put(" ")
        phrase, value = _figure(rng)
        b.put(phrase)
        b.put(f" {rng.choice(DATES)}, according to {rng.choice(ROLES)}.")
        kind = "quantity"
        attrs.update(value=value, cluster=f"release-{value.replace('%', 'pc')[:20]}")
    elif shape == 2:  # quote
        curly = rng.random() < 0.85
        opening, closing = ("“", "”") if curly else rng.choice([("„", "“"), ("«", "»")])
        b.put(opening)
        quote = rng.choice(QUOTES) + (" 🙂" if rng.random() < 0.03 else "")
        inner = b.put(quote)
        b.put(f",{closing} ")
        holder = _name_marks(b, rng, extras)
        b.put(f" said in {rng.choice(PLACES)}.")
        extras.append(Mark(*inner, "claim", "quote", {"holder": holder}))
        if not curly:
            extras.append(Mark(inner[0] - 1, inner[1] + 2, "artifact", "foreign-typography",
                               {"explanation": "Low-high quotes or guillemets in an English text."}))
        kind = "attribution"
        attrs["holder"] = holder
    elif shape == 3:  # prediction with a modal
        b.put(f"{rng.choice(OBJECTS).capitalize()} ")
        cue_type = rng.choice(list(CUES))
        cues.append(Mark(*b.put(rng.choice(CUES[cue_type])), "hedge", cue_type))
        b.put(f" lead to {rng.choice(OUTCOMES)} {rng.choice(DATES)}.")
        kind = "prediction"
    elif shape == 4:  # stance
        holder = _name_marks(b, rng, extras)
        b.put(" ")
        target = rng.choice(list(STANCE_TARGETS))
        polarity = rng.choice(["favor", "against", "neutral"])
        verbs = {"favor": FAVOR, "against": AGAINST, "neutral": NEUTRAL}[polarity]
        stance_start = b.put(rng.choice(verbs))[0]
        stance_end = b.put(f" {rng.choice(STANCE_TARGETS[target])}")[1]
        b.put(rng.choice([", calling it overdue.", " on Tuesday.", " in a statement — again.", "."]))
        stance = Mark(stance_start, stance_end, "stance", polarity, {"target": target, "holder": holder})
        kind = "attribution"
        attrs["holder"] = holder
    elif shape == 5:  # policy
        verb, thing = rng.choice(POLICIES)
        b.put(f"Washington {verb} {thing} {rng.choice(DATES)}.")
        kind = "policy"
        attrs["holder"] = "Washington"
    elif shape == 6:  # attribution shield + modal
        shield = b.put(rng.choice(SHIELDS))
        cues.append(Mark(*shield, "hedge", "attribution-shield"))
        if rng.random() < 0.3:
            extras.append(Mark(*shield, "artifact", "unverifiable-source",
                               {"explanation": ARTIFACT_EXPLANATIONS["unverifiable-source"]}))
        b.put(f" {rng.choice(OBJECTS)} ")
        cues.append(Mark(*b.put(rng.choice(CUES["epistemic-modal"])), "hedge", "epistemic-modal"))
        b.put(f" bring {rng.choice(OUTCOMES)}.")
        kind = "prediction"
    elif shape == 7:  # conditional
        cues.append(Mark(*b.put(rng.choice(["If", "Unless"])), "hedge", "conditional"))
        b.put(f" {rng.choice(['Minsk', 'the regime', 'Lukashenko'])} frees more prisoners, ")
        b.put(f"{rng.choice(['Washington', 'the US', 'the EU'])} ")
        cues.append(Mark(*b.put(rng.choice(["could", "might"])), "hedge", "epistemic-modal"))
        b.put(f" offer {rng.choice(OUTCOMES)}.")
        kind = "prediction"
    elif shape == 8:  # reportative
        holder = _name_marks(b, rng, extras)
        b.put(" ")
        cue_type = rng.choice(["reportative", "speculative"])
        cues.append(Mark(*b.put(rng.choice(CUES[cue_type])), "hedge", cue_type))
        b.put(f" travelled to {rng.choice(PLACES)} {rng.choice(DATES)}.")
        kind = "event"
        attrs["holder"] = holder
    else:
        b.put(rng.choice(FILLERS))
        kind = "event"
    claim = Mark(start, b.pos, "claim", kind, attrs)
    return Sentence(start, b.pos, claim, cues, extras, stance)


@dataclass
class Article:
    text: str
    sentences: list[Sentence]
    paragraph_marks: list[Mark]
    paragraphs: list[tuple[int, int]]


def article(rng: random.Random, target_bytes: int) -> Article:
    """A normalized article text of about ``target_bytes`` UTF-8 bytes, with its candidate spans."""
    b = Builder()
    sentences: list[Sentence] = []
    marks: list[Mark] = []
    paragraphs: list[tuple[int, int]] = []
    name, _ = _person(rng)
    b.put(f"{name.split()[-1]} {rng.choice(['meets', 'welcomes', 'rebuffs'])} {rng.choice(ROLES)} — "
          f"{rng.choice(HEADINGS).lower()}\n")
    if rng.random() < 0.5:
        b.put(f"By {rng.choice(PEOPLE)}\n")
    since_heading = 0
    while b.size < target_bytes - 150:
        separator = "\n\n" if rng.random() < 0.2 else "\n"
        roll = rng.random()
        if since_heading >= 3 and roll < 0.25:
            b.put(rng.choice(HEADINGS) + separator)
            since_heading = 0
            continue
        if roll < 0.04:
            line = b.put(rng.choice(BOILERPLATE))
            b.put(separator)
            marks.append(Mark(*line, "artifact", "boilerplate"))
            continue
        if roll < 0.07 and paragraphs:
            first = rng.choice(paragraphs)
            copy = b.text()[first[0] : first[1]]
            line = b.put(copy)
            b.put(separator)
            marks.append(Mark(*line, "artifact", "duplicated-text",
                              {"explanation": f"Repeats the paragraph at {first[0]}:{first[1]}."}))
            continue
        start = b.pos
        for index in range(rng.randint(2, 5)):
            if index:
                b.put(" ")
            sentences.append(_sentence(b, rng))
        paragraphs.append((start, b.pos))
        b.put(separator)
        since_heading += 1
    return Article(b.text(), sentences, marks, paragraphs)


def raw_form(rng: random.Random, text: str) -> str:
    """The raw text a source might deliver: what normalization turns back into ``text``.

    About 5% of files use CRLF, 1% are decomposed (NFD) throughout, 2% have one decomposed accented letter,
    2% soft hyphens, and 1% start with a byte order mark; the rest are already normalized.
    """
    import unicodedata

    raw = text
    roll = rng.random()
    if roll < 0.05:
        raw = raw.replace("\n", "\r\n")
    elif roll < 0.06:
        raw = unicodedata.normalize("NFD", raw)
    elif roll < 0.08:
        accented = next((i for i, char in enumerate(raw) if unicodedata.decomposition(char)[:1] not in ("", "<")),
                        None)
        if accented is not None:
            raw = raw[:accented] + unicodedata.normalize("NFD", raw[accented]) + raw[accented + 1 :]
    elif roll < 0.10:
        raw = raw.replace("prisoners", "pris\u00adoners")
    if rng.random() < 0.01:
        raw = "\ufeff" + raw
    return raw


def doc_id_of(index: int) -> str:
    return f"bench-{index:06d}"


def target_sizes(n_docs: int, seed: int) -> list[int]:
    return [random.Random(f"{seed}:{index}:size").randint(2000, 12000) for index in range(n_docs)]


def quotas(sizes: list[int], n_spans: int) -> list[int]:
    """Spans per document, proportional to its size, summing exactly to ``n_spans`` (largest remainder)."""
    total = sum(sizes) or 1
    exact = [n_spans * size / total for size in sizes]
    floors = [int(value) for value in exact]
    order = sorted(range(len(sizes)), key=lambda i: (floors[i] - exact[i], i))
    for index in order[: n_spans - sum(floors)]:
        floors[index] += 1
    return floors


def metadata_for(rng: random.Random, doc_id: str) -> dict[str, Any]:
    day = rng.randint(1, 28)
    metadata: dict[str, Any] = {
        "publisher": rng.choice(["Synthetic Wire", "Бенчмарк Daily", "Minsk Observer (synthetic)", None]),
        "url": f"https://example.invalid/news/{doc_id}",
        "authors": rng.choice([["Zoë Brennan"], ["José Ortega", "Renée Dubois"], None]),
        "published_date": f"2025-09-{day:02d}",
        "retrieved_date": "2025-10-01",
        "licence": rng.choice(["CC-BY-4.0", None]),
        "translated_from": rng.choice([None, None, "be", "ru"]),
        "unknown": {"publisher": "synthetic article: no publisher", "authors": "synthetic article: no byline"},
    }
    if rng.random() < 0.1:
        metadata["assessments"] = {"machine_generated": {"value": "yes", "basis": "synthetic benchmark text",
                                                         "by": ANNOTATOR}}
    return {key: value for key, value in metadata.items() if value is not None}


@functools.lru_cache(maxsize=1)
def detector_id() -> str:
    """``language.detector_id()`` (it reads package metadata, 10–20 ms a call), once per process."""
    from belarus_corpus.language import detector_id as library_detector_id

    return library_detector_id()


def language_block(text: str) -> dict[str, Any]:
    """What ``provenance.detect_language`` records, with every guess precomputed as English."""
    from belarus_corpus.structure import STRUCTURE_VERSION, paragraph_spans

    guess = {"code": "en", "probability": 1.0, "alternatives": []}
    return {
        "detector": detector_id(),
        "structure": STRUCTURE_VERSION,
        "document": dict(guess),
        "paragraphs": [{"index": index, "start": start, "end": end, **guess}
                       for index, (start, end) in enumerate(paragraph_spans(text))],
    }


def write_document(root: Path, doc_id: str, raw: str, metadata: dict[str, Any], durable: bool) -> Any:
    """Write ``raw/<doc_id>.txt`` and its provenance as ingest does (language precomputed); return the Document."""
    from belarus_corpus.document import Document
    from belarus_corpus.fsio import atomic_write_bytes, atomic_write_text
    from belarus_corpus.layout import Layout, sha256_hex
    from belarus_corpus.normalize import normalize
    from belarus_corpus.provenance import build_record, dumps
    from belarus_corpus.validate.provenance import check_provenance_record

    layout = Layout.at(root)
    data = raw.encode("utf-8")
    normalized = normalize(raw)
    record = build_record(doc_id=doc_id, original_name=f"{doc_id}.txt", data=data, normalized=normalized,
                          metadata=metadata, language=language_block(normalized.text),
                          text_sha256=sha256_hex(normalized.text.encode("utf-8")), history=[])
    problems = check_provenance_record(record, str(layout.provenance(doc_id)))
    if problems:
        raise RuntimeError("generated provenance is invalid: " + "; ".join(p.render() for p in problems))
    if durable:
        atomic_write_bytes(layout.raw_text(doc_id), data)
        atomic_write_text(layout.provenance(doc_id), dumps(record))
    else:
        layout.raw_text(doc_id).write_bytes(data)
        layout.provenance(doc_id).write_text(dumps(record), encoding="utf-8")
    return Document(doc_id=doc_id, raw=data, normalized=normalized, provenance=record)


def _word_windows(text: str, rng: random.Random) -> Iterator[tuple[int, int]]:
    """Random runs of 1–12 words (they may cross sentence and paragraph edges)."""
    import re

    words = [(m.start(), m.end()) for m in re.finditer(r"\w[\w'’-]*", text)]
    while words:
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randrange(12))
        yield words[first][0], words[last][1]


def spans_for(document: Any, taxonomy: Any, art: Article, quota: int,
              rng: random.Random) -> tuple[list[Any], list[Any]]:
    """``quota`` spans (natural candidates first, then word windows) and the relations between chosen ones."""
    from belarus_corpus.annotate.records import make_relation, make_span

    chosen: dict[tuple[str, str, int, int], Any] = {}

    def add(mark: Mark, status: str | None = None) -> Any:
        key = (mark.layer, mark.type, mark.start, mark.end)
        if key in chosen or len(chosen) >= quota:
            return chosen.get(key)
        status = status or ("gold" if rng.random() < 0.8 else rng.choice(["suggested", "suggested", "rejected"]))
        method = "manual" if status == "gold" else f"rule:{mark.layer}-{mark.type}@1"
        span = make_span(document, taxonomy, layer=mark.layer, type_=mark.type, start=mark.start, end=mark.end,
                         attributes=mark.attributes, annotator=ANNOTATOR, method=method, status=status,
                         note="synthetic" if rng.random() < 0.05 else None)
        chosen[key] = span
        return span

    relations: list[Any] = []

    def relate(type_: str, head: Any, tail: Any) -> None:
        """A relation between two chosen spans, unless one of them is rejected (validate warns about those)."""
        if head is not None and tail is not None and "rejected" not in (head.status, tail.status):
            relations.append(make_relation(taxonomy, type_, head, tail, annotator=ANNOTATOR))

    order = list(range(len(art.sentences)))
    rng.shuffle(order)
    for index in order:
        if len(chosen) >= quota:
            break
        sentence = art.sentences[index]
        claim = add(sentence.claim)
        for cue in sentence.cues:
            relate("hedge-scope", add(cue), claim)
        for extra in sentence.extras:
            added = add(extra)
            if added is not None and claim is not None and added.layer == "claim" and added.id != claim.id:
                relate("attribution", added, claim)
        if sentence.stance is not None:
            relate("stance-evidence", add(sentence.stance), claim)
    for mark in art.paragraph_marks:
        add(mark)
    # Top up with word windows (they cross sentence edges, so spans also overlap partly).
    layers = [("claim", list(CLAIM_TYPES)), ("hedge", list(taxonomy.layers["hedge"].types)),
              ("stance", ["favor", "against", "neutral"]), ("artifact", list(ARTIFACT_EXPLANATIONS))]
    windows = _word_windows(art.text, rng)
    attempts = 0
    while len(chosen) < quota and attempts < quota * 20:
        attempts += 1
        start, end = next(windows)
        layer, types = layers[attempts % 4]
        type_ = rng.choice(types)
        attrs: dict[str, Any] = {}
        if layer == "stance":
            attrs["target"] = rng.choice(list(STANCE_TARGETS))
        elif layer == "artifact":
            attrs["explanation"] = ARTIFACT_EXPLANATIONS[type_]
        elif layer == "claim":
            attrs["checkworthiness"] = rng.choice(["high", "medium", "low"])
        add(Mark(start, end, layer, type_, attrs))
    if len(chosen) < quota:
        raise RuntimeError(f"{document.doc_id}: could only place {len(chosen)} of {quota} spans")
    unique = {relation.id: relation for relation in relations}
    return list(chosen.values()), list(unique.values())


def source_document(seed: int, index: int, size: int) -> tuple[Article, str, dict[str, Any], random.Random]:
    """Document ``index``: its article, raw text, source metadata, and the random stream its spans continue."""
    rng = random.Random(f"{seed}:{index}")
    art = article(rng, size)
    raw = raw_form(rng, art.text)
    return art, raw, metadata_for(rng, doc_id_of(index)), rng


def _make_documents(job: tuple[str, int, list[int], list[int], list[int], bool]) -> list[tuple[str, Any]]:
    """Worker: write the documents ``indices`` with their stores; returns one quantity claim per document."""
    from belarus_corpus.layout import Layout
    from belarus_corpus.store import StoreContent, canonical_bytes, save
    from belarus_corpus.taxonomy import load_taxonomy

    root_text, seed, indices, sizes, span_quotas, durable = job
    root = Path(root_text)
    layout = Layout.at(root)
    taxonomy = load_taxonomy(root)
    anchors: list[tuple[str, Any]] = []
    for index, size, quota in zip(indices, sizes, span_quotas, strict=True):
        doc_id = doc_id_of(index)
        art, raw, metadata, rng = source_document(seed, index, size)
        document = write_document(root, doc_id, raw, metadata, durable)
        if document.text != art.text:
            raise RuntimeError(f"{doc_id}: normalization did not give back the generated text")
        spans, relations = spans_for(document, taxonomy, art, quota, rng)
        content = StoreContent(spans=spans, relations=relations)
        if durable:
            save(layout.store(doc_id), content)
        else:
            data = canonical_bytes(content.spans, content.relations)
            if data:
                layout.store(doc_id).write_bytes(data)
        claims = [s for s in spans if s.layer == "claim" and s.type == "quantity" and s.status != "rejected"]
        anchors.append((doc_id, claims[0] if claims else None))
    return anchors


def cross_relations(taxonomy: Any, anchors: list[tuple[str, Any]]) -> list[Any]:
    """``contradicts`` and ``same-claim`` between quantity claims of neighbouring documents."""
    from belarus_corpus.annotate.records import make_relation

    found = [span for _, span in anchors if span is not None]
    relations = []
    for position in range(len(found) - 1):
        head, tail = found[position], found[position + 1]
        if position % 5 == 0:
            relations.append(make_relation(taxonomy, "contradicts", head, tail, annotator=ANNOTATOR))
        elif position % 7 == 0:
            relations.append(make_relation(taxonomy, "same-claim", head, tail, annotator=ANNOTATOR))
    return relations


def write_schema(root: Path) -> None:
    """The corpus's ``schema/``: the package's taxonomy and provenance schema, and the generated span schemas."""
    from belarus_corpus.schemagen import generated_schemas
    from belarus_corpus.taxonomy import load_taxonomy, package_schema_dir

    target = root / "schema"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("taxonomy.json", "provenance.schema.json"):
        shutil.copyfile(package_schema_dir() / name, target / name)
    for name, text in generated_schemas(load_taxonomy(root)).items():
        (target / name).write_text(text, encoding="utf-8")


@contextlib.contextmanager
def _pinned_dates() -> Iterator[None]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def generate(root: Path, n_docs: int, n_spans: int, seed: int = 0, *, workers: int | None = None,
             durable: bool = False) -> dict[str, Any]:
    """Write a corpus of ``n_docs`` documents and exactly ``n_spans`` spans at ``root`` (which must not exist)."""
    from belarus_corpus.store import StoreContent, canonical_bytes, save
    from belarus_corpus.taxonomy import load_taxonomy

    began = time.perf_counter()
    root = Path(root)
    if root.exists():
        raise FileExistsError(root)
    for name in ("raw", "annotations"):
        (root / name).mkdir(parents=True)
    write_schema(root)
    (root / "DATASET_VERSION").write_text("0.0.0\n", encoding="utf-8")
    sizes = target_sizes(n_docs, seed)
    span_quotas = quotas(sizes, n_spans)
    jobs = [(str(root), seed, list(range(start, min(start + CHUNK, n_docs))), sizes[start : start + CHUNK],
             span_quotas[start : start + CHUNK], durable) for start in range(0, n_docs, CHUNK)]
    count = workers if workers is not None else min(2, os.cpu_count() or 1)
    anchors: list[tuple[str, Any]] = []
    with _pinned_dates():
        if count > 1 and len(jobs) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(count) as pool:
                for found in pool.imap(_make_documents, jobs):
                    anchors += found
        else:
            for job in jobs:
                anchors += _make_documents(job)
        taxonomy = load_taxonomy(root)
        cross = StoreContent(relations=cross_relations(taxonomy, anchors))
        path = root / "annotations" / "_cross_document.jsonl"
        if durable:
            save(path, cross)
        elif cross.relations:
            path.write_bytes(canonical_bytes([], cross.relations))
    return {"documents": n_docs, "spans": n_spans, "cross_document_relations": len(cross.relations),
            "text_bytes": sum((root / "raw" / f"{doc_id_of(i)}.txt").stat().st_size for i in range(n_docs)),
            "annotation_bytes": sum(p.stat().st_size for p in (root / "annotations").glob("*.jsonl")),
            "seconds": round(time.perf_counter() - began, 2)}


def _fingerprint() -> dict[str, Any]:
    """What a cached corpus's data depends on: generator version, taxonomy, provenance schema, normalization."""
    from belarus_corpus.normalize import pipeline_id
    from belarus_corpus.structure import STRUCTURE_VERSION
    from belarus_corpus.taxonomy import package_schema_dir

    schema = package_schema_dir()
    digest = hashlib.sha256()
    for name in ("taxonomy.json", "provenance.schema.json"):
        digest.update((schema / name).read_bytes())
    return {"generator": GENERATOR_VERSION, "schema_sha256": digest.hexdigest(), "pipeline": pipeline_id(),
            "structure": STRUCTURE_VERSION}


def corpus_dir(n_docs: int, n_spans: int, seed: int, out: Path = OUT) -> Path:
    return out / "corpora" / f"n{n_docs}-m{n_spans}-s{seed}"


def cached_corpus(n_docs: int, n_spans: int, seed: int = 0, out: Path = OUT) -> tuple[Path, dict[str, Any]]:
    """The cached corpus for (N, M, seed), generated first when missing or made by another generator version.

    The returned info has ``"cached": True`` when nothing was generated.
    """
    root = corpus_dir(n_docs, n_spans, seed, out)
    marker = root / MARKER
    fingerprint = _fingerprint()
    if marker.is_file():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("fingerprint") == fingerprint:
            write_schema(root)  # span/relation schemas as schemagen makes them now (new optional fields, wording)
            return root, {**info, "cached": True}
    shutil.rmtree(root, ignore_errors=True)
    staging = root.with_name(root.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    info = {**generate(staging, n_docs, n_spans, seed), "seed": seed, "fingerprint": fingerprint}
    (staging / MARKER).write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(staging, root)
    return root, {**info, "cached": False}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("spans", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write here instead of the cache under benchmarks/out/corpora/")
    parser.add_argument("--durable", action="store_true", help="fsync every file (store.save, atomic writes)")
    args = parser.parse_args(argv)
    if args.out:
        info = generate(args.out, args.documents, args.spans, args.seed, durable=args.durable)
        root = args.out
    else:
        root, info = cached_corpus(args.documents, args.spans, args.seed)
    print(json.dumps({"root": str(root), **info}, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
