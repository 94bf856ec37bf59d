"""Reading at scale: the app's home and entities pages and the static report on a store of real news days.

    python benchmarks/reading.py ../shared/data/saudinewsnet [--days 2] [--db /tmp/reading.db]

Analyses the first DAYS daily files of SaudiNewsNet into a store (kept when --db names one that exists), then
prints what the app's view of the analysis holds in memory (read from the store by id, and for comparison the
whole document), the size and response time (median of five, in process) of the home page, its page 2, the
entities page, a search, and the pages of the largest events with an article and an entity of each; and the
size of the static report with the time Chromium takes to open it (Debian's /usr/bin/chromium through
playwright, when both are there). Targets (#25): home under 300 KB and 0.5 s, report
under 5 MB and 3 s for about 3,000 articles.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.export.report import render_report
from marsad.export.views import DocumentView
from marsad.pipeline import analyze, publish
from marsad.store import SQLiteStore
from marsad.store.source import StoreSource
from marsad.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
PAGES = ("/", "/?page=2", "/entities", "/search?q=الفيضانات")
DETAIL_PAGES = 5  # the largest events, and an article and an entity of each, are timed too


def build(corpus: Path, days: int, db: Path) -> None:
    """Analyse the first `days` daily files of the corpus into the store at `db` (unless it holds an analysis)."""
    with SQLiteStore(db) as store:
        if store.get_analysis():
            return
        started = time.perf_counter()
        result = analyze(sorted(corpus.glob("*.zip"))[:days], store)
        publish(store, result)
        print(f"analysed {len(result.articles)} articles into {db} in {time.perf_counter() - started:.0f} s")


def view_memory(db: Path) -> None:
    """What the app keeps in memory: the view it reads the store by id through, and the whole document."""
    for name, make in (("store read by id", lambda: DocumentView(StoreSource(db))),
                       ("whole document", lambda: DocumentView(SQLiteStore(db, readonly=True).get_analysis() or {}))):
        tracemalloc.start()
        started = time.perf_counter()
        view = make()
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        print(f"app view, {name:<18} {held / 2**20:>8.0f} MiB, made in {time.perf_counter() - started:.1f} s "
              f"({len(view.articles)} articles)")


def time_pages(db: Path) -> None:
    client = TestClient(create_app(db))
    view = client.app.state.data.view()  # type: ignore[attr-defined]
    events = sorted(view.events.values(), key=lambda e: -len(e.get("articles", [])))[:DETAIL_PAGES]
    details = [f"/events/{e['id']}" for e in events] + [f"/articles/{e['articles'][0]}" for e in events]
    details += [f"/entities/{e}" for e in list(view.entities)[:DETAIL_PAGES]]
    for path in (*PAGES, *details):
        client.get(path)  # the first request loads the analysis
        times, size = [], 0
        for _ in range(5):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            size = len(response.content)
        print(f"{path:<28} {size / 1024:>8.0f} KB {statistics.median(times):>7.3f} s  (status {response.status_code})")


def time_report(db: Path) -> None:
    with SQLiteStore(db) as store:
        document = store.get_analysis() or {}
    started = time.perf_counter()
    page = render_report(document)
    rendered = time.perf_counter() - started
    out = Path(tempfile.mkdtemp()) / "report.html"
    out.write_text(page, encoding="utf-8")
    print(f"report                       {len(page.encode()) / 1024 / 1024:>8.1f} MB  rendered in {rendered:.1f} s")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("report opening time: playwright is not installed")
        return
    if not CHROMIUM.exists():
        print(f"report opening time: no Chromium at {CHROMIUM}")
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        tab = browser.new_page()
        started = time.perf_counter()
        tab.goto(out.as_uri(), wait_until="load", timeout=300_000)
        opened = time.perf_counter() - started
        height = tab.evaluate("document.documentElement.scrollHeight")
        browser.close()
    print(f"report opened in Chromium in {opened:.1f} s, {height:,} px tall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--days", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None, help="the store to build or reuse")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "reading.db"
    build(args.corpus, args.days, db)
    view_memory(db)
    time_pages(db)
    time_report(db)


if __name__ == "__main__":
    main()
