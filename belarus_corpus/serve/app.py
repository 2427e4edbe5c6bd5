"""The application: a ``Workspace`` (corpus, annotator, decisions file, secrets), the Starlette app over it, and
running it with uvicorn on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..layout import check_doc_id
from .security import Secrets

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from ..corpus import Corpus

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
DEFAULT_DECISIONS = "curation/decisions.jsonl"


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8642
    annotator: str | None = None
    decisions: str = DEFAULT_DECISIONS
    token: str | None = None


@dataclass
class Workspace:
    corpus: Corpus
    annotator: str
    decisions: Path
    keys: Secrets = field(default_factory=Secrets.new)

    @classmethod
    def open(cls, corpus: Corpus, options: ServeOptions) -> Workspace:
        from ..annotate.records import check_annotator

        decisions = corpus.layout.inside(corpus.root / options.decisions)
        return cls(corpus, check_annotator(options.annotator), decisions, Secrets.new(options.token))

    def curation_view(self, annotators: list[str], strategy: str | None, doc_id: str | None = None) -> Any:
        from ..curate.decisions import read_decisions
        from ..curate.engine import curate
        from ..curate.strategies import parse_strategy
        from .curation import curation_view

        result = None
        if annotators:
            chosen = parse_strategy(strategy or "unanimous", len(set(annotators)))
            result = curate(self.corpus, tuple(annotators), chosen, read_decisions(self.decisions), None,
                            self.corpus.layout.relative(self.decisions))
        return curation_view(self.corpus, result, self.decisions, check_doc_id(doc_id) if doc_id else None)

    def app(self, hosts: frozenset[str] = LOCAL_HOSTS) -> Any:
        from starlette.applications import Starlette

        from .routes import routes
        from .security import Guard

        inner: Starlette = Starlette(routes=routes(self))
        return Guard(inner, self.keys, hosts)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


def url_of(sock: socket.socket, keys: Secrets) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={keys.token}"


def serve(corpus: Corpus, options: ServeOptions, announce: Callable[[str], None] = print) -> None:
    """Bind, print the address with its token, and serve until interrupted."""
    import uvicorn

    workspace = Workspace.open(corpus, options)
    sock = bind(options.host, options.port)
    hosts = LOCAL_HOSTS | {options.host, f"[{options.host}]"}
    announce(url_of(sock, workspace.keys))
    config = uvicorn.Config(workspace.app(hosts), log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
