"""Watching feeds (served from 127.0.0.1 in a thread) and folders: only what is new is taken in, once."""
from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import marsad.watch
from marsad.errors import ConfigError
from marsad.store import SQLiteStore
from marsad.types import Analysis
from marsad.watch import parse_interval, watch

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FEED = (EXAMPLES / "feed.xml").read_text(encoding="utf-8")
ITEM = re.compile(r"\s*<item>.*?</item>", re.S)


@dataclass
class Served:
    """What the test server answers on /feed.xml, and the conditional headers of every request it got."""

    body: bytes = b""
    version: int = 0
    requests: list[dict[str, str | None]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    def publish(self, text: str) -> None:
        self.body, self.version = text.encode("utf-8"), self.version + 1

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    @property
    def last_modified(self) -> str:
        return formatdate(1_700_000_000 + self.version * 60, usegmt=True)


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path != "/feed.xml":
                self._answer(404)
                return
            served.requests.append({"If-None-Match": self.headers.get("If-None-Match"),
                                    "If-Modified-Since": self.headers.get("If-Modified-Since")})
            if self.headers.get("If-None-Match") == served.etag:
                self._answer(304)
                return
            self._answer(200, served.body, {"ETag": served.etag, "Last-Modified": served.last_modified,
                                            "Content-Type": "application/rss+xml; charset=utf-8"})

        def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            if self.path == "/feed.xml":
                served.statuses.append(status)
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            """Quiet: the test reads `served` instead."""

    return Handler


@pytest.fixture
def feed_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Served]]:
    """A feed on 127.0.0.1 (a free port), answering conditional GETs; proxies are bypassed."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    served = Served()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _rounds(sources: list[str], store: SQLiteStore, rounds: int, messages: list[str] | None = None
            ) -> list[Analysis | None]:
    results: list[Analysis | None] = []
    watch(sources, store, every_seconds=0, rounds=rounds, report=(messages if messages is not None else []).append,
          on_round=lambda number, analysis: results.append(analysis))
    return results


def test_feed_taken_once_then_not_modified(tmp_path: Path, feed_server: tuple[str, Served]) -> None:
    base, served = feed_server
    served.publish(FEED)
    with SQLiteStore(tmp_path / "m.db") as store:
        first, second = _rounds([f"{base}/feed.xml"], store, rounds=2)
        assert first is not None and first.from_inputs == 2 and store.count() == 2
        assert second is None
    assert served.statuses == [200, 304]
    assert served.requests[0] == {"If-None-Match": None, "If-Modified-Since": None}
    assert served.requests[1] == {"If-None-Match": served.etag, "If-Modified-Since": served.last_modified}


def test_changed_feed_adds_only_the_new_item(tmp_path: Path, feed_server: tuple[str, Served]) -> None:
    base, served = feed_server
    second_item = ITEM.findall(FEED)[1]
    served.publish(FEED.replace(second_item, ""))
    with SQLiteStore(tmp_path / "m.db") as store:
        [first] = _rounds([f"{base}/feed.xml"], store, rounds=1)
        served.publish(FEED)
        [grown] = _rounds([f"{base}/feed.xml"], store, rounds=1)
        assert first is not None and grown is not None
        assert (first.from_inputs, grown.from_inputs, grown.reused) == (1, 1, 0)
        assert store.count() == 2
    assert served.requests[1]["If-None-Match"] == '"v1"'  # validators survived between watchers (in the store)


def test_a_bad_fetch_is_reported_and_the_round_goes_on(tmp_path: Path, feed_server: tuple[str, Served]) -> None:
    base, served = feed_server
    served.publish(FEED)
    messages: list[str] = []
    with SQLiteStore(tmp_path / "m.db") as store:
        [result] = _rounds([f"{base}/missing.xml", "http://127.0.0.1:9/feed.xml", f"{base}/feed.xml"], store,
                           rounds=1, messages=messages)
        assert result is not None and store.count() == 2
    assert len(messages) == 2 and "HTTP 404" in messages[0] and "127.0.0.1:9" in messages[1]


def test_new_feed_items_join_the_stored_events(tmp_path: Path, feed_server: tuple[str, Served]) -> None:
    base, served = feed_server
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("feed.xml", "README.md"))
    with SQLiteStore(tmp_path / "m.db") as store:
        [early] = _rounds([str(folder)], store, rounds=1)
        served.publish(FEED)
        [grown] = _rounds([str(folder), f"{base}/feed.xml"], store, rounds=1)
    assert early is not None and grown is not None and grown.from_inputs == 2
    for event in early.events:  # earlier events keep their ids and members; the feed's articles join them
        assert set(event.articles) <= set(next(e for e in grown.events if e.id == event.id).articles)
    joined = {a for e in grown.events for a in e.articles if len(e.articles) > 1}
    assert any(a.startswith("alatlas") for a in joined)


def test_folder_picks_up_a_new_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "06_marsa_floods_alafaq.txt", folder)
    with SQLiteStore(tmp_path / "m.db") as store:
        [first] = _rounds([str(folder)], store, rounds=1)
        shutil.copy(EXAMPLES / "07_marsa_floods_alshorouk.txt", folder)
        second, third = _rounds([str(folder)], store, rounds=2)
        assert first is not None and second is not None and third is None
        assert (first.from_inputs, second.from_inputs, second.reused) == (1, 1, 0)
        assert store.count() == 2


def test_folder_files_get_their_manifest_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    line = next(json.loads(x) for x in (EXAMPLES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(x)["path"].endswith(".txt"))
    shutil.copy(EXAMPLES / line["path"], folder)
    (folder / "manifest.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        _rounds([str(folder)], store, rounds=1)
        stored = store.get_article(line["id"])
        assert stored is not None and stored.source == line["source"]


def test_each_round_is_settled_and_every_so_many_fully(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settled: list[bool] = []
    monkeypatch.setattr(marsad.watch, "settle_round", lambda full=False: settled.append(full))
    monkeypatch.setattr(marsad.watch, "FULL_SETTLING", 2)
    with SQLiteStore(tmp_path / "m.db") as store:
        _rounds([str(tmp_path)], store, rounds=5)
    assert settled == [False, True, False, True, False]


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    messages: list[str] = []
    with SQLiteStore(tmp_path / "m.db") as store:
        assert _rounds([str(tmp_path / "nowhere")], store, rounds=1, messages=messages) == [None]
    assert "no such file or folder" in messages[0]


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("10m", 600), ("1.5h", 5400), ("1d", 86400)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "10x", "-5m", "m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_interval(text)
