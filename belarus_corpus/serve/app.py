"""The application (the Starlette routes behind the guard) and running it with uvicorn on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .security import Guard, Secrets
from .workspace import ServeOptions, Workspace

if TYPE_CHECKING:
    from ..reader import CorpusReader
    from .corpus_writes import CorpusWrites

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
__all__ = ["LOCAL_HOSTS", "ServeOptions", "Workspace", "bind", "make_app", "serve", "url_of"]


def make_app(workspace: Workspace, hosts: frozenset[str] = LOCAL_HOSTS) -> Any:
    from starlette.applications import Starlette

    from .routes import routes

    return Guard(Starlette(routes=routes(workspace)), workspace.keys, hosts)


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


def serve(corpus: CorpusReader, writes: CorpusWrites, options: ServeOptions,
          announce: Callable[[str], None] = print) -> None:
    """Bind, announce the address with its token, and serve until interrupted; reads go to ``corpus``, writes
    through ``writes`` (``Corpus.serve`` passes itself as both)."""
    import uvicorn

    workspace = Workspace.open(corpus, writes, options)
    sock = bind(options.host, options.port)
    hosts = LOCAL_HOSTS | {options.host, f"[{options.host}]"}
    announce(url_of(sock, workspace.keys))
    config = uvicorn.Config(make_app(workspace, hosts), log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
