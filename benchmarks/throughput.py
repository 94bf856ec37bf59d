"""Throughput of every stage and end to end on a corpus (e.g. SaudiNewsNet: one zip per day of JSON arrays).

    python benchmarks/throughput.py ../shared/data/saudinewsnet [--limit N] [--engine local|dask] [--workers W]
                                   [--profile K] [--json]
                                   [--stages-only]

First the stages one after another in this process, each over all N articles: read, clean, each per-article
stage, store (write, read back) and each corpus stage; then end to end as `marsad analyze --db` runs a batch:
`analyze` with the chosen engine into a fresh store and the analysis published (`--json`: and written out as
`--json` writes it), in a child process so its peak memory is its own. Prints articles/s, peak memory (resident,
MiB; for a stage: the peak of this process so far; for Dask: the client's and the largest worker's) and, end to
end, the CPU seconds of that process (the machine's other load does not count in them). `--profile K` prints the
K functions with the most own time in the stage pass (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.clean import clean
from marsad.engines import ENGINES, close_engine, collect_as_batch_job, make_engine
from marsad.engines.batches import batches
from marsad.export.analysis import document_sections, json_pieces
from marsad.ingest import read_inputs
from marsad.pipeline import (
    ARTICLE_STAGES,
    CORPUS_STAGES,
    analyze_documents,
    local_engine,
    publish,
    span_record,
)
from marsad.settings import DEFAULTS
from marsad.store import SQLiteStore, content_hash
from marsad.types import Analysis, Article, RawDocument


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


@contextmanager
def timed(name: str, n: int) -> Iterator[None]:
    """Print one line: the stage, articles/s over `n` articles, seconds, and peak memory so far."""
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    print(f"{name:<22}{n / seconds if seconds else float('inf'):>10.0f} articles/s {seconds:>8.2f} s"
          f" {peak_mib():>8.0f} MiB", flush=True)


def documents(corpus: str, limit: int | None) -> list[RawDocument]:
    return [d for d in islice(read_inputs([corpus]), limit) if isinstance(d, RawDocument)]


def stage_pass(corpus: str, limit: int | None, db: Path) -> None:
    """Each stage over every article, in pipeline order."""
    start = time.perf_counter()
    with timed("read", limit or 0):
        raws = documents(corpus, limit)
    n = len(raws)
    with timed("clean", n):
        articles = [a for a in map(clean, raws) if isinstance(a, Article)]
    spans: dict[str, dict[str, list[Any]]] = {stage.name: {} for stage in ARTICLE_STAGES}
    for stage in ARTICLE_STAGES:
        with timed(stage.name, n):
            for article in articles:
                earlier = {name: spans[name][article.id] for name in spans if article.id in spans[name]}
                spans[stage.name][article.id] = stage.run(article, earlier, DEFAULTS)
    digests = {raw.id: content_hash(raw) for raw in raws}
    with SQLiteStore(db) as store:
        with timed("store (write)", n):
            for group in batches(articles, DEFAULTS.store.write_batch):
                store.put_processed([(a, digests[a.id], {name: [span_record(s) for s in by_id[a.id]]
                                                         for name, by_id in spans.items()}) for a in group])
        with timed("store (read back)", n):
            stored = list(store.articles())
            for stage in ARTICLE_STAGES:
                store.annotations(stage.name)
        analysis = Analysis(articles=tuple(stored), spans=spans, from_inputs=n)
        for name, run in CORPUS_STAGES:
            with timed(name, n):
                analysis = run(analysis, store, local_engine, DEFAULTS)
    seconds = time.perf_counter() - start
    print(f"{'sum of stages':<22}{n / seconds:>10.0f} articles/s {seconds:>8.2f} s {peak_mib():>8.0f} MiB")


def end_to_end(corpus: str, limit: int | None, engine_name: str, workers: int | None, db: str, json_out: str | None,
               out: Any) -> None:
    """`analyze` over the first `limit` documents into a fresh store, published and, with `json_out`, written
    there, as `marsad analyze` does (run in a child process)."""
    collect_as_batch_job()
    start, cpu = time.perf_counter(), time.process_time()
    engine = make_engine(engine_name, workers=workers)
    with SQLiteStore(db) as store:
        result = analyze_documents(islice(read_inputs([corpus]), limit), store, engine=engine)
        publish(store, result)
        if json_out:
            with open(json_out, "w", encoding="utf-8") as written:
                written.writelines(json_pieces(document_sections(result)))
    close_engine(engine)
    out.put((result.from_inputs, time.perf_counter() - start, time.process_time() - cpu, peak_mib(),
             peak_mib(resource.RUSAGE_CHILDREN)))


def run_end_to_end(corpus: str, limit: int | None, engine: str, workers: int | None, db: Path,
                   json_out: Path | None) -> None:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=end_to_end, args=(corpus, limit, engine, workers, str(db),
                                                     json_out and str(json_out), out))
    child.start()
    n, seconds, cpu, peak, children = out.get()
    child.join()
    extra = f"  (largest worker {children:.0f} MiB)" if engine == "dask" or workers != 1 else ""
    print(f"{'end to end (' + engine + ')':<22}{n / seconds:>10.0f} articles/s {seconds:>8.2f} s {peak:>8.0f} MiB"
          f"  {cpu:.1f} s CPU{extra}")


def profiled(run: Callable[[], None], top: int) -> None:
    profile = cProfile.Profile()
    profile.runcall(run)
    print(f"\nTop {top} functions by own time (cProfile; times inflated by profiling):")
    pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="Engine for the end-to-end run.")
    parser.add_argument("--workers", type=int, default=None,
                        help="Processes for the local engine (default: one per core; 1: this process).")
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="Profile the stage pass; print top K.")
    parser.add_argument("--stages-only", action="store_true", help="Skip the end-to-end run.")
    parser.add_argument("--json", action="store_true", help="End to end, write the JSON document too.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'stage':<22}{'rate':>10}{'':12}{'time':>9}{'peak':>11}")
        stages = lambda: stage_pass(args.corpus, args.limit, Path(tmp) / "stages.db")  # noqa: E731
        profiled(stages, args.profile) if args.profile else stages()
        if not args.stages_only:
            run_end_to_end(args.corpus, args.limit, args.engine, args.workers, Path(tmp) / "end_to_end.db",
                           Path(tmp) / "end_to_end.json" if args.json else None)


if __name__ == "__main__":
    main()
