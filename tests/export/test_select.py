"""Exporting part of an analysis: the stories asked for or the events since a day, with what hangs on them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.export.select import SelectionError, select


def document() -> dict:
    articles = [{"id": f"a{n}", "published": f"2026-03-0{n}T08:00:00"} for n in range(1, 5)]
    return {
        "articles": articles,
        "events": [{"id": "v1", "story": "s1", "date": "2026-03-01", "articles": ["a1", "a2"]},
                   {"id": "v2", "story": "s1", "date": None, "articles": ["a3"]},
                   {"id": "v3", "story": "s2", "date": "2026-03-04", "articles": ["a4"]}],
        "stories": [{"id": "s1", "events": ["v1", "v2"], "timeline": [{"event": "v1"}, {"event": "v2"}]},
                    {"id": "s2", "events": ["v3"], "timeline": [{"event": "v3"}]}],
        "claims": [{"id": "c1", "event": "v1"}, {"id": "c2", "event": "v3"}],
        "summaries": [{"event": e} for e in ("v1", "v2", "v3")],
        "quotes": [{"article": "a2", "speaker": "e1"}, {"article": "a4", "speaker": None}],
        "entities": [{"id": "e1", "mentions": [{"article": "a2"}, {"article": "a4"}]},
                     {"id": "e2", "mentions": [{"article": "a4"}]}],
    }


def test_a_story_keeps_its_events_articles_and_the_mentions_in_them() -> None:
    cut = select(document(), stories=["s1"])
    assert [e["id"] for e in cut["events"]] == ["v1", "v2"] and [s["id"] for s in cut["stories"]] == ["s1"]
    assert [a["id"] for a in cut["articles"]] == ["a1", "a2", "a3"]
    assert [c["id"] for c in cut["claims"]] == ["c1"] and len(cut["summaries"]) == 2 and len(cut["quotes"]) == 1
    assert cut["entities"] == [{"id": "e1", "mentions": [{"article": "a2"}]}]


def test_since_keeps_events_from_that_day_undated_ones_by_their_latest_article() -> None:
    cut = select(document(), since="2026-03-03")
    assert [e["id"] for e in cut["events"]] == ["v2", "v3"]
    assert [(s["id"], s["events"], s["timeline"]) for s in cut["stories"]] == [
        ("s1", ["v2"], [{"event": "v2"}]), ("s2", ["v3"], [{"event": "v3"}])]


def test_an_unknown_story_is_an_error_that_names_it() -> None:
    with pytest.raises(SelectionError, match="s9"):
        select(document(), stories=["s1", "s9"])


def test_a_document_is_written_a_piece_at_a_time_as_json_dumps_writes_it() -> None:
    from marsad.export.analysis import json_pieces

    doc = {**document(), "schema": "marsad.analysis/v1", "empty": [], "nested": {"a": [1, {"b": "ج"}]}}
    assert "".join(json_pieces(doc.items())) == json.dumps(doc, ensure_ascii=False, indent=1)
    streamed = ((key, iter(value)) if isinstance(value, list) else (key, value) for key, value in doc.items())
    assert "".join(json_pieces(streamed)) == json.dumps(doc, ensure_ascii=False, indent=1)
    assert "".join(json_pieces({}.items())) == "{}"


def test_export_reads_the_store_a_section_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from marsad.cli import main
    from marsad.store import SQLiteStore

    doc = {"schema": "marsad.analysis/v1", **document()}
    for entity in doc["entities"]:
        entity["mentions"] = [{**m, "start": 0, "end": 1, "text": "x"} for m in entity["mentions"]]
    with SQLiteStore(tmp_path / "m.db") as store:
        store.put_analysis(doc)

    def whole(self: SQLiteStore) -> None:
        raise AssertionError("the export read the whole analysis")

    monkeypatch.setattr(SQLiteStore, "get_analysis", whole)
    for args, expected in ((["--json", "all.json"], doc), (["--story", "s2", "--json", "s2.json"], select(doc, ["s2"])),
                           (["--since", "2026-03-03", "--json", "d.json"], select(doc, since="2026-03-03"))):
        run = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "m.db"), *args[:-1], str(tmp_path / args[-1])])
        assert run.exit_code == 0, run.output
        written = (tmp_path / args[-1]).read_text(encoding="utf-8")
        assert written == json.dumps(expected, ensure_ascii=False, indent=1)
