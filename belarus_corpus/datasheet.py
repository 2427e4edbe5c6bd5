"""The generated parts of DATASHEET.md: a statistics block and a cross-document table, between markers.

``belarus-corpus stats --datasheet`` rewrites them; ``validate`` reports ``stale-datasheet`` when they no longer
match the data. The dataset card is generated from the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .codes import Code
from .errors import Problem

if TYPE_CHECKING:
    from .build.facts_types import CorpusFacts
    from .build.scorecard import Line
    from .engine import EngineOptions
    from .reader import CorpusReader

BEGIN = "<!-- BEGIN GENERATED: belarus-corpus stats --datasheet -->"
END = "<!-- END GENERATED -->"
DATASHEET = "DATASHEET.md"


def statistics_markdown(facts: CorpusFacts) -> str:
    """The card's statistics (one source: ``build.facts``) plus how gold spans were made and paragraph languages."""
    from .build.facts_text import statistics_markdown as facts_statistics

    origin = ", ".join(f"{k} {v}" for k, v in facts["spans"]["gold_origin"].items()) or "none"
    languages = ", ".join(f"{k} {v}" for k, v in facts["paragraph_languages"].items()) or "none"
    return "\n".join([facts_statistics(facts), "",
                      f"- Gold spans by origin (accepted suggestion, edited suggestion, manual): {origin}",
                      f"- Paragraph languages (langdetect, seed 0; short paragraphs are unreliable): {languages}"])


def cross_document_markdown(facts: CorpusFacts) -> str:
    """Which article reports what for the same fact (``build.facts``, shared with the card)."""
    from .build.facts_text import figures_markdown

    return figures_markdown(facts)


def generated_block(corpus: CorpusReader, engine: EngineOptions | None = None) -> str:
    """The block, from one pass over the corpus (``build.facts.corpus_facts``) and the stores' scorecard records."""
    from .build.facts import corpus_facts
    from .build.scorecard import store_records
    from .build.scorecard_parts import document_part, lines_of, merge_parts

    facts = corpus_facts(corpus, engine=engine)
    parts = []
    for doc_id in corpus.doc_ids():
        content = corpus.annotations(doc_id)
        parts.append(document_part(store_records(content.spans, content.relations)))
    return block_of(facts, lines_of(merge_parts(parts)))


def block_of(facts: CorpusFacts, scorecard: Sequence[Line]) -> str:
    """The block from the corpus facts and the detector scorecard's lines."""
    from .build.scorecard import scorecard_markdown

    return "\n".join([BEGIN, "", "### Statistics", "", statistics_markdown(facts), "",
                      "### Cross-document figures", "", cross_document_markdown(facts), "",
                      "### Detector scorecard", "", scorecard_markdown(scorecard), "", END])


def _split(text: str) -> tuple[str, str, str] | None:
    if BEGIN not in text or END not in text:
        return None
    head, rest = text.split(BEGIN, 1)
    block, tail = rest.split(END, 1)
    return head, BEGIN + block + END, tail


def update_datasheet(corpus: CorpusReader) -> bool:
    """Rewrite the generated block; True when the file changed."""
    from .fsio import atomic_write_text

    path = corpus.root / DATASHEET
    text = path.read_text(encoding="utf-8") if path.is_file() else f"# Datasheet\n\n{BEGIN}\n{END}\n"
    parts = _split(text)
    if parts is None:
        text = text.rstrip("\n") + f"\n\n## Generated statistics\n\n{BEGIN}\n{END}\n"
        parts = _split(text)
        assert parts is not None
    updated = parts[0] + generated_block(corpus) + parts[2]
    if updated == text and path.is_file():
        return False
    atomic_write_text(path, updated)
    return True


def check_datasheet(corpus: CorpusReader, engine: EngineOptions | None = None,
                    expected: Callable[[], str] | None = None) -> list[Problem]:
    """DATASHEET.md's generated block against ``expected()`` (default: ``generated_block``, computed now)."""
    path = corpus.root / DATASHEET
    if not path.is_file():
        return []
    parts = _split(path.read_text(encoding="utf-8"))
    if parts is None:
        return [Problem(DATASHEET, None, Code.STALE_DATASHEET, "the datasheet has no generated statistics block",
                        "run 'belarus-corpus stats --datasheet'")]
    if parts[1] != (expected() if expected is not None else generated_block(corpus, engine)):
        line = parts[0].count("\n") + 1
        return [Problem(DATASHEET, line, Code.STALE_DATASHEET, "the generated statistics no longer match the data",
                        "run 'belarus-corpus stats --datasheet' and commit DATASHEET.md")]
    return []
