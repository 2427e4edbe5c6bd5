"""Every catalogued code is produced by something a test runs: a fixture folder under tests/fixtures/invalid/, a
test that names the code, or one of the scenarios below (each made for the test, run through the CLI or the API,
asserting the code and the exit status). A new code without any of these fails `test_every_code_is_produced`."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.cli import main
from belarus_corpus.codes import Code
from belarus_corpus.errors import CorpusError
from helpers import ARTICLE

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

# Codes no test can produce on this machine, each with the reason. Keep it short.
UNREACHABLE = {
    Code.LOCK_UNREADABLE: "needs a lock file the user cannot open; the tests run as root, which opens anything",
    Code.GIT_ARCHIVE_FAILED: "needs `git archive` to fail on a revision that `git ls-tree` accepts",
    Code.UNKNOWN_REVISION: "guards `git ls-tree` failing on a commit that `git rev-parse --verify` has just accepted",
    Code.ALREADY_RELEASED: "guards a race: the next version's record appearing between the plan and the write",
    Code.TAXONOMY_NOT_BRAT_SAFE: "the taxonomy schema's name pattern keeps every label brat-safe, and the four "
                                 "layers' names cannot make two labels collide",
}


def _mentioned_in_tests() -> str:
    own = Path(__file__).name
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in TESTS.rglob("*")
                     if path.is_file() and path.suffix in {".py", ".json", ".jsonl"} and path.name != own)


def test_every_code_is_produced() -> None:
    mentioned = _mentioned_in_tests()
    unproduced = [code.value for code in Code if code not in SCENARIOS and code not in UNREACHABLE
                  and code.value not in mentioned and f"Code.{code.name}" not in mentioned]
    assert not unproduced, f"codes no fixture, test or scenario produces: {unproduced}"


# ---- scenarios: each gets a corpus root with one ingested article ("article") and a scratch folder -------------

Run = Callable[[Path, Path], tuple[int, str]]
SCENARIOS: dict[Code, tuple[int, Run]] = {}


def scenario(code: Code, exit_code: int) -> Callable[[Run], Run]:
    def register(run: Run) -> Run:
        SCENARIOS[code] = (exit_code, run)
        return run

    return register


def cli(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--root", str(root)] if args[0] not in {"verify"} else list(args))
    return result.exit_code, result.output


def api(call: Callable[[], object]) -> tuple[int, str]:
    try:
        call()
    except CorpusError as error:
        return error.exit_code, "\n".join(p.render() for p in error.problems)
    return 0, ""


def add(root: Path, quote: str, layer: str = "hedge", type_: str = "epistemic-modal", *more: str) -> str:
    code, output = cli(root, "annotate", "add", "article", "--layer", layer, "--type", type_, "--quote", quote, *more)
    assert code == 0, output
    return output.split()[1] if output.startswith("added") else output


def store(root: Path) -> Path:
    return root / "annotations" / "article.jsonl"


def edit_first_record(root: Path, **fields: object) -> None:
    lines = store(root).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record.update(fields)
    lines[0] = json.dumps(record, ensure_ascii=False, sort_keys=True)
    store(root).write_text("\n".join(lines) + "\n", encoding="utf-8")


@scenario(Code.BAD_ATTRIBUTE, 2)
def _bad_attribute(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "annotate", "add", "article", "--layer", "hedge", "--type", "epistemic-modal", "--quote", "may",
               "--attr", "novalue")


@scenario(Code.BAD_OCCURRENCE, 2)
def _bad_occurrence(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "annotate", "add", "article", "--layer", "claim", "--type", "attribution", "--quote", "the",
               "--occurrence", "99")


@scenario(Code.EMPTY_QUOTE, 2)
def _empty_quote(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "annotate", "add", "article", "--layer", "hedge", "--type", "epistemic-modal", "--quote", "")


@scenario(Code.DOC_ID_EXISTS, 1)
def _doc_id_exists(root: Path, tmp: Path) -> tuple[int, str]:
    other = tmp / "other.txt"
    other.write_text("A different article about talks in Minsk, with other words in it.\n", encoding="utf-8")
    return cli(root, "ingest", str(other), "--doc-id", "article")


@scenario(Code.INVALID_METADATA, 1)
def _invalid_metadata(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "meta.json").write_text("{not json", encoding="utf-8")
    (tmp / "second.txt").write_text("Second article text about a visit to Minsk by an envoy.\n", encoding="utf-8")
    return cli(root, "ingest", str(tmp / "second.txt"), "--metadata", str(tmp / "meta.json"))


@scenario(Code.NO_OVERLAP, 2)
def _no_overlap(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "agreement", "--annotator", "alice", "--annotator", "bob")


@scenario(Code.UNKNOWN_PROGRESS_STATE, 2)
def _unknown_progress_state(root: Path, tmp: Path) -> tuple[int, str]:
    from belarus_corpus.annotate.blind import set_progress

    return api(lambda: set_progress(Corpus(root), "alice", "article", "halfway"))


@scenario(Code.UNKNOWN_SPAN, 2)
def _unknown_span(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "review", "accept", "s_0000000000000000")


@scenario(Code.UNKNOWN_STATUS, 2)
def _unknown_status(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "export", "--format", "jsonl", "--out", str(tmp / "out"), "--status", "approved")


@scenario(Code.UNKNOWN_FORMAT, 2)
def _unknown_format(root: Path, tmp: Path) -> tuple[int, str]:
    return api(lambda: Corpus(root).export("docx", tmp / "out"))


@scenario(Code.BUILD_MISSING, 1)
def _build_missing(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "verify", str(tmp / "no-build"))


@scenario(Code.CHECKSUMS_MISSING, 1)
def _checksums_missing(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "empty-build").mkdir()
    return cli(root, "verify", str(tmp / "empty-build"))


@scenario(Code.BUILD_NO_DATA, 1)
def _build_no_data(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "no-data").mkdir()
    (tmp / "no-data" / "checksums.sha256").write_text("", encoding="utf-8")
    return cli(root, "verify", str(tmp / "no-data"))


@scenario(Code.BUILD_FILE_UNLISTED, 1)
def _build_file_unlisted(root: Path, tmp: Path) -> tuple[int, str]:
    code, output = cli(root, "build", "--out", str(tmp / "build"))
    assert code == 0, output
    (tmp / "build" / "extra.txt").write_text("not listed\n", encoding="utf-8")
    return cli(root, "verify", str(tmp / "build"))


@scenario(Code.NO_RELEASE, 1)
def _no_release(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "diff")


@scenario(Code.UNKNOWN_VERSION_SOURCE, 2)
def _unknown_version_source(root: Path, tmp: Path) -> tuple[int, str]:
    return cli(root, "diff", "no-such-version", "WORKTREE")


@scenario(Code.BAD_RELEASE_RECORD, 1)
def _bad_release_record(root: Path, tmp: Path) -> tuple[int, str]:
    (root / "releases").mkdir()
    (root / "releases" / "0.1.0.json").write_text("{\"snapshot\": 5}", encoding="utf-8")
    return cli(root, "diff", "0.1.0", "WORKTREE")


@scenario(Code.NO_CORPUS_AT_REVISION, 2)
def _no_corpus_at_revision(root: Path, tmp: Path) -> tuple[int, str]:
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (root / "NOTES.md").write_text("notes\n", encoding="utf-8")
    subprocess.run([*git, "add", "NOTES.md"], check=True)
    subprocess.run([*git, "commit", "-qm", "notes only"], check=True)
    return cli(root, "diff", "HEAD", "WORKTREE")


@scenario(Code.BAD_VERSION, 2)
def _bad_version(root: Path, tmp: Path) -> tuple[int, str]:
    from belarus_corpus.versioning import Version

    return api(lambda: Version.parse("one.two", "DATASET_VERSION"))


@scenario(Code.BAD_BUMP, 2)
def _bad_bump(root: Path, tmp: Path) -> tuple[int, str]:
    from belarus_corpus.versioning import check_bump

    return api(lambda: check_bump("huge", "patch"))


@scenario(Code.ALREADY_PRESENT, 0)
def _already_present(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    code, output = cli(root, "export", "--format", "jsonl", "--out", str(tmp / "jsonl"))
    assert code == 0, output
    return cli(root, "import", "--format", "jsonl", str(tmp / "jsonl"))


@scenario(Code.DOCUMENT_TEXT_DIFFERS, 0)
def _document_text_differs(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    code, output = cli(root, "export", "--format", "brat", "--out", str(tmp / "brat"))
    assert code == 0, output
    text = tmp / "brat" / "article.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Envoy", "Ambassador"), encoding="utf-8")
    return cli(root, "import", "--format", "brat", str(tmp / "brat"))


@scenario(Code.INVALID_NOTE, 0)
def _invalid_note(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "brat").mkdir()
    text = Corpus(root).document("article").text
    start = text.index("may")
    (tmp / "brat" / "article.ann").write_text(f"T1\thedge_epistemic-modal {start} {start + 3}\tmay\n"
                                              "#1\tAnnotatorNotes T1\tbelarus-corpus:[1, 2]\n", encoding="utf-8")
    return cli(root, "import", "--format", "brat", str(tmp / "brat"))


@scenario(Code.INVALID_HEADER, 1)
def _invalid_header(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "doc.conll").write_text("# columns = word begin finish\n", encoding="utf-8")
    return cli(root, "import", "--format", "conll", str(tmp / "doc.conll"))


@scenario(Code.INVALID_REGION, 1)
def _invalid_region(root: Path, tmp: Path) -> tuple[int, str]:
    task = {"data": {"doc_id": "article", "text": Corpus(root).document("article").text},
            "annotations": [{"result": [{"id": "r1", "type": "labels", "from_name": "hedge", "to_name": "text",
                                         "value": {"start": "x", "end": 5, "labels": ["epistemic-modal"]}}]}]}
    (tmp / "ls.json").write_text(json.dumps([task]), encoding="utf-8")
    return cli(root, "import", "--format", "labelstudio", str(tmp / "ls.json"))


@scenario(Code.INVALID_RELATION, 1)
def _invalid_relation(root: Path, tmp: Path) -> tuple[int, str]:
    task = {"data": {"doc_id": "article", "text": Corpus(root).document("article").text},
            "annotations": [{"result": [{"type": "relation", "from_id": "a", "to_id": "b", "direction": "up",
                                         "labels": ["attribution"]}]}]}
    (tmp / "ls.json").write_text(json.dumps([task]), encoding="utf-8")
    return cli(root, "import", "--format", "labelstudio", str(tmp / "ls.json"))


@scenario(Code.INVALID_DOCBIN, 1)
def _invalid_docbin(root: Path, tmp: Path) -> tuple[int, str]:
    pytest.importorskip("spacy")
    (tmp / "bad.spacy").write_bytes(b"\x00\x01 this is not a DocBin")
    return cli(root, "import", "--format", "spacy", str(tmp / "bad.spacy"))


@scenario(Code.SPACY_MISSING, 1)
def _spacy_missing(root: Path, tmp: Path) -> tuple[int, str]:
    saved = sys.modules.get("spacy")
    sys.modules["spacy"] = None  # type: ignore[assignment]  # what `import spacy` sees when it is not installed
    try:
        return api(lambda: Corpus(root).export("spacy", tmp / "out"))
    finally:
        if saved is None:
            del sys.modules["spacy"]
        else:
            sys.modules["spacy"] = saved


@scenario(Code.BAD_QUOTE_RECORD, 1)
def _bad_quote_record(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "pass").mkdir()
    (tmp / "pass" / "article.jsonl").write_text("[1, 2, 3]\n", encoding="utf-8")
    return cli(root, "annotate", "import-quotes", str(tmp / "pass"), "--annotator", "reviewer-b")


@scenario(Code.UNKNOWN_LOCAL_ID, 1)
def _unknown_local_id(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "pass").mkdir()
    lines = [{"kind": "span", "local_id": "h1", "layer": "hedge", "type": "epistemic-modal", "quote": "may",
              "occurrence": 1},
             {"kind": "relation", "type": "hedge-scope", "source": "h1", "target": "c9"}]
    (tmp / "pass" / "article.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return cli(root, "annotate", "import-quotes", str(tmp / "pass"), "--annotator", "reviewer-b")


@scenario(Code.SUGGESTED_BY_UNREVIEWED, 1)
def _suggested_by_unreviewed(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    edit_first_record(root, suggested_by="rule:hedge-lexicon@1")
    return cli(root, "validate")


@scenario(Code.RULE_ANNOTATOR_METHOD_MISMATCH, 1)
def _rule_annotator_method_mismatch(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    edit_first_record(root, annotator="rule:hedge-lexicon@1", method="manual")
    return cli(root, "validate")


@scenario(Code.ACCEPTED_WITHOUT_ORIGIN, 1)
def _accepted_without_origin(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    edit_first_record(root, method="rule:hedge-lexicon@1", reviewed_by="test-suite")
    return cli(root, "validate")


@scenario(Code.RELATION_TO_REJECTED_SPAN, 0)
def _relation_to_rejected_span(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    add(root, "Critics warn the thaw may not last.", "claim", "prediction")
    ids = {json.loads(line)["layer"]: json.loads(line)["id"] for line in store(root).read_text().splitlines()}
    code, output = cli(root, "annotate", "relate", ids["hedge"], ids["claim"], "--type", "hedge-scope")
    assert code == 0, output
    lines = store(root).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        if record.get("layer") == "claim":
            record["status"] = "rejected"
    store(root).write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records),
                           encoding="utf-8")
    return cli(root, "validate")


@scenario(Code.STORE_LOCKED, 1)
def _store_locked(root: Path, tmp: Path) -> tuple[int, str]:
    from filelock import FileLock

    from belarus_corpus.fsio import locked

    def write_while_held() -> None:
        holder = FileLock(str(store(root)) + ".lock")
        with holder, locked(store(root), timeout=0.05):
            pass

    return api(write_while_held)


@scenario(Code.BUILD_IN_PROGRESS, 0)
def _build_in_progress(root: Path, tmp: Path) -> tuple[int, str]:
    (root / "dist").mkdir()
    (root / "dist" / f".belarus-corpus.building-{os.getppid()}").mkdir()  # a live process other than this one
    return cli(root, "doctor")


@scenario(Code.BUILD_UNREADABLE, 1)
def _build_unreadable(root: Path, tmp: Path) -> tuple[int, str]:
    code, output = cli(root, "build")
    assert code == 0, output
    import hashlib

    import pyarrow as pa
    import pyarrow.parquet as pq

    build = root / "dist" / "belarus-corpus"
    for parquet in (build / "data" / "documents").glob("*.parquet"):
        pq.write_table(pa.table({"other": [1]}), parquet)  # opens, but has no doc_id or raw_sha256
    lines = []
    for line in (build / "checksums.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        if name.strip().startswith("data/documents/"):
            digest = hashlib.sha256((build / name.strip()).read_bytes()).hexdigest()
        lines.append(f"{digest}  {name.strip()}")
    (build / "checksums.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli(root, "doctor")


@scenario(Code.WRITE_FAILED, 1)
def _write_failed(root: Path, tmp: Path) -> tuple[int, str]:
    from belarus_corpus.fsio import write_error

    def fail() -> None:
        raise write_error(store(root), OSError(errno.EIO, "Input/output error"))

    return api(fail)


@scenario(Code.UNREADABLE_FILE, 1)
def _unreadable_file(root: Path, tmp: Path) -> tuple[int, str]:
    if not Path("/proc/self/mem").is_file():
        pytest.skip("needs Linux's /proc/self/mem (a regular file whose read fails)")
    return cli(root, "ingest", "/proc/self/mem")


@scenario(Code.UNTAGGABLE_SPAN, 0)
def _untaggable_span(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may not last")
    add(root, "may")  # inside the first: one BIO level cannot tag both
    return cli(root, "build", "--out", str(tmp / "build"), "--verbose")


@scenario(Code.VERSION_NOT_RELEASED, 2)
def _version_not_released(root: Path, tmp: Path) -> tuple[int, str]:
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n\n- First article.\n", encoding="utf-8")
    (root / "DATASET_VERSION").write_text("0.1.0\n", encoding="utf-8")
    code, output = cli(root, "release")
    assert code == 0, output
    (root / "DATASET_VERSION").write_text("0.7.0\n", encoding="utf-8")
    (root / "CHANGELOG.md").write_text((root / "CHANGELOG.md").read_text(encoding="utf-8").replace(
        "## [Unreleased]", "## [Unreleased]\n\n- More.\n", 1), encoding="utf-8")
    return cli(root, "release")


@scenario(Code.EVALUATE_BAD_JSON, 1)
def _evaluate_bad_json(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    (tmp / "predicted.jsonl").write_text("{not json\n", encoding="utf-8")
    return cli(root, "evaluate", str(tmp / "predicted.jsonl"))


@scenario(Code.EVALUATE_BAD_ROW, 1)
def _evaluate_bad_row(root: Path, tmp: Path) -> tuple[int, str]:
    add(root, "may")
    (tmp / "predicted.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    return cli(root, "evaluate", str(tmp / "predicted.jsonl"))


@scenario(Code.EVALUATE_NO_SPANS, 1)
def _evaluate_no_spans(root: Path, tmp: Path) -> tuple[int, str]:
    (tmp / "empty-folder").mkdir()
    return cli(root, "evaluate", str(tmp / "empty-folder"))


@pytest.mark.parametrize("code", sorted(SCENARIOS), ids=str)
def test_scenario_produces_its_code(code: Code, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, scratch = tmp_path / "corpus", tmp_path / "scratch"
    scratch.mkdir()
    import shutil

    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    (scratch / "article.txt").write_text(ARTICLE, encoding="utf-8")
    ingested, output = cli(root, "ingest", str(scratch / "article.txt"))
    assert ingested == 0, output
    monkeypatch.chdir(scratch)
    expected_exit, run = SCENARIOS[code]
    exit_code, output = run(root, scratch)
    assert f"[{code.value}]" in output or f"title={code.value}" in output, output
    assert exit_code == expected_exit, output
    assert "Traceback" not in output
