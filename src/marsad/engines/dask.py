"""The Dask engine: the map step (`process_document`) over batches of documents on `dask.distributed`.

Documents are read lazily and sent in batches (a task per batch keeps Dask's per-task overhead small); at most a
few batches per worker are in flight, so memory stays flat however large the input. Results come back in input
order, so the store and the corpus stages see the same sequence as with the local engine. Workers must be able to
import marsad (the same version): a `LocalCluster` inherits this environment; a remote cluster needs it installed.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from marsad.extract.entities import load_tagger
from marsad.pipeline import Engine, Processed, process_document
from marsad.types import RawDocument, Rejected

BATCH_SIZE = 200
LOCAL_WORKERS = 2
IN_FLIGHT_PER_WORKER = 2  # enough to keep a worker busy while its last result travels back


class LoadModels(WorkerPlugin):
    """Loads the NER model as each worker starts (`load_tagger` keeps it for the life of the worker process)."""

    name = "marsad-load-models"

    def setup(self, worker: Any) -> None:
        load_tagger()


def process_batch(batch: list[RawDocument]) -> list[Processed | Rejected]:
    """One task: the map step over a batch of documents, in order."""
    return [process_document(raw) for raw in batch]


def dask_engine(scheduler: str | None = None, *, batch_size: int = BATCH_SIZE) -> Engine:
    """An engine on the Dask scheduler at `scheduler`, or on a `LocalCluster` of processes started for the run
    (and closed after it) when None. No cluster is started when nothing is left to process."""
    def run(documents: Iterable[RawDocument]) -> Iterator[Processed | Rejected]:
        batches = _batches(documents, batch_size)
        first = next(batches, None)
        if first is None:
            return
        with _client(scheduler) as client:
            client.register_plugin(LoadModels())
            window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
            yield from _in_order(client, chain([first], batches), window)
    return run


@contextmanager
def _client(scheduler: str | None) -> Iterator[Client]:
    """A client to the given scheduler, or to a local cluster of single-threaded worker processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _batches(documents: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _in_order(client: Client, batches: Iterator[list[RawDocument]], window: int) -> Iterator[Processed | Rejected]:
    """Submit batches keeping `window` in flight; yield each batch's results as soon as it and all before it are
    done."""
    pending: deque[Future] = deque()
    for batch in batches:
        pending.append(client.submit(process_batch, batch, pure=False))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
