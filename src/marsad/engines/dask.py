"""The Dask engine: the map step and the per-event stages over batches on `dask.distributed`.

Documents are read lazily and sent in batches (a task per batch keeps Dask's per-task overhead small); at most a
few batches per worker are in flight, so memory stays flat however large the input. Results come back in input
order, so the store and the corpus stages see the same sequence as with the local engine. Workers must be able to
import marsad (the same version): a `LocalCluster` inherits this environment; a remote cluster needs it installed.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from marsad.engines.batches import BatchEngine
from marsad.engines.processes import prepare_worker
from marsad.extract.ner.mentions import load_tagger

BATCH_SIZE = 200
LOCAL_WORKERS = 2
IN_FLIGHT_PER_WORKER = 2  # enough to keep a worker busy while its last result travels back


class LoadModels(WorkerPlugin):
    """Loads the NER model as each worker starts (`load_tagger` keeps it for the life of the worker process) and
    sets the worker up as the local engine does its own (`prepare_worker`)."""

    name = "marsad-load-models"

    def setup(self, worker: Any) -> None:
        prepare_worker()
        load_tagger()


class DaskEngine(BatchEngine):
    """Batches on the Dask scheduler at `scheduler`, or on a `LocalCluster` of single-threaded processes started
    at the first work (and closed with the engine) when None. Nothing is started when there is nothing to do."""

    def __init__(self, scheduler: str | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.scheduler = scheduler
        self.batch_size = batch_size
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    @property
    def started(self) -> bool:
        return self._client is not None

    def _start(self) -> Callable[..., Future]:
        if self._client is None:
            if not self.scheduler:
                self._cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
            self._client = Client(self.scheduler or self._cluster)
            self._client.register_plugin(LoadModels())
        client = self._client
        return lambda function, *args: client.submit(function, *args, pure=False)

    def window(self) -> int:
        workers = len(self._client.scheduler_info()["workers"]) if self._client else 1
        return IN_FLIGHT_PER_WORKER * max(1, workers)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def dask_engine(scheduler: str | None = None, *, batch_size: int = BATCH_SIZE) -> DaskEngine:
    """An engine on the Dask scheduler at `scheduler` (None: a local cluster started for the run)."""
    return DaskEngine(scheduler, batch_size)
