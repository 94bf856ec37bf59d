"""The local engine on worker processes: the map over this machine's cores.

Workers come from a fork server that has imported marsad once, so each starts in milliseconds and loads its models
on first use; they live until the engine is closed, so the map step and the per-event stages of one run share them.
Small work (under INLINE_BELOW items) runs in this process: a handful of articles is not worth starting workers.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import Any

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


GC_THRESHOLDS = (100_000, 50, 100)  # allocations before a young collection, and how often older ones follow


def prepare_worker() -> None:
    """In a worker: numerical libraries on one thread, as the workers already take one core each (their idle
    BLAS threads otherwise spin on the cores the other workers need); the collector as for a batch job."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    collect_as_batch_job()


def collect_as_batch_job() -> None:
    """Python's cycle collector at thresholds for a batch job: at its defaults (700, 10, 10) it took a fifth of a
    worker's time comparing events and a tenth of the main process's clustering them; cycles are still
    collected. The C allocator gives freed memory back as a batch job needs (`_allocate_as_batch_job`)."""
    gc.set_threshold(*GC_THRESHOLDS)
    _allocate_as_batch_job()


def settle_round(full: bool = False) -> None:
    """After a watcher's round: what survived it joins the objects Python's cycle collector no longer examines
    (`gc.freeze`), so its collections walk only what the next rounds make, never the warm store (at 30,000 stored
    articles ~6 million objects: an older generation's collection took 1.2-3.2 s of CPU, and comes more rarely but
    longer as the store grows). The few cycles a round leaves (~350 objects a round at 30,000 stored) wait for a
    `full` settling, which collects everything first: for the time between rounds."""
    if full:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


M_MMAP_THRESHOLD, M_ARENA_MAX = -3, -8  # glibc's mallopt parameters (malloc.h)
MAPPED_FROM = 128 * 1024  # bytes: larger blocks are mapped on their own, and unmapped when freed
ARENAS = 2


def _allocate_as_batch_job() -> None:
    """glibc's allocator (Linux) with a fixed threshold for mapping a block on its own: by default it rises to
    the largest block freed (up to 32 MiB), so the large buffers a stage drops (work pickled for a worker, rows
    written, JSON) stay in the heap as holes; and with at most two arenas (each thread that allocates gets its
    own). A batch of 4,000 SaudiNewsNet articles peaked at 728 MiB against 849 (602 against 715 while linking and
    clustering). Elsewhere nothing changes."""
    with suppress(OSError, AttributeError):  # not glibc
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, MAPPED_FROM)
        libc.mallopt(M_ARENA_MAX, ARENAS)


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
