"""Raw input: every odd or wrong article file given to ``belarus-corpus ingest`` (a real process) is either
accepted exactly as received, or refused with its code, the file (and line) and a hint, writing nothing."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from reliability_support import ARTICLE, DOC, GERMAN, Frozen, expect, run

from belarus_corpus import Corpus


def source(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def ingest(root: Path, path: Path, *options: str) -> object:
    return run(["ingest", "--root", root, *options, path])


def provenance(root: Path, doc_id: str) -> dict[str, object]:
    record: dict[str, object] = json.loads((root / "raw" / f"{doc_id}.provenance.json").read_text(encoding="utf-8"))
    return record


def refused(root: Path, tmp_path: Path, frozen: Frozen, name: str, data: bytes, code: str,
            line: int | None = None, options: tuple[str, ...] = ()) -> str:
    """Ingest must exit 1 with ``code`` naming the source file, and change nothing (corpus and source)."""
    path = source(tmp_path, name, data)
    frozen(tmp_path)
    result = run(["ingest", "--root", root, *options, path])
    problem = expect(result, 1, code, file=path, line=line)
    frozen.check()
    return problem.message


# accepted as received -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("newline", "recorded"), [("\r\n", "crlf"), ("\r", "cr")])
def test_crlf_and_lone_cr_kept_byte_identical_normalized_to_lf(corpus_root: Path, tmp_path: Path, newline: str,
                                                               recorded: str) -> None:
    data = ARTICLE.replace("Envoy", "Special envoy").replace("\n", newline).encode("utf-8")
    path = source(tmp_path, "windows.txt", data)
    result = run(["ingest", "--root", corpus_root, path])
    assert result.returncode == 0, result.describe()
    assert (corpus_root / "raw" / "windows.txt").read_bytes() == data
    assert provenance(corpus_root, "windows")["line_endings"] == recorded
    text = Corpus(corpus_root).document("windows").text
    assert "\r" not in text
    assert text == ARTICLE.replace("Envoy", "Special envoy")
    assert run(["validate", "--root", corpus_root]).returncode == 0


def test_utf8_bom_accepted_and_recorded(corpus_root: Path, tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + ARTICLE.replace("Minsk", "Minsk again").encode("utf-8")
    path = source(tmp_path, "bom.txt", data)
    result = run(["ingest", "--root", corpus_root, path])
    assert result.returncode == 0, result.describe()
    assert (corpus_root / "raw" / "bom.txt").read_bytes() == data
    assert provenance(corpus_root, "bom")["bom"] is True
    assert not Corpus(corpus_root).document("bom").text.startswith("\ufeff")


def test_non_english_article_ingested_with_its_language(corpus_root: Path, tmp_path: Path) -> None:
    path = source(tmp_path, "deutsch.txt", GERMAN.encode("utf-8"))
    result = run(["ingest", "--root", corpus_root, path])
    assert result.returncode == 0, result.describe()
    language = provenance(corpus_root, "deutsch")["language"]
    assert isinstance(language, dict)
    assert language["document"]["code"] == "de"


def test_file_name_with_spaces_and_non_ascii_gets_slug_and_hash(corpus_root: Path, tmp_path: Path) -> None:
    name = "Lukashenko meets US envoy – Минск, 2025.txt"
    path = source(tmp_path, name, ARTICLE.replace("Jane Roe", "John Doe").encode("utf-8"))
    result = run(["ingest", "--root", corpus_root, path])
    assert result.returncode == 0, result.describe()
    (doc_id,) = set(Corpus(corpus_root).doc_ids()) - {DOC}
    assert re.fullmatch(r"lukashenko-meets-us-envoy-2025_[0-9a-f]{16}", doc_id), doc_id
    assert provenance(corpus_root, doc_id)["original_file_name"] == name
    assert doc_id in result.stdout


def test_new_files_are_readable_like_any_file_not_private(corpus_root: Path, tmp_path: Path) -> None:
    """Atomic writes go through mkstemp (mode 0600); the written file must get the usual mode instead."""
    path = source(tmp_path, "modes.txt", ARTICLE.replace("Nearly", "About").encode("utf-8"))
    assert run(["ingest", "--root", corpus_root, path]).returncode == 0
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("modes.txt", "modes.provenance.json"):
        assert (corpus_root / "raw" / name).stat().st_mode & 0o777 == 0o666 & ~umask


# refused, nothing written ---------------------------------------------------------------------------------------

def test_utf16_file_with_bom_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    message = refused(corpus_root, tmp_path, frozen, "utf16.txt", ARTICLE.encode("utf-16"), "not-utf8")
    assert "UTF-16" in message


def test_utf16_file_without_bom_refused_as_utf16(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    message = refused(corpus_root, tmp_path, frozen, "utf16le.txt", ARTICLE.encode("utf-16-le"), "not-utf8")
    assert "UTF-16LE" in message


def test_invalid_utf8_in_the_middle_names_byte_offset_and_line(corpus_root: Path, tmp_path: Path,
                                                               frozen: Frozen) -> None:
    data = ARTICLE.encode("utf-8")
    offset = data.index(b"Critics")
    broken = data[:offset] + b"\xff\xfe" + data[offset:]
    message = refused(corpus_root, tmp_path, frozen, "broken.txt", broken, "not-utf8", line=4)
    assert f"byte offset {offset}" in message


def _misread_as_cp1252(data: bytes) -> bytes:
    """UTF-8 bytes decoded as Windows-1252 (bytes it leaves undefined kept as C1 controls) and saved as UTF-8."""
    chars = []
    for byte in data:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars).encode("utf-8")


@pytest.mark.parametrize("times", [1, 2])
def test_mojibake_refused_unless_accepted(corpus_root: Path, tmp_path: Path, frozen: Frozen, times: int) -> None:
    data = ARTICLE.replace("ready,”", "ready,” the minister’s aide said, “we’re").encode("utf-8")
    for _ in range(times):
        data = _misread_as_cp1252(data)
    refused(corpus_root, tmp_path, frozen, "mojibake.txt", data, "mojibake", line=4)
    accepted = run(["ingest", "--root", corpus_root, "--accept-mojibake", tmp_path / "incoming" / "mojibake.txt"])
    assert accepted.returncode == 0, accepted.describe()
    assert (corpus_root / "raw" / "mojibake.txt").read_bytes() == data


def test_nul_bytes_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    data = ARTICLE.encode("utf-8")
    offset = data.index(b"By Jane")
    message = refused(corpus_root, tmp_path, frozen, "nul.txt", data[:offset] + b"\x00" + data[offset:],
                      "binary-content", line=2)
    assert f"byte offset {offset}" in message


def test_html_page_without_an_article_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    # HTML pages are ingested since #20 (their main text extracted); one with no article is refused
    page = ("<!DOCTYPE html>\n<html><head><title>Envoy</title></head><body><nav><a href='/'>Home</a></nav>"
            "</body></html>\n")
    refused(corpus_root, tmp_path, frozen, "page.html", page.encode("utf-8"), "not-an-article")


def test_empty_file_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    refused(corpus_root, tmp_path, frozen, "empty.txt", b"", "empty-file")


def test_whitespace_only_file_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    refused(corpus_root, tmp_path, frozen, "blank.txt", b" \n\t\r\n\u00a0\n".replace(b"\\u00a0", b" "),
            "whitespace-only")


def test_file_over_the_size_limit_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    data = ARTICLE.encode("utf-8")
    message = refused(corpus_root, tmp_path, frozen, "long.txt", data, "file-too-large",
                      options=("--max-bytes", "100"))
    assert f"{len(data)} bytes" in message
    assert "100 bytes" in message


def test_non_english_article_refused_with_require_language(corpus_root: Path, tmp_path: Path,
                                                           frozen: Frozen) -> None:
    message = refused(corpus_root, tmp_path, frozen, "deutsch.txt", GERMAN.encode("utf-8"), "language-mismatch",
                      options=("--require-language", "en"))
    assert "'de'" in message


def test_same_article_twice_names_the_existing_doc_id(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    message = refused(corpus_root, tmp_path, frozen, "copy-of-the-article.txt", ARTICLE.encode("utf-8"),
                      "already-ingested")
    assert repr(DOC) in message


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_missing_file_or_folder_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen, make: str) -> None:
    path = tmp_path / "incoming" / "article.txt"
    if make == "folder":
        path.mkdir(parents=True)
    frozen(tmp_path)
    result = run(["ingest", "--root", corpus_root, path])
    expect(result, 1, "file-not-found" if make == "missing" else "not-a-file", file=path, line=None)
    frozen.check()


# paths in raw/ and in ids -----------------------------------------------------------------------------------------

def test_symlink_in_raw_pointing_outside_is_reported(corpus_root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    raw = corpus_root / "raw" / f"{DOC}.txt"
    outside.write_bytes(raw.read_bytes())
    raw.unlink()
    raw.symlink_to(outside)
    result = run(["validate", "--root", corpus_root])
    problem = expect(result, 1, "path-escapes-root", file=f"raw/{DOC}.txt", line=None)
    assert str(outside) in problem.message
    added = run(["annotate", "add", "--root", corpus_root, DOC, "--layer", "claim", "--type", "event",
                 "--quote", "The envoy met"])
    expect(added, 1, "path-escapes-root")


def test_doc_id_with_dot_dot_refused(corpus_root: Path, tmp_path: Path, frozen: Frozen) -> None:
    path = source(tmp_path, "escape.txt", ARTICLE.replace("Minsk", "Vilnius").encode("utf-8"))
    frozen(tmp_path)
    result = run(["ingest", "--root", corpus_root, "--doc-id", "../escaped", path])
    expect(result, 2, "unsafe-doc-id", file=path)
    frozen.check()
    assert not (tmp_path / "escaped.txt").exists()
