"""``diff`` reports exactly what changed between two versions, and the smallest version bump."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from belarus_corpus.annotate.operations import SpanEdit, change_store, remove_span, update_span
from belarus_corpus.cli.release_cmd import diff as diff_command
from belarus_corpus.errors import UsageError
from belarus_corpus.gold import CURATED
from belarus_corpus.release.diff import DatasetDiff, diff, render_text
from belarus_corpus.release.snapshot import Snapshot, snapshot_of_build
from belarus_corpus.store import StoreContent, update
from belarus_corpus.versioning import Version, check_bump
from helpers import ARTICLE


def _free_words(corpus: Corpus, doc_id: str, count: int) -> list[tuple[int, int]]:
    """Words no hedge span overlaps and no span has exactly: new spans there collide with nothing."""
    import re

    spans = corpus.annotations(doc_id).spans
    hedges = [(span.start, span.end) for span in spans if span.layer == "hedge"]
    taken = {(span.start, span.end) for span in spans}
    text = corpus.document(doc_id).text
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{4,}", text)]
    free = [(start, end) for start, end in words
            if (start, end) not in taken and all(end <= s or start >= e for s, e in hedges)]
    assert len(free) >= count
    return free[:count]


def _keys(result: DatasetDiff, config: str, kind: str) -> list[str]:
    return [c.key for c in result.changes(config, kind)]


def _uncurate(corpus: Corpus, doc_id: str) -> None:
    """Take ``doc_id`` out of the curation (its curated records, and curated relations that reach it), so that its
    gold is again every record with status gold and a planted gold span is gold (#16: in a curated document only
    curated records are)."""
    def own(content: StoreContent) -> StoreContent:
        return StoreContent([s for s in content.spans if s.annotator != CURATED],
                            [r for r in content.relations if r.annotator != CURATED])

    def crossing(content: StoreContent) -> StoreContent:
        return StoreContent(content.spans, [r for r in content.relations
                                            if r.annotator != CURATED or doc_id not in (r.head_doc, r.tail_doc)])

    change_store(corpus, doc_id, own)
    update(corpus.layout.cross_document_store, crossing)


def test_diff_reports_exactly_the_planted_changes(seed_corpus: Corpus, tmp_path: Path) -> None:
    doc_id = "003_122411c343ab6a52"
    _uncurate(seed_corpus, doc_id)
    (one, two, three) = _free_words(seed_corpus, doc_id, 3)
    # Gold spans: the spans config holds gold only since #17 (suggestions are in review_spans).
    retyped = add_span(seed_corpus, doc_id, layer="claim", type_="date", start=one[0], end=one[1],
                       annotator="test-suite")
    removed = add_span(seed_corpus, doc_id, layer="hedge", type_="speculative", start=two[0], end=two[1],
                       annotator="test-suite")
    old_out = seed_corpus.build(tmp_path / "old").out
    old = snapshot_of_build(old_out)

    update_span(seed_corpus, retyped.id, SpanEdit(type="event"), doc_id)
    remove_span(seed_corpus, removed.id)
    doc_with_new_span = doc_id
    added = add_span(seed_corpus, doc_id, layer="hedge", type_="speculative", start=three[0], end=three[1],
                     annotator="test-suite")
    source = tmp_path / "envoy-visit.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    new_doc = seed_corpus.ingest([source])[0].doc_id
    new_out = seed_corpus.build(tmp_path / "new").out
    new = snapshot_of_build(new_out)

    result = diff(old, new)
    assert result.features == []
    assert _keys(result, "documents", "added") == [new_doc]
    assert _keys(result, "documents", "removed") == _keys(result, "documents", "changed") == []
    assert _keys(result, "spans", "added") == [added.id]
    assert _keys(result, "spans", "removed") == [removed.id]
    assert _keys(result, "spans", "changed") == [retyped.id]
    (change,) = result.changes("spans", "changed")
    assert change.fields == ("type",)
    assert (change.old or {})["type"] == "date" and (change.new or {})["type"] == "event"
    assert result.changes("relations") == []
    assert {c.kind for c in result.changes("paragraphs")} == {"added"}
    assert {c.key.split("#")[0] for c in result.changes("paragraphs")} == {new_doc}
    assert _keys(result, "tokens", "added") == [new_doc]
    assert _keys(result, "tokens", "changed") == [doc_with_new_span]  # the new gold span's BIO tags
    by_label = result.span_counts_by_label()
    assert by_label["hedge/speculative"]["added"] == 1
    assert by_label["claim/event"]["changed"] == 1
    assert by_label[f"{removed.layer}/{removed.type}"]["removed"] == 1
    assert result.required_bump() == "major"

    text_out = render_text(result)
    assert "required bump: major" in text_out
    assert f"+ {added.id}" in text_out and f"- {removed.id}" in text_out
    assert f"~ {retyped.id}" in text_out and "type: date → event" in text_out

    ran = CliRunner().invoke(diff_command, [str(old_out), str(new_out), "--format", "json",
                                            "--root", str(seed_corpus.root)])
    assert ran.exit_code == 0, ran.output
    reported = json.loads(ran.output)
    assert reported["required_bump"] == "major"
    assert reported["counts"]["spans"] == {"added": 1, "removed": 1, "changed": 1}
    assert reported["counts"]["documents"] == {"added": 1, "removed": 0, "changed": 0}

    # Only additions: MINOR; nothing: no bump needed.
    only_added = copy.deepcopy(old)
    for config in ("documents", "paragraphs", "tokens"):
        only_added.records[config].update({k: v for k, v in new.records[config].items()
                                           if k.split("#")[0] == new_doc})
    assert diff(old, only_added).required_bump() == "minor"
    assert diff(old, old).required_bump() == "none"
    assert diff(old, old).empty


def _snapshot(types: dict[str, str], labels: dict[str, list[str]]) -> Snapshot:
    return Snapshot(version="1.0.0", types={"spans": types}, labels={"spans": labels},
                    records={"spans": {"s1": {"split": "train", "hash": "h"}}})


@pytest.mark.parametrize(("types", "labels", "kind", "bump"), [
    ({"type": "ClassLabel"}, {"type": ["a", "b", "c"]}, "labels-added", "minor"),
    ({"type": "ClassLabel"}, {"type": ["b", "a"]}, "labels-changed", "major"),
    ({"type": "ClassLabel"}, {"type": ["a"]}, "labels-changed", "major"),
    ({"type": "ClassLabel", "extra": "Value(string)"}, {"type": ["a", "b"]}, "field-added", "minor"),
    ({"type": "Value(string)"}, {}, "type-changed", "major"),
    ({}, {}, "field-removed", "major"),
])
def test_feature_and_label_changes_set_the_bump(types: dict[str, str], labels: dict[str, list[str]], kind: str,
                                                bump: str) -> None:
    before = _snapshot({"type": "ClassLabel"}, {"type": ["a", "b"]})
    result = diff(before, _snapshot(types, labels))
    assert [c.kind for c in result.features] == [kind]
    assert result.required_bump() == bump


def test_config_removed_is_major_and_added_is_minor() -> None:
    before = _snapshot({"type": "ClassLabel"}, {"type": ["a"]})
    after = copy.deepcopy(before)
    after.types["tokens"] = {"doc_id": "Value(string)"}
    assert diff(before, after).required_bump() == "minor"
    assert diff(after, before).required_bump() == "major"


def test_version_bumps_and_refusals() -> None:
    version = Version.parse("0.1.9")
    assert str(version.bump("patch")) == "0.1.10"
    assert str(version.bump("minor")) == "0.2.0"
    assert str(version.bump("major")) == "1.0.0"
    assert check_bump(None, "minor") == "minor"
    assert check_bump(None, "none") == "patch"
    assert check_bump("major", "minor") == "major"
    with pytest.raises(UsageError) as refused:
        check_bump("patch", "minor")
    assert refused.value.code == "bump-too-small"
    with pytest.raises(UsageError):
        Version.parse("1.0")


def test_diff_between_git_revisions(seed_corpus: Corpus, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = seed_corpus.root  # a throwaway repository in the test's temporary folder, not the project's
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": "/usr/bin:/bin:/usr/local/bin"}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "seed")
    ((start, end),) = _free_words(seed_corpus, "003_122411c343ab6a52", 1)
    added = add_span(seed_corpus, "003_122411c343ab6a52", layer="hedge", type_="speculative", start=start, end=end,
                     status="suggested", annotator="test-suite")
    git("add", "-A")
    git("commit", "-q", "-m", "one more suggestion")

    result = diff("HEAD~1", "HEAD", seed_corpus)
    assert [c.key for c in result.changes("review_spans")] == [added.id]  # suggestions are review records (#17)
    assert result.changes("spans") == result.changes("tokens") == []  # a suggestion does not change the BIO tags
    assert result.required_bump() == "minor"
