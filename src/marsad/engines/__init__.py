"""Engines for the map step (clean + per-article stages), chosen by name: `local` (this process) or `dask`.

An engine takes the documents left to process and yields, in input order, each one's `Processed` result or
`Rejected` record (`marsad.pipeline.Engine`). Cross-document stages always run in the calling process.
"""
from __future__ import annotations

from marsad.errors import ConfigError
from marsad.pipeline import Engine, local_engine

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "make_engine"]


def make_engine(name: str, scheduler: str | None = None) -> Engine:
    """The engine called `name`; `scheduler` is a Dask scheduler address (None: a local cluster)."""
    if name == "local":
        if scheduler:
            raise ConfigError(f"a scheduler address ({scheduler!r}) needs the dask engine, not {name!r}")
        return local_engine
    if name == "dask":
        from marsad.engines.dask import dask_engine  # dask is an optional dependency (the `distributed` extra)

        return dask_engine(scheduler)
    raise ConfigError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
