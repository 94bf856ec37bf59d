"""The app reads the store by id (`web.source.StoreSource`): it shows what the whole document shows, keeps only
listings in memory, and reads a store of an older version whole."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.export.analysis import to_document
from marsad.export.views import DocumentSource, DocumentView
from marsad.pipeline import analyze
from marsad.store import SQLiteStore
from marsad.store.source import StoreSource
from marsad.web.app import Data, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A store holding the analysis of the bundled examples, and that analysis as a document."""
    path = tmp_path_factory.mktemp("source") / "marsad.db"
    with SQLiteStore(path) as store:
        doc = to_document(analyze([EXAMPLES], store))
        store.put_analysis(doc)
    return path, doc


def legacy_copy(path: Path, copy: Path) -> Path:
    """A copy of the store as an older version kept it: rows without references (read whole by the app)."""
    with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM analysis_refs")
        db.execute("UPDATE analysis SET data = json_remove(data, '$.rows')")
    return copy


def test_pages_read_by_id_are_those_of_the_whole_document(stored: tuple[Path, dict[str, Any]],
                                                          tmp_path: Path) -> None:
    path, doc = stored
    by_id = TestClient(create_app(path, rate_limit=None))
    whole = TestClient(create_app(legacy_copy(path, tmp_path / "old.db"), rate_limit=None))
    assert isinstance(by_id.app.state.data.view().source, StoreSource)  # type: ignore[attr-defined]
    assert isinstance(whole.app.state.data.view().source, DocumentSource)  # type: ignore[attr-defined]
    speaker = next(q["speaker"] for q in doc["quotes"] if q.get("speaker"))
    outlet = doc["articles"][0]["source"]
    paths = ["/", f"/?entity={speaker}", f"/?outlet={outlet}", "/entities", "/entities?sort=name", "/outlets",
             f"/outlets/{outlet}", "/search?q=المياه", "/api/stories", "/api/events", "/api/entities"]
    paths += [f"/events/{e['id']}" for e in doc["events"]] + [f"/api/events/{e['id']}" for e in doc["events"]]
    paths += [f"/stories/{s['id']}" for s in doc["stories"]]
    paths += [f"/articles/{a['id']}" for a in doc["articles"]] + [f"/api/articles/{a['id']}" for a in doc["articles"]]
    paths += [f"/entities/{e['id']}" for e in doc["entities"]] + [f"/api/entities/{e['id']}" for e in doc["entities"]]
    assert doc["quotes"] and doc["claims"] and len(paths) > 50
    for page in paths:
        shown = by_id.get(page)
        assert shown.status_code == 200, page
        assert shown.text == whole.get(page).text, page


def test_only_listings_stay_in_memory(stored: tuple[Path, dict[str, Any]]) -> None:
    path, doc = stored
    source = StoreSource(path)
    assert set(source.articles) == {a["id"] for a in doc["articles"]}
    assert all("text" not in a for a in source.articles.values())
    assert all("mentions" not in e for e in source.entities.values())
    first = doc["articles"][0]
    assert source.article(first["id"]) == first  # whole, from the store
    with pytest.raises(KeyError):
        source.article("no-such-article")


def test_a_store_written_by_an_older_version_is_read_whole(stored: tuple[Path, dict[str, Any]],
                                                           tmp_path: Path) -> None:
    path, doc = stored
    view = Data(legacy_copy(path, tmp_path / "old.db")).view()
    assert isinstance(view.source, DocumentSource)
    assert view.event_view(doc["events"][0]["id"]).summary
    assert isinstance(Data(path).view().source, StoreSource)


def test_a_new_analysis_is_read_after_a_cycle(stored: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, doc = stored
    copy = tmp_path / "copy.db"
    with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    data = Data(copy)
    event = doc["events"][0]
    assert data.view().events[event["id"]]["title"] == event["title"]
    renamed = json.loads(json.dumps(doc))
    renamed["events"][0]["title"] = "عنوان جديد"
    with SQLiteStore(copy) as store:
        store.put_analysis(renamed)
    data.view()
    data.wait_for_reload()
    assert data.view().events[event["id"]]["title"] == "عنوان جديد"
    assert data.view().event_view(event["id"]).summary == DocumentView(renamed).event_view(event["id"]).summary


def test_the_report_of_a_store_is_read_by_id(stored: tuple[Path, dict[str, Any]], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from marsad.cli import main
    from marsad.export.report import render_report

    path, doc = stored

    def whole(self: SQLiteStore) -> None:
        raise AssertionError("the report read the whole analysis")

    monkeypatch.setattr(SQLiteStore, "get_analysis", whole)
    run = CliRunner().invoke(main, ["export", "--db", str(path), "--html", str(tmp_path / "r.html")])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == render_report(doc)
