"""The scorecard as a text table or as JSON (sorted keys, rounded figures: same inputs, same bytes)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from .checkworthiness import Checkworthiness
from .scoring import MODES, Row


@dataclass(frozen=True)
class Evaluation:
    rows: Sequence[Row]
    macro: dict[str, float]
    checkworthiness: Checkworthiness


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def table(evaluation: Evaluation, mode: str = "strict") -> str:
    """One line per (layer, type), layer and overall, with P/R/F1 in ``mode`` and recall in ``type`` mode."""
    header = f"{'layer':<9} {'type':<30} {'gold':>5} {'pred':>5}   {mode[:6]:>6}  P     R     F1 | type R"
    lines = [header, "-" * len(header)]
    for row in evaluation.rows:
        s = row.scores[mode]
        lines.append(f"{row.layer:<9} {row.type:<30} {s.gold:>5} {s.predicted:>5}   {'':>6} {_pct(s.precision)} "
                     f"{_pct(s.recall)} {_pct(s.f1)} | {_pct(row.scores['type'].recall)}")
    macro = "  ".join(f"{m} {_pct(evaluation.macro[m]).strip()}" for m in MODES)
    cw = evaluation.checkworthiness
    lines += [f"macro F1: {macro}",
              f"check-worthiness (claims): P {_pct(cw.precision).strip()} R {_pct(cw.recall).strip()} "
              f"F1 {_pct(cw.f1).strip()} ({cw.gold} check-worthy gold, {cw.predicted} predicted)"]
    return "\n".join(lines)


def to_json(evaluation: Evaluation) -> str:
    rows = [{"layer": row.layer, "type": row.type,
             **{mode: {"gold": s.gold, "predicted": s.predicted, "matched": round(s.matched, 4),
                       "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
                for mode, s in row.scores.items()}}
            for row in evaluation.rows]
    cw = evaluation.checkworthiness
    document = {"rows": rows, "macro_f1": {m: round(v, 4) for m, v in evaluation.macro.items()},
                "checkworthiness": {"gold": cw.gold, "predicted": cw.predicted, "found": cw.found,
                                    "correct": cw.correct, "precision": round(cw.precision, 4),
                                    "recall": round(cw.recall, 4), "f1": round(cw.f1, 4)}}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
