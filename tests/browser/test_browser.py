"""The report and the app in headless Chromium: direction, citations, search, hostile text, screenshots.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` package; skipped with the reason otherwise.
Playwright's own browser download is never used: Chromium is launched from `executable_path`.
Screenshots go to tests/browser/artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.export.report import render_report
from marsad.store import SQLiteStore

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
uvicorn = pytest.importorskip("uvicorn", reason="browser tests need the web extra (uvicorn)")

from marsad.web.app import create_app  # noqa: E402  (after the skips: needs the web extra)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HOSTILE = ROOT / "tests" / "data" / "hostile_analysis.json"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled examples analysed once: the store (with a hostile analysis beside it) and the report."""
    out = tmp_path_factory.mktemp("browser")
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(ROOT / "examples"), "--db", "ex.db",
                          "--html", "report.html", "-q"], cwd=out, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    hostile = json.loads(HOSTILE.read_text(encoding="utf-8"))
    with SQLiteStore(out / "hostile.db") as store:
        store.put_analysis(hostile)
    (out / "hostile.html").write_text(render_report(hostile), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    return {"db": out / "ex.db", "report": out / "report.html", "hostile_db": out / "hostile.db",
            "hostile_report": out / "hostile.html"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with the dialogs (alert, confirm) and console errors it produced."""

    def __init__(self, browser: Any, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport, device_scale_factor=1)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def shot(self, name: str, full_page: bool = False) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


@pytest.fixture
def phone(browser: Any) -> Iterator[Watched]:
    watched = Watched(browser, PHONE)
    yield watched
    watched.context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Watched]:
    watched = Watched(browser, DESKTOP)
    yield watched
    watched.context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(corpus: dict[str, Path]) -> Iterator[dict[str, str]]:
    """The app over the examples' store and over the hostile one, on loopback, each in a thread."""
    servers, urls = [], {}
    for name, db in (("app", corpus["db"]), ("hostile", corpus["hostile_db"])):
        port = _free_port()
        srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        servers.append(srv)
        urls[name] = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while not all(s.started for s in servers):
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    yield urls
    for srv in servers:
        srv.should_exit = True


def assert_arabic_rtl(page: Any) -> None:
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def assert_styled(page: Any) -> None:
    """The stylesheet applied (a CSP that blocked it would leave the default white background)."""
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_report_is_arabic_rtl_and_styled(corpus: dict[str, Path], phone: Watched, desktop: Watched) -> None:
    for watched, name in ((phone, "report-phone"), (desktop, "report-desktop")):
        watched.page.goto(corpus["report"].as_uri())
        assert_arabic_rtl(watched.page)
        assert_styled(watched.page)
        watched.shot(name)
        assert watched.errors == []
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_report_citation_leads_to_its_article(corpus: dict[str, Path], phone: Watched) -> None:
    phone.page.goto(corpus["report"].as_uri())
    citation = phone.page.locator(".summary a.cite").first
    target = citation.get_attribute("href")
    assert target and target.startswith("#article-")
    citation.click()
    article = phone.page.locator(target)
    sync_api.expect(article).to_be_in_viewport()
    sync_api.expect(article.locator("mark").first).to_be_visible()
    phone.shot("report-citation-target")


def test_hostile_report_runs_nothing(corpus: dict[str, Path], desktop: Watched) -> None:
    desktop.page.goto(corpus["hostile_report"].as_uri())
    desktop.page.wait_for_timeout(300)
    assert desktop.dialogs == []
    assert desktop.page.locator("script, img, iframe").count() == 0
    sync_api.expect(desktop.page.get_by_text("<script>alert('xss')</script>", exact=False).first).to_be_visible()
    desktop.shot("report-hostile")


def test_app_home_and_event_pages(server: dict[str, str], phone: Watched, desktop: Watched) -> None:
    for watched, name in ((phone, "app-home-phone"), (desktop, "app-home-desktop")):
        watched.page.goto(server["app"] + "/")
        assert_arabic_rtl(watched.page)
        assert_styled(watched.page)
        watched.shot(name)
        assert watched.errors == []
    phone.page.goto(server["app"] + "/events/v1")
    phone.shot("app-event-phone")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_app_citation_leads_to_its_article(server: dict[str, str], phone: Watched) -> None:
    phone.page.goto(server["app"] + "/events/v1")
    citation = phone.page.locator(".summary a.cite").first
    href = citation.get_attribute("href")
    citation.click()
    phone.page.wait_for_url(server["app"] + str(href))
    sync_api.expect(phone.page.locator("article.card")).to_be_visible()
    sync_api.expect(phone.page.locator(".text mark").first).to_be_visible()
    phone.shot("app-article-phone")


def test_app_search_finds_spelling_variants(server: dict[str, str], phone: Watched) -> None:
    phone.page.goto(server["app"] + "/search")
    phone.page.fill("input[name=q]", "اتفاق المياه")
    phone.page.click("button[type=submit]")
    phone.page.wait_for_url("**/search?**")
    sync_api.expect(phone.page.locator("li.result").first).to_be_visible()
    assert phone.page.locator("li.result").count() >= 3
    sync_api.expect(phone.page.locator(".snippet mark.hl-hit").first).to_be_visible()
    phone.shot("app-search-phone")


def test_hostile_article_in_the_app_runs_nothing(server: dict[str, str], desktop: Watched) -> None:
    desktop.page.goto(server["hostile"] + "/articles/a1_hostile")
    desktop.page.wait_for_timeout(300)
    assert desktop.dialogs == []
    assert desktop.page.locator("main script, main img, main iframe").count() == 0
    desktop.shot("app-hostile-article")
    desktop.page.goto(server["hostile"] + "/no/such/page")
    sync_api.expect(desktop.page.get_by_text("الصفحة غير موجودة")).to_be_visible()
    desktop.shot("app-404")


NEWS_ARTICLES = 400  # real SaudiNewsNet articles of the first day: enough for several pages of stories


@pytest.fixture(scope="module")
def news_app(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a store analysed from real SaudiNewsNet articles (skipped without the shared data)."""
    from itertools import islice

    from tests.quality.corpora import saudinewsnet_records

    folder = shared / "data" / "saudinewsnet"
    if not folder.is_dir():
        pytest.skip(f"no SaudiNewsNet at {folder}")
    out = tmp_path_factory.mktemp("news")
    with (out / "news.jsonl").open("w", encoding="utf-8") as f:
        for record in islice(saudinewsnet_records(folder), NEWS_ARTICLES):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", "news.jsonl", "--db", "news.db", "-q"],
                         cwd=out, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(out / "news.db"), host="127.0.0.1", port=port,
                                        log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True


def test_real_news_pages_page_filter_and_lead_to_outlets(news_app: str, desktop: Watched) -> None:
    page = desktop.page
    page.goto(news_app + "/")
    assert page.locator("li.story-card").count() == 20
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**/?page=2")
    assert page.locator("li.story-card").count() >= 1
    page.goto(news_app + "/outlets")
    page.locator("table a").first.click()
    sync_api.expect(page.locator("#covered li").first).to_be_visible()
    outlet = page.locator("h1").inner_text()
    page.goto(news_app + "/")
    page.select_option("form.filters select[name=outlet]", label=outlet)
    page.locator("form.filters button").click()
    page.wait_for_url("**/?outlet=**")
    assert page.locator("li.story-card").count() >= 1
    desktop.shot("app-news-home-filtered")
    assert desktop.errors == []


def test_real_news_search_finds_every_inflection(news_app: str, phone: Watched) -> None:
    def total(query: str) -> int:
        phone.page.goto(news_app + "/search?q=" + query)
        text = phone.page.locator("#result-count").inner_text()
        if "لا نتائج" in text:
            return 0
        return int(next((w for w in text.split() if w.isdigit()), "2" if "نتيجتان" in text else "1"))

    with_article, bare = total("الأمير"), total("أمير")
    assert bare >= with_article > 0  # the stem finds the forms with and without the article
    phone.shot("app-news-search-phone")
