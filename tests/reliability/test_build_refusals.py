"""``build`` refuses a corpus that does not validate (#15 item 4): exit 1 with the validate report and a final
``build-refused``; no build folder is written, and a previous build stays as it was. Nothing is left out silently:
a document whose provenance is missing stops the build instead of being skipped with its records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from reliability_support import DOC, canonical, expect, run, snapshot, store_lines


def _edit_record(index: int, **changes: object) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        store = root / "annotations" / f"{DOC}.jsonl"
        lines = store_lines(store)
        record = orjson.loads(lines[index])
        record.update(changes)
        store.write_bytes(b"".join([*lines[:index], canonical(record), *lines[index + 1 :]]))

    return apply


def _remove_provenance(root: Path) -> None:
    (root / "raw" / f"{DOC}.provenance.json").unlink()


def _bad_provenance_type(root: Path) -> None:
    path = root / "raw" / f"{DOC}.provenance.json"
    record = orjson.loads(path.read_bytes())
    record["source"] = ["not", "an", "object"]
    path.write_bytes(orjson.dumps(record))


CASES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "span-past-the-end": (_edit_record(1, end=999_999), "offset-out-of-range", f"annotations/{DOC}.jsonl"),
    "layer-is-a-number": (_edit_record(0, layer=5), "unknown-layer", f"annotations/{DOC}.jsonl"),
    "attributes-is-a-list": (_edit_record(0, attributes=["a"]), "wrong-type", f"annotations/{DOC}.jsonl"),
    "missing-provenance": (_remove_provenance, "store-without-document", f"annotations/{DOC}.jsonl"),
    "provenance-of-the-wrong-type": (_bad_provenance_type, "", f"raw/{DOC}.provenance.json"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_build_refuses_invalid_data_and_writes_nothing(corpus_root: Path, tmp_path: Path, name: str) -> None:
    spoil, code, file = CASES[name]
    out = tmp_path / "dist" / "belarus-corpus"
    first = run(["build", "--root", corpus_root, "--out", out])
    assert first.returncode == 0, first.describe()
    previous = snapshot(out)
    spoil(corpus_root)
    validated = run(["validate", "--root", corpus_root])
    assert validated.returncode == 1, validated.describe()
    built = run(["build", "--root", corpus_root, "--out", out])
    expect(built, 1, "build-refused")
    shown = {(p.code, p.file) for p in built.problems}
    assert {(p.code, p.file) for p in validated.problems if p.severity == "error"} <= shown, built.describe()
    if code:
        expect(built, 1, code, file=file)
    else:
        assert any(p.file == file for p in built.problems), built.describe()
    assert snapshot(out) == previous
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no staging folder left behind


def test_build_of_an_invalid_corpus_creates_no_folder(corpus_root: Path, tmp_path: Path) -> None:
    _edit_record(1, end=999_999)(corpus_root)
    out = tmp_path / "fresh"
    expect(run(["build", "--root", corpus_root, "--out", out]), 1, "build-refused")
    assert not out.exists()
