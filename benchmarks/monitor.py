"""marsad as a monitor: what a cycle of new articles costs as the store grows.

    python benchmarks/monitor.py ../shared/data/saudinewsnet [--sizes 1000 4000 16000 0] [--cycle 100]
                                 [--cycles 2] [--workers W] [--watch]

For each size (0: every article of the corpus but the cycles'), a fresh store is built from the corpus's first
articles, then `--cycles` cycles each add the next `--cycle` articles, then the same inputs are analysed again
(an unchanged rerun). Every step runs in its own process, as `marsad analyze` would (analysis stored for the app),
and prints its seconds, its peak memory (resident, MiB), the store's size on disk, and for a cycle how many of the
entities before it kept their id. With `--watch` the cycles run one after the other in one process through a warm
store, as `marsad watch` runs its rounds (the first cycle reads the store's states and corpus, the next ones only
what changed).
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path

from marsad.engines import close_engine, collect_as_batch_job, make_engine, settle_round
from marsad.ingest import read_inputs
from marsad.pipeline import REVISION, analyze_documents, publish
from marsad.store import SQLiteStore
from marsad.store.warm import WarmStore
from marsad.types import RawDocument


def documents(corpus: Path, start: int, stop: int) -> Iterator[RawDocument]:
    """The corpus's articles from `start` to `stop`, in file order."""
    found = (d for d in read_inputs(sorted(corpus.glob("*.zip"))) if isinstance(d, RawDocument))
    return islice(found, start, stop)


def steps(corpus: Path, ranges: list[tuple[int, int]], db: Path, workers: int | None, warm: bool,
          out: multiprocessing.Queue) -> None:
    """Analyse each range of articles into the store and publish the analysis, one after the other in this
    process; `warm`: through a `WarmStore`, as `marsad watch` runs its rounds (each round settled as it does).
    The process collects garbage as `marsad analyze` and `marsad watch` do."""
    collect_as_batch_job()
    engine = make_engine("local", workers=workers)
    try:
        with SQLiteStore(db) as stored:
            store = WarmStore(stored, REVISION) if warm else stored
            for start, stop in ranges:
                before = _entity_names(stored)
                found = list(documents(corpus, start, stop)) if start else documents(corpus, start, stop)
                started = time.perf_counter()  # a cycle's articles read before: they come as new files, not
                # by reading the corpus up to them; a run from the start reads its inputs as `marsad analyze` does
                result = analyze_documents(found, store, engine=engine)
                if not result.unchanged:
                    publish(store, result)
                if warm:
                    settle_round()  # as `marsad watch` does after each round
                seconds = time.perf_counter() - started
                after = _entity_names(stored)
                kept = sum(after.get(id_) == name for id_, name in before.items())
                with closing(sqlite3.connect(db)) as connection:  # its size as a closed store's, log written back
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                out.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         result.totals()["articles"], kept, len(before), store_size(db)))
    finally:
        close_engine(engine)


def _entity_names(store: SQLiteStore) -> dict[str, str]:
    """Each published entity's id and name (read by field: the analysis is never assembled whole, which would
    count in the step's peak memory)."""
    return {e["id"]: e["name"] for e in store.analysis_fields("entities", ("id", "name"))} if \
        store.analysis_header() else {}


def run(corpus: Path, ranges: list[tuple[int, int]], db: Path, workers: int | None, labels: list[str],
        warm: bool = False) -> None:
    """`steps` in a child process; one line per range: its seconds, the process's peak memory so far, the
    store's size, and for a cycle how many entities kept their id."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=steps, args=(corpus, ranges, db, workers, warm, out))
    child.start()
    for label in labels:
        seconds, peak, stored, kept, before, size = out.get()
        ids = f"  ids kept {kept}/{before}" if before and label.startswith("cycle") else ""
        print(f"{label:<22}{stored:>7} stored {seconds:>8.1f} s {peak:>8.0f} MiB peak {size:>8.1f} MiB store{ids}",
              flush=True)
    child.join()


def store_size(db: Path) -> float:
    """The store's files in MiB (its write-ahead log may come and go while a process works on it)."""
    total = 0
    for path in db.parent.glob(db.name + "*"):
        try:
            total += path.stat().st_size
        except FileNotFoundError:
            continue
    return total / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000, 0])
    parser.add_argument("--cycle", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=2)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--watch", action="store_true",
                        help="run the cycles one after the other in one process, as `marsad watch` does")
    args = parser.parse_args()
    total = sum(1 for _ in documents(args.corpus, 0, None))
    for size in args.sizes:
        size = size or total - args.cycle * args.cycles
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "monitor.db"
            run(args.corpus, [(0, size)], db, args.workers, [f"batch of {size}"])
            cycles = [(size + n * args.cycle, size + (n + 1) * args.cycle) for n in range(args.cycles)]
            labels = [f"cycle {n + 1} (+{args.cycle})" for n in range(args.cycles)]
            if args.watch:
                run(args.corpus, cycles, db, args.workers, [f"{label}, watch" for label in labels], warm=True)
            else:
                for cycle, label in zip(cycles, labels, strict=True):
                    run(args.corpus, [cycle], db, args.workers, [label])
            run(args.corpus, [(0, cycles[-1][1] if cycles else size)], db, args.workers, ["unchanged rerun"])


if __name__ == "__main__":
    main()
