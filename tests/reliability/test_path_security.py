"""Paths and security: ids and output folders that would escape the repository are refused; the package never
hands user strings to a shell or unpickles user files; hostile JSON is refused quickly with a clear code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from reliability_support import ARTICLE, DOC, Frozen, doctor_cli, expect, run

import belarus_corpus

PACKAGE = Path(belarus_corpus.__file__).resolve().parent
DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE = b'{"sha256": ' + b"9" * 5000 + b"}"


# ids and output folders -----------------------------------------------------------------------------------------

ESCAPING_IDS = {
    "annotate-add-dot-dot": ["annotate", "add", "{root}", "../outside", "--layer", "claim", "--type", "event",
                             "--start", "0", "--end", "5"],
    "annotate-add-absolute": ["annotate", "add", "{root}", "/etc/passwd", "--layer", "claim", "--type", "event",
                              "--start", "0", "--end", "5"],
    "annotate-show": ["annotate", "show", "{root}", "../../etc/passwd"],
    "annotate-list": ["annotate", "list", "{root}", "--doc", f"../{DOC}"],
    "annotate-reanchor": ["annotate", "reanchor", "{root}", f"raw/../../{DOC}"],
    "ingest-replace": ["ingest", "{root}", "--replace", f"../{DOC}", "{article}"],
    "ingest-doc-id": ["ingest", "{root}", "--doc-id", "..", "{article}"],
}


def _expand(template: list[str], root: Path, article: Path) -> list[str]:
    args: list[str] = []
    for part in template:
        args += ["--root", str(root)] if part == "{root}" else [part.replace("{article}", str(article))]
    return args


@pytest.mark.parametrize("name", sorted(ESCAPING_IDS))
def test_doc_ids_that_would_escape_are_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen, name: str) -> None:
    article = tmp_path / "other.txt"
    article.write_text(ARTICLE.replace("Minsk", "Brest"), encoding="utf-8")
    frozen(tmp_path)
    result = run(_expand(ESCAPING_IDS[name], corpus_root, article))
    problem = expect(result, 2, "unsafe-doc-id")
    assert problem.file in ("<argument>", str(article))
    frozen.check(allow_new_locks=False)


ESCAPING_OUTS = {
    "the-root": ("{root}", 2),
    "the-root-s-parent": ("{root}/..", 2),
    "raw": ("{root}/raw", 2),
    "inside-annotations": ("{root}/annotations/build", 2),
    "schema": ("{root}/schema", 2),
    "a-folder-that-is-not-a-build": ("{root}/notes", 1),
}


@pytest.mark.parametrize("name", sorted(ESCAPING_OUTS))
def test_build_outputs_that_would_overwrite_sources_are_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen,
                                                                name: str) -> None:
    (corpus_root / "notes").mkdir()
    (corpus_root / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    out, exit_code = ESCAPING_OUTS[name]
    frozen(tmp_path)
    result = run(["build", "--root", corpus_root, "--out", out.replace("{root}", str(corpus_root))])
    expect(result, exit_code, "unsafe-output", line=None)
    frozen.check()


# no shell, no unpickling ------------------------------------------------------------------------------------------

def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found.append((ast.unparse(node.func), node))
    return found


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))]


# The engine's own files: task pickles it writes in a work folder it creates (like datatrove's executor.pik), and
# the Slurm job state (`squeue` with the job id datatrove got from sbatch) while it waits for a job array.
ENGINE_PICKLES = "engine/tasks.py"
ENGINE_SQUEUE = "engine/executors.py"


def test_the_package_never_hands_user_strings_to_a_shell() -> None:
    """No os.system/os.popen/shell=True anywhere; subprocess only to run git, with an argument list whose first
    item is the literal "git" (so a revision name is one argument, never shell syntax), or squeue in the engine."""
    offences = []
    for path, tree in _sources():
        where = path.relative_to(PACKAGE).as_posix()
        for name, call in _calls(tree):
            if name in ("os.system", "os.popen", "os.execl", "os.execlp", "os.execv", "os.execvp", "os.spawnl",
                        "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn"):
                offences.append(f"{where}:{call.lineno} {name}")
            if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                   for k in call.keywords):
                offences.append(f"{where}:{call.lineno} shell=")
            if name.startswith("subprocess.") or name in ("Popen", "check_output", "check_call"):
                first = call.args[0] if call.args else None
                literal = first.elts[0].value if (isinstance(first, ast.List) and first.elts
                                                  and isinstance(first.elts[0], ast.Constant)) else None
                literal_git = literal == "git" or (literal == "squeue" and where == ENGINE_SQUEUE)
                if not literal_git:
                    offences.append(f"{where}:{call.lineno} {name} without a literal ['git', ...] list")
    assert not offences, offences


def test_git_revisions_from_the_command_line_cannot_be_options() -> None:
    from belarus_corpus.release.diff import _is_revision

    for hostile in ("--output=/tmp/owned", "-c core.pager=touch /tmp/owned", "--upload-pack=touch /tmp/owned"):
        assert not _is_revision(PACKAGE.parent, hostile)


def test_the_package_never_unpickles_or_evaluates_user_files() -> None:
    banned_calls = {"eval", "exec", "compile", "yaml.load", "yaml.unsafe_load", "yaml.full_load", "pickle.load",
                    "pickle.loads", "marshal.load", "marshal.loads", "shelve.open", "dill.load", "dill.loads",
                    "torch.load", "numpy.load", "np.load", "pd.read_pickle"}
    banned_imports = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    offences = []
    for path, tree in _sources():
        where = path.relative_to(PACKAGE).as_posix()
        if where == ENGINE_PICKLES:
            continue
        for name, call in _calls(tree):
            if name in banned_calls:
                offences.append(f"{where}:{call.lineno} {name}()")
            if name.endswith(".extractall") and not any(k.arg == "filter" for k in call.keywords):
                offences.append(f"{where}:{call.lineno} {name}() without a safe filter")
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                offences += [f"{where}:{node.lineno} import {m}" for m in modules if m.split(".")[0] in banned_imports]
    assert not offences, offences


# hostile JSON -----------------------------------------------------------------------------------------------------

def test_deeply_nested_cross_document_store_is_refused_quickly(corpus_root: Path, frozen: Frozen) -> None:
    (corpus_root / "annotations" / "_cross_document.jsonl").write_bytes(DEEP + b"\n")
    frozen(corpus_root)
    result = run(["validate", "--root", corpus_root], timeout=30)
    assert result.seconds < 20
    expect(result, 1, "invalid-json", file="annotations/_cross_document.jsonl", line=1)
    frozen.check(allow_new_locks=False)


@pytest.mark.parametrize("bomb", [DEEP, HUGE], ids=["100000-nested-arrays", "5000-digit-number"])
def test_hostile_provenance_does_not_stop_ingest_of_another_article(corpus_root: Path, tmp_path: Path,
                                                                    bomb: bytes) -> None:
    (corpus_root / "raw" / f"{DOC}.provenance.json").write_bytes(bomb)
    article = tmp_path / "other.txt"
    article.write_text(ARTICLE.replace("Minsk", "Brest"), encoding="utf-8")
    result = run(["ingest", "--root", corpus_root, article], timeout=60)
    assert result.returncode == 0, result.describe()
    version = tmp_path / "new-version.txt"
    version.write_text(ARTICLE.replace("Minsk", "Grodno"), encoding="utf-8")
    replaced = run(["ingest", "--root", corpus_root, "--replace", DOC, version], timeout=60)
    expect(replaced, 1, "provenance-invalid", file=f"raw/{DOC}.provenance.json", line=None)


@pytest.mark.parametrize("bomb", [DEEP, HUGE], ids=["100000-nested-arrays", "5000-digit-number"])
def test_hostile_provenance_is_reported_by_doctor(corpus_root: Path, frozen: Frozen, bomb: bytes) -> None:
    (corpus_root / "raw" / f"{DOC}.provenance.json").write_bytes(bomb)
    frozen(corpus_root)
    result = run(["--root", corpus_root], command=doctor_cli(), timeout=60)
    expect(result, 1, "provenance-invalid", file=f"raw/{DOC}.provenance.json")
    frozen.check(allow_new_locks=False)


@pytest.mark.parametrize("bomb", [DEEP, HUGE], ids=["100000-nested-arrays", "5000-digit-number"])
def test_hostile_provenance_is_reported_by_validate(corpus_root: Path, bomb: bytes) -> None:
    (corpus_root / "raw" / f"{DOC}.provenance.json").write_bytes(bomb)
    result = run(["validate", "--root", corpus_root], timeout=60)
    expect(result, 1, "provenance-invalid", file=f"raw/{DOC}.provenance.json")


def test_hostile_provenance_is_refused_by_annotate(corpus_root: Path) -> None:
    (corpus_root / "raw" / f"{DOC}.provenance.json").write_bytes(DEEP)
    result = run(["annotate", "add", "--root", corpus_root, DOC, "--layer", "claim", "--type", "event",
                  "--quote", "The envoy met"], timeout=60)
    expect(result, 1, "provenance-invalid", file=f"raw/{DOC}.provenance.json")


@pytest.mark.parametrize("out", ["raw", "annotations", "annotations/brat", "schema", "schema/x/y",
                                 "raw/../annotations"])
def test_export_never_writes_into_the_sources(corpus_root: Path, frozen: Frozen, out: str) -> None:
    """#15: `export --format brat --out raw` overwrote the byte-identical articles with normalized text."""
    frozen(corpus_root)
    result = run(["export", "--root", corpus_root, "--format", "brat", "--out", corpus_root / out])
    expect(result, 2, "unsafe-output")
    frozen.check(allow_new_locks=False)
