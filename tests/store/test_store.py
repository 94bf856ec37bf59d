"""The store makes re-runs cheap and safe (same content is a no-op, changed content replaces, an interrupted run
resumes), and the PostgreSQL store behaves as the SQLite one: each test runs on both backends (PostgreSQL when
MARSAD_TEST_PG names one; skipped with the reason otherwise)."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from marsad.export.analysis import to_document
from marsad.pipeline import analyze
from marsad.store import SQLiteStore, is_postgres, open_store
from marsad.store.sqlite import SearchQuery
from marsad.types import Article

BODY = "وقع البلدان اتفاقا للتعاون في مجال المياه يوم الأربعاء في العاصمة.\nوقال الوزير إن الخطوة مهمة."
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_open_store_chooses_by_location(tmp_path: Path) -> None:
    assert is_postgres("postgresql://u@h/db") and is_postgres("postgres://h/db")
    assert not is_postgres(str(tmp_path / "postgresql.db"))
    with open_store(str(tmp_path / "m.db")) as store:
        assert isinstance(store, SQLiteStore)


def test_reingesting_same_content_is_a_noop(tmp_path: Path, store_location: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    with open_store(store_location) as store:
        first = analyze([tmp_path / "in"], store)
        second = analyze([tmp_path / "in"], store)
        assert (first.reused, second.reused) == (0, 1)
        assert store.count() == 1
        assert second.articles == first.articles


def test_changed_content_replaces_the_stored_article(tmp_path: Path, store_location: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with open_store(store_location) as store:
        analyze([path], store)
        path.write_text(BODY + "\nوأضاف أن التنفيذ يبدأ الشهر المقبل.", encoding="utf-8")
        again = analyze([path], store)
        assert again.reused == 0 and store.count() == 1
        stored = store.get_article("a")
        assert stored is not None and "التنفيذ" in stored.text


def test_interrupted_run_resumes_with_what_is_left(tmp_path: Path, store_location: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"{BODY}\nالخبر رقم {i}.", encoding="utf-8")
    with open_store(store_location) as store:
        analyze([folder / "0.txt", folder / "1.txt"], store)  # a run that stopped half-way
    with open_store(store_location) as store:
        resumed = analyze([folder], store)
        assert resumed.reused == 2 and len(resumed.articles) == 4 and store.count() == 4


def test_store_survives_reopening(tmp_path: Path, store_location: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with open_store(store_location) as store:
        [article] = analyze([path], store).articles
    with open_store(store_location) as store:
        assert list(store.articles()) == [article]


def test_articles_keep_first_stored_order_when_replaced(store_location: str) -> None:
    with open_store(store_location) as store:
        for article_id in ("b", "a", "c"):
            store.put_processed([(Article(id=article_id, text=BODY), f"h-{article_id}", {"mentions": []})])
        store.put_processed([(Article(id="b", text=BODY + " ٢"), "h-b2", {"mentions": [{"start": 0}]})])
        assert [a.id for a in store.articles()] == ["b", "a", "c"]
        assert store.stored_hash("b") == "h-b2" and store.stored_hash("z") is None
        assert store.content_hashes() == {"a": "h-a", "b": "h-b2", "c": "h-c"}
        assert store.annotations("mentions") == {"a": [], "b": [{"start": 0}], "c": []}
        assert store.get_article("z") is None


def test_one_batch_keeps_its_order(store_location: str) -> None:
    with open_store(store_location) as store:
        store.put_processed([(Article(id=i, text=BODY), f"h-{i}", {"mentions": [{"start": n}]})
                             for n, i in enumerate(("z", "y", "x"))])
        assert [a.id for a in store.articles()] == ["z", "y", "x"]
        assert store.annotations("mentions") == {"z": [{"start": 0}], "y": [{"start": 1}], "x": [{"start": 2}]}


def test_some_articles_and_their_annotations_by_id_in_stored_order(store_location: str) -> None:
    with open_store(store_location) as store:
        store.put_processed([(Article(id=i, text=BODY), f"h-{i}", {"mentions": [{"start": n}]})
                             for n, i in enumerate(("z", "y", "x", "w"))])
        assert [a.id for a in store.articles({"w", "y", "q"})] == ["y", "w"]
        assert store.annotations("mentions", ["w", "y", "q"]) == {"y": [{"start": 1}], "w": [{"start": 3}]}
        assert list(store.articles(())) == [] and store.annotations("mentions", ()) == {}


def test_storing_an_article_does_not_scan_the_table(tmp_path: Path) -> None:
    """The next position comes from an index: a scan per insert made a 30k-article run quadratic."""
    with SQLiteStore(tmp_path / "a.db") as store:
        plan = store._db.execute("EXPLAIN QUERY PLAN SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchall()
    assert "articles_seq" in str(plan) and "SCAN articles" not in str(plan)


def test_annotations_and_state_round_trip(store_location: str) -> None:
    with open_store(store_location) as store:
        store.put_processed([(Article(id="a", text=BODY, removed=("سطر",)), "h", {})])
        store.put_annotation("a", "quotes", [{"text": "قال\u0000"}])
        store.put_annotation("a", "quotes", [{"text": "قال"}])
        store.put_state("events", {"vectors": [1.5, 2], "seen": {"a"}})
        assert store.annotations("quotes") == {"a": [{"text": "قال"}]}
        assert store.get_state("events") == {"vectors": [1.5, 2], "seen": {"a"}}
        assert store.get_state("missing") is None
        assert store.get_article("a") == Article(id="a", text=BODY, removed=("سطر",))
        store.put_states({"comparison:v1": (1, 2), "comparison:v2": [3], "other": 4})
        store.put_states({"comparison:v2": None})
        assert store.get_states("comparison:") == {"comparison:v1": (1, 2)} and store.get_state("other") == 4


def test_a_state_written_by_another_version_is_absent_not_an_error(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        store.put_states({"comparison:v1": [1], "comparison:v2": [2]})
    old_shape = b"cmarsad.types\nAClassOfAnOlderVersion\n)\x81."  # a pickle naming a class that is gone
    with sqlite3.connect(tmp_path / "m.db") as db:
        db.execute("UPDATE state SET data = ? WHERE name = 'comparison:v2'", (old_shape,))
    with SQLiteStore(tmp_path / "m.db") as store:
        assert store.get_states("comparison:") == {"comparison:v1": [1]}
        assert store.get_state("comparison:v2") is None


def test_same_analysis_on_both_backends(tmp_path: Path, store_location: str) -> None:
    with SQLiteStore(tmp_path / "reference.db") as reference:
        expected = to_document(analyze([EXAMPLES], reference))
    with open_store(store_location) as store:
        assert to_document(analyze([EXAMPLES], store)) == expected


def _searches(document: dict[str, Any]) -> list[SearchQuery]:
    entity = document["entities"][0]["id"]
    outlet = document["articles"][0]["source"]
    return [SearchQuery("مرسى الحوت"), SearchQuery("عمان"), SearchQuery("ال"), SearchQuery(outlet=outlet),
            SearchQuery(entity=entity), SearchQuery(date_from="2025-03", date_to="2025-03"),
            SearchQuery("الوزير", date_to="2025-12"), SearchQuery("لا يوجد هذا أبدا")]


def test_latest_analysis_and_search_as_on_sqlite(tmp_path: Path, store_location: str) -> None:
    with SQLiteStore(tmp_path / "reference.db") as reference:
        document = to_document(analyze([EXAMPLES], reference))
        reference.put_analysis(document)
        expected = [reference.search(query) for query in _searches(document)]
    with open_store(store_location) as store:
        assert store.get_analysis() is None and store.analysis_version() == 0
        store.put_analysis(document)
        store.put_analysis(document)
        assert store.get_analysis() == document and store.analysis_version() == 2
        found = [store.search(query) for query in _searches(document)]
    assert [sorted(ids) for ids in found] == [sorted(ids) for ids in expected]  # same articles
    wordless = [i for i, query in enumerate(_searches(document)) if not query.text]
    assert [found[i] for i in wordless] == [expected[i] for i in wordless]  # same order when no words rank
    assert any(found) and not found[-1]


def test_a_publish_whose_text_index_fails_behind_it_leaves_the_store_as_it_was(tmp_path: Path,
                                                                                monkeypatch: Any) -> None:
    """The articles' texts are indexed on a side thread while the publish goes on: a failure there fails the
    publish, which then stores nothing (the analysis and the index stay as they were)."""
    import threading

    import pytest

    from marsad.store import sqlite as sqlite_store
    from marsad.store.query import TextChanges

    bound_on: list[str] = []

    class Unbindable:
        def __conform__(self, protocol: object) -> object:  # asked as the row is bound: an unsupported value
            bound_on.append(threading.current_thread().name)
            return self

    with SQLiteStore(tmp_path / "s.db") as store:
        document = to_document(analyze([EXAMPLES], store))
        store.put_analysis(document)
        found = store.search(SearchQuery("مرسى الحوت"))
        monkeypatch.setattr(sqlite_store, "text_changes", lambda articles, indexed: TextChanges(
            list(indexed), [("unbindable", "digest", Unbindable())]))
        with pytest.raises(sqlite3.Error):
            store.put_analysis({**document, "articles": document["articles"][:1]})
        assert bound_on and bound_on[0] != threading.current_thread().name
        assert store.get_analysis() == document and store.analysis_version() == 1
        assert found and store.search(SearchQuery("مرسى الحوت")) == found
