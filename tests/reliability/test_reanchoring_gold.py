"""Re-anchoring never moves gold silently (#15 item 5): after ``ingest --replace``, a gold span found again with its
exact text keeps its status (its offsets follow the text); one the aligner placed on other characters (a word in
it changed, or its edges moved) is ``suggested`` until reviewed, and ``annotate reanchor`` prints its old and new
offsets and text. An accepted detector suggestion goes back to being the detector's suggestion."""

from __future__ import annotations

from pathlib import Path

import orjson
from reliability_support import ARTICLE, DOC, records, run

PREFIX = "Updated: a line added above the article\n"


def _replace(root: Path, tmp_path: Path, old: str, new: str) -> None:
    newer = tmp_path / "newer.txt"
    newer.write_text(PREFIX + ARTICLE.replace(old, new), encoding="utf-8")
    replaced = run(["ingest", "--root", root, "--replace", DOC, newer])
    assert replaced.returncode == 0, replaced.describe()


def _by_text(store: Path) -> dict[str, dict[str, object]]:
    return {str(r["text"]): r for r in records(store) if r.get("kind", "span") == "span"}


def test_gold_whose_text_changed_is_suggested_until_reviewed(corpus_root: Path, store: Path, tmp_path: Path) -> None:
    before = _by_text(store)
    assert before["Nearly"]["status"] == before["Nearly 40 prisoners"]["status"] == "gold"
    _replace(corpus_root, tmp_path, "Nearly 40 prisoners", "Nearly 41 prisoners")
    moved = run(["annotate", "reanchor", "--root", corpus_root, DOC])
    assert moved.returncode == 0, moved.describe()
    after = _by_text(store)
    kept, changed = after["Nearly"], after["Nearly 41 prisoners"]
    assert kept["status"] == "gold" and kept["start"] == int(str(before["Nearly"]["start"])) + len(PREFIX)
    assert changed["status"] == "suggested" and changed.get("reviewed_by") is None
    old = before["Nearly 40 prisoners"]
    line = next(x for x in moved.stdout.splitlines() if x.strip().startswith(f"changed {old['id']}"))
    assert f"{old['start']}:{old['end']} 'Nearly 40 prisoners' -> {changed['start']}:{changed['end']} " \
           "'Nearly 41 prisoners'" in line and "was gold, now suggested" in line
    assert "1 changed text" in moved.stdout
    validated = run(["validate", "--root", corpus_root])
    assert validated.returncode == 0, validated.describe()
    accepted = run(["review", "accept", "--root", corpus_root, str(old["id"])],  # by its annotator (manual)
                   env={"BELARUS_CORPUS_ANNOTATOR": "test-suite"})
    assert accepted.returncode == 0, accepted.describe()
    assert _by_text(store)["Nearly 41 prisoners"]["status"] == "gold"


def test_accepted_detector_suggestion_goes_back_to_the_detector(corpus_root: Path, store: Path,
                                                               tmp_path: Path) -> None:
    env = {"BELARUS_CORPUS_ANNOTATOR": "reviewer"}
    assert run(["suggest", "--root", corpus_root, "--detector", "date-claim"]).returncode == 0
    accepted = run(["review", "accept", "--root", corpus_root, "--detector", "date-claim"], env=env)
    assert accepted.returncode == 0 and "accepted 1" in accepted.stdout, accepted.describe()
    (gold,) = [r for r in records(store) if str(r.get("suggested_by")).startswith("rule:date-claim@")]
    detector = gold["suggested_by"]
    assert gold["annotator"] == "reviewer" and gold["status"] == "gold"
    _replace(corpus_root, tmp_path, "officials said", "officials added")
    moved = run(["annotate", "reanchor", "--root", corpus_root, DOC])
    assert moved.returncode == 0, moved.describe()
    (back,) = [r for r in records(store) if r["id"] == gold["id"]]
    assert back["text"] != gold["text"] and "officials added" in str(back["text"])
    assert (back["status"], back["annotator"], back.get("suggested_by"), back.get("reviewed_by")) == \
        ("suggested", detector, None, None)
    assert run(["validate", "--root", corpus_root]).returncode == 0
    again = run(["review", "accept", "--root", corpus_root, "--detector", "date-claim"], env=env)
    assert again.returncode == 0, again.describe()
    (regold,) = [r for r in records(store) if r["id"] == gold["id"]]
    assert (regold["status"], regold["annotator"], regold["suggested_by"]) == ("gold", "reviewer", detector)
    assert orjson.loads(orjson.dumps(regold))["text"] == back["text"]
