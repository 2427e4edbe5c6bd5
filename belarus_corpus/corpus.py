"""``Corpus(root)``: the Python API. Every CLI command is one method here, and the CLI only parses and renders.

    >>> from belarus_corpus import Corpus
    >>> corpus = Corpus(".")
    >>> report = corpus.validate()
    >>> report.valid
    True

The methods compose the stages (each of which takes a `CorpusReader`); heavy modules are imported when a method
runs, so that importing this module, or starting the CLI, stays fast. `tests/test_api.py` walks the click command
tree and fails when a command has no method here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus_annotate import AnnotateMethods
from .ingest import Ingested, IngestOptions, ingest_file
from .reader import CorpusReader

if TYPE_CHECKING:
    from .annotate.agreement import AgreementReport
    from .annotate.suggesting import SuggestReport
    from .build.result import BuildResult
    from .build.splits import SplitsResult
    from .curate.api import CurateOutcome
    from .curate.decisions import Decision
    from .curate.queues import Unit
    from .engine import EngineOptions
    from .errors import Problem
    from .evaluate.report import Evaluation
    from .ingest.sourcemap_locate import SourceLocation
    from .interop.apply import Applied
    from .interop.base import ExportReport, ImportResult
    from .release.diff import DatasetDiff
    from .release.publish import PublishResult
    from .release.release import ReleaseResult
    from .serve.workspace import ServeOptions
    from .stats import StatsFigures
    from .validate.report import Report


@dataclass
class SchemaOutcome:
    """The generated schema files that differ from what the taxonomy generates, and whether they were rewritten."""

    stale: list[Path]
    written: bool


@dataclass
class ImportOutcome:
    """What a format file held (`result`, with its problems) and what was stored (`applied`)."""

    result: ImportResult
    applied: Applied


class Corpus(AnnotateMethods, CorpusReader):
    """A corpus root: ``raw/``, ``annotations/``, ``schema/``; one method per command."""

    def ingest(self, paths: Iterable[str | Path], options: IngestOptions | None = None) -> list[Ingested]:
        """Copy articles into ``raw/`` byte for byte, each with its provenance record.

        >>> Corpus(".").ingest(["article.txt"], IngestOptions(metadata={"url": "https://example.org/a"}))
        """
        chosen = options or IngestOptions()
        return [done for path in paths for done in ingest_file(self.layout, Path(path), chosen)]

    def annotate_locate(self, span_id: str) -> SourceLocation:
        """Where span ``span_id`` is in its raw file: bytes, line and column, and a web page's element path.

        >>> print(Corpus(".").annotate_locate("s_0123456789abcdef").render())
        """
        from .annotate.operations import find_span
        from .ingest.sourcemap_locate import locate

        span = find_span(self, span_id)
        raw_file = self.layout.relative(self.layout.raw_text(span.doc_id))
        return locate(self.document(span.doc_id), span.id, span.start, span.end, raw_file)

    def suggest(self, doc_ids: Sequence[str] | None = None, detectors: Sequence[str] | None = None,
                workers: int | None = None, min_score: float | None = None,
                engine: EngineOptions | None = None) -> SuggestReport:
        """Run the detectors and store their proposals as ``suggested`` spans (gold is never touched); proposals
        scored below ``min_score`` are left out.

        >>> Corpus(".").suggest(["002_78f193878130a4b8"], detectors=["hedge-lexicon"]).lines()
        """
        from .annotate.suggesting import suggest

        return suggest(self, doc_ids or None, detectors or None, workers, min_score, engine)

    def validate(self, paths: Iterable[str | Path] | None = None, engine: EngineOptions | None = None) -> Report:
        """Every check of the corpus (or only the given store files); ``report.valid`` is False on any error.

        >>> Corpus(".").validate().valid
        """
        from .checks import validate_corpus

        return validate_corpus(self.root, paths, engine=engine)

    def fmt(self, check: bool = False) -> list[str]:
        """Rewrite every store canonically (or, with ``check``, only list those that are not); returns their paths.

        >>> Corpus(".").fmt(check=True)
        []
        """
        from .annotate.formatting import format_stores

        return format_stores(self, check_only=check)

    def schema(self, write: bool = False) -> SchemaOutcome:
        """The schema files that differ from what ``schema/taxonomy.json`` generates; ``write`` rewrites them.

        >>> Corpus(".").schema().stale
        []
        """
        from .schemagen import stale_schemas, write_schemas

        stale = stale_schemas(self.layout.schema_dir, self.taxonomy)
        if write:
            write_schemas(self.layout.schema_dir, self.taxonomy, stale)
        return SchemaOutcome(stale, write)

    def splits(self, write: bool = False, proportions: dict[str, float] | None = None, folds: int | None = None,
               seed: int | None = None) -> SplitsResult:
        """Every document's split and fold (``metadata/splits.json``, the hash rule for documents it does not
        list); with ``write``, the new ones recorded in the file (recorded documents never move).

        >>> Corpus(".").splits().plan.documents["000_3b0f4b3db40a5bc3"]
        """
        from .build.splits import record_splits

        return record_splits(self, write, proportions, folds, seed)

    def build(self, out: str | Path | None = None, split_by_document: str | None = None,
              incremental: bool = True, workers: int | None = None,
              engine: EngineOptions | None = None) -> BuildResult:
        """Build the Hugging Face dataset folder (default ``dist/belarus-corpus``); refuses invalid data.

        >>> Corpus(".").build("dist/belarus-corpus").counts["spans"]
        """
        from .build.builder import build

        target = Path(out) if out else self.layout.dist_dir / "belarus-corpus"
        return build(self, target, split_by_document=split_by_document, incremental=incremental, workers=workers,
                     engine=engine)

    def stats(self) -> StatsFigures:
        """Counts of documents, characters and spans per layer, type, status and document.

        >>> Corpus(".").stats()["documents"]
        """
        from .stats import corpus_stats

        return corpus_stats(self)

    def update_datasheet(self) -> bool:
        """Rewrite the generated block of DATASHEET.md from the facts; True if it changed (``stats --datasheet``).

        >>> Corpus(".").update_datasheet()
        False
        """
        from .datasheet import update_datasheet

        return update_datasheet(self)

    def agreement(self, annotators: Sequence[str], doc_ids: Sequence[str] | None = None, seed: int = 16,
                  samples: int = 1000) -> AgreementReport:
        """Agreement of two or more annotators: span F1, Krippendorff's alpha, kappa, bootstrap intervals.

        >>> Corpus(".").agreement(["alice", "bob"]).to_dict()["layers"]
        """
        from .annotate.agreement import agreement

        return agreement(self, tuple(annotators), list(doc_ids) if doc_ids else None, seed=seed, samples=samples)

    def curate(self, annotators: Sequence[str], strategy: str = "unanimous", decisions: str | Path | None = None,
               doc_ids: Sequence[str] | None = None, write: bool = False,
               settle: Callable[[list[Unit]], list[Decision]] | None = None) -> CurateOutcome:
        """Merge annotators into gold; ``settle`` (e.g. a prompt) decides open disputes, appended to ``decisions``;
        with ``write``, the gold is written to every curated store at once (one entry of the operations log).

        >>> Corpus(".").curate(["alice", "bob"], "majority", "curation/decisions.jsonl").curation.disputed
        """
        from .curate.api import curate_corpus

        if not write:
            return curate_corpus(self, tuple(annotators), strategy, decisions, doc_ids, write, settle)
        with self._recorded(f"curate {' '.join(annotators)} --strategy {strategy} --write"):
            return curate_corpus(self, tuple(annotators), strategy, decisions, doc_ids, write, settle)

    def evaluate(self, predicted: str | Path, gold: str | Path | None = None, layers: Sequence[str] | None = None,
                 min_score: float | None = None, annotator: str | None = None) -> Evaluation:
        """Score predicted spans (JSONL or a dataset folder) against gold (default: this corpus's gold, by the
        gold rule of ``gold.py``; with ``annotator``, only that annotator's gold or suggested records).

        >>> Corpus(".").evaluate("predictions.jsonl").micro("strict")
        """
        from .codes import Code
        from .errors import CorpusError, Problem
        from .evaluate.api import evaluate_files

        if gold is None and not self.layout.annotations_dir.is_dir():
            raise CorpusError(Problem(self.layout.relative(self.layout.annotations_dir), None, Code.EVALUATE_NO_SPANS,
                                      "the corpus has no annotations/ to take the gold from",
                                      "annotate the corpus first, or pass --gold FILE"))
        return evaluate_files(predicted, gold or self.layout.annotations_dir, list(layers) if layers else None,
                              min_score, annotator)

    def export(self, format_name: str, out: str | Path, layers: Sequence[str] | None = None,
               statuses: Sequence[str] | None = None) -> ExportReport:
        """Write the annotations in another format; ``report.losses`` lists what the format cannot carry.

        >>> Corpus(".").export("brat", "/tmp/brat", statuses=["gold"]).losses
        """
        from .interop.registry import format_module

        self.layout.refuse_source_output(Path(out))  # never over raw/, annotations/ or schema/ (#15)
        return format_module(format_name).export(self, Path(out), layers=list(layers) if layers else None,
                                                 statuses=list(statuses) if statuses else None)

    def import_(self, format_name: str, path: str | Path, as_gold: bool = False, annotator: str | None = None,
                skip_invalid: bool = False, dry_run: bool = False) -> ImportOutcome:
        """Read another tool's annotations into the stores; refuses the file if any record is refused.

        >>> Corpus(".").import_("labelstudio", "export.json", annotator="reviewer-a", dry_run=True).applied.spans
        """
        from .interop.apply import import_file

        result, applied = import_file(self, format_name, Path(path), as_gold, annotator, skip_invalid, dry_run)
        return ImportOutcome(result, applied)

    def diff(self, old: str | None = None, new: str | None = None) -> DatasetDiff:
        """Compare two versions (builds, releases, git revisions, WORKTREE); default: last release → worktree.

        >>> Corpus(".").diff("0.1.0").required_bump()
        """
        from .release.diff import diff_versions

        return diff_versions(self, old, new)

    def release(self, bump: str | None = None, out: str | Path | None = None) -> ReleaseResult:
        """Validate, bump DATASET_VERSION, date the CHANGELOG, build and record ``releases/<version>.json``.

        >>> Corpus(".").release("minor").version
        """
        from .release.release import release

        return release(self, bump=bump, out=Path(out) if out else None)

    @staticmethod
    def verify(folder: str | Path) -> list[Problem]:
        """Check a build folder against its checksums and open every Parquet file; [] when intact (no corpus needed).

        >>> Corpus.verify("dist/belarus-corpus")
        []
        """
        from .release.verify import verify

        return verify(Path(folder))

    @staticmethod
    def publish(folder: str | Path, repo_id: str, dry_run: bool = False, public: bool = False,
                accept_unknown_licences: bool = False) -> PublishResult:
        """Upload a verified build to a Hugging Face dataset repository (``dry_run`` lists the files only); private
        unless ``public``, which is refused while a document's licence is unknown unless ``accept_unknown_licences``.

        >>> Corpus.publish("dist/belarus-corpus", "my-org/belarus-corpus", dry_run=True).files
        """
        from .release.publish import publish

        return publish(Path(folder), repo_id, dry_run=dry_run, public=public,
                       accept_unknown_licences=accept_unknown_licences)

    def doctor(self, fix: bool = False) -> list[Problem]:
        """What interrupted commands left behind (locks, temporary files, half-written builds, an unfinished
        release), each with a fix; ``fix`` first completes or rolls back an interrupted release (#15).

        >>> Corpus(".").doctor()
        []
        """
        from .doctor import doctor

        return doctor(self, fix=fix)

    def serve(self, options: ServeOptions | None = None, announce: Callable[[str], None] = print) -> None:
        """Run the browser workspace over this corpus on 127.0.0.1 until interrupted; ``announce`` gets the
        address with its access token.

        >>> Corpus(".").serve(ServeOptions(annotator="alice", port=0))
        """
        from .serve.app import serve

        serve(self, self, options or ServeOptions(), announce)  # read through, and written through, this Corpus
