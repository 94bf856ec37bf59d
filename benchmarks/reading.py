"""Reading at scale: the app's home and entities pages and the static report on a store of real news days.

    python benchmarks/reading.py ../shared/data/saudinewsnet [--days 2] [--db /tmp/reading.db]

Analyses the first DAYS daily files of SaudiNewsNet into a store (kept when --db names one that exists), then
prints the size and response time (median of five, in process) of the home page, its page 2, the entities page
and a search; and the size of the static report with the time Chromium takes to open it (Debian's
/usr/bin/chromium through playwright, when both are there). Targets (#25): home under 300 KB and 0.5 s, report
under 5 MB and 3 s for about 3,000 articles.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.export.report import render_report
from marsad.pipeline import analyze, publish
from marsad.store import SQLiteStore
from marsad.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
PAGES = ("/", "/?page=2", "/entities", "/search?q=الفيضانات")


def build(corpus: Path, days: int, db: Path) -> None:
    """Analyse the first `days` daily files of the corpus into the store at `db` (unless it holds an analysis)."""
    with SQLiteStore(db) as store:
        if store.get_analysis():
            return
        started = time.perf_counter()
        result = analyze(sorted(corpus.glob("*.zip"))[:days], store)
        publish(store, result)
        print(f"analysed {len(result.articles)} articles into {db} in {time.perf_counter() - started:.0f} s")


def time_pages(db: Path) -> None:
    client = TestClient(create_app(db))
    for path in PAGES:
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
    time_pages(db)
    time_report(db)


if __name__ == "__main__":
    main()
