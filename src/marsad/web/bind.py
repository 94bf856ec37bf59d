"""Where the web app may listen: loopback unless a token guards it (issue 10)."""
from __future__ import annotations

import ipaddress
from pathlib import Path

from marsad.web.limits import RateLimit

MIN_TOKEN_LENGTH = 16
DEFAULT_RATE_LIMIT = RateLimit()
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


class BindError(ValueError):
    """A host or token the server refuses to start with."""


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address, IPv6 possibly in brackets) is this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token, and refuse tokens too short to guard anything."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise BindError(f"--token must be at least {MIN_TOKEN_LENGTH} characters")
    if not is_loopback(host) and not token:
        raise BindError(f"refusing to listen on {host!r} without --token: only loopback (127.0.0.1, ::1, "
                        "localhost) is served without one")


def allowed_hosts(host: str) -> frozenset[str] | None:
    """Host header names a server bound to `host` answers: on loopback only loopback names (no DNS rebinding)."""
    return LOOPBACK_NAMES | {host.lower().strip("[]")} if is_loopback(host) else None


def serve(db: str | Path, host: str, port: int, token: str | None,
          rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT) -> None:
    """Run the app with uvicorn until interrupted."""
    try:
        import uvicorn

        from marsad.web.app import create_app
    except ImportError as exc:
        raise SystemExit(f"marsad serve needs the web extra (pip install 'marsad[web]'): {exc}") from exc
    check_bind(host, token)
    app = create_app(db, token=token, rate_limit=rate_limit, allowed_hosts=allowed_hosts(host))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False,
                h11_max_incomplete_event_size=16_384, timeout_keep_alive=5)
