"""What every command shares: the corpus root option and turning library errors into messages and exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError

if TYPE_CHECKING:
    from ..corpus import Corpus

F = TypeVar("F", bound=Callable[..., Any])

root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=str),
    default=lambda: os.environ.get("BELARUS_CORPUS_ROOT", "."), show_default="current folder or $BELARUS_CORPUS_ROOT",
    help="The corpus root (holds raw/, annotations/, schema/), or a folder inside it: the root is found by "
         "walking up, as git does.")


def reports_errors(function: F) -> F:
    """Turn a library error into its messages on stderr and its exit code (1 invalid data, 2 usage)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except CorpusError as error:
            for problem in error.problems:
                click.echo(problem.render(), err=True)
            sys.exit(error.exit_code)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)  # the reader went away (e.g. | head): stop quietly
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except OSError as error:
            where = error.filename or "<file system>"
            click.echo(f"{where}: error [os-error] {error.strerror or error}\n  hint: check that the path exists "
                       "and is readable/writable, then run the command again", err=True)
            sys.exit(1)
        except click.exceptions.Abort:  # a declined confirmation: a choice, not an error
            click.echo("nothing changed", err=True)
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("<interrupted>: error [interrupted] stopped by Ctrl-C; every write is atomic, so no file was "
                       "left half-written\n  hint: run the command again", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def corpus_for(root: str, *, start: bool = False) -> Corpus:
    """The corpus at or above ``root``; ``start`` (ingest) makes ``root`` a new corpus when there is none."""
    from ..corpus import Corpus

    return Corpus(find_corpus_root(root, start=start))


def find_corpus_root(root: str, *, start: bool = False) -> Path:
    """Walk up from ``root`` to the corpus marker (layout.is_corpus_root); exit 2 outside any corpus."""
    from ..layout import find_root

    given = Path(root)
    if not given.is_dir():
        raise UsageError(Problem(root, None, Code.NOT_A_CORPUS, f"not a corpus: {root} is not an existing folder",
                                 "pass --root with the corpus folder (or set BELARUS_CORPUS_ROOT)"))
    found = find_root(given)
    if found is not None:
        return found
    if start:
        return given.resolve()
    raise UsageError(Problem(str(given.resolve()), None, Code.NOT_A_CORPUS,
                             "not a corpus (nor is any parent folder): no schema/taxonomy.json and no "
                             "raw/*.provenance.json", "run the command inside a corpus, pass --root (or set "
                             "BELARUS_CORPUS_ROOT); 'belarus-corpus ingest FILE' starts a corpus"))
_ENGINE_KEYS = ("executor", "workers", "tasks", "work_dir", "partition", "slurm_time", "env_command", "ray_address")


def engine_options(function: F) -> F:
    """The options that choose how per-document stages run (datatrove executors); the command gets ``engine``."""
    from pathlib import Path

    options = [
        click.option("--executor", type=click.Choice(["local", "slurm", "ray"]), default="local", show_default=True,
                     help="Run the per-document tasks on this machine, as a Slurm job array, or on a Ray cluster "
                     "(see docs/SCALE.md)."),
        click.option("--workers", type=click.IntRange(min=1), help="Tasks at once (local default: CPU count)."),
        click.option("--tasks", type=click.IntRange(min=1), help="Split the documents into this many tasks."),
        click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path),
                     help="Task files and logs (Slurm, multi-node Ray: on a shared file system); a rerun resumes."),
        click.option("--partition", help="Slurm partition."),
        click.option("--slurm-time", default="02:00:00", show_default=True, help="Slurm time limit per task."),
        click.option("--env-command", help="Slurm: run before each task, e.g. 'source .venv/bin/activate'."),
        click.option("--ray-address", help="Ray cluster to join (default: start one on this machine)."),
    ]

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..engine import EngineOptions

        chosen = {key: kwargs.pop(key) for key in _ENGINE_KEYS}
        chosen["time"] = chosen.pop("slurm_time")
        return function(*args, engine=EngineOptions(**chosen), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]
