"""Per-client rate limits as token buckets (no web framework needed: `bind` and the CLI use them too)."""
from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most `requests` per `seconds` from one client (an IPv4 address or an IPv6 /64), as a token bucket.

    Loopback clients are exempt unless `limit_loopback` is set: on the default loopback bind the only client is the
    machine's own user (and a reverse proxy on the same host would make every client look alike).
    """

    requests: int = 120
    seconds: float = 10.0
    limit_loopback: bool = False

    @classmethod
    def parse(cls, spec: str, *, limit_loopback: bool = False) -> RateLimit | None:
        """`"120/10"` (requests per seconds) as a RateLimit; `"off"` or `"0"` as None. ValueError otherwise."""
        if spec.strip().lower() in ("off", "0", "none"):
            return None
        count, _, seconds = spec.partition("/")
        limit = cls(int(count), float(seconds or 1), limit_loopback)
        if limit.requests < 1 or not 0 < limit.seconds < 86_400:
            raise ValueError(f"rate limit must be REQUESTS/SECONDS with both positive, not {spec!r}")
        return limit


class Buckets:
    """Token buckets by client key; idle clients are forgotten first when more than `max_clients` are tracked."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic, max_clients: int = 10_000):
        self.limit, self.clock, self.max_clients = limit, clock, max_clients
        self.rate = limit.requests / limit.seconds
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)

    def wait(self, client: str | None) -> float:
        """0 when `client` may go on (a token is spent), else the seconds until it may."""
        if client is None or (not self.limit.limit_loopback and _is_loopback_address(client)):
            return 0.0
        key, now = client_key(client), self.clock()
        tokens, when = self._buckets.pop(key, (float(self.limit.requests), now))
        tokens = min(float(self.limit.requests), tokens + (now - when) * self.rate)
        allowed = tokens >= 1
        self._buckets[key] = (tokens - 1 if allowed else tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)  # least recently seen
        return 0.0 if allowed else (1 - tokens) / self.rate


def client_key(address: str) -> str:
    """The unit a limit applies to: an IPv4 address, an IPv6 /64 (one host usually holds a whole /64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def _is_loopback_address(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
