"""Polling RSS/Atom feeds with conditional GET: the ETag and Last-Modified of the last answer are sent back, so an
unchanged feed costs one 304 and no parsing."""
from __future__ import annotations

import hashlib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.error import HTTPError

from marsad.ingest.files import MAX_BATCH_BYTES, read_bytes
from marsad.types import RawDocument, Rejected

FEED_SCHEMES = ("http://", "https://")
TIMEOUT_SECONDS = 30.0
USER_AGENT = "marsad-watch/0.1"


class FetchError(Exception):
    """A feed that could not be fetched this time (the watcher reports it and tries again next round)."""


@dataclass(frozen=True, slots=True)
class Validators:
    """What the server said identifies its last answer; sent back as If-None-Match / If-Modified-Since."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A feed's new body, or None when the server answered 304 Not Modified, and the validators to send next."""

    body: bytes | None
    validators: Validators


def is_feed_url(source: str) -> bool:
    return source.lower().startswith(FEED_SCHEMES)


def conditional_headers(validators: Validators) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def fetch_feed(url: str, validators: Validators, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET `url` conditionally; raises FetchError for anything but a 2xx answer or a 304."""
    request = urllib.request.Request(url, headers=conditional_headers(validators))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BATCH_BYTES + 1)
            answered = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except HTTPError as exc:
        if exc.code == 304:
            return Fetched(None, validators)
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections, malformed URLs
        raise FetchError(str(getattr(exc, "reason", exc))) from exc
    if len(body) > MAX_BATCH_BYTES:
        raise FetchError(f"feed larger than {MAX_BATCH_BYTES / 1e6:.0f} MB")
    return Fetched(body, answered)


def feed_documents(url: str, body: bytes) -> Iterator[RawDocument | Rejected]:
    """The feed's items through the same reader as a feed file (decoding, RSS/Atom); each item's path is
    `URL#n`. Items without an id or link get one made from the URL, so two feeds never share it."""
    stem = "feed-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return read_bytes(body, f"{stem}.xml", url)
