"""A corpus made for the web tests, and the workspace served by uvicorn in a thread on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from belarus_corpus import Corpus
from belarus_corpus.serve.app import ServeOptions, Workspace, bind, make_app
from helpers import corpus_from

OUTPUT = Path(__file__).resolve().parent / "output"  # screenshots for a person to look at (gitignored)

EMOJI = ("Leaders 👍🏽 met in Minsk, and q\u0303uiet talks followed 🇧🇾.\n"
         "Then the 🇺🇸 delegation signed a memorandum on potash transit.\n"
         "Officials said 52 prisoners were freed, and the envoy may return in May.\n")
CRLF = ("Envoy in Minsk\r\nBy Jane Roe\r\nThe caf\u0065\u0301 meeting ended late, officials said.\r\n"
        "Nearly 40 prisoners were freed on Thursday.\r\n").encode()
SCRIPT = ("A page about <script>window.__pwned = 1</script> tags.\n"
          "It quotes <img src=x onerror=\"window.__pwned = 2\"> as well.\n"
          "Nothing in it may run in the workspace.\n")
PLAIN = ("The envoy met the president on 3 March 2025, officials said. Nearly 40 prisoners were freed.\n"
         "Critics warn the thaw may not last, and analysts said sanctions relief could follow.\n"
         "The minister said the talks were constructive and would continue in Vilnius.\n")


def article(words: int) -> str:
    """A long plain article for the load test (one sentence a line)."""
    lines = [f"Sentence {n} says the talks in Minsk went on for another day." for n in range(words)]
    return "\n".join(lines) + "\n"


def make_corpus(root: Path, files: dict[str, str | bytes]) -> Corpus:
    """The shared maker (tests/helpers.py), at a root of the test's choosing (module-scoped servers need one)."""
    return corpus_from(root, files)


@dataclass
class Served:
    corpus: Corpus
    workspace: Workspace
    base: str
    port: int

    @property
    def token(self) -> str:
        return self.workspace.keys.token

    @property
    def csrf(self) -> str:
        return self.workspace.keys.csrf

    def request(self, method: str, path: str, body: Any = None, token: bool = True, csrf: bool = True,
                connection: http.client.HTTPConnection | None = None) -> tuple[int, Any]:
        """One request with the token as a bearer header (and the CSRF header on writes); (status, JSON)."""
        own = connection is None
        conn = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {self.token}"
        if csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        try:
            conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            if own:
                conn.close()
        return response.status, json.loads(data) if data and data[:1] in b"{[" else data.decode()


@contextmanager
def serving(corpus: Corpus, annotator: str = "web-tester") -> Iterator[Served]:
    import asyncio

    import uvicorn

    workspace = Workspace.open(corpus, corpus, ServeOptions(annotator=annotator))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(workspace), log_level="warning", access_log=False))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        threading.Event().wait(0.02)
    try:
        yield Served(corpus, workspace, f"http://127.0.0.1:{port}", port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def open_page(page: Any, served: Served, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    page.goto(f"{served.base}{path}{joiner}token={served.token}")
    page.wait_for_selector("body[data-ready='1']")


def shoot(page: Any, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"))


SELECT = """([start, end]) => {
  const box = document.getElementById('text');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0, node, range = document.createRange();
  while ((node = walker.nextNode())) {
    const length = node.textContent.length;
    if (start >= seen && start <= seen + length) range.setStart(node, start - seen);
    if (end >= seen && end <= seen + length) { range.setEnd(node, end - seen); break; }
    seen += length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges(); selection.addRange(range);
  box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def spans_of(served: Served, doc_id: str) -> dict[str, Any]:
    return {s.id: s for s in served.corpus.annotations(doc_id).spans}
