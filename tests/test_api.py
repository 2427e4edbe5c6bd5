"""The CLI and the Python API stay in step: every command is one documented `Corpus` method (as sqlite-utils keeps
its CLI and API together). A new command without a method fails here."""

from __future__ import annotations

import inspect

import click

from belarus_corpus import Corpus
from belarus_corpus.cli import main

# Commands whose Corpus method is being added (#21 adds the annotate and review methods); remove a name when its
# method lands. test_pending_is_only_what_is_missing keeps this list honest.
PENDING: set[str] = set()


def commands() -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}

    def walk(command: click.Command, ctx: click.Context, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, click.Context(sub, parent=ctx), (*path, name))
        else:
            found[method_name(path)] = command

    walk(main, click.Context(main), ())
    return found


def method_name(path: tuple[str, ...]) -> str:
    name = "_".join(part.replace("-", "_") for part in path)
    return f"{name}_" if name in {"import"} else name


def test_every_command_has_a_corpus_method() -> None:
    missing = [name for name in commands() if name not in PENDING and not hasattr(Corpus, name)]
    assert not missing, f"commands without a Corpus method: {missing}"


def test_pending_is_only_what_is_missing() -> None:
    done = sorted(name for name in PENDING if hasattr(Corpus, name))
    assert not done, f"remove from PENDING (the method exists now): {done}"
    assert set(commands()) >= PENDING


def test_every_command_calls_its_method() -> None:
    for name, command in commands().items():
        if name in PENDING:
            continue
        source = inspect.getsource(command.callback)  # type: ignore[arg-type]
        assert f".{name}(" in source, f"the {name!r} command does not call Corpus.{name}"


def test_public_methods_are_documented_with_an_example() -> None:
    for name, member in inspect.getmembers(Corpus, inspect.isfunction):
        if name.startswith("_") or name in {"doc_ids", "document", "documents", "annotations", "cross_document"}:
            continue
        doc = inspect.getdoc(member) or ""
        assert doc and ">>>" in doc, f"Corpus.{name} needs a docstring with an example"
