"""The analysis as the app and the report read it: from the store item by item (`store.rows`), never whole.

A `StoreSource` is made for one stored analysis (an SQLite file or a PostgreSQL database): it keeps what listings
need in memory (articles without their text, entities without their mentions, events and stories) and reads
everything else by id when a page asks: an article's text, quotes and marks, an event's claims and summary, an
entity's mentions. Each server thread reads through its own read-only connection, so readers never wait for one
another or for a monitor's cycle.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.store import open_reader
from marsad.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from marsad.store.postgres import PostgresStore

Doc = dict[str, Any]
ARTICLE_FIELDS = ("id", "title", "source", "published", "url")  # an article as listings show it
ENTITY_FIELDS = ("id", "type", "name", "name_latin")  # an entity as listings show it
QUOTE_FIELDS = ("article", "speaker", "speaker_text", "anonymous")  # what grouping quotes by speaker reads
ITEMS_CACHED = 256  # whole articles and entities kept for pages asked again


class StoreSource:
    """A `marsad.export.views.Source` over the analysis stored in an SQLite file or at a PostgreSQL DSN."""

    def __init__(self, db: str | Path) -> None:
        self.db = db
        self._local = threading.local()
        store = self._store()
        with store.snapshot():
            self.articles: dict[str, Doc] = {a["id"]: a for a in store.analysis_fields("articles", ARTICLE_FIELDS)}
            self.entities: dict[str, Doc] = {e["id"]: e for e in store.analysis_fields("entities", ENTITY_FIELDS)}
            self.events: dict[str, Doc] = {e["id"]: e for e in store.analysis_section("events")}
            self.stories: dict[str, Doc] = {s["id"]: s for s in store.analysis_section("stories")}
        self.article = lru_cache(maxsize=ITEMS_CACHED)(self._item("articles"))
        self.entity = lru_cache(maxsize=ITEMS_CACHED)(self._item("entities"))

    def _store(self) -> SQLiteStore | PostgresStore:
        """This thread's read-only connection to the store."""
        store: SQLiteStore | PostgresStore | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_reader(str(self.db))
        return store

    def _item(self, section: str) -> Callable[[str], Doc]:
        """A reader of one section's items by id (KeyError when there is none)."""
        def read(item_id: str) -> Doc:
            item = self._store().analysis_item(section, item_id)
            if item is None:
                raise KeyError(item_id)
            return item
        return read

    def referring(self, ref: str, section: str) -> list[Doc]:
        return self._store().analysis_referring(ref, section)

    def mentions(self, article_id: str) -> list[Doc]:
        return self._store().analysis_mentions(article_id)

    def articles_naming(self, entity_id: str) -> set[str]:
        return self._store().articles_naming(entity_id)

    @cached_property
    def _forms(self) -> tuple[tuple[str, str, int], ...]:
        return tuple(self._store().mention_forms())

    def mention_forms(self) -> tuple[tuple[str, str, int], ...]:
        """(entity, form, mentions) of the whole analysis, read once."""
        return self._forms

    def all_quotes(self) -> Iterator[Doc]:
        """Every quote, only the fields that group it by speaker."""
        return self._store().analysis_fields("quotes", QUOTE_FIELDS)

