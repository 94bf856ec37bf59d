"""Batching shared by the engines that run work elsewhere: a task per batch, a bounded window in flight, results
in input order."""
from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from queue import SimpleQueue
from typing import Any, Protocol


class FutureLike(Protocol):
    """What `in_order` needs of a future (concurrent.futures and dask.distributed both have it)."""

    def result(self) -> Any: ...

    def done(self) -> bool: ...

    def add_done_callback(self, callback: Callable[[Any], Any]) -> None: ...


_STARTING = threading.Lock()  # two threads mapping at once (the linking, the comparisons) start one set of workers
HELD_PER_SLOT = 8  # finished batches held back per running one while an earlier batch is still running


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` in lists of `size` (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def apply_all(function: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    """One task: `function` over a batch, in order."""
    return [function(item) for item in batch]


def in_order(submit: Callable[[list[Any]], FutureLike], work: Iterable[list[Any]], window: int) -> Iterator[Any]:
    """Submit batches keeping `window` running; yield each batch's results once it and all before it are done.

    A new batch is submitted as soon as any running one finishes, so a slow batch at the head does not leave the
    other workers idle; the finished batches behind it wait (at most `HELD_PER_SLOT * window` of them).
    """
    finished: SimpleQueue[Any] = SimpleQueue()
    pending: deque[FutureLike] = deque()  # submitted, not yet yielded, in input order
    running = 0
    for batch in work:
        future = submit(batch)
        future.add_done_callback(finished.put)
        pending.append(future)
        running += 1
        while running >= window or len(pending) > HELD_PER_SLOT * window:
            finished.get()
            running -= 1
            while pending and pending[0].done():
                yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


class BatchEngine(ABC):
    """An engine that sends batches of work elsewhere: started at the first work it gets, kept until `close`
    (so the map step and the per-event stages share one set of workers), usable as a context manager."""

    batch_size: int
    inline_below = 1  # work of fewer items runs in this process when no worker is up (never worth starting them)

    def __call__(self, function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        iterator = iter(items)
        head = list(islice(iterator, self.inline_below))
        if len(head) < self.inline_below and not self.started:
            yield from apply_all(function, head)
            return
        with _STARTING:
            submit = self._start()
        work = batches(chain(head, iterator), self.batch_size)
        yield from in_order(lambda batch: submit(apply_all, function, batch), work, self.window())

    @property
    @abstractmethod
    def started(self) -> bool:
        """Whether workers are up."""

    @abstractmethod
    def _start(self) -> Callable[..., FutureLike]:
        """Start the workers if needed; return their submit(function, *args)."""

    @abstractmethod
    def window(self) -> int:
        """How many batches to keep in flight."""

    @abstractmethod
    def close(self) -> None:
        """Stop what `_start` started."""

    def __enter__(self) -> BatchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
