"""The report and the app read a stored analysis by id on each backend (`store.source.StoreSource`): the same
pages as from the whole document (PostgreSQL only when MARSAD_TEST_PG names one)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.export.analysis import to_document
from marsad.pipeline import analyze
from marsad.store import SQLiteStore, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with SQLiteStore(tmp_path_factory.mktemp("doc") / "m.db") as store:
        return to_document(analyze([EXAMPLES], store))


def test_the_report_of_a_store_is_read_by_id(doc: dict[str, Any], store_location: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from marsad.cli import main
    from marsad.export.report import render_report

    with open_store(store_location) as store:
        store.put_analysis(doc)
        kind = type(store)

    def whole(self: Any) -> None:
        raise AssertionError("the report read the whole analysis")

    section = kind.analysis_section

    def by_section(self: Any, name: str) -> Any:
        assert name not in ("articles", "entities", "claims"), f"the report read every item of {name}"
        return section(self, name)

    monkeypatch.setattr(kind, "get_analysis", whole)
    monkeypatch.setattr(kind, "analysis_section", by_section)
    run = CliRunner().invoke(main, ["export", "--db", store_location, "--html", str(tmp_path / "r.html")])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == render_report(doc)


def test_a_source_reads_items_and_listings_by_id(doc: dict[str, Any], store_location: str) -> None:
    from marsad.export.views import DocumentSource
    from marsad.store.source import StoreSource

    with open_store(store_location) as store:
        store.put_analysis(doc)
    source, whole = StoreSource(store_location), DocumentSource(doc)
    assert source.articles.keys() == whole.articles.keys() and all("text" not in a for a in source.articles.values())
    first, entity = doc["articles"][0], doc["entities"][0]
    assert source.article(first["id"]) == first and source.entity(entity["id"]) == entity
    assert source.mentions(first["id"]) == whole.mentions(first["id"])
    assert source.articles_naming(entity["id"]) == whole.articles_naming(entity["id"])
    assert sorted(source.mention_forms()) == sorted(whole.mention_forms())
    event = doc["events"][0]["id"]
    assert source.referring(f"event:{event}", "claims") == whole.referring(f"event:{event}", "claims")


def test_the_app_over_a_store_shows_the_pages_of_the_document(doc: dict[str, Any], store_location: str,
                                                             tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from marsad.store.source import StoreSource
    from marsad.web.app import create_app

    reference = tmp_path / "reference.db"
    for location in (store_location, str(reference)):
        with open_store(location) as store:
            store.put_analysis(doc)
    app, whole = (TestClient(create_app(location, rate_limit=None)) for location in (store_location, reference))
    assert isinstance(app.app.state.data.view().source, StoreSource)  # type: ignore[attr-defined]
    event, entity, article = doc["events"][0]["id"], doc["entities"][0]["id"], doc["articles"][0]["id"]
    for page in ("/", "/entities", "/outlets", "/api/stories", f"/events/{event}", f"/entities/{entity}",
                 f"/articles/{article}", f"/api/articles/{article}"):
        shown = app.get(page)
        assert shown.status_code == 200, page
        assert shown.text == whole.get(page).text, page
    for query in ("المياه", "عمان"):  # the same articles found (each backend ranks them its own way)
        found, expected = (client.get("/api/search", params={"q": query}).json() for client in (app, whole))
        assert found["count"] == expected["count"] > 0
        assert sorted(map(str, found["results"])) == sorted(map(str, expected["results"]))
