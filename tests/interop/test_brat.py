"""brat standoff: the files are read back by an independent minimal reader written here, the way brat reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from interop_corpus import Small
from interop_support import write_text

from belarus_corpus.interop import ImportResult, TextSource, brat


def read_conf(path: Path) -> dict[str, list[str]]:
    """Section → non-comment lines of a brat .conf file."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif line.strip() and not line.startswith("#"):
            sections[current].append(line)
    return sections


def read_ann(path: Path) -> dict[str, tuple[str, str, str]]:
    """Annotation id → (type or target, data, text), lines split as brat does (readlines, i.e. splitlines)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        ann_id, data, *rest = line.split("\t")
        found[ann_id] = (data.split(" ")[0], data, rest[0] if rest else "")
    return found


def test_every_textbound_matches_the_txt_like_brat_checks_it(small: Small, tmp_path: Path) -> None:
    brat.export(small.selection(), tmp_path)
    for doc_id in ("alpha", "beta"):
        text = (tmp_path / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert text == small.corpus.document(doc_id).text
        content = (tmp_path / f"{doc_id}.ann").read_text(encoding="utf-8")
        assert content.splitlines() == content.split("\n")[:-1], "a line break brat's readlines would split at"
        for ann_id, (label, data, shown) in read_ann(tmp_path / f"{doc_id}.ann").items():
            if ann_id.startswith("T"):
                pieces = [tuple(map(int, p.split())) for p in data.split(" ", 1)[1].split(";")]
                assert shown == " ".join(text[a:b] for a, b in pieces)
                assert re.fullmatch(r"[A-Za-z0-9_-]+", label)


def test_ann_uses_only_what_annotation_conf_declares(small: Small, tmp_path: Path) -> None:
    brat.export(small.selection(), tmp_path)
    conf = read_conf(tmp_path / "annotation.conf")
    assert set(conf) == {"entities", "relations", "events", "attributes"}
    entities = {line.strip().lstrip("!") for line in conf["entities"]}
    relations = {line.split("\t")[0] for line in conf["relations"]}
    attributes = {line.split("\t")[0]: line for line in conf["attributes"]}
    anns = read_ann(tmp_path / "alpha.ann")
    for ann_id, (kind, data, text) in anns.items():
        if ann_id.startswith("T"):
            assert kind in entities
        elif ann_id.startswith("R"):
            args = dict(part.split(":") for part in data.split(" ")[1:])
            assert kind in relations and set(args.values()) <= set(anns)
        elif ann_id.startswith("A"):
            name, target, value = data.split(" ")
            assert target in anns and f"|{value}" in attributes[name].replace(":", "|")
        else:
            assert data.split(" ")[1] in anns and json.loads(text.removeprefix("belarus-corpus:"))
    assert "[labels]" in (tmp_path / "visual.conf").read_text(encoding="utf-8")


def test_span_across_a_line_break_is_fragments(small: Small, tmp_path: Path) -> None:
    brat.export(small.selection(), tmp_path)
    across = small.spans["across"]
    line = next(v for v in read_ann(tmp_path / "alpha.ann").values() if v[0] == "artifact_duplicated-text")
    assert line[1].endswith(f"{across.start} {across.start + 7};{across.start + 8} {across.end}")


def _import(tmp_path: Path, small: Small, ann: str) -> ImportResult:
    write_text(tmp_path / "in" / "alpha.ann", ann)
    return brat.import_(tmp_path / "in", small.corpus)


def test_import_reports_what_it_cannot_take(small: Small, tmp_path: Path) -> None:
    text = small.corpus.document("alpha").text
    at = text.index("Nearly")
    result = _import(tmp_path, small, "\n".join([
        f"T1\thedge_approximator {at} {at + 6}\tNearly",
        f"T2\thedge_guess {at} {at + 6}\tNearly",
        f"T3\thedge_approximator {at} {at + 6}\tnearly",
        f"T4\tclaim_quantity {at} {at + 6};{at + 10} {at + 19}\tNearly prisoners",
        "E1\tclaim_event:T1 Arg:T4",
        "#1\tAnnotatorNotes T1\tlooks right to me",
        "garbage",
    ]) + "\n")
    assert [(s.type, s.text, s.note) for s in result.spans] == [("approximator", "Nearly", "looks right to me")]
    codes = [(p.code, p.line) for p in result.problems]
    assert codes == [("unsupported-annotation", 5), ("invalid-line", 7), ("unknown-label", 2),
                     ("offset-mismatch", 3), ("discontinuous-span", 4)]


def test_import_joins_fragments_split_at_line_breaks_and_reads_attributes(small: Small, tmp_path: Path) -> None:
    text = small.corpus.document("alpha").text
    start, end = text.index("Minsk"), text.index("envoy") + 5
    stance = small.spans["stance"]
    result = _import(tmp_path, small, "\n".join([
        f"T1\tartifact_duplicated-text {start} {start + 7};{start + 8} {end}\tMinsk 😀 The envoy",
        f"T2\tstance_against {stance.start} {stance.end}\t{stance.text}",
        "A1\ttarget T2 sanctions-relief",
        "A2\ttarget T9 sanctions-relief",
    ]) + "\n")
    assert [(s.start, s.end) for s in result.spans] == [(start, end), (stance.start, stance.end)]
    assert result.spans[1].attributes == {"target": "sanctions-relief"}
    assert [(p.code, p.line, p.severity) for p in result.problems] == [("dangling-reference", 4, "warning")]


def test_import_of_an_unknown_document_names_the_file(small: Small, tmp_path: Path) -> None:
    write_text(tmp_path / "gamma.ann", "T1\tclaim_event 0 3\tEnv\n")
    result = brat.import_(tmp_path / "gamma.ann", TextSource.from_corpus(small.corpus))
    assert [(p.code, Path(p.file).name) for p in result.problems] == [("unknown-document", "gamma.ann")]
