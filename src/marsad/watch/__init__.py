"""Watching: poll RSS/Atom feeds and folders, take in only what is new, and place it into the stored events.

Each round fetches every feed conditionally (ETag, Last-Modified) and lists every folder (path, mtime, size); what
each source looked like is kept in the store (`watch:SOURCE` states), so a restarted watcher goes on where it
stopped. New and changed articles go through the pipeline together; the pipeline keeps the event clustering state in
the store, so they join existing events and stories. A source that fails is reported and tried again next round.
"""
from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from itertools import chain, count
from pathlib import Path
from typing import Any

from marsad.collector import settle_round
from marsad.errors import ConfigError
from marsad.pipeline import Engine, analyze_documents, local_engine
from marsad.store import Store, content_hash
from marsad.store.warm import WarmStore
from marsad.types import Analysis, RawDocument, Rejected
from marsad.watch.feeds import FetchError, Validators, feed_documents, fetch_feed, is_feed_url
from marsad.watch.folders import changed_documents, signatures

__all__ = ["parse_interval", "poll_once", "watch"]

STATE_PREFIX = "watch:"
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
FULL_SETTLING = 48  # rounds between the settlings that collect every object (`settle_round`)
Report = Callable[[str], None]
Polled = tuple[Iterable[RawDocument | Rejected], Any]  # the source's documents to consider, its state to keep


def _to_stderr(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr, flush=True)


def parse_interval(text: str) -> float:
    """Seconds in an interval such as `90`, `30s`, `10m`, `1.5h` or `1d`."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match or float(match[1]) <= 0:
        raise ConfigError(f"not an interval: {text!r} (expected e.g. 90, 30s, 10m, 1h)")
    return float(match[1]) * UNITS[match[2]]


def watch(sources: list[str], store: Store | WarmStore, every_seconds: float, rounds: int | None = None, *,
          engine: Engine = local_engine, report: Report = _to_stderr,
          on_round: Callable[[int, Analysis | None], None] | None = None) -> None:
    """Poll `sources` (feed URLs, folders, files) every `every_seconds`, for `rounds` rounds or for ever. After
    each round what it left in memory is settled (`settle_round`: the cycle collector's later passes skip it)."""
    for number in count(1):
        started = time.monotonic()
        analysis = poll_once(sources, store, engine=engine, report=report)
        if on_round:
            on_round(number, analysis)
        settle_round(full=number % FULL_SETTLING == 0)
        if rounds is not None and number >= rounds:
            return
        time.sleep(max(0.0, every_seconds - (time.monotonic() - started)))


def poll_once(sources: list[str], store: Store | WarmStore, *, engine: Engine = local_engine,
              report: Report = _to_stderr) -> Analysis | None:
    """One round: what is new in every source, analysed together; None when nothing was new."""
    found: list[Iterable[RawDocument | Rejected]] = []
    states: dict[str, Any] = {}
    for source in sources:
        polled = _poll(source, store.get_state(STATE_PREFIX + source), report)
        if polled is not None:
            found.append(polled[0])
            states[STATE_PREFIX + source] = polled[1]
    new = _new_only(chain.from_iterable(found), store, report)
    first = next(new, None)
    analysis = None
    if first is not None:
        try:
            analysis = analyze_documents(chain([first], new), store, engine=engine,
                                         on_problem=lambda problem: report(f"skipped {problem.path}: {problem.reason}"))
        except BaseException:
            if isinstance(store, WarmStore):
                store.forget()  # what it kept may be half way through the round
            raise
    for name, state in states.items():  # only once analysed: a watcher killed mid-round redoes the round
        store.put_state(name, state)
    return analysis


def _poll(source: str, state: Any, report: Report) -> Polled | None:
    """A source's documents to consider and its new state, or None when it is unchanged or failed."""
    if is_feed_url(source):
        try:
            fetched = fetch_feed(source, Validators(**(state or {})))
        except FetchError as exc:
            report(f"cannot fetch {source}: {exc}")
            return None
        if fetched.body is None:
            return None
        return feed_documents(source, fetched.body), asdict(fetched.validators)
    path = Path(source)
    if not path.exists():
        report(f"cannot watch {source}: no such file or folder")
        return None
    now, before = signatures(path), state or {}
    return (changed_documents(path, now, before), now) if now != before else None


def _new_only(items: Iterable[RawDocument | Rejected], store: Store, report: Report) -> Iterator[RawDocument]:
    """Documents not already stored with the same content; unreadable ones are reported here."""
    for item in items:
        if isinstance(item, Rejected):
            report(f"skipped {item.path}: {item.reason}")
        elif store.stored_hash(item.id) != content_hash(item):
            yield item
