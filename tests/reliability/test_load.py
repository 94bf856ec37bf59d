"""A bounded load test on loopback: 20 clients for 5 s (MARSAD_LOAD_CLIENTS, MARSAD_LOAD_SECONDS lengthen it)
against the event and search pages of `marsad serve`; no server error, no connection error, no 429."""
from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="the load test needs the web extra (uvicorn)")
CLIENTS = int(os.environ.get("MARSAD_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("MARSAD_LOAD_SECONDS", "5"))


def _benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
    spec = importlib.util.spec_from_file_location("marsad_load_benchmark", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


load = _benchmark()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`marsad serve` with its default settings (rate limit on, loopback exempt) over the analysed examples."""
    proc, address = load.start_server(load.build_store(tmp_path_factory.mktemp("load")))
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_concurrent_clients_get_no_errors(server: str, report: dict[str, Any]) -> None:
    tally = load.run_load(server, CLIENTS, SECONDS)
    figures = {"clients": CLIENTS, **tally.summary()}
    report[f"load: {CLIENTS} clients for {SECONDS:g} s on loopback"] = figures
    assert tally.errors == [], tally.errors[:5]
    assert figures["server_errors"] == 0 and set(tally.statuses) == {200}, tally.statuses  # no 5xx, no 429
    assert figures["requests"] >= CLIENTS * SECONDS  # at least one answer per client per second
