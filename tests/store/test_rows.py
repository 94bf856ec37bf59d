"""The analysis is kept by row: a publish writes the items that changed, the document reads back as it was, and
the store does not grow by a copy of the whole document per publish (on SQLite and, when MARSAD_TEST_PG names
one, on PostgreSQL)."""
from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from marsad.store import SQLiteStore, open_store
from marsad.store.rows import StoredRows, _longest_rise, document_rows, placed, row_changes


def document(events: int, *, changed: int | None = None) -> dict[str, Any]:
    """A document with `events` events, per-event framing rows without ids, and the event `changed` retitled."""
    return {
        "schema": "marsad.analysis/v1",
        "events": [{"id": f"v{n}", "title": "عنوان آخر" if n == changed else f"حدث رقم {n}"}
                   for n in range(1, events + 1)],
        "framing": [{"article": f"a{n}", "terms": []} for n in range(events)] + [{"article": "a0", "terms": []}],
        "claims": [],
    }


def stored_rows(doc: dict[str, Any]) -> StoredRows:
    return StoredRows.of((section, key, position, digest) for section, key, position, digest, _ in document_rows(doc))


def test_a_publish_writes_only_what_changed() -> None:
    before = document(50)
    same = row_changes(before, stored_rows(before))
    assert not (same.written or same.moved or same.deleted)
    retitled = row_changes(document(50, changed=7), stored_rows(before))
    assert [json.loads(row[4])["title"] for row in retitled.written] == ["عنوان آخر"] and not retitled.deleted
    inserted = document(50)
    inserted["events"].insert(0, {"id": "v0", "title": "حدث جديد"})
    grown = row_changes(inserted, stored_rows(before))
    assert [row[1] for row in grown.written] == ["id:v0"] and not grown.moved  # placed before the others
    shrunk = row_changes(document(49), stored_rows(before))
    assert ("events", "id:v50") in shrunk.deleted and not shrunk.written


def test_rows_keep_their_places_where_their_order_holds() -> None:
    assert placed([None, 0, None, 1, 2, None]) == [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0]
    assert placed([5, 3, None, 4, 10]) == [2.0, 3.0, 3.5, 4.0, 10.0]  # 3, 4, 10 stay; 5 moves before 3
    assert placed([0, None, 1e-7]) == [0.0, 1.0, 2.0]  # no room left between two: numbered anew
    rng = random.Random(7)
    for _ in range(200):
        old = [float(p) for p in sorted(rng.sample(range(100), rng.randint(0, 30)))]
        new: list[float | None] = [p for p in old if rng.random() > 0.2] + [None] * rng.randint(0, 5)
        rng.shuffle(new)
        positions = placed(new)
        assert all(a < b for a, b in zip(positions, positions[1:], strict=False))
        assert all(positions[i] == p for i, p in _longest_rise(new)) or positions == [*map(float, range(len(new)))]
        kept = [p for p in new if p is not None]
        if kept == sorted(kept):  # nothing reordered: no stored row moves
            assert [q for p, q in zip(new, positions, strict=True) if p is not None] == kept


def test_the_document_reads_back_in_order_after_each_publish(tmp_path: Path, store_location: str) -> None:
    with open_store(store_location) as store:
        for doc in (document(30), document(31, changed=3), document(12)):
            store.put_analysis(doc)
            assert store.get_analysis() == doc and list(store.get_analysis() or {}) == list(doc)
        assert store.analysis_version() == 3


