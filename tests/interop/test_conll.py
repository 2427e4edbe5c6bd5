"""CoNLL BIO: token lines match the text and the corpus tokenizer; import checks tokens and refuses bad tags."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from interop_corpus import Small
from interop_support import write_text

from belarus_corpus.build.tokens import tokenize
from belarus_corpus.interop import conll


def _blocks(content: str) -> dict[str, list[list[str]]]:
    """doc_id → token rows (sentence breaks removed)."""
    docs: dict[str, list[list[str]]] = {}
    current = ""
    for line in content.split("\n"):
        if line.startswith("# doc_id = "):
            current = line.removeprefix("# doc_id = ")
            docs[current] = []
        elif line and not line.startswith("# "):
            docs[current].append(line.split("\t"))
    return docs


def test_rows_are_the_corpus_tokens_with_one_tag_per_layer(small: Small, tmp_path: Path) -> None:
    conll.export(small.selection(), tmp_path)
    content = (tmp_path / "corpus.conll").read_text(encoding="utf-8")
    assert content.startswith("# columns = token start end claim stance hedge artifact\n")
    for doc_id, rows in _blocks(content).items():
        text = small.corpus.document(doc_id).text
        assert [(int(r[1]), int(r[2])) for r in rows] == tokenize(text)
        assert all(text[int(r[1]) : int(r[2])] == r[0] and len(r) == 7 for r in rows)
    quantity = small.spans["b-quantity"]
    rows = _blocks(content)["beta"]
    tagged = [r[0] for r in rows if r[3] != "O"]
    assert "".join(tagged) == quantity.text.replace(" ", "")


def test_no_sentence_break_inside_a_span(small: Small, tmp_path: Path) -> None:
    conll.export(small.selection(), tmp_path)
    lines = (tmp_path / "corpus.conll").read_text(encoding="utf-8").split("\n")
    firsts = [after for before, after in pairwise(lines)
              if not before and after and not after.startswith("#")]
    assert len(firsts) > 4
    assert all(not tag.startswith("I-") for first in firsts for tag in first.split("\t")[3:])


def test_import_refuses_tokens_that_do_not_match_and_unknown_labels(small: Small, tmp_path: Path) -> None:
    path = write_text(tmp_path / "in.conll", "\n".join([
        "# columns = token start end claim stance hedge artifact",
        "# doc_id = beta",
        "Lukashenko\t0\t10\tB-event\tO\tO\tO",
        "met\t11\t14\tI-event\tO\tO\tO",
        "the\t15\t18\tO\tO\tB-guess\tO",
        "envoy\t19\t24\tO\tO\tO\tX-y",
        "Analysts\t26\t34\tB-quantity\tO\tO\tO",
        "saw\t35\t38\tI-quantity\tO\tO\tO",
        "# doc_id = nowhere",
        "x\t0\t1\tO\tO\tO\tO",
    ]) + "\n")
    result = conll.import_(path, small.corpus)
    assert [(s.type, s.text) for s in result.spans] == [("event", "Lukashenko met")]
    assert [(p.code, p.line) for p in result.problems] == [
        ("offset-mismatch", 6), ("offset-mismatch", 2), ("unknown-document", 9), ("offset-mismatch", 7),
        ("unknown-label", 5)]
