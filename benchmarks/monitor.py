"""marsad as a monitor: what a cycle of new articles costs as the store grows.

    python benchmarks/monitor.py ../shared/data/saudinewsnet [--sizes 1000 4000 16000 0] [--cycle 100]
                                 [--cycles 2] [--workers W]

For each size (0: every article of the corpus but the cycles'), a fresh store is built from the corpus's first
articles, then `--cycles` cycles each add the next `--cycle` articles, then the same inputs are analysed again
(an unchanged rerun). Every step runs in its own process, as `marsad analyze` would (analysis stored for the app),
and prints its seconds, its peak memory (resident, MiB), the store's size on disk, and for a cycle how many of the
entities before it kept their id.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from marsad.engines import close_engine, make_engine
from marsad.ingest import read_inputs
from marsad.pipeline import analyze_documents, publish
from marsad.store import SQLiteStore
from marsad.types import RawDocument


def documents(corpus: Path, start: int, stop: int) -> Iterator[RawDocument]:
    """The corpus's articles from `start` to `stop`, in file order."""
    found = (d for d in read_inputs(sorted(corpus.glob("*.zip"))) if isinstance(d, RawDocument))
    return islice(found, start, stop)


def step(corpus: Path, start: int, stop: int, db: Path, workers: int | None, out: multiprocessing.Queue) -> None:
    """Analyse articles `start` to `stop` into the store and publish the analysis (one process)."""
    engine = make_engine("local", workers=workers)
    try:
        with SQLiteStore(db) as store:
            before = {e["id"]: e["name"] for e in (store.get_analysis() or {}).get("entities", [])}
            started = time.perf_counter()
            result = analyze_documents(documents(corpus, start, stop), store, engine=engine)
            if not result.unchanged:
                publish(store, result)
            seconds = time.perf_counter() - started
            after = {e["id"]: e["name"] for e in (store.get_analysis() or {}).get("entities", [])}
    finally:
        close_engine(engine)
    kept = sum(after.get(id_) == name for id_, name in before.items())
    out.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, result.totals()["articles"],
             kept, len(before)))


def run(corpus: Path, start: int, stop: int, db: Path, workers: int | None, label: str) -> None:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=step, args=(corpus, start, stop, db, workers, out))
    child.start()
    seconds, peak, stored, kept, before = out.get()
    child.join()
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
    ids = f"  ids kept {kept}/{before}" if before and label.startswith("cycle") else ""
    print(f"{label:<22}{stored:>7} stored {seconds:>8.1f} s {peak:>8.0f} MiB peak {size:>8.1f} MiB store{ids}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000, 0])
    parser.add_argument("--cycle", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=2)
    parser.add_argument("--workers", type=int)
    args = parser.parse_args()
    total = sum(1 for _ in documents(args.corpus, 0, None))
    for size in args.sizes:
        size = size or total - args.cycle * args.cycles
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "monitor.db"
            run(args.corpus, 0, size, db, args.workers, f"batch of {size}")
            end = size
            for n in range(args.cycles):
                run(args.corpus, end, end + args.cycle, db, args.workers, f"cycle {n + 1} (+{args.cycle})")
                end += args.cycle
            run(args.corpus, 0, end, db, args.workers, "unchanged rerun")


if __name__ == "__main__":
    main()
