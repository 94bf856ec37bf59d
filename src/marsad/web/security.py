"""What every request and response goes through: a rate limit, read-only methods, size limits, the Host header, a
token, and security headers (on every response, errors included)."""
from __future__ import annotations

import hmac
import logging
import math
import re
from collections.abc import Awaitable, Callable, Collection
from urllib.parse import urlencode

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse, RedirectResponse

from marsad.web.limits import Buckets, RateLimit

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
_log = logging.getLogger("marsad.web")
DEFAULT_RATE_LIMIT = RateLimit()


def host_name(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def valid_id(item_id: str) -> bool:
    """Ids are single path segments of word characters, dots, tildes and dashes; never `..`."""
    return bool(_ID.match(item_id)) and ".." not in item_id


def install(app: FastAPI, token: str | None, error: ErrorPage, *, rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
            allowed_hosts: Collection[str] | None = None) -> None:
    """Guard every request (see `refusal`) and add the security headers to every response, a crash's included.

    `allowed_hosts`: the names the Host header may carry (None: any); a loopback server names only loopback, so a
    web page whose DNS name was rebound to 127.0.0.1 cannot read it.
    """
    buckets = Buckets(rate_limit) if rate_limit else None
    hosts = frozenset(h.lower().strip("[]") for h in allowed_hosts) if allowed_hosts is not None else None

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        wait = buckets.wait(request.client.host if request.client else None) if buckets else 0.0
        if wait:
            response = _with(error(request, 429, "طلبات كثيرة: أعد المحاولة بعد قليل"),
                             **{"Retry-After": str(math.ceil(wait))})
        elif hosts is not None and host_name(request.headers.get("host", "")) not in hosts:
            response = error(request, 400, "اسم الخادم في الطلب غير مقبول")
        else:
            response = refusal(request, token, error) or await _served(request, call_next, error)
        response.headers.update(HEADERS)
        return response


async def _served(request: Request, call_next: Callable[[Request], Awaitable[Response]], error: ErrorPage) -> Response:
    """The app's response; a crash becomes a 500 page (logged) that still gets the security headers."""
    try:
        return await call_next(request)
    except Exception:
        _log.exception("error serving %s", request.url.path)
        try:
            return error(request, 500, "حدث خطأ في الخادم")
        except Exception:
            return PlainTextResponse("500", status_code=500)


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
