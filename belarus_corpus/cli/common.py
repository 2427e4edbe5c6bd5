"""What every command shares: the corpus root option and turning library errors into messages and exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import CorpusError

if TYPE_CHECKING:
    from ..corpus import Corpus

F = TypeVar("F", bound=Callable[..., Any])

root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=str),
    default=lambda: os.environ.get("BELARUS_CORPUS_ROOT", "."), show_default="current folder or $BELARUS_CORPUS_ROOT",
    help="The corpus root (holds raw/, annotations/, schema/).")


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
        except KeyboardInterrupt:
            click.echo("<interrupted>: error [interrupted] stopped by Ctrl-C; every write is atomic, so no file was "
                       "left half-written\n  hint: run the command again", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def corpus_for(root: str) -> Corpus:
    from ..corpus import Corpus

    return Corpus(root)
