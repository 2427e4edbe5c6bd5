"""``belarus-corpus doctor``."""

from __future__ import annotations

import click

from .common import corpus_for, reports_errors, root_option


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for machines.")
@click.option("--fix", is_flag=True, help="Complete or roll back an interrupted release, then check again.")
@root_option
@reports_errors
def doctor(output_format: str, fix: bool, root: str) -> None:
    """Check what interrupted commands can leave behind, and say how to fix each finding.

    Compares raw files with the hashes in their provenance; finds lock files nobody holds, temporary
    files of interrupted writes, and build folders under dist/ that are half-written, left over,
    corrupted (checksums) or older than the raw files, and a release stopped before it finished. Changes
    nothing unless --fix, which completes such a release (when its record was written) or rolls it back.
    Exits 1 if any finding is an error.

    \b
    Example:
      belarus-corpus doctor --format json
    """
    import json

    from ..doctor import summary

    findings = corpus_for(root).doctor(fix=fix)
    if output_format == "json":
        click.echo(json.dumps({"findings": [p.to_dict() for p in findings], "summary": summary(findings)},
                              ensure_ascii=False, indent=2))
    else:
        for problem in findings:
            click.echo(problem.render())
        click.echo(summary(findings))
    raise SystemExit(1 if any(p.severity == "error" for p in findings) else 0)
