"""Engines, chosen by name: `local` (this machine: this process, or worker processes on its cores) or `dask`.

An engine is an ordered map: `engine(function, items)` yields `function(item)` for each item, in input order. The
pipeline uses it for the map step (clean + per-article stages) and for the per-event comparison; the other
cross-document stages run in the calling process. Engines that start workers are context managers: close them
(or use `with`) when the run is over.
"""
from __future__ import annotations

from marsad.collector import collect_as_batch_job, settle_round
from marsad.engines.batches import BatchEngine
from marsad.engines.processes import ProcessEngine, default_workers
from marsad.errors import ConfigError
from marsad.pipeline import Engine, local_engine

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "ProcessEngine", "collect_as_batch_job", "default_workers", "close_engine", "make_engine",
           "settle_round"]


def make_engine(name: str, scheduler: str | None = None, workers: int | None = None) -> Engine:
    """The engine called `name`; `scheduler` is a Dask scheduler address (None: a local cluster); `workers` the
    local engine's processes (None: one per core; 1: this process only)."""
    if name == "local":
        if scheduler:
            raise ConfigError(f"a scheduler address ({scheduler!r}) needs the dask engine, not {name!r}")
        workers = default_workers() if workers is None else workers
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {workers}")
        return local_engine if workers == 1 else ProcessEngine(workers)
    if name == "dask":
        if workers is not None:
            raise ConfigError("--workers is for the local engine; a Dask cluster has its own workers")
        from marsad.engines.dask import dask_engine  # dask is an optional dependency (the `distributed` extra)

        return dask_engine(scheduler)
    raise ConfigError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def close_engine(engine: Engine) -> None:
    """Stop the workers an engine started, if any."""
    if isinstance(engine, BatchEngine):
        engine.close()
