"""``belarus-corpus ingest``."""

from __future__ import annotations

from pathlib import Path

import click

from ..codes import Code
from .common import corpus_for, reports_errors, root_option


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--doc-id", help="Id for the document (only with one file); default: the file stem if safe.")
@click.option("--replace", "replace", metavar="DOC_ID", help="Ingest a new version of DOC_ID, keeping its history.")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON file of source fields (publisher, url, authors, ..., unknown, assessments); "
                   "or {\"files\": {name: {...}}} for several files.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5 * 1024 * 1024, show_default=True,
              help="Refuse files larger than this.")
@click.option("--require-language", metavar="CODE", help="Refuse a file whose detected language is not CODE.")
@click.option("--accept-mojibake", is_flag=True, help="Ingest a file even if it looks double-encoded.")
@root_option
@reports_errors
def ingest(files: tuple[Path, ...], doc_id: str | None, replace: str | None, metadata: Path | None,
           max_bytes: int, require_language: str | None, accept_mojibake: bool, root: str) -> None:
    """Copy articles byte-identical into raw/ and write their provenance records.

    Nothing is written for a file that is refused (invalid UTF-8, binary, empty, HTML, too large,
    already ingested, ...): the message names the file and what to do.

    \b
    Example:
      belarus-corpus ingest ../shared/seeds/*.txt --metadata seeds.metadata.json
    """
    from ..errors import Problem, UsageError
    from ..ingest import IngestOptions, load_metadata

    if (doc_id or replace) and len(files) > 1:
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "--doc-id and --replace take exactly one FILE",
                                 "ingest the files one at a time"))
    options = IngestOptions(doc_id=doc_id, replace=replace, max_bytes=max_bytes, require_language=require_language,
                            accept_mojibake=accept_mojibake, metadata=load_metadata(metadata) if metadata else {})
    corpus = corpus_for(root, start=True)
    for path in files:
        done = corpus.ingest([path], options)[0]
        verb = "replaced" if done.replaced else "ingested"
        click.echo(f"{verb} {path} as {done.doc_id} ({corpus.layout.relative(done.raw_path)})")
