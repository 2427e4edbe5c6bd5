"""A corpus made for the web tests, and the workspace served by uvicorn in a thread on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from belarus_corpus import Corpus
from belarus_corpus.serve.app import ServeOptions, Workspace, bind, make_app

REPO = Path(__file__).resolve().parents[2]
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
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schema", root / "schema", dirs_exist_ok=True)
    sources = root.parent / (root.name + "-sources")
    sources.mkdir(exist_ok=True)
    paths = []
    for name, content in files.items():
        path = sources / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(path)
    corpus = Corpus(root)
    corpus.ingest(paths)
    return corpus


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

    workspace = Workspace.open(corpus, ServeOptions(annotator=annotator))
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
