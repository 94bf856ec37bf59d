"""How this process's memory is collected and allocated: Python's cycle collector set for a batch job, the rounds of
a watcher and what is loaded from the store settled out of its passes, and glibc's allocator giving freed memory
back."""
from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager, suppress

GC_THRESHOLDS = (100_000, 50, 100)  # allocations before a young collection, and how often older ones follow


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


@contextmanager
def loaded_for_good() -> Iterator[None]:
    """Around reading what stays in memory for the rest of the run (the stored corpus): the cycle collector waits,
    and what was read is then left out of its passes (`gc.freeze`), as `settle_round` leaves a round's survivors,
    so no later collection walks it again (the first round over 30,000 stored articles: 104 young and 2 older
    collections, 4.4 s of CPU, against 88 and 1, 3.5 s). Cycles among what was read, should any become garbage,
    wait for a full settling (`settle_round`) or the end of the run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


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
