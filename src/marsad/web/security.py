"""What every request and response goes through: read-only methods, size limits, a token, security headers."""
from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse

ErrorPage = Callable[[Request, int, str], Response]

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
READ_METHODS = frozenset({"GET", "HEAD"})
MAX_BODY = 1024
MAX_TARGET = 2048
COOKIE = "marsad_token"
_ID = re.compile(r"^[\w.~-]{1,200}$")


def valid_id(item_id: str) -> bool:
    """Ids are single path segments of word characters, dots, tildes and dashes; never `..`."""
    return bool(_ID.match(item_id)) and ".." not in item_id


def install(app: FastAPI, token: str | None, error: ErrorPage) -> None:
    """Guard every request (see `refusal`) and add the security headers to every response."""

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = refusal(request, token, error) or await call_next(request)
        response.headers.update(HEADERS)
        return response


def refusal(request: Request, token: str | None, error: ErrorPage) -> Response | None:
    """The response refusing this request, or None when it may go on."""
    if request.method not in READ_METHODS:
        return _with(error(request, 405, "هذا التطبيق للقراءة فقط"), Allow="GET, HEAD")
    if len(request.url.path) + len(request.url.query) > MAX_TARGET:
        return error(request, 414, "العنوان أطول من المسموح")
    length = request.headers.get("content-length", "0")
    if "transfer-encoding" in request.headers or not length.isdigit() or int(length) > MAX_BODY:
        return error(request, 413, "الطلب أكبر من المسموح")
    if token is None:
        return None
    if "token" in request.query_params and _same(request.query_params["token"], token):
        return _remember(request, token)
    presented = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if _same(presented, token) or _same(request.cookies.get(COOKIE, ""), token):
        return None
    return _with(error(request, 401, "هذا الخادم يتطلب رمز دخول"), **{"WWW-Authenticate": "Bearer"})


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _remember(request: Request, token: str) -> Response:
    """A link carrying ?token= sets a cookie and redirects to the same page without the token in its address."""
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    response = RedirectResponse(request.url.path + ("?" + urlencode(rest) if rest else ""), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _with(response: Response, **headers: str) -> Response:
    response.headers.update(headers)
    return response
