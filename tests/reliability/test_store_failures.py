"""The annotation store: ``validate`` (a real process) names every broken line, field and fix, and changes
nothing; the commands that write a store refuse one they cannot parse, and lose nothing from one they can."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from reliability_support import DOC, Frozen, canonical, cli, expect, records, run, store_lines

Lines = list[bytes]


def _edit(index: int, **changes: Any) -> Callable[[Lines], bytes]:
    def build(lines: Lines) -> bytes:
        record = orjson.loads(lines[index])
        record.update(changes)
        return b"".join([*lines[:index], canonical(record), *lines[index + 1 :]])

    return build


def _drop_fields(index: int, *names: str) -> Callable[[Lines], bytes]:
    def build(lines: Lines) -> bytes:
        record = {k: v for k, v in orjson.loads(lines[index]).items() if k not in names}
        return b"".join([*lines[:index], canonical(record), *lines[index + 1 :]])

    return build


def _insert(index: int, line: bytes) -> Callable[[Lines], bytes]:
    return lambda lines: b"".join([*lines[:index], line, *lines[index:]])


def _replace_in(index: int, old: bytes, new: bytes) -> Callable[[Lines], bytes]:
    def build(lines: Lines) -> bytes:
        assert old in lines[index]
        return b"".join([*lines[:index], lines[index].replace(old, new, 1), *lines[index + 1 :]])

    return build


def _duplicate_id(lines: Lines) -> bytes:
    return _edit(1, id=orjson.loads(lines[0])["id"])(lines)


@dataclass(frozen=True)
class Case:
    """A broken store: what validate reports (exit code, code, line, JSON field), and what a writing command does:
    refuse with a code (changing nothing), or keep every record it did not touch."""

    name: str
    build: Callable[[Lines], bytes]
    exit_code: int
    code: str
    line: int | None
    field: str = ""
    severity: str = "error"
    refuse: str | None = None


CASES = [
    Case("truncated-last-line", lambda lines: b"".join(lines)[:-40], 1, "truncated-line", 3, refuse="truncated-line"),
    Case("line-not-json", _insert(1, b"this is not JSON\n"), 1, "invalid-json", 2, refuse="invalid-json"),
    Case("blank-line", _insert(1, b"\n"), 1, "blank-line", 2, refuse="blank-line"),
    Case("missing-fields", _drop_fields(1, "layer", "text"), 1, "missing-field", 2, "$", refuse="schema-violation"),
    Case("offsets-past-the-end", _edit(1, end=10_000), 1, "offset-out-of-range", 2, "$.end"),
    Case("negative-offset", _edit(0, start=-3), 1, "offset-out-of-range", 1, "$.start"),
    Case("start-equals-end", _edit(1, start=111, end=111), 1, "empty-span", 2, "$.end"),
    Case("text-mismatch", _edit(1, text="Nearly 50 prisoners"), 1, "span-text-mismatch", 2, "$.text"),
    Case("unknown-layer", _edit(0, layer="rumour"), 1, "unknown-layer", 1, "$.layer"),
    Case("unknown-type", _edit(1, type="gossip"), 1, "unknown-type", 2, "$.type"),
    Case("duplicate-id", _duplicate_id, 1, "duplicate-id", 2, "$.id", refuse="duplicate-id"),
    Case("integer-above-2-64", _replace_in(1, b'"status"', b'"attributes":{"n":18446744073709551617},"status"'), 1,
         "record-not-kept", 2, "$", refuse="record-not-kept"),
    Case("duplicate-json-key", _replace_in(1, b'"status":', b'"note":"first","note":"second","status":'), 1,
         "record-not-kept", 2, "$", refuse="record-not-kept"),
    Case("unknown-kind", _edit(1, kind="spam"), 1, "unknown-kind", 2, "$.kind", refuse="schema-violation"),
    Case("relation-to-missing-span", _edit(2, tail="s_0000000000000000"), 1, "relation-missing-endpoint", 3,
         "$.tail"),
    Case("crlf-line-endings", lambda lines: b"".join(line.replace(b"\n", b"\r\n") for line in lines), 0,
         "store-not-canonical", 1, severity="warning"),
    Case("windows-1252-text", _replace_in(1, b'"Nearly 40 prisoners"', "\"Nearly 40 prisoners’\"".encode("cp1252")),
         1, "store-not-utf8", 2, refuse="store-not-utf8"),
    Case("deeply-nested-arrays", _insert(1, b"[" * 100_000 + b"]" * 100_000 + b"\n"), 1, "invalid-json", 2,
         refuse="invalid-json"),
    Case("number-1e400", _replace_in(1, b'"start":92', b'"start":1e400'), 1, "invalid-json", 2,
         refuse="invalid-json"),
    Case("number-with-5000-digits", _replace_in(1, b'"start":92', b'"start":' + b"9" * 5000), 1, "invalid-json", 2,
         refuse="invalid-json"),
]


def add_command(root: Path) -> list[str | Path]:
    return ["annotate", "add", "--root", root, DOC, "--layer", "claim", "--type", "event", "--quote", "The envoy met"]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_store(corpus_root: Path, store: Path, frozen: Frozen, case: Case) -> None:
    data = case.build(store_lines(store))
    store.write_bytes(data)
    frozen(corpus_root)
    checked = run(["validate", "--root", corpus_root], timeout=30)
    assert checked.seconds < 20
    expect(checked, case.exit_code, case.code, file=f"annotations/{DOC}.jsonl", line=case.line, field=case.field,
           severity=case.severity)
    frozen.check(allow_new_locks=False)
    added = run(add_command(corpus_root), timeout=30)
    if case.refuse is not None:
        expect(added, 1, case.refuse, file=f"annotations/{DOC}.jsonl", line=case.line)
        formatted = run(["fmt", "--root", corpus_root], timeout=30)
        expect(formatted, 1, case.refuse, file=f"annotations/{DOC}.jsonl", line=case.line)
        frozen.check()
    else:
        assert added.returncode == 0, added.describe()
        kept = Counter(orjson.dumps(r, option=orjson.OPT_SORT_KEYS) for r in records(store))
        before = Counter(orjson.dumps(orjson.loads(line), option=orjson.OPT_SORT_KEYS) for line in data.splitlines())
        assert not before - kept, f"records lost: {list((before - kept).elements())}"


def test_store_with_wrong_types_refused_by_writers(corpus_root: Path, store: Path, frozen: Frozen) -> None:
    store.write_bytes(_edit(1, start="92")(store_lines(store)))
    frozen(corpus_root)
    expect(run(["validate", "--root", corpus_root]), 1, "wrong-type", file=f"annotations/{DOC}.jsonl", line=2,
           field="$.start")
    added = run(add_command(corpus_root))
    frozen.check()
    expect(added, 1, "schema-violation", file=f"annotations/{DOC}.jsonl", line=2)


def test_store_record_with_an_unknown_field_is_not_silently_dropped(corpus_root: Path, store: Path) -> None:
    store.write_bytes(_edit(1, confidence=0.9)(store_lines(store)))
    expect(run(["validate", "--root", corpus_root]), 1, "unknown-field", file=f"annotations/{DOC}.jsonl", line=2,
           field="$")
    added = run(add_command(corpus_root))
    assert added.returncode != 0 or any(r.get("confidence") == 0.9 for r in records(store)), added.describe()


def test_store_for_a_document_that_does_not_exist(corpus_root: Path, store: Path, frozen: Frozen) -> None:
    ghost = store.with_name("ghost.jsonl")
    ghost.write_bytes(store.read_bytes().replace(b'"doc_id":"doc"', b'"doc_id":"ghost"'))
    frozen(corpus_root)
    expect(run(["validate", "--root", corpus_root]), 1, "store-without-document", file="annotations/ghost.jsonl",
           line=None)
    added = run(["annotate", "add", "--root", corpus_root, "ghost", "--layer", "claim", "--type", "event",
                 "--start", "0", "--end", "5"])
    expect(added, 1, "unknown-document", file="raw/ghost.provenance.json")
    frozen.check()


def test_store_that_is_a_folder(corpus_root: Path, store: Path, frozen: Frozen) -> None:
    kept = store.read_bytes()
    store.unlink()
    store.mkdir()
    (store / "spans.jsonl").write_bytes(kept)
    frozen(corpus_root)
    expect(run(["validate", "--root", corpus_root]), 1, "store-not-a-file", file=f"annotations/{DOC}.jsonl",
           line=None)
    expect(run(add_command(corpus_root)), 1, "store-not-a-file", file=f"annotations/{DOC}.jsonl")
    frozen.check()


def test_store_symlink_to_outside_reported(corpus_root: Path, store: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.jsonl"
    outside.write_bytes(store.read_bytes())
    store.unlink()
    store.symlink_to(outside)
    expect(run(add_command(corpus_root)), 1, "path-escapes-root")
    expect(run(["validate", "--root", corpus_root]), 1, "path-escapes-root", file=f"annotations/{DOC}.jsonl")


# a 100 MB store ---------------------------------------------------------------------------------------------------

HUNDRED_MB = 100 * 1024 * 1024


def _write_big_store(store: Path, note_bytes: int) -> int:
    """Valid spans of the document, in canonical order, until the store holds 100 MB; returns the span count."""
    layers = {"claim": ["attribution", "date", "event", "policy", "prediction", "quantity", "quote"],
              "hedge": ["approximator", "attribution-shield", "conditional", "epistemic-modal", "reportative",
                        "speculative"]}
    template = orjson.loads(store_lines(store)[1])
    text = _document_text(store)
    size = count = 0
    with store.open("wb") as handle:
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                record = {**template, "start": start, "end": end, "layer": "@LAYER@", "type": "@TYPE@",
                          "text": text[start:end], "id": "s_@@@@@@@@@@@@@@@@"}
                if note_bytes:
                    record["note"] = "n" * note_bytes
                line = canonical(record)
                for layer in sorted(layers):
                    for type_ in layers[layer]:
                        filled = (line.replace(b"@LAYER@", layer.encode()).replace(b"@TYPE@", type_.encode())
                                  .replace(b"@@@@@@@@@@@@@@@@", f"{count:016x}".encode()))
                        handle.write(filled)
                        size += len(filled)
                        count += 1
                        if size >= HUNDRED_MB:
                            return count
    raise AssertionError("the document is too short for a 100 MB store")


def _document_text(store: Path) -> str:
    from belarus_corpus import Corpus

    return Corpus(store.parent.parent).document(DOC).text


_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=sys.stdout, stderr=subprocess.STDOUT)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print('exit', os.waitstatus_to_exitcode(status), 'peak-kb', usage.ru_maxrss)\n"
)


def _peak_rss_of_validate(root: Path) -> tuple[int, int, str]:
    """(exit code, peak resident set in bytes, output) of one ``validate`` process. A small parent process
    measures it with wait4: measured from pytest's own (large) process, the child's peak would include the
    pages it shared with pytest before it exec'd."""
    measured = subprocess.run([sys.executable, "-I", "-S", "-c", _MEASURE, *cli(), "validate", "--root", str(root)],
                              capture_output=True, text=True, timeout=180, check=False)
    last = measured.stdout.strip().splitlines()[-1].split()
    assert last[0] == "exit", measured.stdout[-2000:] + measured.stderr[-2000:]
    return int(last[1]), int(last[3]) * 1024, measured.stdout


@pytest.mark.parametrize(("note_bytes", "peak_share"), [(8000, 0.5), (0, 1.0)], ids=["large-records", "small-records"])
def test_100_mb_store_is_streamed(corpus_root: Path, store: Path, note_bytes: int, peak_share: float) -> None:
    """Never loaded whole: one document's span ids are kept (for duplicate ids and relation endpoints), shared and
    compact, so the peak stays under half the store for large records and under its size for ~200,000 small ones."""
    count = _write_big_store(store, note_bytes=note_bytes)
    size = store.stat().st_size
    try:
        code, peak, output = _peak_rss_of_validate(corpus_root)
    finally:
        store.unlink()
    assert code == 0, output[-2000:]
    assert f"{count} spans" in output
    assert peak < size * peak_share, f"validate peaked at {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB store"
