"""Exporting part of an analysis: the stories asked for or the events since a day, with what hangs on them."""
from __future__ import annotations

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
