"""Extraction token F1 on the hand-written test pages (tests/ingest_html/pages): python benchmarks/html_extraction.py"""

from __future__ import annotations

import sys
from pathlib import Path

from belarus_corpus.ingest.html_quality import mean, score_pages

PAGES = Path(__file__).resolve().parent.parent / "tests" / "ingest_html" / "pages"


def main() -> int:
    scores = score_pages(PAGES)
    print(f"{'page':<14} {'precision':>9} {'recall':>7} {'F1':>6}")
    for score in [*scores, mean(scores)]:
        print(f"{score.name:<14} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
