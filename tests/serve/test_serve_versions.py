"""``fsio.expecting``: a write made against a version of a store that changed since is refused under the store's
lock, through the same functions the CLI uses (one store, several stores, and the progress file); the curated gold
is written to all its stores or to none."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from serve_support import PLAIN, make_corpus

from belarus_corpus import Corpus, fsio
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.blind import progress_path, set_progress
from belarus_corpus.annotate.operations import relate
from belarus_corpus.annotate.oplog import read_log
from belarus_corpus.errors import CorpusError
from belarus_corpus.fsio import expecting, file_version


def test_one_store_written_against_an_old_version_is_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"plain.txt": PLAIN})
    store = corpus.layout.store("plain")
    seen = file_version(store)
    add_span(corpus, "plain", layer="hedge", type_="reportative", quote="officials said")
    changed = store.read_bytes()
    with expecting({store: seen}), pytest.raises(CorpusError) as error:
        add_span(corpus, "plain", layer="hedge", type_="epistemic-modal", quote="may not last")
    assert error.value.code == "stale-version" and store.read_bytes() == changed
    with expecting({store: file_version(store)}):
        add_span(corpus, "plain", layer="hedge", type_="epistemic-modal", quote="may not last")
    assert len(corpus.annotations("plain").spans) == 2


def test_a_write_of_several_stores_is_refused_whole(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"plain.txt": PLAIN})
    hedge = add_span(corpus, "plain", layer="hedge", type_="reportative", quote="officials said")
    claim = add_span(corpus, "plain", layer="claim", type_="quantity", quote="Nearly 40 prisoners were freed")
    store = corpus.layout.store("plain")
    with expecting({store: "0" * 64}), pytest.raises(CorpusError):
        relate(corpus, hedge.id, claim.id, "hedge-scope")
    assert corpus.annotations("plain").relations == []


def test_the_progress_file_has_a_version_too(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"plain.txt": PLAIN})
    path = progress_path(corpus, "alice")
    missing = file_version(path)  # a file not written yet has the version of an empty one
    set_progress(corpus, "alice", "plain", "in progress")
    with expecting({path: missing}), pytest.raises(CorpusError) as error:
        set_progress(corpus, "alice", "plain", "done")
    assert error.value.code == "stale-version" and "in progress" in path.read_text(encoding="utf-8")


def _two_curated_documents(tmp_path: Path) -> Corpus:
    corpus = make_corpus(tmp_path / "c", {"a.txt": PLAIN, "b.txt": PLAIN.replace("40", "41")})
    for doc in ("a", "b"):
        for who in ("alice", "bob"):
            add_span(corpus, doc, layer="hedge", type_="reportative", quote="officials said", annotator=who)
    return corpus


def _change_b_once_a_is_locked(monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> list[str]:
    """While the gold write holds a.jsonl's lock (the stores are locked in name order: _cross_document, a, b),
    another writer (a thread, as a CLI command would be a process) adds a span to b.jsonl, whose lock is free."""
    original, added = fsio._acquire, []

    def acquire(lock_path: Path, timeout: float) -> int:
        fd = original(lock_path, timeout)
        if lock_path.name == "a.jsonl.lock" and not added and threading.current_thread() is threading.main_thread():
            other = threading.Thread(target=lambda: added.append(add_span(
                corpus, "b", layer="hedge", type_="epistemic-modal", quote="may not last", annotator="carol").id))
            other.start()
            other.join()
        return fd

    monkeypatch.setattr(fsio, "_acquire", acquire)
    return added


def test_gold_written_against_versions_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The web's write gold: a store changed after the write began is refused before anything is written, so
    every store keeps its old gold (none here) and the other writer's change stays."""
    corpus = _two_curated_documents(tmp_path)
    stores = [corpus.layout.store("a"), corpus.layout.store("b"), corpus.layout.cross_document_store]
    versions = {path: file_version(path) for path in stores}
    before = {path: path.read_bytes() if path.exists() else b"" for path in stores}
    added = _change_b_once_a_is_locked(monkeypatch, corpus)
    with expecting(versions), pytest.raises(CorpusError) as error:
        corpus.curate(["alice", "bob"], write=True)
    assert error.value.code == "stale-version" and len(added) == 1
    assert corpus.layout.store("a").read_bytes() == before[stores[0]]
    assert not corpus.layout.cross_document_store.exists()
    b = corpus.annotations("b").spans
    assert {s.annotator for s in b} == {"alice", "bob", "carol"}  # carol's change, and no curated record
    assert not any(e.command.startswith("curate") for e in read_log(corpus))  # a refused write logs nothing


def test_gold_written_without_versions_sees_every_store_whole(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``curate --write``: every lock is held before the first store is read, so a change that got in first is
    kept, and the gold is in every store."""
    corpus = _two_curated_documents(tmp_path)
    added = _change_b_once_a_is_locked(monkeypatch, corpus)
    outcome = corpus.curate(["alice", "bob"], write=True)
    assert outcome.written == (2, 0) and len(added) == 1
    for doc in ("a", "b"):
        assert [s.type for s in corpus.annotations(doc).spans if s.annotator == "curated"] == ["reportative"]
    assert added[0] in {s.id for s in corpus.annotations("b").spans}
    assert read_log(corpus)[-1].command == "curate alice bob --strategy unanimous --write"
    corpus.annotate_undo()  # the gold write is one operation of the log: undo takes it back from every store
    assert all(s.annotator != "curated" for doc in ("a", "b") for s in corpus.annotations(doc).spans)
