"""Hostile readers (#15 item 6): property tests (hypothesis, and hypothesis-jsonschema from the corpus's own schemas)
make hostile versions of every file the tool reads (stores, provenance, metadata, taxonomy, schemas, checksums,
every import format) by putting any JSON value (deeply nested, huge numbers, control characters, wrong types) or
any text at any place in a valid file. Each command that reads it must exit 0, 1 or 2 (never a traceback); when it
refuses, it prints a problem with a code and a location; a command that only reads, or that refuses, writes
nothing."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import DOC, parse_problems, snapshot, tree_changes

from belarus_corpus.cli import main

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DEEP = "[" * 5000 + "]" * 5000
HOSTILE_TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["\x1b]0;owned\x07", "\x00", "\ud800", "9" * 5000,
                                                                "../../etc/passwd", "\u202e", DEEP]))
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=2**64, max_value=2**70),
              st.floats(allow_nan=False, allow_infinity=False), HOSTILE_TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=12)


@pytest.fixture(scope="module")
def exported(template_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template corpus with a build and an export in every format, to be spoiled one file at a time."""
    base = tmp_path_factory.mktemp("hostile") / "corpus"
    shutil.copytree(template_root, base, symlinks=True)
    runner = CliRunner()
    for name in ("jsonl", "labelstudio", "brat", "conll", "spacy"):
        done = runner.invoke(main, ["export", "--root", str(base), "--format", name, "--out",
                                    str(base.parent / "exports" / name)])
        assert done.exit_code == 0, done.output
    built = runner.invoke(main, ["build", "--root", str(base), "--out", str(base.parent / "build")])
    assert built.exit_code == 0, built.output
    return base


