"""Event and story clustering throughput on a corpus (SaudiNewsNet: one zip per day of JSON arrays).

    python benchmarks/cluster.py ../shared/data/saudinewsnet [--limit N] [--cache /tmp/articles.pkl]

Reads and cleans once (optionally cached), marks near-duplicates, then clusters the first 1,000, 5,000 and all
articles, each in a fresh child process: prints articles/s, peak memory, growth against the 1,000 run, the size
distribution of events and stories (largest, 99th and 90th percentile, median, singletons: a clusterer that chains
shows a giant largest cluster), and the largest events (headline and outlets) so a person can judge them.
Mentions and timexes are not given.

    python benchmarks/cluster.py ../shared/data/saudinewsnet --days 2015-08-03 2015-08-04 --judge 30

`--judge N` prints, for a person to judge on days no gold covers, N multi-article events drawn at random (is each
one happening?) and N pairs of same-day articles whose titles share much (title-word Jaccard >= 0.4) that were
put in different events (is each pair two happenings?): the precision of merges and of splits on unseen news.
"""
from __future__ import annotations

import argparse
import multiprocessing
import pickle
import random
import resource
import time
from collections import Counter
from itertools import combinations, islice
from pathlib import Path

from marsad.clean import clean
from marsad.cluster.background import load as load_background
from marsad.cluster.duplicates import mark_duplicates
from marsad.cluster.events import cluster_events
from marsad.cluster.terms import words
from marsad.ingest import read_inputs
from marsad.types import Article, Event, Story

SIZES = (1_000, 5_000)
SAMPLE_EVENTS = 12
SAME_TITLE = 0.4  # title-word Jaccard of two headlines that may well report one happening
JUDGE_SEED = 19


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def judge(events: list[Event], articles: list[Article], n: int) -> None:
    """Print n random multi-article events and n same-day pairs of much the same title in different events."""
    by_id = {a.id: a for a in articles}
    def line(article: Article) -> str:
        return f"    {(article.published or '')[:10]} {article.source or '?':>12}  {(article.title or '')[:90]}"
    rng = random.Random(JUDGE_SEED)
    multi = [e for e in events if len(e.articles) > 1]
    print(f"\njudge: {n} of {len(multi)} multi-article events (one happening each?)")
    for event in rng.sample(multi, min(n, len(multi))):
        print(f"  {event.id} ({len(event.articles)} articles)")
        print("\n".join(line(by_id[a]) for a in event.articles[:12]))
    event_of = {a: e.id for e in events for a in e.articles}
    by_day: dict[str, list[Article]] = {}
    for article in articles:
        by_day.setdefault((article.published or "")[:10], []).append(article)
    pairs = []
    for day_articles in by_day.values():
        titles = {a.id: set(words(a.title or "")) for a in day_articles}
        for a, b in combinations(day_articles, 2):
            ta, tb = titles[a.id], titles[b.id]
            if event_of[a.id] != event_of[b.id] and min(len(ta), len(tb)) >= 3 and \
                    len(ta & tb) >= SAME_TITLE * len(ta | tb):
                pairs.append((a, b))
    print(f"\njudge: {min(n, len(pairs))} of {len(pairs)} same-day pairs of much the same title in different "
          "events (two happenings each?)")
    for a, b in rng.sample(pairs, min(n, len(pairs))):
        print(f"  {event_of[a.id]} / {event_of[b.id]}\n{line(a)}\n{line(b)}")


def on_days(articles: list[Article], days: list[str] | None) -> list[Article]:
    return [a for a in articles if (a.published or "")[:10] in days] if days else articles


def load(corpus: str, limit: int | None, cache: Path | None) -> list[Article]:
    """Clean articles with near-duplicates marked, from the cache when it exists."""
    if cache and cache.exists():
        with cache.open("rb") as f:
            articles: list[Article] = pickle.load(f)
        return articles[:limit]
    raws = [d for d in islice(read_inputs([corpus]), limit) if not hasattr(d, "reason")]
    articles = mark_duplicates([a for a in map(clean, raws) if isinstance(a, Article)])
    if cache:
        with cache.open("wb") as f:
            pickle.dump(articles, f)
    return articles


def run(articles: list[Article]) -> tuple[float, float, list[Event], list[Story]]:
    """(seconds, peak MiB, events, stories) of one clustering run, measured in this process."""
    t0 = time.perf_counter()
    events, stories = cluster_events(articles)
    return time.perf_counter() - t0, peak_mib(), events, stories


def run_child(articles: list[Article]) -> tuple[float, float, list[Event], list[Story]]:
    """`run` in a forked child, so each size gets its own peak memory."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(run, (articles,))


def show_largest(events: list[Event], articles: list[Article]) -> None:
    source = {a.id: a.source or "?" for a in articles}
    print(f"largest events of {len(articles)}:")
    for event in sorted(events, key=lambda e: (-len(e.articles), e.id))[:SAMPLE_EVENTS]:
        outlets = Counter(source[a] for a in event.articles)
        print(f"  {event.id:>7} {len(event.articles):>4} arts  {event.date}  {event.story:>6}  {event.title[:70]}")
        print(f"          outlets: {', '.join(f'{s} {n}' for s, n in outlets.most_common(8))}")


def size_line(name: str, sizes: list[int]) -> str:
    """Largest, 99th and 90th percentile (nearest rank), median size and the share of singletons."""
    ranked = sorted(sizes)
    def rank(q: float) -> int:
        return ranked[min(len(ranked) - 1, int(q * len(ranked)))]
    return (f"{name:>8}: {len(ranked)} clusters, largest {ranked[-1]}, p99 {rank(0.99)}, p90 {rank(0.9)}, "
            f"median {rank(0.5)}, singletons {sum(1 for n in ranked if n == 1) / len(ranked):.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the cleaned articles (made if absent)")
    parser.add_argument("--days", nargs="+", default=None, help="only the articles published on these days")
    parser.add_argument("--judge", type=int, default=0, help="print this many events and split pairs to judge")
    args = parser.parse_args()

    t0 = time.perf_counter()
    articles = on_days(load(args.corpus, args.limit, args.cache), args.days)
    print(f"loaded {len(articles)} clean articles in {time.perf_counter() - t0:.1f} s, "
          f"{sum(1 for a in articles if a.duplicate_of)} near-duplicates; base memory {peak_mib():.0f} MiB")
    t0 = time.perf_counter()
    load_background()
    print(f"background term table loaded in {time.perf_counter() - t0:.1f} s (once per process, not timed below)")
    sizes = [n for n in SIZES if n < len(articles)] + [len(articles)]
    base = None
    print(f"{'articles':>9} {'seconds':>8} {'art/s':>7} {'events':>7} {'stories':>8} {'peak MiB':>9} {'x 1k':>6}")
    for n in sizes:
        seconds, peak, events, stories = run_child(articles[:n])
        base = base or seconds
        print(f"{n:>9d} {seconds:>8.1f} {n / seconds:>7.0f} {len(events):>7d} {len(stories):>8d} {peak:>9.0f} "
              f"{seconds / base:>6.1f}")
    print(size_line("events", [len(e.articles) for e in events]))
    story_articles = Counter[str]()
    for event in events:
        story_articles[event.story or ""] += len(event.articles)
    print(size_line("stories", [story_articles[s.id] for s in stories]))
    print(size_line("(events)", [len(s.events) for s in stories]).replace("clusters", "stories, in events"))
    show_largest(events, articles[:sizes[-1]])
    if args.judge:
        judge(events, articles[:sizes[-1]], args.judge)


if __name__ == "__main__":
    main()
