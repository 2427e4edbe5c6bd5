"""The pages (HTML shells filled in by the vendored scripts) and the JSON API they call."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Callable
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import CorpusError
from ..layout import check_doc_id
from . import views
from .writes import Body, Writer

if TYPE_CHECKING:
    from .workspace import Workspace

HERE = Path(__file__).resolve().parent
STATUS_BY_CODE = {"stale-version": 409, "nothing-to-undo": 409, "undo-store-changed": 409, "span-in-use": 409,
                  "unknown-document": 404, "unknown-span": 404, "unsafe-doc-id": 400,
                  "path-escapes-root": 400, "store-locked": 503}
PAGES = {"overview": "Corpus overview", "document": "Document", "curate": "Curation", "search": "Search"}
SCRIPTS = {"document": ["edit", "document"]}  # a page's own scripts, in order (default: the page's name)


def problems_response(error: CorpusError) -> JSONResponse:
    status = STATUS_BY_CODE.get(error.code, 400 if error.exit_code == 2 else 422)
    return JSONResponse({"problems": [dataclasses.asdict(p) for p in error.problems]}, status_code=status)


def page(workspace: Workspace, name: str, **data: str) -> HTMLResponse:
    """A page shell: every value is HTML-escaped; the page's script reads the data-* attributes and the API."""
    template = Template((HERE / "templates" / "page.html").read_text(encoding="utf-8"))
    attributes = " ".join(f'data-{html.escape(k)}="{html.escape(v, quote=True)}"' for k, v in sorted(data.items()))
    scripts = "\n".join(f'<script src="/static/{script}.js"></script>' for script in SCRIPTS.get(name, [name]))
    filled = template.substitute(title=html.escape(PAGES[name]), page=name, csrf=workspace.keys.csrf, scripts=scripts,
                                 annotator=html.escape(workspace.annotator), data=attributes)
    return HTMLResponse(filled)


def routes(workspace: Workspace) -> list[Route | Mount]:
    corpus = workspace.corpus
    writer = Writer(corpus, workspace.writes, workspace.annotator, workspace.decisions)

    def guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        def run(request: Request) -> Response:
            try:
                result = handler(request)
            except CorpusError as error:
                return problems_response(error)
            return result if isinstance(result, Response) else JSONResponse(result)

        return run

    def writing(action: Callable[[Request, Body], Any]) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            try:
                raw = json.loads(await request.body() or b"null")
            except ValueError:
                raw = None

            def call() -> Response:
                try:
                    return JSONResponse(action(request, Body(raw)))
                except CorpusError as error:
                    return problems_response(error)

            return await run_in_threadpool(call)

        return run

    def viewer(request: Request) -> views.Viewer:
        flag = request.query_params.get
        return views.Viewer(workspace.annotator, flag("blind") == "1", flag("others") == "1",
                            flag("suggestions") == "1")

    def doc_id(request: Request) -> str:
        return check_doc_id(request.path_params["doc_id"], "<address>")

    def record_id(request: Request) -> str:
        return str(request.path_params["record_id"])

    def document_page(request: Request) -> Response:
        return page(workspace, "document", doc=doc_id(request))

    return [
        Route("/", guarded(lambda r: page(workspace, "overview"))),
        Route("/doc/{doc_id}", guarded(document_page)),
        Route("/curate", guarded(lambda r: page(workspace, "curate"))),
        Route("/search", guarded(lambda r: page(workspace, "search"))),
        Route("/api/overview", guarded(lambda r: views.overview(corpus))),
        Route("/api/taxonomy", guarded(lambda r: views.taxonomy_view(corpus.taxonomy))),
        Route("/api/doc/{doc_id}", guarded(lambda r: views.document_view(corpus, doc_id(r), viewer(r)))),
        Route("/api/doc/{doc_id}/version", guarded(lambda r: {"version": views.store_version(corpus, doc_id(r))})),
        Route("/api/search", guarded(lambda r: views.search(corpus, r.query_params.get("q", ""),
                                                            r.query_params.get("layer") or None))),
        Route("/api/curate", guarded(lambda r: workspace.curation_view(r.query_params.getlist("annotator"),
                                                                       r.query_params.get("strategy"),
                                                                       r.query_params.get("doc") or None))),
        Route("/api/doc/{doc_id}/spans", writing(lambda r, b: writer.add_span(doc_id(r), b)), methods=["POST"]),
        Route("/api/doc/{doc_id}/spans/{record_id}",
              writing(lambda r, b: writer.update_span(doc_id(r), record_id(r), b)), methods=["POST"]),
        Route("/api/doc/{doc_id}/records/{record_id}/remove",
              writing(lambda r, b: writer.remove(doc_id(r), record_id(r), b)), methods=["POST"]),
        Route("/api/undo", guarded(lambda r: {"last": writer.last_own()})),
        Route("/api/undo", writing(lambda r, b: writer.undo(b)), methods=["POST"]),
        Route("/api/doc/{doc_id}/review", writing(lambda r, b: writer.review(doc_id(r), b)), methods=["POST"]),
        Route("/api/doc/{doc_id}/relations", writing(lambda r, b: writer.relate(doc_id(r), b)), methods=["POST"]),
        Route("/api/doc/{doc_id}/progress", writing(lambda r, b: writer.progress(doc_id(r), b)), methods=["POST"]),
        Route("/api/curate/decisions", writing(lambda r, b: writer.decide(b)), methods=["POST"]),
        Route("/api/curate/gold", writing(lambda r, b: writer.write_gold(b)), methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
