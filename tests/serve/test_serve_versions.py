"""``fsio.expecting``: a write made against a version of a store that changed since is refused under the store's
lock, through the same functions the CLI uses (one store, several stores, and the progress file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_support import PLAIN, make_corpus

from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.blind import progress_path, set_progress
from belarus_corpus.annotate.operations import relate
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
