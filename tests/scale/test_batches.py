"""Batches in flight: results in input order, and a slow batch at the head does not stop the others."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from marsad.engines.batches import in_order


def test_a_slow_first_batch_does_not_hold_back_the_next_submissions() -> None:
    """The first batch finishes only once the third has run: with the window full of the first two, the third
    must be submitted as soon as the second is done, not after the first."""
    third_ran = threading.Event()

    def run(batch: list[int]) -> list[tuple[int, bool]]:
        if batch == [0]:
            return [(0, third_ran.wait(timeout=10))]
        if batch == [2]:
            third_ran.set()
        return [(batch[0], True)]

    with ThreadPoolExecutor(2) as pool:
        results = list(in_order(lambda batch: pool.submit(run, batch), ([i] for i in range(6)), window=2))
    assert results == [(i, True) for i in range(6)]
