"""The local engine on worker processes gives the same analysis as one process, in input order."""
from __future__ import annotations

import gc
import operator
import os
import weakref
from pathlib import Path

import pytest
from threadpoolctl import threadpool_info

from marsad.collector import GC_THRESHOLDS, loaded_for_good, settle_round
from marsad.engines import ProcessEngine, make_engine
from marsad.errors import ConfigError, EngineError
from marsad.export.analysis import to_document
from marsad.pipeline import Engine, analyze, local_engine
from marsad.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _analysis(db: Path, engine: Engine) -> dict[str, object]:
    with SQLiteStore(db) as store:
        return to_document(analyze([EXAMPLES], store, engine=engine))


def test_workers_give_the_same_analysis_as_one_process(tmp_path: Path) -> None:
    with ProcessEngine(2, batch_size=3, inline_below=1) as engine:
        on_workers = _analysis(tmp_path / "workers.db", engine)
        assert engine.started
    assert on_workers == _analysis(tmp_path / "local.db", local_engine)
    assert on_workers["articles"] and on_workers["claims"]


def test_results_come_back_in_input_order() -> None:
    with ProcessEngine(2, batch_size=2, inline_below=1) as engine:
        assert list(engine(abs, range(-20, 0))) == list(range(20, 0, -1))


def test_small_work_starts_no_worker() -> None:
    engine = ProcessEngine(2, inline_below=10)
    assert list(engine(abs, [-1, -2])) == [1, 2]
    assert not engine.started


def test_one_worker_means_this_process_and_bad_counts_are_refused() -> None:
    assert make_engine("local", workers=1) is local_engine
    with pytest.raises(ConfigError):
        make_engine("local", workers=0)
    with pytest.raises(ConfigError):
        make_engine("dask", workers=2)


def test_a_dead_worker_is_a_clear_error_not_a_traceback() -> None:
    with ProcessEngine(2, batch_size=1, inline_below=1) as engine:
        with pytest.raises(EngineError, match="worker process died"):
            list(engine(os._exit, [1, 1, 1]))  # the worker exits at once, as when the system kills it


def test_workers_run_numerical_libraries_on_one_thread() -> None:
    with ProcessEngine(2, batch_size=1, inline_below=1) as engine:
        seen = list(engine(operator.call, [threadpool_info] * 2))
    assert all(seen) and all(library["num_threads"] == 1 for libraries in seen for library in libraries)


def test_workers_collect_cycles_at_batch_thresholds() -> None:
    with ProcessEngine(2, batch_size=1, inline_below=1) as engine:
        assert list(engine(operator.call, [gc.get_threshold] * 2)) == [GC_THRESHOLDS] * 2


class _Node:
    """An object that can hold itself (a cycle only the collector frees)."""


def test_a_settled_round_is_left_to_a_full_settling() -> None:
    gc.unfreeze()
    try:
        node = _Node()
        node.itself = node  # type: ignore[attr-defined]
        gone = weakref.ref(node)
        settle_round()
        frozen = gc.get_freeze_count()
        del node
        gc.collect()
        assert frozen > 0 and gone() is not None  # frozen with its cycle: no collection examines it
        settle_round(full=True)
        assert gone() is None and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_what_is_loaded_for_good_is_read_without_collections_and_left_out_of_them() -> None:
    collections: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)
    gc.unfreeze()
    gc.callbacks.append(seen)
    try:
        with loaded_for_good():
            assert not gc.isenabled()
            kept = [[n] for n in range(300_000)]  # more than a young generation's threshold
        assert gc.isenabled() and not collections and gc.get_freeze_count() >= len(kept)
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()


def test_the_batch_commands_collect_as_batch_jobs() -> None:
    from marsad.cli import _engine

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with _engine("local", None, 1):
            assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
