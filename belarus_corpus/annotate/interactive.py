"""The interactive review loop over a :class:`ReviewSession`: one suggestion at a time, in context, one key per
action (a line per answer when the input is not a terminal, so it can be scripted)."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from ..errors import CorpusError
from .records import parse_attributes
from .session import ReviewSession
from .showing import in_context

KEYS = {
    "a": "accept: the suggestion becomes gold, with you as its annotator",
    "r": "reject: it stays in the store as rejected, so it is not proposed again",
    "s": "skip: leave it suggested and go on",
    "b": "back: undo the last thing done in this session and show that suggestion again",
    "t": "type: change its type (asks for the new one)",
    "e": "edit attributes: key=value to set, key= to remove (asks)",
    "<": "widen at the start by one word",
    ">": "widen at the end by one word",
    ",": "narrow at the start by one word",
    ".": "narrow at the end by one word",
    "q": "quit (everything decided so far is kept)",
    "?": "this help",
}
PROMPT = "  [a]ccept [r]eject [s]kip [b]ack [t]ype [e]dit attrs  < > widen  , . narrow  [q]uit [?]help"


def _show(session: ReviewSession) -> None:
    from rich.console import Console
    from rich.text import Text

    span = session.current
    click.echo(f"\n[{session.position + 1}/{len(session.spans)}] {span.doc_id} {span.layer}/{span.type} "
               f"{span.start}:{span.end} ({span.method}) {span.id}")
    if span.attributes:
        click.echo("  attributes: " + ", ".join(f"{k}={v}" for k, v in span.attributes.items()))
    segments = in_context(session.text(), span)
    console = Console(highlight=False)
    if console.is_terminal:
        text = Text("  ")
        for piece, layer in segments:
            text.append(piece, style="bold yellow" if layer else None)
        console.print(text)
    else:
        click.echo("  " + "".join(piece for piece, _ in segments))


def _key(read_line: bool, prompt: str) -> str:
    if read_line:
        answer = click.prompt(prompt, default="s", show_default=False).strip()
        return answer[:1] if answer else "s"
    click.echo(prompt)
    while True:
        char = click.getchar()
        if char in ("\r", "\n", " "):
            continue
        if char in ("\x03", "\x04"):
            return "q"
        return char


def _help() -> None:
    click.echo("  keys:")
    for key, meaning in KEYS.items():
        click.echo(f"    {key}  {meaning}")


def _edit_attributes(session: ReviewSession) -> None:
    answer = click.prompt("  attributes (key=value or key= to remove; several separated by spaces)", default="",
                          show_default=False)
    pairs = parse_attributes(answer.split())
    values = {k: v for k, v in pairs.items() if v}
    session.set_attributes(values, tuple(k for k, v in pairs.items() if not v))


def _retype(session: ReviewSession) -> None:
    types = list(session.corpus.taxonomy.layers[session.current.layer].types)
    click.echo("  types: " + ", ".join(types))
    session.retype(click.prompt("  new type", type=click.Choice(types), default=session.current.type,
                                show_choices=False))


def _back(session: ReviewSession) -> None:
    if not session.back():
        click.echo("  nothing to go back to")


def _actions(session: ReviewSession) -> dict[str, Callable[[], object]]:
    return {
        "a": lambda: session.decide("accept"),
        "r": lambda: session.decide("reject"),
        "s": session.skip,
        "t": lambda: _retype(session),
        "e": lambda: _edit_attributes(session),
        "<": lambda: session.move_edge("start", widen=True),
        ">": lambda: session.move_edge("end", widen=True),
        ",": lambda: session.move_edge("start", widen=False),
        ".": lambda: session.move_edge("end", widen=False),
        "b": lambda: _back(session),
        "?": _help,
    }


def review_loop(session: ReviewSession, read_line: bool | None = None) -> dict[str, int]:
    """Run the loop until the reviewer quits, or finishes after the last suggestion (where ``b`` still goes back);
    returns the tally."""
    line_mode = not sys.stdin.isatty() if read_line is None else read_line
    actions = _actions(session)
    while True:
        if session.done:
            click.echo(f"\nall {len(session.spans)} suggestion(s) seen: [b]ack, or any other key to finish")
            key = _read(line_mode, "  [b]ack / finish")
            if key != "b":
                break
        else:
            _show(session)
            key = _read(line_mode, PROMPT)
        if key == "q":
            break
        action = actions.get(key)
        if action is None:
            click.echo(f"  {key!r} is not a key here; press ? for help")
            continue
        try:
            action()
        except CorpusError as error:
            for problem in error.problems:
                click.echo("  " + problem.render().replace("\n", "\n  "))
        except click.Abort:
            click.echo("")
    return session.tally


def _read(line_mode: bool, prompt: str) -> str:
    """One key (the first character of a line when not on a terminal); the end of the input means quit."""
    try:
        return _key(line_mode, prompt)
    except (click.Abort, EOFError):
        return "q"