def test_republishing_does_not_grow_the_store(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with SQLiteStore(path) as store:
        store.put_analysis(document(3000))
    size = path.stat().st_size
    for n in range(1, 6):
        with SQLiteStore(path) as store:
            store.put_analysis(document(3000, changed=n))
    assert path.stat().st_size < 1.05 * size


def test_a_document_kept_whole_by_an_older_version_is_read_and_then_kept_by_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore(path):
        pass
    old = document(4)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO analysis (id, version, data) VALUES (1, 1, ?)", (json.dumps(old),))
    with SQLiteStore(path) as store:
        assert store.get_analysis() == old
        store.put_analysis(document(5))
        assert store.get_analysis() == document(5)


def test_the_search_tables_follow_each_publish(tmp_path: Path, store_location: str) -> None:
    from marsad.export.analysis import to_document
    from marsad.pipeline import analyze
    from marsad.store.sqlite import SearchQuery

    examples = Path(__file__).resolve().parents[2] / "examples"
    with SQLiteStore(tmp_path / "reference.db") as reference:
        doc = to_document(analyze([examples], reference))
    moved, dropped = doc["articles"][0], doc["entities"][-1]
    changed = {**doc, "articles": [{**moved, "source": "منفذ جديد"}, *doc["articles"][1:]],
               "entities": doc["entities"][:-1]}
    with open_store(store_location) as store:
        store.put_analysis(doc)
        assert store.search(SearchQuery(entity=dropped["id"]))
        store.put_analysis(changed)
        assert store.search(SearchQuery(outlet="منفذ جديد")) == [moved["id"]]
        assert moved["id"] not in store.search(SearchQuery(outlet=moved["source"]))
        assert store.search(SearchQuery(entity=dropped["id"])) == []
        assert store.search(SearchQuery(entity=doc["entities"][0]["id"]))


def related(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """A document whose claims, quotes and entities belong to events, articles and speakers."""
    return {
        "schema": "marsad.analysis/v1",
        "articles": [{"id": "a1", "text": "..."}, {"id": "a2", "text": "..."}],
        "entities": [{"id": "e1", "name": "x", "mentions": [{"article": "a2", "start": 0, "end": 1, "text": "x"}]}],
        "events": [{"id": "v1", "articles": ["a1"], "story": "s1"}, {"id": "v2", "articles": ["a1", "a2"]}],
        "claims": claims,
        "quotes": [{"article": "a2", "speaker": "e1", "text": "q"}, {"article": "a1", "speaker": None, "text": "r"}],
    }


def test_rows_are_found_by_the_items_they_belong_to(store_location: str) -> None:
    claims = [{"id": "c1", "event": "v1"}, {"id": "c2", "event": "v2"}, {"id": "c3", "event": "v1"}]
    with open_store(store_location) as store:
        store.put_analysis(related(claims))
        assert [c["id"] for c in store.analysis_referring("event:v1", "claims")] == ["c1", "c3"]
        assert [e["id"] for e in store.analysis_referring("article:a1", "events")] == ["v1", "v2"]
        assert store.articles_naming("e1") == {"a2"}
        assert store.analysis_item("entities", "e1") == related(claims)["entities"][0]  # its mentions kept apart
        assert [q["text"] for q in store.analysis_referring("speaker:e1", "quotes")] == ["q"]
        assert store.analysis_item("events", "v2") == related(claims)["events"][1]
        assert store.analysis_item("events", "v9") is None
        store.put_analysis(related([{"id": "c1", "event": "v2"}, {"id": "c2", "event": "v2"}]))
        assert store.analysis_referring("event:v1", "claims") == []
        assert [c["id"] for c in store.analysis_referring("event:v2", "claims")] == ["c1", "c2"]


def test_rows_kept_without_references_are_written_again_with_them(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    doc = related([{"id": "c1", "event": "v1"}])
    with SQLiteStore(path) as store:
        store.put_analysis(doc)
    with sqlite3.connect(path) as db:  # as a version that kept no references left it
        db.execute("DELETE FROM analysis_refs")
        db.execute("UPDATE analysis SET data = json_remove(data, '$.rows')")
    with SQLiteStore(path) as store:
        store.put_analysis(doc)
        assert [c["id"] for c in store.analysis_referring("event:v1", "claims")] == ["c1"]
        assert store.get_analysis() == doc


def test_a_selection_reads_the_stored_sections_as_the_document(store_location: str) -> None:
    from marsad.export.select import cut_sections, select

    doc = related([{"id": "c1", "event": "v1"}, {"id": "c2", "event": "v2"}])
    doc["stories"] = [{"id": "s1", "events": ["v1"], "timeline": [{"event": "v1"}]}]
    with open_store(store_location) as store:
        store.put_analysis(doc)
        assert store.analysis_header()["sections"] == list(doc)
        assert list(store.analysis_section("events")) == doc["events"]
        assert {**doc, **cut_sections(store.analysis_section, ["s1"])} == select(doc, ["s1"])


def search_tables(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    tables = {table: "*" for table in ("search_articles", "search_mentions", "search_entity_names")}
    tables["search_text"] = "article_id, key"  # with its digest on PostgreSQL
    return {table: sorted(map(tuple, store._db.execute(f"SELECT {columns} FROM {table}").fetchall()))
            for table, columns in tables.items()}


def test_the_search_tables_after_many_publishes_are_those_of_one(tmp_path: Path, store_location: str) -> None:
    from marsad.export.analysis import to_document
    from marsad.pipeline import analyze
    from marsad.store.sqlite import SearchQuery

    examples = Path(__file__).resolve().parents[2] / "examples"
    with SQLiteStore(tmp_path / "reference.db") as reference:
        doc = to_document(analyze([examples], reference))
    named = next(e for e in doc["entities"] if e.get("name_latin"))
    renamed = {**named, "name_latin": "Zorbatin Qalu", "mentions": named["mentions"][:1]}
    first = {**doc, "articles": doc["articles"][1:],
             "entities": [renamed if e is named else e for e in doc["entities"][:-1]]}
    with open_store(store_location) as store, SQLiteStore(tmp_path / "once.db") as once:
        store.put_analysis(first)
        assert store.search(SearchQuery(text="Zorbatin"))
        store.put_analysis(doc)
        once.put_analysis(doc)
        assert search_tables(store) == search_tables(once) and search_tables(once)["search_entity_names"]
        assert store.search(SearchQuery(text="Zorbatin")) == []


def test_a_publish_reads_only_the_rows_it_changes(tmp_path: Path) -> None:
    """The connection that wrote the last analysis knows where its rows are: the next publish reads no whole
    table (the rows, the search tables); another writer in between makes it read the rows again."""
    path = tmp_path / "m.db"
    with SQLiteStore(path) as store, SQLiteStore(path) as other:
        store.put_analysis(related([{"id": "c1", "event": "v1"}]))
        statements: list[str] = []
        store._db.set_trace_callback(statements.append)
        store.put_analysis(related([{"id": "c1", "event": "v1"}, {"id": "c2", "event": "v2"}]))
        reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert reads and not [s for s in reads if "WHERE" not in s.upper()], reads
        other.put_analysis(related([{"id": "c3", "event": "v2"}]))
        store.put_analysis(related([{"id": "c1", "event": "v2"}]))
        assert store.get_analysis() == related([{"id": "c1", "event": "v2"}])


class Item:
    """A document item as the analysis holds it: converted only when its row is written."""

    converted: list[str] = []

    def __init__(self, id: str, title: str) -> None:  # noqa: A002
        self.id, self.title = id, title

    def to_dict(self) -> dict[str, str]:
        Item.converted.append(self.id)
        return {"id": self.id, "title": self.title}


def test_items_known_unchanged_are_not_converted(store_location: str) -> None:
    events = [Item(f"v{n}", f"حدث رقم {n}") for n in range(1, 30)]
    convert = {"events": Item.to_dict}
    with open_store(store_location) as store:
        store.put_analysis({"schema": "marsad.analysis/v1", "events": events}, None, convert)
        Item.converted.clear()
        events = [Item(e.id, e.title) for e in events]  # made anew: not the objects published
        events[3] = Item("v4", "عنوان آخر")
        events.insert(0, Item("v0", "حدث جديد"))
        store.put_analysis({"schema": "marsad.analysis/v1", "events": events},
                           {"events": lambda event: event.id not in ("v0", "v4")}, convert)
        assert Item.converted == ["v0", "v4"]
        assert [e["title"] for e in store.analysis_section("events")] == [e.title for e in events]
        Item.converted.clear()  # those kept as unchanged are known by identity from then on
        store.put_analysis({"schema": "marsad.analysis/v1", "events": events}, None, convert)
        assert Item.converted == []


def test_the_very_items_published_before_are_not_converted_again(store_location: str) -> None:
    """An item that is the same object its stored row was made from needs no encoding."""
    events = [Item(f"v{n}", f"حدث رقم {n}") for n in range(1, 30)]
    stories = [Item("s1", "قصة")]
    convert = {"events": Item.to_dict, "stories": Item.to_dict}
    with open_store(store_location) as store:
        store.put_analysis({"schema": "marsad.analysis/v1", "events": events, "stories": stories}, None, convert)
        Item.converted.clear()
        events[3] = Item("v4", "عنوان آخر")
        store.put_analysis({"schema": "marsad.analysis/v1", "events": events, "stories": stories}, None, convert)
        assert Item.converted == ["v4"]
        assert [e["title"] for e in store.analysis_section("events")] == [e.title for e in events]


def test_a_publish_written_a_few_rows_at_a_time_stores_what_one_part_would(tmp_path: Path, monkeypatch: Any) -> None:
    """SQLite writes a publish a part at a time (`section_changes`: a first publish never holds the whole
    document's rows): the same rows, references and search tables as all at once, after a first publish and a
    changed one."""
    from marsad.export.analysis import to_document
    from marsad.pipeline import analyze
    from marsad.store import rows

    examples = Path(__file__).resolve().parents[2] / "examples"
    with SQLiteStore(tmp_path / "reference.db") as reference:
        doc = to_document(analyze([examples], reference))
    changed = {**doc, "articles": doc["articles"][1:], "entities": doc["entities"][:-1]}
    parts = list(rows.section_changes(doc, StoredRows.of(()), convert={}))
    monkeypatch.setattr(rows, "ROWS_AT_ONCE", 3)
    small = list(rows.section_changes(doc, StoredRows.of(()), convert={}))
    assert max(len(part.written) for part in small) == 3 < max(len(part.written) for part in parts)
    assert sorted(row for part in small for row in part.written) == sorted(document_rows(doc))

    def tables(store: SQLiteStore) -> dict[str, list[tuple[Any, ...]]]:
        return {**search_tables(store), **{table: sorted(store._db.execute(f"SELECT * FROM {table}").fetchall())
                                           for table in ("analysis_rows", "analysis_refs")}}

    with SQLiteStore(tmp_path / "parts.db") as in_parts:
        monkeypatch.setattr(rows, "ROWS_AT_ONCE", 10_000)
        with SQLiteStore(tmp_path / "whole.db") as whole:
            for version in (doc, changed):
                whole.put_analysis(version)
                with monkeypatch.context() as patch:
                    patch.setattr(rows, "ROWS_AT_ONCE", 3)
                    in_parts.put_analysis(version)
                assert tables(in_parts) == tables(whole) and in_parts.get_analysis() == version


class Owned(Item):
    """An item whose rows are keyed by the article it belongs to and its place among that article's items."""

    def __init__(self, id: str, article: str) -> None:  # noqa: A002
        super().__init__(id, f"اقتباس {id}")
        self.article = article

    def to_dict(self) -> dict[str, str]:
        return {**super().to_dict(), "article": self.article}


def test_rows_kept_by_identity_are_those_of_a_fresh_publish(tmp_path: Path) -> None:
    """Publishes that keep most items as the very objects published before, insert, drop and replace some (an
    article's quotes numbered by their place), store the same rows as one publish of the last document into an
    empty store."""
    rng = random.Random(11)
    quotes = [Owned(f"q{n}", f"a{rng.randrange(8)}") for n in range(40)]
    convert = {"quotes": Owned.to_dict}
    with SQLiteStore(tmp_path / "kept.db") as store:
        for round_number in range(12):
            for _ in range(rng.randint(1, 4)):
                place, action = rng.randrange(len(quotes)), rng.random()
                made = Owned(f"r{round_number}-{place}", f"a{rng.randrange(8)}")
                if action < 0.4:
                    quotes.insert(place, made)
                elif action < 0.7:
                    del quotes[place]
                else:
                    quotes[place] = made
            store.put_analysis({"schema": "marsad.analysis/v1", "quotes": quotes}, None, convert)
            doc = {"schema": "marsad.analysis/v1", "quotes": [q.to_dict() for q in quotes]}
            assert sorted(store._db.execute("SELECT section, key, digest FROM analysis_rows")) == sorted(
                (section, key, digest) for section, key, _, digest, _ in document_rows(doc))
            assert store.get_analysis() == doc


def test_owners_made_anew_whole_are_numbered_as_a_fresh_publish(tmp_path: Path) -> None:
    """Publishes where an owner's items are all made anew (an event compared again), owners come and go, and now
    and then one item is replaced among kept ones: the same rows as one publish of the last document."""
    rng = random.Random(5)
    owners = {f"v{n}": [Owned(f"q{n}.{k}", f"v{n}") for k in range(rng.randint(1, 4))] for n in range(12)}
    convert = {"quotes": Owned.to_dict}
    with SQLiteStore(tmp_path / "whole.db") as store:
        for round_number in range(15):
            anew = rng.choice(sorted(owners))
            owners[anew] = [Owned(f"n{round_number}.{k}", anew) for k in range(rng.randint(1, 5))]
            if rng.random() < 0.3:
                del owners[rng.choice(sorted(owners))]
            if rng.random() < 0.5:
                owners[f"w{round_number}"] = [Owned(f"w{round_number}.{k}", f"w{round_number}") for k in range(2)]
            if rng.random() < 0.3:
                kept = owners[rng.choice(sorted(owners))]
                kept[rng.randrange(len(kept))] = Owned(f"x{round_number}", kept[0].article)
            quotes = [quote for found in owners.values() for quote in found]
            store.put_analysis({"schema": "marsad.analysis/v1", "quotes": quotes}, None, convert)
            doc = {"schema": "marsad.analysis/v1", "quotes": [q.to_dict() for q in quotes]}
            assert sorted(store._db.execute("SELECT section, key, digest FROM analysis_rows")) == sorted(
                (section, key, digest) for section, key, _, digest, _ in document_rows(doc))
            assert store.get_analysis() == doc
