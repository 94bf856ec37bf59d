"""The Dask engine gives the same analysis as the local one (one LocalCluster of two worker processes for the
module; the engine is given its scheduler address)."""
from __future__ import annotations

import gc
import operator
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.collector import GC_THRESHOLDS
from marsad.export.analysis import to_document
from marsad.pipeline import Engine, analyze, local_engine
from marsad.store import SQLiteStore

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (the distributed extra)")
from marsad.engines.dask import dask_engine  # noqa: E402  (needs distributed)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _analysis(paths: list[Path], db: Path, engine: Engine) -> dict[str, object]:
    with SQLiteStore(db) as store:
        return to_document(analyze(paths, store, engine=engine))


def _same_on_both(paths: list[Path], tmp_path: Path, scheduler: str) -> dict[str, object]:
    local = _analysis(paths, tmp_path / "local.db", local_engine)
    with dask_engine(scheduler, batch_size=3) as engine:
        on_dask = _analysis(paths, tmp_path / "dask.db", engine)
    assert on_dask == local
    return on_dask


def test_same_analysis_on_the_examples(tmp_path: Path, scheduler: str) -> None:
    document = _same_on_both([EXAMPLES], tmp_path, scheduler)
    assert document["articles"] and document["events"]


def test_same_analysis_on_the_seeds(tmp_path: Path, scheduler: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    _same_on_both([SEEDS], tmp_path, scheduler)


def test_nothing_left_to_do_starts_no_cluster(tmp_path: Path) -> None:
    engine = dask_engine(None)
    assert list(engine(len, iter([]))) == []
    assert not engine.started


def test_workers_are_set_up_as_the_local_engine_sets_up_its_own(scheduler: str) -> None:
    with dask_engine(scheduler, batch_size=1) as engine:
        thresholds = list(engine(operator.call, [gc.get_threshold] * 4))
    assert thresholds == [GC_THRESHOLDS] * 4
