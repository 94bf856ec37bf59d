"""The FastAPI application: the store's latest analysis as pages and a JSON API, read-only."""
from __future__ import annotations

import threading
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from jinja2 import PackageLoader
from starlette.exceptions import HTTPException

from marsad.export.report import environment
from marsad.export.views import DocumentView
from marsad.store import open_reader
from marsad.store.rows import current
from marsad.store.source import StoreSource
from marsad.store.sqlite import SearchQuery, SQLiteStore
from marsad.web import api, pages, security
from marsad.web.search import Results, search

if TYPE_CHECKING:
    from marsad.store.postgres import PostgresStore

MESSAGES = {404: "الصفحة غير موجودة", 422: "طلب غير صالح: راجع قيم البحث", 500: "حدث خطأ في الخادم"}


class Data:
    """The read-only store (an SQLite file or a PostgreSQL database) and a view of its latest analysis, made anew
    when `analyze` stores a newer one.

    The view reads the store by id (`store.source.StoreSource`), keeping in memory only what listings need; a store
    written by an older version (rows without references) is read whole instead. A new view is made on a side
    thread while requests go on with the one they had: a monitor's cycle never makes readers wait (only the very
    first load does)."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        self.store = open_reader(self.db)
        self._lock = threading.Lock()  # one connection, shared by the server's threads
        self._version = -1
        self._view = DocumentView({})
        self._reloading: threading.Thread | None = None

    def view(self) -> DocumentView:
        with self._lock:
            version = self.store.analysis_version()
            if version != self._version and self._version < 0:
                self._view = self._read(self.store)
                self._version = version
            elif version != self._version and not (self._reloading and self._reloading.is_alive()):
                self._reloading = threading.Thread(target=self._reload, name="reload-analysis", daemon=True)
                self._reloading.start()
            return self._view

    def wait_for_reload(self, timeout: float | None = None) -> None:
        """Block until a reload under way is done (for tests and tools)."""
        if self._reloading:
            self._reloading.join(timeout)

    def _reload(self) -> None:
        with open_reader(self.db) as store:
            version = store.analysis_version()
            view = self._read(store)
        with self._lock:
            self._view, self._version = view, version

    def _read(self, store: SQLiteStore | PostgresStore) -> DocumentView:
        """A view of the store's analysis: by id when its rows carry references, else the whole document."""
        if current(store.analysis_header()):
            return DocumentView(StoreSource(self.db))
        return DocumentView(store.get_analysis() or {})

    def search(self, query: SearchQuery, limit: int = 50, offset: int = 0) -> Results:
        view = self.view()
        with self._lock:
            return search(self.store, view, query, limit, offset)


def create_app(db: str | Path, token: str | None = None, *,
               rate_limit: security.RateLimit | None = security.DEFAULT_RATE_LIMIT,
               allowed_hosts: Collection[str] | None = None) -> FastAPI:
    """The web app over the store at `db`; with `token`, every request must present it.

    `rate_limit`: per-client requests (None: unlimited; loopback exempt unless it says otherwise);
    `allowed_hosts`: the names a request's Host header may give (None: any; see `security.install`).
    """
    app = FastAPI(title="marsad", summary="Arabic news analysis: stories, events, entities, search.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.data = Data(db)
    app.state.templates = environment(PackageLoader("marsad.web", "templates"))
    security.install(app, token, error_response, rate_limit=rate_limit, allowed_hosts=allowed_hosts)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    return app


def error_response(request: Request, status: int, message: str) -> Response:
    """An error as JSON under /api, as an Arabic page elsewhere."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": message}, status_code=status)
    return pages.render(request, "error.html.j2", status=status, status_code=status, message=message)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else None
    response = error_response(request, exc.status_code, detail or MESSAGES.get(exc.status_code, "طلب مرفوض"))
    response.headers.update(exc.headers or {})
    return response


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    return error_response(request, 422, MESSAGES[422])
