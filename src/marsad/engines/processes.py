"""The local engine on worker processes: the map over this machine's cores.

Workers come from a fork server that has imported marsad once, so each starts in milliseconds and loads its models
on first use; they live until the engine is closed, so the map step and the per-event stages of one run share them.
Small work (under INLINE_BELOW items) runs in this process: a handful of articles is not worth starting workers.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from marsad.collector import collect_as_batch_job
from marsad.engines.batches import BatchEngine
from marsad.errors import EngineError

BATCH_SIZE = 16
INLINE_BELOW = 100  # fewer items than this run in this process (when no worker is up yet): starting costs ~2 s
IN_FLIGHT_PER_WORKER = 3


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare_worker() -> None:
    """In a worker: numerical libraries on one thread, as the workers already take one core each (their idle
    BLAS threads otherwise spin on the cores the other workers need); the collector as for a batch job."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    collect_as_batch_job()


class ProcessEngine(BatchEngine):
    """Batches on a pool of `workers` processes, results in input order."""

    def __init__(self, workers: int, batch_size: int = BATCH_SIZE, inline_below: int = INLINE_BELOW) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self.inline_below = inline_below
        self._pool: ProcessPoolExecutor | None = None

    def __call__(self, function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        try:
            yield from super().__call__(function, items)
        except BrokenProcessPool as exc:
            self.close()
            raise EngineError("a worker process died (killed by the system, perhaps out of memory); the articles "
                              "stored so far are kept: run again to go on, or with fewer --workers") from exc

    @property
    def started(self) -> bool:
        return self._pool is not None

    def _start(self) -> Callable[..., Future]:
        if self._pool is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["marsad.pipeline"])
            else:  # Windows
                context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=prepare_worker)
        return self._pool.submit

    def window(self) -> int:
        return IN_FLIGHT_PER_WORKER * self.workers

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
