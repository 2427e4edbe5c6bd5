"""``belarus-corpus ingest``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

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
@click.option("--url", callback=lambda _c, _p, v: _url(v), help="Where the article was published (http(s)://...).")
@click.option("--publisher", help="Who published it.")
@click.option("--author", "authors", multiple=True, help="An author; repeat for several.")
@click.option("--published-date", type=click.DateTime(["%Y-%m-%d"]), help="When it was published (YYYY-MM-DD).")
@click.option("--retrieved-date", type=click.DateTime(["%Y-%m-%d"]), help="When you fetched it (YYYY-MM-DD).")
@click.option("--licence", help="Its licence, e.g. CC-BY-4.0, or 'all rights reserved'.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5 * 1024 * 1024, show_default=True,
              help="Refuse files larger than this.")
@click.option("--require-language", metavar="CODE", help="Refuse a file whose detected language is not CODE.")
@click.option("--accept-mojibake", is_flag=True, help="Ingest a file even if it looks double-encoded.")
@root_option
@reports_errors
def ingest(files: tuple[Path, ...], doc_id: str | None, replace: str | None, metadata: Path | None,
           url: str | None, publisher: str | None, authors: tuple[str, ...], published_date: datetime | None,
           retrieved_date: datetime | None, licence: str | None, max_bytes: int, require_language: str | None,
           accept_mojibake: bool, root: str) -> None:
    """Copy articles byte-identical into raw/ and write their provenance records.

    FILES are UTF-8 text files, HTML pages (raw/<id>.html; the main text is extracted
    with trafilatura and mapped back to the page) or WARC captures (.warc, .warc.gz:
    each HTML response record an article). Nothing is written for a file that is refused
    (invalid UTF-8, binary, empty, not an article, broken WARC, too large, already
    ingested, ...): the message names the file and what to do. Source fields come from the
    flags (--url, --publisher, ...), which win over a --metadata file; a field given by neither is
    recorded as unknown, with a reason.

    \b
    Examples:
      belarus-corpus ingest article.txt --url https://example.org/news/1 --publisher "Example News" \\
          --published-date 2025-03-04 --licence CC-BY-4.0
      belarus-corpus ingest ../shared/seeds/*.txt --metadata seeds.metadata.json
      belarus-corpus ingest page.html capture.warc.gz
    """
    from ..errors import Problem, UsageError
    from ..ingest import IngestOptions, load_metadata

    if (doc_id or replace) and len(files) > 1:
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "--doc-id and --replace take exactly one FILE",
                                 "ingest the files one at a time"))
    if url and len(files) > 1:
        raise UsageError(Problem("<arguments>", None, Code.USAGE, "--url names one article; give exactly one FILE",
                                 "ingest the files one at a time, or give their URLs in a --metadata file"))
    flags = {"url": url, "publisher": publisher, "authors": list(authors) or None, "licence": licence,
             "published_date": f"{published_date:%Y-%m-%d}" if published_date else None,
             "retrieved_date": f"{retrieved_date:%Y-%m-%d}" if retrieved_date else None}
    fields = with_flags(load_metadata(metadata) if metadata else {}, {k: v for k, v in flags.items() if v})
    options = IngestOptions(doc_id=doc_id, replace=replace, max_bytes=max_bytes, require_language=require_language,
                            accept_mojibake=accept_mojibake, metadata=fields)
    corpus = corpus_for(root, start=True)
    for path in files:
        written = corpus.ingest([path], options)
        for done in written:
            verb = "replaced" if done.replaced else "ingested"
            click.echo(f"{verb} {path} as {done.doc_id} ({corpus.layout.relative(done.raw_path)})")
        for note in written[0].notes if written else []:
            click.echo(f"skipped {path} {note}")


def _url(value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value!r} is not an http(s):// address", param_hint="--url")
    return value


def with_flags(metadata: dict[str, Any], flags: dict[str, Any]) -> dict[str, Any]:
    """The metadata with the source flags set (in every file's entry of a ``{"files": ...}`` file)."""
    if not flags:
        return metadata
    files = metadata.get("files")
    if isinstance(files, dict):
        return {**metadata, "files": {name: {**(entry if isinstance(entry, dict) else {}), **flags}
                                      for name, entry in files.items()}}
    return {**metadata, **flags}
