"""The access token (in the printed URL, then a cookie), CSRF on writes, allowed Host names and the headers every
response carries. A pure ASGI middleware, so that nothing reaches a route without passing it."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ..codes import Code

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD"})
CSRF_HEADER = "x-csrf-token"
HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


@dataclass(frozen=True)
class Secrets:
    """The access token, the CSRF token derived from it, and the cookie name (one per token, since cookies are
    shared between ports of one host)."""

    token: str
    csrf: str
    cookie: str

    @classmethod
    def new(cls, token: str | None = None) -> Secrets:
        chosen = token or secrets.token_urlsafe(32)
        csrf = hmac.new(chosen.encode(), b"csrf", hashlib.sha256).hexdigest()
        return cls(chosen, csrf, "belarus_corpus_" + hashlib.sha256(chosen.encode()).hexdigest()[:12])

    def token_ok(self, candidate: str | None) -> bool:
        return candidate is not None and hmac.compare_digest(candidate.encode(), self.token.encode())

    def csrf_ok(self, candidate: str | None) -> bool:
        return candidate is not None and hmac.compare_digest(candidate.encode(), self.csrf.encode())


def _problem(status: int, code: Code, message: str, hint: str) -> tuple[int, bytes]:
    body = {"problems": [{"file": "<request>", "line": None, "code": code, "message": message, "hint": hint}]}
    return status, json.dumps(body).encode()


class Guard:
    """Refuses a request without the token (401), a write without the CSRF header (403) and a Host that is not
    this server's (403, against DNS rebinding); a first visit with ``?token=`` gets the cookie and a redirect to
    the same page without the token in its address."""

    def __init__(self, app: ASGIApp, keys: Secrets, hosts: frozenset[str]) -> None:
        self.app, self.keys, self.hosts = app, keys, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _respond(send, *refusal)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if any(k == "token" for k, _ in query) and scope["method"] in SAFE_METHODS:
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
            cookie = f"{self.keys.cookie}={self.keys.token}; Path=/; HttpOnly; SameSite=Strict"
            await _respond(send, 303, b"", [(b"location", location.encode()), (b"set-cookie", cookie.encode())])
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, bytes] | None:
        host = headers.get("host", "").rsplit(":", 1)[0] if not headers.get("host", "").startswith("[") \
            else headers.get("host", "").split("]")[0] + "]"
        if host not in self.hosts:
            return _problem(403, Code.HOST_NOT_ALLOWED, f"the Host {host!r} is not this server's",
                            "open the address that 'belarus-corpus serve' printed")
        if not self.keys.token_ok(self._token(scope, headers)):
            return _problem(401, Code.ACCESS_TOKEN_REQUIRED, "this server needs its access token",
                            "open the address with ?token=… that 'belarus-corpus serve' printed")
        if scope["method"] not in SAFE_METHODS and not self.keys.csrf_ok(headers.get(CSRF_HEADER)):
            return _problem(403, Code.CSRF_REFUSED, "a write without this page's CSRF token is refused",
                            "reload the page and make the change from it")
        return None

    def _token(self, scope: Scope, headers: dict[str, str]) -> str | None:
        query: bytes = scope.get("query_string", b"")
        for key, value in parse_qsl(query.decode("latin-1")):
            if key == "token":
                return value
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is no token
            return None
        morsel = cookie.get(self.keys.cookie)
        return morsel.value if morsel is not None else None


async def _respond(send: Send, status: int, body: bytes, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *HEADERS,
               *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
