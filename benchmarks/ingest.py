"""Ingest + clean + near-duplicate throughput on a corpus (SaudiNewsNet: one zip per day of JSON arrays).

    python benchmarks/ingest.py ../shared/data/saudinewsnet [--limit N]

Prints articles/s and peak memory for reading, cleaning and MinHash near-duplicate marking.
"""
from __future__ import annotations

import argparse
import resource
import time
from itertools import islice

from marsad.clean import clean
from marsad.cluster.duplicates import mark_duplicates
from marsad.ingest import read_inputs
from marsad.types import Article


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    t0 = time.perf_counter()
    raws = [d for d in islice(read_inputs([args.corpus]), args.limit) if not hasattr(d, "reason")]
    t1 = time.perf_counter()
    articles = [a for a in map(clean, raws) if isinstance(a, Article)]
    t2 = time.perf_counter()
    marked = mark_duplicates(articles)
    t3 = time.perf_counter()
    n = len(raws)
    dups = sum(1 for a in marked if a.duplicate_of)
    print(f"articles read      {n:>8d}   {n / (t1 - t0):>9.0f} articles/s")
    print(f"clean              {len(articles):>8d}   {n / (t2 - t1):>9.0f} articles/s")
    print(f"near-duplicates    {dups:>8d}   {n / (t3 - t2):>9.0f} articles/s")
    print(f"end to end                    {n / (t3 - t0):>9.0f} articles/s   ({t3 - t0:.1f} s)")
    print(f"peak memory        {peak_mib():>8.0f} MiB")


if __name__ == "__main__":
    main()
