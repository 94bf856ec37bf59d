"""The web app and the report against a hostile article that went through the real pipeline, and the app's guards:
loopback bind, read-only, Host header, path traversal, size limits, rate limits, security headers everywhere.

The browser part needs Debian's chromium (/usr/bin/chromium) and playwright; it is skipped with the reason otherwise.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.cli import main
from marsad.web.app import create_app
from marsad.web.bind import allowed_hosts
from marsad.web.limits import Buckets, RateLimit, client_key
from marsad.web.security import HEADERS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FLAG = "window.__pwned"
EVIL_ID = 'x"><script>window.__pwned=9</script>'

# Every way a string could become markup or script: tags, event handlers, javascript: links, SVG, a </title>
# break-out, attribute break-outs, and bidi overrides that would reorder what the reader sees.
HOSTILE_BODY = "\n".join([
    "وقّع وزراء المياه في الأردن والعراق وسوريا، اليوم الأربعاء، في عمّان اتفاقاً إطارياً لتقاسم المياه.",
    "وقال وزير المياه الأردني: «<script>window.__pwned=6</script> هذا الاتفاق خطوة تاريخية للمنطقة».",
    '<img src=x onerror="window.__pwned=7;alert(7)"> <a href="javascript:window.__pwned=8">رابط</a> تابع الخبر.',
    '<svg onload="window.__pwned=10"><circle r=5 /></svg> <body onload="alert(11)">',
    '<iframe src="javascript:alert(12)">',
    '"><script>alert(13)</script> \'-alert(14)-\' </textarea></style></title><script>window.__pwned=15</script>',
    "وأضاف الوزير \u202eأن الاتفاق\u202c يشمل \u2066الأحواض المشتركة\u2069 ومشاريع الحصاد المائي لمدة خمس سنوات.",
    '<math><mi xlink:href="javascript:alert(16)">x</mi></math> <form action="javascript:alert(17)"><button>زر</button>',
])
HOSTILE_RECORDS = [
    {"id": "hostile-1", "source": '<img src=x onerror="window.__pwned=3">Evil Outlet\u202e',
     "title": "</title><script>window.__pwned=1</script><svg onload=\"window.__pwned=2\"> اتفاق المياه في عمّان",
     "url": "javascript:window.__pwned=4", "author": '<iframe srcdoc="<script>parent.__pwned=5</script>">',
     "published": "2025-03-12", "text": HOSTILE_BODY},
    {"id": "plain-2", "source": "وكالة الأنباء", "title": "اتفاق إطاري لتقاسم المياه في عمّان",
     "published": "2025-03-12",
     "text": "وقّع وزراء المياه في الأردن والعراق وسوريا، الأربعاء، في عمّان اتفاقاً إطارياً لتقاسم المياه.\n"
             "وقال وزير المياه الأردني إن الاتفاق يشمل الأحواض المشتركة ومشاريع الحصاد المائي لمدة خمس سنوات."},
    {"id": EVIL_ID, "source": "<b>bold</b>", "title": "<style>*{display:none}</style> عنوان", "published": "2025-03-13",
     "text": "قال مصدر مطلع إن <script>alert(18)</script> الاتفاق سيُوقّع في عمّان.\n<img src=x onerror=alert(19)>"},
]
HOSTILE_PAGE = ("<html><head><title></title><script>window.__pwned=20</script></head><body><article>"
                "<h1>اتفاق المياه <img src=x onerror=alert(21)></h1>"
                + "<p>وقّع وزراء المياه في الأردن والعراق وسوريا اتفاقاً إطارياً لتقاسم المياه في عمّان. </p>" * 3
                + "<p>&lt;script&gt;window.__pwned=22&lt;/script&gt; نص مهرب</p></article></body></html>")
BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile articles analysed by the real CLI: the store, the JSON document and the static report."""
    out = tmp_path_factory.mktemp("hostile")
    corpus = out / "corpus"
    corpus.mkdir()
    (corpus / "hostile.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in HOSTILE_RECORDS),
                                          encoding="utf-8")
    (corpus / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--db", "h.db", "--json", "h.json",
                          "--html", "report.html", "-q"], cwd=out, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return {"db": out / "h.db", "json": out / "h.json", "report": out / "report.html"}


