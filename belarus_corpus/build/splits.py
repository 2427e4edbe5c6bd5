"""Document-level splits: a committed assignment (``metadata/splits.json``) of every document to train, validation
or test and to one of ``folds`` cross-validation folds, and a deterministic rule for documents it does not list.

Every config of a build carries the same splits, because rows follow their document. A document the file does not
list is assigned by a hash of its id (with the file's ``seed``) against the target proportions, and to fold
``hash % folds``: the same document always lands in the same split, and adding documents never moves another.
``belarus-corpus splits --write`` records the assignment of new documents in the file, so that a later change of
proportions does not move them either. Without the file every document is in ``train`` (fold 0).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import CorpusError, Problem

if TYPE_CHECKING:
    from ..reader import CorpusReader as Corpus

SPLITS_FILE = "metadata/splits.json"
SPLIT_NAMES = ("train", "validation", "test")
DEFAULT_PROPORTIONS = {"train": 0.6, "validation": 0.2, "test": 0.2}
DEFAULT_FOLDS = 5
DEFAULT_SEED = 17


@dataclass(frozen=True)
class Assignment:
    split: str
    fold: int
    recorded: bool  # listed in the committed file (else assigned by the hash rule)


@dataclass
class SplitPlan:
    """The committed assignment and the rule for the rest."""

    seed: int = DEFAULT_SEED
    proportions: dict[str, float] = field(default_factory=lambda: {"train": 1.0})
    folds: int = 1
    documents: dict[str, tuple[str, int]] = field(default_factory=dict)
    committed: bool = False  # read from metadata/splits.json

    def point(self, doc_id: str, salt: str = "") -> float:
        digest = hashlib.sha256(f"{self.seed}:{salt}{doc_id}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def assign(self, doc_id: str) -> Assignment:
        if doc_id in self.documents:
            split, fold = self.documents[doc_id]
            return Assignment(split, fold, True)
        return Assignment(self._hashed_split(doc_id), int(self.point(doc_id, "fold:") * self.folds), False)

    def _hashed_split(self, doc_id: str) -> str:
        point, cumulative = self.point(doc_id), 0.0
        names = [name for name in SPLIT_NAMES if self.proportions.get(name, 0) > 0]
        for name in names:
            cumulative += self.proportions[name]
            if point < cumulative:
                return name
        return names[-1]

    def split_names(self) -> list[str]:
        """The splits this plan can put documents in, in the standard order."""
        used = {split for split, _ in self.documents.values()}
        return [name for name in SPLIT_NAMES if self.proportions.get(name, 0) > 0 or name in used]

    def to_json(self) -> str:
        document = {"seed": self.seed, "proportions": self.proportions, "folds": self.folds,
                    "documents": {doc_id: {"split": split, "fold": fold}
                                  for doc_id, (split, fold) in sorted(self.documents.items())}}
        return json.dumps(document, indent=2, sort_keys=True) + "\n"


def _bad(message: str, path: str = "") -> CorpusError:
    return CorpusError(Problem(SPLITS_FILE, None, Code.BAD_SPLITS_FILE, message,
                               "fix metadata/splits.json or write it again with 'belarus-corpus splits --write'",
                               path=path))


def read_plan(corpus: Corpus) -> SplitPlan:
    """The committed plan, or every document in train when there is none."""
    path = corpus.root / SPLITS_FILE
    if not path.is_file():
        return SplitPlan()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise _bad(f"not JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise _bad("must be a JSON object")
    return _plan_of(data)


def _plan_of(data: dict[str, object]) -> SplitPlan:
    seed, folds, proportions = data.get("seed"), data.get("folds"), data.get("proportions")
    if not isinstance(seed, int) or not isinstance(folds, int) or folds < 1:
        raise _bad("seed must be an integer and folds an integer of at least 1", "seed")
    if (not isinstance(proportions, dict) or not proportions or set(proportions) - set(SPLIT_NAMES)
            or not all(isinstance(v, int | float) and v >= 0 for v in proportions.values())
            or abs(sum(proportions.values()) - 1) > 1e-6):
        raise _bad(f"proportions must map some of {', '.join(SPLIT_NAMES)} to shares that sum to 1", "proportions")
    documents: dict[str, tuple[str, int]] = {}
    listed = data.get("documents", {})
    if not isinstance(listed, dict):
        raise _bad("documents must map doc ids to {split, fold}", "documents")
    for doc_id, item in listed.items():
        split = item.get("split") if isinstance(item, dict) else None
        fold = item.get("fold") if isinstance(item, dict) else None
        if split not in SPLIT_NAMES or not isinstance(fold, int) or not 0 <= fold < folds:
            raise _bad(f"{doc_id}: needs a split among {', '.join(SPLIT_NAMES)} and a fold in 0..{folds - 1}",
                       f"documents.{doc_id}")
        documents[str(doc_id)] = (str(split), fold)
    return SplitPlan(seed, {k: float(v) for k, v in proportions.items()}, folds, documents, committed=True)


def balanced(doc_ids: list[str], seed: int, proportions: dict[str, float], folds: int) -> dict[str, tuple[str, int]]:
    """A first assignment for documents listed together: ordered by hash, cut at the proportions (largest
    remainders), folds dealt round-robin; so a small corpus gets its shares as near as whole documents allow."""
    plan = SplitPlan(seed, proportions, folds)
    ordered = sorted(doc_ids, key=lambda d: (plan.point(d), d))
    names = [name for name in SPLIT_NAMES if proportions.get(name, 0) > 0]
    exact = {name: proportions[name] * len(ordered) for name in names}
    counts = {name: int(exact[name]) for name in names}
    for name in sorted(names, key=lambda n: (-(exact[n] - counts[n]), names.index(n))):
        if sum(counts.values()) >= len(ordered):
            break
        counts[name] += 1
    assigned: dict[str, tuple[str, int]] = {}
    start = 0
    for name in names:
        for doc_id in ordered[start : start + counts[name]]:
            assigned[doc_id] = (name, 0)
        start += counts[name]
    by_fold = sorted(ordered, key=lambda d: (plan.point(d, "fold:"), d))
    return {doc_id: (assigned[doc_id][0], index % folds) for index, doc_id in enumerate(by_fold)}


def extended_plan(corpus: Corpus, proportions: dict[str, float] | None = None, folds: int | None = None,
                  seed: int | None = None) -> tuple[SplitPlan, list[str]]:
    """The committed plan with every document of the corpus recorded (new ones by the hash rule, or all of them
    ``balanced`` when nothing is committed yet); and the doc ids it added."""
    plan = read_plan(corpus)
    if not plan.committed:
        plan = SplitPlan(seed if seed is not None else DEFAULT_SEED, proportions or dict(DEFAULT_PROPORTIONS),
                         folds or DEFAULT_FOLDS, {}, committed=True)
        added = corpus.doc_ids()
        plan.documents = balanced(added, plan.seed, plan.proportions, plan.folds)
        return plan, added
    if proportions:
        plan.proportions = proportions
    added = [doc_id for doc_id in corpus.doc_ids() if doc_id not in plan.documents]
    for doc_id in added:
        assignment = plan.assign(doc_id)
        plan.documents[doc_id] = (assignment.split, assignment.fold)
    return plan, added


@dataclass(frozen=True)
class SplitsResult:
    plan: SplitPlan
    added: list[str]  # documents the committed file did not list
    written: bool


def record_splits(corpus: Corpus, write: bool = False, proportions: dict[str, float] | None = None,
                  folds: int | None = None, seed: int | None = None) -> SplitsResult:
    """Every document's split and fold; with ``write``, the new ones recorded in ``metadata/splits.json`` (read
    and written under its lock). Proportions, folds and seed apply only when no file is committed yet, except
    proportions, which also steer documents added later (recorded ones never move)."""
    from ..fsio import atomic_write_text, locked

    path = corpus.root / SPLITS_FILE
    if not write:
        plan, added = extended_plan(corpus, proportions, folds, seed)
        return SplitsResult(plan, added, False)
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        plan, added = extended_plan(corpus, proportions, folds, seed)
        text = plan.to_json()
        changed = not path.is_file() or path.read_text(encoding="utf-8") != text
        if changed:
            atomic_write_text(path, text)
    return SplitsResult(plan, added, changed)


def parse_proportions(spec: str) -> dict[str, float] | None:
    """``0.6:0.2:0.2`` → train/validation/test shares; None when it is not 1-3 non-negative shares summing to 1."""
    try:
        shares = [float(part) for part in spec.split(":")]
    except ValueError:
        return None
    if not 1 <= len(shares) <= 3 or any(s < 0 for s in shares) or abs(sum(shares) - 1) > 1e-6:
        return None
    return dict(zip(SPLIT_NAMES, shares, strict=False))
