"""``belarus-corpus release``, ``diff``, ``verify`` and ``publish``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CorpusError
from .common import corpus_for, reports_errors, root_option

BUMP = click.Choice(["patch", "minor", "major"])


@click.command()
@click.option("--bump", type=BUMP, default=None,
              help="Version bump; default: the smallest the changes require (a smaller one is refused).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Build folder (default: dist/belarus-corpus under the root).")
@root_option
@reports_errors
def release(bump: str | None, out: Path | None, root: str) -> None:
    """Release the dataset: validate, bump DATASET_VERSION, date the CHANGELOG, build, record.

    Refuses when validation fails, when CHANGELOG.md has no entries under Unreleased, or when --bump is
    smaller than the changes since the last release require. Records releases/<version>.json.

    \b
    Example:
      belarus-corpus release --bump minor
    """
    result = corpus_for(root).release(bump=bump, out=out)
    click.echo(f"released {result.version} (previous: {result.previous or 'none'}; bump {result.bump}, "
               f"required {result.required})")
    click.echo(f"  build: {result.build.out}")
    click.echo(f"  record: {result.record}")


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@root_option
@reports_errors
def diff(old: str | None, new: str | None, output_format: str, root: str) -> None:
    """Compare two versions of the dataset and name the smallest version bump.

    OLD and NEW are build folders, release records (releases/X.Y.Z.json), released versions (X.Y.Z), git
    revisions of the corpus (built with this package) or WORKTREE. Defaults: OLD is the last release, NEW
    the working tree.

    \b
    Example:
      belarus-corpus diff 0.1.0 WORKTREE --format json
    """
    from ..release.diff import RENDERERS

    click.echo(RENDERERS[output_format](corpus_for(root).diff(old, new)))


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@reports_errors
def verify(folder: Path) -> None:
    """Check a build: every file against checksums.sha256, and that every Parquet file opens.

    Exit 1 with one message per problem.

    \b
    Example:
      belarus-corpus verify dist/belarus-corpus
    """
    from ..corpus import Corpus

    problems = Corpus.verify(folder)
    if problems:
        raise CorpusError(problems)
    click.echo(f"{folder}: intact")


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--repo-id", required=True, help="The Hugging Face dataset repository, OWNER/NAME.")
@click.option("--dry-run", is_flag=True, help="Verify and list the files; upload nothing.")
@click.option("--public", is_flag=True, help="Create a public repository (default: private).")
@click.option("--accept-unknown-licences", is_flag=True,
              help="With --public: upload although some documents' licence is unknown (you hold the rights).")
@reports_errors
def publish(folder: Path, repo_id: str, dry_run: bool, public: bool, accept_unknown_licences: bool) -> None:
    """Upload a verified build to a Hugging Face dataset repository, tagged v<version>.

    Runs verify first and refuses a build that fails it. The repository is created private unless --public,
    and --public is refused while any document's licence is unknown unless --accept-unknown-licences. Uses the
    token of 'hf auth login' or HF_TOKEN.

    \b
    Example:
      belarus-corpus publish dist/belarus-corpus --repo-id my-org/belarus-corpus --dry-run
    """
    from ..corpus import Corpus

    result = Corpus.publish(folder, repo_id, dry_run=dry_run, public=public,
                            accept_unknown_licences=accept_unknown_licences)
    verb = "would upload" if dry_run else "uploaded"
    visibility = "public" if not result.private else "private"
    click.echo(f"{verb} {len(result.files)} files of version {result.version or '?'} to datasets/{repo_id} "
               f"({visibility}):")
    if result.unknown_licences:
        click.echo(f"  note: {len(result.unknown_licences)} document(s) have no known licence", err=True)
    for name, size in result.files:
        click.echo(f"  {name} ({size} bytes)")
    if result.commit_url:
        click.echo(f"commit: {result.commit_url}" + (f", tag {result.tag}" if result.tag else ""))