@contextmanager
def scratch(exported: Path) -> Iterator[Path]:
    """A fresh copy of the corpus, its build and its exports, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        shutil.copytree(exported.parent, folder / "work", symlinks=True)
        yield folder / "work" / "corpus"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def spoil_json(data: Any, rng: random.Random, value: Any) -> Any:
    """Put ``value`` at one place of ``data`` chosen by ``rng``: a value replaced, a key added or removed."""
    if isinstance(data, dict) and data and rng.random() < 0.8:
        key = rng.choice(sorted(data))
        if rng.random() < 0.2:
            return {k: v for k, v in data.items() if k != key}
        return {**data, key: spoil_json(data[key], rng, value) if rng.random() < 0.5 else value}
    if isinstance(data, list) and data and rng.random() < 0.8:
        index = rng.randrange(len(data))
        return [*data[:index], spoil_json(data[index], rng, value), *data[index + 1 :]]
    return value


def dumps(data: Any) -> str:
    try:
        return json.dumps(data)  # \ud800 stays an escape: valid JSON for a lone surrogate
    except (ValueError, RecursionError):
        return DEEP


def spoil_lines(text: str, rng: random.Random, value: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    index = rng.randrange(len(lines))
    line = lines[index]
    fields = line.rstrip("\n").split("\t") if "\t" in line else line.rstrip("\n").split(" ")
    fields[rng.randrange(len(fields))] = value
    lines[index] = ("\t" if "\t" in line else " ").join(fields) + "\n"
    return "".join(lines)


def check(root: Path, args: list[str], *, writes: bool = False) -> None:
    """Run the command: exit 0/1/2, no traceback, a located problem when it refuses, nothing written unless it
    is a writer that succeeded."""
    before = snapshot(root.parent)
    result = CliRunner().invoke(main, [*args, "--root", str(root)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{args}: {type(result.exception).__name__}: {result.exception}\n{result.output[-2000:]}"
    assert result.exit_code in (0, 1, 2), f"{args}: exit {result.exit_code}\n{result.output[-2000:]}"
    if result.exit_code != 0:
        problems = parse_problems(result.output)
        named = [line for line in result.output.splitlines() if line.startswith("would reformat annotations/")]
        assert (problems and all(p.file for p in problems)) or named, \
            f"{args}: no located problem\n{result.output[-2000:]}"
    if result.exit_code != 0 or not writes:
        changes = tree_changes(before, snapshot(root.parent))
        assert not any(changes.values()), f"{args} exited {result.exit_code} and changed {changes}"


def _json_file_case(relative: str, commands: list[list[str]]) -> Callable[[Path, random.Random, Any], None]:
    def case(root: Path, rng: random.Random, value: Any) -> None:
        path = root / relative
        path.write_text(dumps(spoil_json(json.loads(path.read_text(encoding="utf-8")), rng, value)), encoding="utf-8")
        for args in commands:
            check(root, args)

    return case


READ = [["validate"], ["stats"], ["fmt", "--check"]]
JSON_FILES = {
    "provenance": _json_file_case(f"raw/{DOC}.provenance.json", [*READ, ["build", "--out", "../build-2"]]),
    "taxonomy": _json_file_case("schema/taxonomy.json", READ),
    "span-schema": _json_file_case("schema/span.schema.json", [["validate"]]),
}


@pytest.mark.parametrize("name", sorted(JSON_FILES))
@SETTINGS
@given(seed=st.integers(0, 2**32), value=JSON_VALUES)
@example(seed=0, value=[[[[[[[[[[]]]]]]]]]])
def test_hostile_json_files(exported: Path, name: str, seed: int, value: Any) -> None:
    with scratch(exported) as root:
        JSON_FILES[name](root, random.Random(seed), value)


@SETTINGS
@given(seed=st.integers(0, 2**32), value=JSON_VALUES)
def test_hostile_store_records(exported: Path, seed: int, value: Any) -> None:
    with scratch(exported) as root:
        store = root / "annotations" / f"{DOC}.jsonl"
        rng = random.Random(seed)
        lines = store.read_text(encoding="utf-8").splitlines()
        index = rng.randrange(len(lines))
        lines[index] = dumps(spoil_json(json.loads(lines[index]), rng, value))
        store.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for args in READ:
            check(root, args)
        check(root, ["annotate", "add", DOC, "--layer", "claim", "--type", "event", "--start", "0",
                     "--end", "5"], writes=True)


@SETTINGS
@given(value=JSON_VALUES)
def test_hostile_metadata(exported: Path, value: Any) -> None:
    with scratch(exported) as root:
        article, metadata = root.parent / "new.txt", root.parent / "new.metadata.json"
        article.write_text("A new article about Minsk and the envoy who visited it in March.\n", encoding="utf-8")
        metadata.write_text(dumps({"new.txt": value} if isinstance(value, dict) else value), encoding="utf-8")
        check(root, ["ingest", "--metadata", str(metadata), str(article)], writes=True)


@SETTINGS
@given(seed=st.integers(0, 2**32), value=HOSTILE_TEXT)
@example(seed=1, value="../../outside.txt")
def test_hostile_checksums(exported: Path, seed: int, value: str) -> None:
    with scratch(exported) as root:
        checksums = root.parent / "build" / "checksums.sha256"
        checksums.write_text(spoil_lines(checksums.read_text(encoding="utf-8"), random.Random(seed), value),
                             encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(main, ["verify", str(root.parent / "build")])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code != 0:
            assert parse_problems(result.output), result.output


IMPORTS = {"jsonl": "jsonl/spans.jsonl", "labelstudio": "labelstudio/tasks.json", "brat": f"brat/{DOC}.ann",
           "conll": f"conll/{DOC}.conll"}


@pytest.mark.parametrize("name", sorted(IMPORTS))
@SETTINGS
@given(seed=st.integers(0, 2**32), value=JSON_VALUES, text=HOSTILE_TEXT)
def test_hostile_imports(exported: Path, name: str, seed: int, value: Any, text: str) -> None:
    with scratch(exported) as root:
        folder = root.parent / "exports" / name
        path = next(iter(sorted(folder.glob(Path(IMPORTS[name]).name))), None) or sorted(folder.rglob("*"))[0]
        rng = random.Random(seed)
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            path.write_text(dumps(spoil_json(json.loads(raw), rng, value)), encoding="utf-8")
        elif path.suffix == ".jsonl":
            lines = raw.splitlines()
            index = rng.randrange(len(lines))
            lines[index] = dumps(spoil_json(json.loads(lines[index]), rng, value))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            path.write_text(spoil_lines(raw, rng, text), encoding="utf-8", errors="surrogatepass")
        target = path if name in ("jsonl", "labelstudio") else folder
        check(root, ["import", "--format", name, "--dry-run", str(target)])
        check(root, ["import", "--format", name, str(target)], writes=True)


@SETTINGS
@given(data=st.binary(max_size=2000))
@example(data=b"\x1f\x8b\x08\x00" + b"\x00" * 40)
def test_hostile_spacy_docbin(exported: Path, data: bytes) -> None:
    with scratch(exported) as root:
        path = root.parent / "hostile.spacy"
        path.write_bytes(data)
        check(root, ["import", "--format", "spacy", str(path)], writes=True)


def _schema_records() -> st.SearchStrategy[Any]:
    """Records the corpus's own span schema accepts (hypothesis-jsonschema): valid in shape, hostile in content
    (offsets past the end, text that does not match, any id)."""
    from hypothesis_jsonschema import from_schema

    schema = json.loads((Path(__file__).resolve().parents[2] / "schema" / "span.schema.json").read_text())
    return from_schema(schema)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(record=st.deferred(_schema_records))
def test_records_the_span_schema_accepts(exported: Path, record: Any) -> None:
    with scratch(exported) as root:
        store = root / "annotations" / f"{DOC}.jsonl"
        with store.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")
        for args in READ:
            check(root, args)
        check(root, ["annotate", "add", DOC, "--layer", "claim", "--type", "event", "--start", "0",
                     "--end", "5"], writes=True)


@pytest.mark.parametrize("entry", ["../outside.txt", "/etc/hostname", "data/../../outside.txt", "link.txt"])
def test_checksum_entries_cannot_leave_the_build(exported: Path, entry: str) -> None:
    """A manifest that lists a file outside the build (with its true digest) is refused, never said intact."""
    from reliability_support import expect, run

    from belarus_corpus.layout import sha256_file

    with scratch(exported) as root:
        build, outside = root.parent / "build", root.parent / "outside.txt"
        outside.write_text("not part of the build\n", encoding="utf-8")
        if entry == "link.txt":
            (build / entry).symlink_to(outside)
        target = outside if entry != "/etc/hostname" else Path(entry)
        if not target.exists():
            pytest.skip(f"{target} does not exist here")
        with (build / "checksums.sha256").open("a", encoding="utf-8") as handle:
            handle.write(f"{sha256_file(target)}  {entry}\n")
        result = run(["verify", build])
        expect(result, 1, "checksum-entry-invalid", file=str(build / "checksums.sha256"))
        assert "intact" not in result.stdout


def test_stats_refuses_a_corpus_that_does_not_validate(exported: Path) -> None:
    from reliability_support import expect, run

    with scratch(exported) as root:
        store = root / "annotations" / f"{DOC}.jsonl"
        first, *rest = store.read_text(encoding="utf-8").splitlines()
        store.write_text("\n".join([json.dumps({**json.loads(first), "layer": ["claim"]}), *rest]) + "\n",
                         encoding="utf-8")
        result = run(["stats", "--root", root])
        expect(result, 1, "stats-refused")
        expect(result, 1, "unknown-layer", file=f"annotations/{DOC}.jsonl", line=1)
