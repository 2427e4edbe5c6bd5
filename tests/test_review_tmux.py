"""The interactive review in a real terminal: tmux runs ``belarus-corpus review``, the test sends single keys and
reads the screen (skipped where tmux is not installed; .ci/run installs it)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import belarus_corpus
from belarus_corpus import Corpus
from belarus_corpus.annotate.api import add_span
from helpers import MakeCorpus

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TEXT = "Dam report\nEngineers reportedly said the old dam may fail within 5 years, according to the report.\n"
DETECTOR = "rule:hedge-lexicon@1"
PATIENCE_SECONDS = 60  # how long to wait for the screen to show something (generous: the machine is shared)


class Terminal:
    """One tmux server of our own (its own socket), running one command in a 120x40 window."""

    def __init__(self, command: str) -> None:
        self.socket = f"belarus-corpus-test-{uuid.uuid4().hex[:12]}"
        self.tmux("new-session", "-d", "-s", "review", "-x", "120", "-y", "40", command)

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "review")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "review", *keys)

    def wait_for(self, text: str, after: int = 0) -> str:
        """The screen once ``text`` appears on it (counting only occurrences after the first ``after``)."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while True:
            screen = self.screen()
            if screen.count(text) > after:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen:\n{screen}")
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    corpus = make_corpus({"dam.txt": TEXT})
    for quote, layer, type_ in (("old dam", "claim", "event"), ("reportedly", "hedge", "reportative"),
                                ("according to the report", "hedge", "reportative")):
        add_span(corpus, "dam", layer=layer, type_=type_, quote=quote, status="suggested", annotator=DETECTOR,
                 method=DETECTOR)
    return corpus


@pytest.fixture
def terminal(corpus: Corpus) -> Iterator[Terminal]:
    package_parent = Path(belarus_corpus.__file__).resolve().parent.parent
    program = "from belarus_corpus.cli import main; main()"
    command = (f"env PYTHONPATH={shlex.quote(str(package_parent))} BELARUS_CORPUS_ANNOTATOR=tmux-reviewer "
               f"{shlex.quote(sys.executable)} -c {shlex.quote(program)} review dam "
               f"--root {shlex.quote(str(corpus.root))}; echo REVIEW-EXITED-$?; sleep 600")
    screen = Terminal(command)
    try:
        yield screen
    finally:
        screen.close()


def statuses(corpus: Corpus) -> dict[str, tuple[str, str, str]]:
    return {s.text: (s.status, s.type, s.annotator) for s in corpus.annotations("dam").spans}


def test_review_in_a_terminal_with_single_keys(corpus: Corpus, terminal: Terminal) -> None:
    screen = terminal.wait_for("[1/3]")
    assert "Engineers [reportedly] said" in screen and "[a]ccept" in screen
    terminal.keys("r")
    assert "[2/3]" in terminal.wait_for("[old dam]")  # the item line is drawn after the counter: wait for it
    terminal.keys("?")
    assert "widen at the start by one word" in terminal.wait_for("keys:")
    terminal.keys(">")
    terminal.wait_for("[old dam may]")
    terminal.keys("t")
    terminal.wait_for("new type")
    terminal.keys("prediction", "Enter")
    terminal.wait_for("claim/prediction")
    terminal.keys("a")
    terminal.wait_for("[3/3]")
    terminal.keys("b")
    terminal.wait_for("[2/3]", after=4)  # shown again (it was shown after r, ?, > and t)
    terminal.keys("a")
    terminal.wait_for("[3/3]", after=1)
    terminal.keys("q")
    screen = terminal.wait_for("REVIEW-EXITED-0")
    assert "2 accepted, 1 rejected, 2 edited, 0 skipped, 1 undone" in screen
    assert statuses(corpus) == {"reportedly": ("rejected", "reportative", DETECTOR),
                                "old dam may": ("gold", "prediction", "tmux-reviewer"),
                                "according to the report": ("suggested", "reportative", DETECTOR)}
