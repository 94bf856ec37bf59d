"""Where the web app may listen: loopback unless a token guards it (issue 10)."""
from __future__ import annotations

import ipaddress
from pathlib import Path

MIN_TOKEN_LENGTH = 16


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


def serve(db: Path, host: str, port: int, token: str | None) -> None:
    """Run the app with uvicorn until interrupted."""
    try:
        import uvicorn

        from marsad.web.app import create_app
    except ImportError as exc:
        raise SystemExit(f"marsad serve needs the web extra (pip install 'marsad[web]'): {exc}") from exc
    check_bind(host, token)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info", server_header=False,
                proxy_headers=False)