@pytest.fixture(scope="module")
def doc(hostile: dict[str, Path]) -> dict[str, Any]:
    return dict(json.loads(hostile["json"].read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def client(hostile: dict[str, Path]) -> TestClient:
    return TestClient(create_app(hostile["db"]))


def test_the_hostile_strings_reached_the_store(doc: dict[str, Any]) -> None:
    """The pipeline keeps article text as written: escaping is the pages' job, so the test is a real one."""
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    assert "<script>window.__pwned=6</script>" in texts["hostile-1"] and EVIL_ID in texts
    assert doc["events"], "the hostile articles should form an event (claims, summary, quotes on its page)"


def _app_paths(doc: dict[str, Any]) -> list[str]:
    """Every kind of page, with the hostile articles, their event and story, and searches echoing a payload."""
    paths = ["/", "/entities", "/search?q=" + quote("<script>window.__pwned=30</script>"),
             "/search?q=" + quote("الاتفاق"), "/search?q=" + quote("\"><svg onload=window.__pwned=31>")]
    paths += [f"/events/{e['id']}" for e in doc["events"]] + [f"/stories/{s['id']}" for s in doc["stories"]]
    paths += [f"/articles/{quote(a['id'], safe='')}" for a in doc["articles"]]
    paths += [f"/entities/{e['id']}" for e in doc["entities"]][:10]
    return paths


class _Markup(HTMLParser):
    """What a browser would build from a page: the elements, and the attributes that could run script."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.dangerous: list[tuple[str, str, str]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:text/html")):
                self.dangerous.append((tag, name, value or ""))


def test_pages_escape_every_hostile_string(client: TestClient, doc: dict[str, Any]) -> None:
    for path in _app_paths(doc):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        markup = _Markup(response.text)
        assert not markup.tags & {"script", "iframe", "img", "object", "embed", "math", "style", "base"}, path
        assert markup.dangerous == [], (path, markup.dangerous)


def test_api_returns_hostile_text_as_json_not_html(client: TestClient) -> None:
    response = client.get("/api/articles/hostile-1")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>window.__pwned=6</script>" in response.json()["text"]


# --- in Chromium: no script runs, no dialog opens, in the report and in the app --------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(hostile: dict[str, Path]) -> Iterator[str]:
    """The app over the hostile store, served by the real CLI (`marsad serve`) on a free loopback port."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(hostile["db"]), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_for(port: int, proc: subprocess.Popen[str], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "server exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server did not start")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A tab with the CSP bypassed, so that escaping alone is tested (the CSP is checked on its own)."""
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


RAN = """() => ({
    pwned: window.__pwned === undefined ? null : window.__pwned,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(
        a => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')].filter(e =>
        ['href', 'src', 'action', 'formaction'].some(n => (e.getAttribute(n) || '').trim()
            .toLowerCase().startsWith('javascript:'))).length,
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    bidiLeaks: (() => {  // text with a direction override must sit in an isolate (<bdi>): it cannot flip the page
        let leaks = 0;
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) {
            if (!/[\\u202a-\\u202e\\u2066-\\u2069]/.test(walk.currentNode.data)) continue;
            let e = walk.currentNode.parentElement, isolated = false;
            for (; e && e !== document.body && !isolated; e = e.parentElement) {
                const bidi = getComputedStyle(e).unicodeBidi;
                isolated = e.tagName === 'BDI' || bidi.includes('isolate') || bidi === 'plaintext';
            }
            leaks += isolated ? 0 : 1;
        }
        return leaks;
    })(),
})"""


def _assert_nothing_ran(page: Any, url: str, follow_links: int = 0) -> None:
    """No script, event handler, javascript: link or frame made it into the page, and no dialog opened."""
    page.goto(url)
    for link in page.locator("a[href^='#']").all()[:follow_links]:  # in-page links run nothing either
        link.click()
    page.wait_for_timeout(100)
    state = page.evaluate(RAN)
    assert state["pwned"] is None and page.dialogs == [], (url, state, page.dialogs)
    assert state["scripts"] == state["handlers"] == state["jsLinks"] == state["frames"] == 0, (url, state)
    assert state["bidiLeaks"] == 0, (url, state)


def test_report_runs_nothing_in_chromium(page: Any, hostile: dict[str, Path]) -> None:
    report = hostile["report"].read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in report and "script-src" not in report
    _assert_nothing_ran(page, hostile["report"].as_uri(), follow_links=5)


def test_app_runs_nothing_in_chromium(page: Any, server: str, doc: dict[str, Any]) -> None:
    paths = _app_paths(doc)
    assert len(paths) > 8
    for path in paths:
        _assert_nothing_ran(page, server + path)


def test_bidi_overrides_are_dropped_from_the_body(client: TestClient) -> None:
    """Cleaning drops direction overrides from the text; in metadata (an outlet's name) they stay, isolated in
    <bdi> on the pages (checked in Chromium above)."""
    article = client.get("/api/articles/hostile-1").json()
    assert not BIDI_OVERRIDES.search(article["text"]) and BIDI_OVERRIDES.search(article["source"])


# --- the guards, over real HTTP: loopback bind, Host header, traversal, sizes --------------------------------

def _raw(base: str, target: str, method: str = "GET", headers: dict[str, str] | None = None,
         body: bytes | None = None) -> tuple[int, dict[str, str], str]:
    """Send `target` exactly as written (no client-side normalisation) and return status, headers, body."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest(method, target, skip_host="Host" in (headers or {}), skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8",
                                                                                                         "replace")
    finally:
        conn.close()


def test_serve_binds_loopback_by_default(server: str) -> None:
    serve = main.commands["serve"]
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"
    assert server.startswith("http://127.0.0.1:")
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"} and allowed_hosts("0.0.0.0") is None


TRAVERSALS = ["/article/..%2f..%2fetc%2fpasswd", "/articles/..%2f..%2fetc%2fpasswd", "/articles/..%2F..%2Fetc%2Fpasswd",
              "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/articles/%252e%252e%252fetc%252fpasswd",
              "/articles/..%5c..%5cwin.ini", "/articles/%c0%ae%c0%ae%c0%afetc%c0%afpasswd", "/articles/..%00",
              "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "//etc/passwd",
              "/static/marsad.css/../../../pyproject.toml", "/api/articles/..%2f..%2fh.db", "/../../etc/passwd",
              "/entities/....%2f%2f....%2f%2fetc%2fpasswd", "/events/%2e%2e", "/stories/.%2e"]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_path_traversal_over_http(server: str, target: str) -> None:
    status, headers, body = _raw(server, target)
    assert status in (400, 404), (target, status)
    assert "root:" not in body and "[project]" not in body and "SQLite format" not in body
    if status == 404:
        assert headers["content-security-policy"] == HEADERS["Content-Security-Policy"]


def test_host_header_must_name_loopback(server: str) -> None:
    """A page on evil.example whose DNS was rebound to 127.0.0.1 sends Host: evil.example: refused."""
    port = server.rsplit(":", 1)[1]
    assert _raw(server, "/api/stories", headers={"Host": "evil.example"})[0] == 400
    assert _raw(server, "/api/stories", headers={"Host": f"evil.example:{port}"})[0] == 400
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert _raw(server, "/api/stories", headers={"Host": host})[0] == 200


def test_size_limits_over_http(server: str) -> None:
    assert _raw(server, "/api/stories", body=b"x" * 5000)[0] == 413
    assert _raw(server, "/search?q=" + "a" * 3000)[0] == 414
    assert 400 <= _raw(server, "/search?q=" + "a" * 100_000)[0] < 500  # refused by the HTTP parser or by us
    try:  # h11 caps a request head: a 4xx, or the connection closed while the client still sends
        assert 400 <= _raw(server, "/", headers={"X-Big": "b" * 200_000})[0] < 500
    except (ConnectionResetError, BrokenPipeError):
        pass
    assert _raw(server, "/api/stories")[0] == 200  # and the server is still up


def test_no_write_endpoint_exists(client: TestClient) -> None:
    """Read-only: no route accepts anything but GET/HEAD, so no token-guarded write path is needed."""
    methods = {m for route in client.app.routes for m in getattr(route, "methods", None) or ()}  # type: ignore[attr-defined]
    assert methods <= {"GET", "HEAD"}, methods
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"):
        for path in ("/", "/api/stories", "/api/search", "/articles/hostile-1", "/nothing"):
            response = client.request(method, path)
            assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD", (method, path)
            assert response.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]


# --- rate limits -------------------------------------------------------------------------------------------

def test_rate_limit_answers_429_with_retry_after(hostile: dict[str, Path]) -> None:
    app = create_app(hostile["db"], rate_limit=RateLimit(5, 10))
    remote, other = TestClient(app, client=("203.0.113.7", 5000)), TestClient(app, client=("198.51.100.2", 5000))
    assert [remote.get("/api/stories").status_code for _ in range(5)] == [200] * 5
    refused = remote.get("/api/stories")
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 2
    assert refused.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]
    assert remote.get("/").status_code == 429 and "طلبات كثيرة" in remote.get("/").text
    assert other.get("/api/stories").status_code == 200  # per client


def test_rate_limit_spares_loopback_unless_asked(hostile: dict[str, Path]) -> None:
    local = TestClient(create_app(hostile["db"], rate_limit=RateLimit(2, 10)), client=("127.0.0.1", 5000))
    assert {local.get("/api/stories").status_code for _ in range(10)} == {200}
    strict = TestClient(create_app(hostile["db"], rate_limit=RateLimit(2, 10, limit_loopback=True)),
                        client=("::1", 5000))
    assert [strict.get("/api/stories").status_code for _ in range(3)] == [200, 200, 429]


def test_token_bucket_refills_and_forgets() -> None:
    now = [0.0]
    buckets = Buckets(RateLimit(10, 10), clock=lambda: now[0], max_clients=3)
    assert [buckets.wait("192.0.2.1") for _ in range(10)] == [0.0] * 10
    assert buckets.wait("192.0.2.1") == pytest.approx(1.0)
    now[0] += 2.5  # 2.5 tokens back
    assert [buckets.wait("192.0.2.1") > 0 for _ in range(3)] == [False, False, True]
    for n in range(2, 6):
        buckets.wait(f"192.0.2.{n}")
    assert len(buckets._buckets) == 3  # bounded memory under address spraying
    assert client_key("2001:db8::1") == client_key("2001:db8::ffff") == "2001:db8::/64"


def test_rate_limit_flag_is_parsed() -> None:
    assert RateLimit.parse("60/30") == RateLimit(60, 30.0)
    assert RateLimit.parse("off") is None
    for bad in ("x/10", "10/0", "-5/10"):
        with pytest.raises(ValueError):
            RateLimit.parse(bad)


def test_a_crash_gets_a_500_with_security_headers(hostile: dict[str, Path]) -> None:
    app = create_app(hostile["db"])

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    response = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert response.status_code == 500 and response.json() == {"detail": "حدث خطأ في الخادم"}
    assert response.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]
    assert "boom" not in response.text
