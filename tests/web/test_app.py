"""The web app through FastAPI's TestClient: pages, API, Arabic-normalised search, errors, security."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli import main
from marsad.store import SQLiteStore
from marsad.web.app import create_app
from marsad.web.bind import BindError, check_bind, is_loopback

DATA = Path(__file__).resolve().parents[1] / "data" / "hostile_analysis.json"
HOSTILE, PLAIN = "a1_hostile", "a2_plain"
TOKEN = "t" * 24


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "marsad.db"
    with SQLiteStore(path) as store:
        store.put_analysis(json.loads(DATA.read_text(encoding="utf-8")))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def found(client: TestClient, **params: str) -> list[str]:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return sorted(r["article"] for r in response.json()["results"])


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/events/v1", f"/articles/{HOSTILE}", f"/articles/{PLAIN}",
                                  "/entities", "/entities/e1", "/search", "/search?q=الرباط"])
def test_every_page_is_arabic_rtl_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "<script" not in response.text


def test_pages_show_the_views(client: TestClient) -> None:
    event = client.get("/events/v1").text
    assert "الملخص" in event and 'class="matrix"' in event and "تناقضات بين المصادر" in event
    assert f'href="/articles/{HOSTILE}"' in event
    article = client.get(f"/articles/{PLAIN}").text
    assert re.search(r'<mark class="[^"]*\bhl-timex\b[^"]*"[^>]*>يوم الخميس</mark>', article)
    assert "Nasser Bourita" in client.get("/entities/e2").text


def test_hostile_article_is_escaped(client: TestClient) -> None:
    page = client.get(f"/articles/{HOSTILE}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "<img" not in page and 'href="javascript:' not in page and "<b>Evil" not in page


def test_api_routes(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories[0]["id"] == "s1" and stories[0]["events"][0]["id"] == "v1"
    event = client.get("/api/events/v1").json()
    assert [s["article"] for s in event["summary"]] == [HOSTILE, PLAIN]
    assert {c["id"]: c["outlets"]["Reuters"] for c in event["claims"]} == {
        "c1": "stated", "c2": "contradicts", "c3": "stated"}
    entity = client.get("/api/entities/e2").json()
    assert entity["name_latin"] == "Nasser Bourita" and entity["quotes"][0]["speaker"] == "e2"
    assert client.get(f"/api/articles/{PLAIN}").json()["timexes"][0]["value"] == "2021-11-25"


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/events/{event_id}", "/api/entities/{entity_id}", "/api/search"} <= set(paths)
    assert not [p for p in paths if not p.startswith("/api/")]


@pytest.mark.parametrize(("query", "expected"), [
    ("اعلنت", [HOSTILE, PLAIN]),       # no hamza finds «أعلنت» too
    ("أعلنت", [HOSTILE, PLAIN]),       # and the other way round
    ("الاربعاء", [HOSTILE]),           # «الأربعاء» in the text
    ("وزارة", [HOSTILE, PLAIN]),       # ta marbuta finds «الوزاره»
    ("الرباط الاتفاق", [HOSTILE, PLAIN]),
    ("الخميس", [PLAIN]),
    ("في", [HOSTILE, PLAIN]),          # shorter than a trigram
    ("غير موجود إطلاقا", []),
])
def test_search_is_arabic_normalised(client: TestClient, query: str, expected: list[str]) -> None:
    assert found(client, q=query) == expected


@pytest.mark.parametrize("query", ['" OR 1=1 --', "NEAR(a b)", "*", "الرباط AND", "'; DROP TABLE analysis; --", "%_\\"])
def test_query_syntax_is_never_passed_through(client: TestClient, query: str) -> None:
    assert client.get("/api/search", params={"q": query}).status_code == 200
    assert found(client, q="الرباط") == [HOSTILE, PLAIN]


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "الرباط", "outlet": "Reuters"}, [PLAIN]),
    ({"q": "الرباط", "entity": "e2"}, [HOSTILE]),
    ({"entity": "e1"}, [HOSTILE, PLAIN]),
    ({"q": "الرباط", "from": "2021-11-25"}, [PLAIN]),
    ({"q": "الرباط", "to": "2021-11-24"}, [HOSTILE]),
    ({"q": "الرباط", "from": "2021-11", "to": "2021-11"}, [HOSTILE, PLAIN]),
    ({"q": "الرباط", "to": "2020"}, []),
])
def test_search_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    assert found(client, **params) == expected


def test_search_counts_every_match_and_pages_through_them(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "الرباط", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "الرباط", "limit": 1, "offset": 1}).json()
    assert first["count"] == second["count"] == 2 and first["next_offset"] == 1 and second["next_offset"] is None
    assert {first["results"][0]["article"], second["results"][0]["article"]} == {HOSTILE, PLAIN}


def test_search_finds_other_inflections_and_alternatives(client: TestClient) -> None:
    assert found(client, q="والرباط") == found(client, q="الرباط") == [HOSTILE, PLAIN]  # clitics off
    assert found(client, q="الخميس OR الاربعاء") == [HOSTILE, PLAIN]
    assert found(client, q='"غير موجود" OR الخميس') == [PLAIN]
    assert found(client, q="bourita") == found(client, q="Nasser Bourita") == [HOSTILE]  # the Latin name
    assert client.get("/api/search", params={"q": "الرباط"}).json()["results"][0]["events"] == ["v1"]
    assert 'href="/events/v1"' in client.get("/search", params={"q": "الرباط"}).text  # each hit leads to its event


def test_search_page_shows_snippets_with_the_match_marked(client: TestClient) -> None:
    page = client.get("/search", params={"q": "اعلنت"}).text
    assert "نتيجتان" in page
    assert '<mark class="hl-hit">أعلنت</mark>' in page and '<mark class="hl-hit">اعلنت</mark>' in page


@pytest.mark.parametrize("path", ["/nothing", "/events/v99", "/entities/e99", "/stories/zz", "/articles/none"])
def test_unknown_pages_are_arabic_404s(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.text and 'dir="rtl"' in response.text


def test_unknown_api_items_are_json_404s(client: TestClient) -> None:
    response = client.get("/api/events/v99")
    assert response.status_code == 404 and response.json() == {"detail": "الصفحة غير موجودة"}


@pytest.mark.parametrize("path", ["/articles/..%2F..%2Fetc%2Fpasswd", "/articles/../../etc/passwd",
                                  "/articles/%2e%2e", "/entities/%2E%2E", "/api/articles/..%5c..%5cwin.ini",
                                  "/static/..%2F..%2Fstore%2Fsqlite.py", "/static/../pyproject.toml"])
def test_path_traversal_finds_nothing(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text and "import" not in response.text


def test_invalid_query_values_are_refused(client: TestClient) -> None:
    assert client.get("/api/search", params={"from": "yesterday"}).status_code == 422
    assert client.get("/search", params={"q": "x" * 500}).status_code == 422


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/nothing", "/static/marsad.css"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert "script-src" not in csp  # no script at all: default-src 'none' applies
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_read_only_and_size_limits(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = client.request(method, "/api/stories")
        assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    big = client.request("GET", "/api/stories", content=b"x" * 5000)
    assert big.status_code == 413
    assert client.get("/search?q=" + "ب" * 3000).status_code == 414


def test_token_guards_every_request(db: Path) -> None:
    guarded = TestClient(create_app(db, token=TOKEN))
    assert guarded.get("/api/stories").status_code == 401
    assert guarded.get("/api/stories", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/stories", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    login = guarded.get(f"/events/v1?token={TOKEN}", follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/events/v1"
    assert "httponly" in login.headers["set-cookie"].lower()
    assert guarded.get("/events/v1").status_code == 200  # the cookie now carries the token


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("[::1]", True), ("127.0.0.2", True), ("0.0.0.0", False),
                                                ("192.168.1.5", False), ("example.org", False), ("::", False)])
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_binding_beyond_loopback_needs_a_token() -> None:
    with pytest.raises(BindError, match="without --token"):
        check_bind("0.0.0.0", None)
    with pytest.raises(BindError, match="at least"):
        check_bind("0.0.0.0", "short")
    check_bind("0.0.0.0", TOKEN)
    check_bind("127.0.0.1", None)


def test_serve_command_refuses_a_public_host_without_token(db: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={"MARSAD_TOKEN": None})
    assert result.exit_code == 2
    assert "without --token" in result.output


def test_store_without_analysis_serves_an_empty_home(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    SQLiteStore(path).close()
    empty = TestClient(create_app(path))
    assert "marsad analyze" in empty.get("/").text
    assert empty.get("/api/search", params={"q": "الرباط"}).json()["count"] == 0


def test_analysis_is_reloaded_when_a_new_one_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    with SQLiteStore(path) as store:
        store.put_analysis({**doc, "stories": []})
        app = create_app(path)
        live = TestClient(app)
        assert live.get("/stories/s1").status_code == 404
        store.put_analysis(doc)
        assert live.get("/stories/s1").status_code == 404  # readers go on with the analysis they had ...
        app.state.data.wait_for_reload(30)  # ... while the new one loads on a side thread
        assert live.get("/stories/s1").status_code == 200
