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
