"""SQLite store (the default): one file, WAL journal, one transaction per batch of processed articles.

Re-ingesting the same article (same id, text and metadata: the content hash) is a no-op; a run that is
interrupted and started again finds the articles and stage results already stored and does only the rest.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from marsad.store.pickled import loads_or_none
from marsad.store.query import (
    MENTIONS_TABLE,
    SEARCH_TABLES,
    MentionChanges,
    Query,
    SearchChanges,
    exact_forms,
    fts_expression,
    like_condition,
    mention_dicts,
    parse,
    published_mentions,
    search_changes,
    text_changes,
    with_names,
)
from marsad.store.rows import (
    DETACHED,
    Convert,
    PublishedRows,
    Unchanged,
    assemble,
    attach,
    current,
    document_header,
    section_changes,
)
from marsad.types import Article, RawDocument

Processed = tuple[Article, str, dict[str, list[dict[str, Any]]]]
"""An article as the map step leaves it: the article, its content hash, and each stage's spans as JSON records."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);  -- the next seq in O(log n), not a scan per insert
CREATE TABLE IF NOT EXISTS state (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS annotations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, stage)
);
CREATE TABLE IF NOT EXISTS analysis (  -- the analysis document's header (`store.rows`)
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis_rows (  -- its items, one row each, written where they changed
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    position REAL NOT NULL,
    digest TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (section, key)
);
CREATE TABLE IF NOT EXISTS analysis_refs (  -- the items each row belongs to (`store.rows.row_refs`)
    ref TEXT NOT NULL,
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (ref, section, key)
);
CREATE INDEX IF NOT EXISTS analysis_refs_row ON analysis_refs(section, key);
CREATE TABLE IF NOT EXISTS search_articles (
    article_id TEXT PRIMARY KEY,
    source TEXT,
    published TEXT
);
DROP TABLE IF EXISTS search_entities;  -- kept by an older version: an entity's articles are those of its mentions
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(article_id UNINDEXED, key, tokenize='trigram');
CREATE TABLE IF NOT EXISTS search_digests (  -- the text each indexed article had: only new or changed ones reindexed
    article_id TEXT PRIMARY KEY,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS search_mentions (  -- the entities' mentions (`store.rows.DETACHED`)
    article_id TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, start_at, end_at, entity_id)
);
CREATE INDEX IF NOT EXISTS search_mentions_entity ON search_mentions(entity_id);
DROP TABLE IF EXISTS search_names;  -- kept by an older version, without the entity each row is of
CREATE TABLE IF NOT EXISTS search_entity_names (  -- the Latin words of each entity's names (`query.name_rows`)
    entity_id TEXT NOT NULL,
    word TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (word, name, entity_id)
);
CREATE INDEX IF NOT EXISTS search_entity_names_entity ON search_entity_names(entity_id);
"""
MIN_TRIGRAM = 3  # the trigram index answers MATCH only for terms this long; shorter ones fall back to LIKE


def content_hash(raw: RawDocument) -> str:
    """A hash of everything that makes an article what it is: id, body and metadata."""
    parts = [raw.id, raw.body, raw.format, raw.title, raw.source, raw.url, raw.published, raw.author]
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


class _Behind:
    """Calls run in order on one side thread while the caller goes on: SQLite lets go of the interpreter while it
    steps, so the slowest writes of a publish (the trigram index of the articles' texts) overlap the encoding of
    the next rows. Leaving waits for them all and raises what failed."""

    def __enter__(self) -> _Behind:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="marsad-behind")
        self._calls: list[Future[Any]] = []
        return self

    def __call__(self, function: Callable[..., Any], *args: Any) -> None:
        self._calls.append(self._pool.submit(function, *args))

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self._pool.shutdown(wait=True)
        if kind is None:  # else the caller's own error is the one raised
            for call in self._calls:
                call.result()


class SQLiteStore:
    """Articles with their content hash, and the JSON result of each per-article stage."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:  # for the web app: no schema change, no write, usable from the server's threads
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False)  # a publish indexes text on a side thread
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)
        self._published = PublishedRows()  # the positions of the rows this connection last wrote

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored_hash(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def content_hashes(self) -> dict[str, str]:
        """Every stored article's content hash, by id."""
        return dict(self._db.execute("SELECT id, content_hash FROM articles").fetchall())

    def put_processed(self, batch: Iterable[Processed]) -> None:
        """Store (or replace) articles, each with the spans of every per-article stage, in one transaction."""
        with self._db:
            for article, digest, spans in batch:
                self._db.execute("DELETE FROM annotations WHERE article_id = ?", (article.id,))
                seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
                self._db.execute(
                    "INSERT INTO articles (id, seq, content_hash, data) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, data = excluded.data",
                    (article.id, seq, digest, json.dumps(article.to_dict(), ensure_ascii=False)))
                self._db.executemany("INSERT INTO annotations (article_id, stage, data) VALUES (?, ?, ?)",
                                     [(article.id, stage, json.dumps(data, ensure_ascii=False))
                                      for stage, data in spans.items()])

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(json.loads(row[0])) if row else None

    def articles(self, ids: Collection[str] | None = None) -> Iterator[Article]:
        """Every stored article (or those of `ids`) in the order it was first stored."""
        if ids is None:
            rows: Iterable[tuple[int, str]] = self._db.execute("SELECT seq, data FROM articles ORDER BY seq")
        else:
            rows = sorted(row for chunk in _chunks(ids) for row in self._db.execute(
                f"SELECT seq, data FROM articles WHERE id IN ({_marks(chunk)})", chunk))
        for _, data in rows:
            yield _article(json.loads(data))

    def put_annotation(self, article_id: str, stage: str, data: Any) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO annotations (article_id, stage, data) VALUES (?, ?, ?)",
                             (article_id, stage, json.dumps(data, ensure_ascii=False)))

    def annotations(self, stage: str, ids: Collection[str] | None = None) -> dict[str, Any]:
        """One stage's stored results for every article (or those of `ids`) that has them."""
        if ids is None:
            rows = self._db.execute("SELECT article_id, data FROM annotations WHERE stage = ?", (stage,))
            return {article_id: json.loads(data) for article_id, data in rows}
        return {article_id: json.loads(data) for chunk in _chunks(ids) for article_id, data in self._db.execute(
            f"SELECT article_id, data FROM annotations WHERE stage = ? AND article_id IN ({_marks(chunk)})",
            (stage, *chunk))}

    def put_state(self, name: str, value: Any) -> None:
        """Keep a stage's state between runs (the store is the user's own file, so pickle is safe here)."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO state (name, data) VALUES (?, ?)",
                             (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def get_state(self, name: str) -> Any | None:
        row = self._db.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
        return loads_or_none(row[0]) if row else None

    def put_states(self, values: Mapping[str, Any]) -> None:
        """Keep several states in one transaction; a value of None removes its state."""
        with self._db:
            self._db.executemany("DELETE FROM state WHERE name = ?", [(n,) for n, v in values.items() if v is None])
            self._db.executemany("INSERT OR REPLACE INTO state (name, data) VALUES (?, ?)",
                                 [(n, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))
                                  for n, v in values.items() if v is not None])

    def get_states(self, prefix: str) -> dict[str, Any]:
        """Every state whose name starts with `prefix`."""
        rows = self._db.execute("SELECT name, data FROM state WHERE substr(name, 1, ?) = ?", (len(prefix), prefix))
        return {name: state for name, data in rows if (state := loads_or_none(data)) is not None}

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def put_analysis(self, doc: dict[str, Any], unchanged: Mapping[str, Unchanged] | None = None,
                     convert: Mapping[str, Convert] | None = None, mentions: MentionChanges | None = None) -> None:
        """Keep `doc` (a `marsad.analysis/v1` document) as the latest analysis, writing the rows that changed
        (`store.rows`; `unchanged`: rows the caller knows are stored as they are; `convert`: how the items of a
        section become JSON-ready, when the document holds the analysis's own), the entities' mentions (those
        the document's entities hold, and `mentions`, the changes the caller knows of entities converted without
        theirs), and index for search the articles and entities whose rows changed."""
        with self._db, _Behind() as behind:
            header = self._query_one("SELECT data, version FROM analysis WHERE id = 1")
            if not current(json.loads(header[0]) if header else None):
                for table in ("analysis_rows", "analysis_refs", *SEARCH_TABLES, MENTIONS_TABLE, "search_text",
                              "search_digests"):
                    self._db.execute(f"DELETE FROM {table}")
                self._published = PublishedRows()
            version = header[1] if header else 0
            stored = self._published.rows(
                version, lambda: self._db.execute("SELECT section, key, position FROM analysis_rows"), self._digests)
            for changes in section_changes(doc, stored, unchanged, convert):  # a part at a time: never whole
                self._db.executemany("DELETE FROM analysis_rows WHERE section = ? AND key = ?", changes.deleted)
                self._db.executemany("DELETE FROM analysis_refs WHERE section = ? AND key = ?",
                                     [*changes.deleted, *stored.replaced(changes)])
                self._db.executemany("INSERT OR REPLACE INTO analysis_rows VALUES (?, ?, ?, ?, ?)", changes.written)
                self._db.executemany("INSERT OR IGNORE INTO analysis_refs VALUES (?, ?, ?)", changes.refs)
                self._db.executemany("UPDATE analysis_rows SET position = ? WHERE section = ? AND key = ?",
                                     changes.moved)
                self._index(search_changes(((s, k, text) for s, k, _, _, text in changes.written), changes.deleted,
                                           stored.holds), behind)
                self._put_mentions(published_mentions(changes.detached.get("entities", {}), changes.deleted, None))
                self._published.written(version + 1, changes)  # a publish that fails: the version read differs
            self._db.execute(
                "INSERT INTO analysis (id, version, data) VALUES (1, 1, ?) "
                "ON CONFLICT(id) DO UPDATE SET version = version + 1, data = excluded.data",
                (json.dumps(document_header(doc), ensure_ascii=False),))
            self._put_mentions(published_mentions({}, (), mentions))

    def _put_mentions(self, changes: MentionChanges) -> None:
        """The entities' mention rows after a publish (`store.query.MentionChanges`)."""
        stored = [row for chunk in _chunks(list(changes.whole)) for row in self._db.execute(
            f"SELECT * FROM {MENTIONS_TABLE} WHERE entity_id IN ({_marks(chunk)})", chunk)]
        stale, new = changes.applied(stored)
        self._db.executemany(f"DELETE FROM {MENTIONS_TABLE} WHERE article_id = ? AND start_at = ? AND end_at = ? "
                             "AND entity_id = ?", [row[:4] for row in stale])
        self._db.executemany(f"INSERT OR IGNORE INTO {MENTIONS_TABLE} VALUES (?, ?, ?, ?, ?)", new)

    def _mentions_of(self, entities: Sequence[str] | None = None) -> dict[str, list[dict[str, Any]]]:
        """The mentions of these entities (None: of all), as the document gives them (`query.mention_dicts`)."""
        columns = f"SELECT entity_id, article_id, start_at, end_at, text FROM {MENTIONS_TABLE}"
        if entities is None:
            return mention_dicts(self._read(columns, ()))
        return mention_dicts(row for chunk in _chunks(entities) for row in self._read(
            f"{columns} WHERE entity_id IN ({_marks(chunk)})", chunk))

    def _digests(self, section: str, keys: Sequence[str]) -> dict[str, str]:
        """The stored digest of each of these rows of a section."""
        return {key: digest for chunk in _chunks(keys) for key, digest in self._db.execute(
            f"SELECT key, digest FROM analysis_rows WHERE section = ? AND key IN ({_marks(chunk)})",
            (section, *chunk))}

    def _index(self, search: SearchChanges, behind: _Behind) -> None:
        """The lookup tables and the full-text index after a publish (`store.query.search_changes`); the texts
        are indexed `behind` (nothing reads that index while the publish goes on)."""
        for table, column in SEARCH_TABLES.items():  # rows of the items written again compared with those stored:
            wanted = set(search.rows[table])  # an entity named once more keeps its thousands of mention rows
            stored = {row for chunk in _chunks(search.gone[table]) for row in self._db.execute(
                f"SELECT * FROM {table} WHERE {column} IN ({_marks(chunk)})", chunk)}
            stale, new = stored - wanted, [row for row in search.rows[table] if row not in stored]
            if stale:
                columns = [name for _, name, *_ in self._db.execute(f"PRAGMA table_info({table})")]
                self._db.executemany(f"DELETE FROM {table} WHERE " + " AND ".join(f"{c} IS ?" for c in columns),
                                     sorted(stale, key=repr))
            if new:
                self._db.executemany(f"INSERT INTO {table} VALUES ({_marks(new[0])})", new)
        affected = search.gone["search_articles"]
        indexed = {article_id: digest for chunk in _chunks(affected) for article_id, digest in self._db.execute(
            f"SELECT article_id, digest FROM search_digests WHERE article_id IN ({_marks(chunk)})", chunk)}
        texts = text_changes(search.articles, indexed)
        for chunk in _chunks(texts.stale):
            self._db.execute(f"DELETE FROM search_text WHERE article_id IN ({_marks(chunk)})", chunk)
            self._db.execute(f"DELETE FROM search_digests WHERE article_id IN ({_marks(chunk)})", chunk)
        behind(self._db.executemany, "INSERT INTO search_text (article_id, key) VALUES (?, ?)",
               [(article_id, key) for article_id, _, key in texts.rows])
        self._db.executemany("INSERT INTO search_digests VALUES (?, ?)",
                             [(article_id, digest) for article_id, digest, _ in texts.rows])

    def get_analysis(self) -> dict[str, Any] | None:
        """The latest analysis document, or None when `analyze` has not stored one."""
        row = self._query_one("SELECT data FROM analysis WHERE id = 1")
        if not row:
            return None
        try:
            rows = self._db.execute("SELECT section, data FROM analysis_rows ORDER BY section, position")
        except sqlite3.OperationalError:  # a read-only store of an older version: the document is the header
            rows = iter(())
        header = json.loads(row[0])
        doc = assemble(header, rows)
        if "sections" in header:  # kept by row: the entities' mentions kept apart
            mentions = self._mentions_of()
            for entity in doc.get("entities", []):
                attach(entity, "entities", mentions)
        return doc

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one analysis, whatever a writer commits meanwhile (a read transaction: WAL)."""
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def analysis_item(self, section: str, item_id: str) -> dict[str, Any] | None:
        """One item of the latest analysis (an article, entity, event ...) by its id, or None."""
        found = self._read("SELECT data FROM analysis_rows WHERE section = ? AND key = ?", (section, f"id:{item_id}"))
        return attach(json.loads(found[0][0]), section, self._mentions_of([item_id])) if found else None

    def analysis_referring(self, ref: str, section: str) -> list[dict[str, Any]]:
        """The items of one section that belong to `ref` (`kind:id`, `store.rows.row_refs`), in document order."""
        return [json.loads(data) for (data,) in self._read(
            "SELECT r.data FROM analysis_refs f JOIN analysis_rows r ON r.section = f.section AND r.key = f.key "
            "WHERE f.ref = ? AND f.section = ? ORDER BY r.position", (ref, section))]

    def analysis_section(self, section: str) -> Iterator[dict[str, Any]]:
        """The items of one section of the latest analysis, in document order, one at a time."""
        try:
            rows = self._db.execute("SELECT data FROM analysis_rows WHERE section = ? ORDER BY position", (section,))
        except sqlite3.OperationalError:  # a read-only store of an older version
            return
        for (data,) in rows:
            item = json.loads(data)
            yield attach(item, section, self._mentions_of([item.get("id")])) if section in DETACHED else item

    def analysis_fields(self, section: str, fields: Sequence[str]) -> Iterator[dict[str, Any]]:
        """Some top-level fields of each item of one section, in document order (an article without its text), read
        by SQLite's JSON functions (a store kept by row, `store.rows.current`)."""
        paths = ", ".join(f"json_extract(data, '$.{name}')" for name in fields)
        for row in self._db.execute(f"SELECT {paths} FROM analysis_rows WHERE section = ? ORDER BY position",
                                    (section,)):
            yield dict(zip(fields, row, strict=True))

    def analysis_mentions(self, article_id: str) -> list[dict[str, Any]]:
        """The entity mentions of one article ({article, start, end, text, entity}), by entity in document order."""
        return [{"article": article_id, "start": start, "end": end, "text": text, "entity": entity}
                for start, end, entity, text in self._read(
            "SELECT m.start_at, m.end_at, m.entity_id, m.text FROM search_mentions m LEFT JOIN analysis_rows r "
            "ON r.section = 'entities' AND r.key = 'id:' || m.entity_id WHERE m.article_id = ? "
            "ORDER BY r.position, m.start_at", (article_id,))]

    def mention_forms(self) -> list[tuple[str, str, int]]:
        """(entity id, form, mentions) for every form each entity is mentioned by, entities in document order."""
        return [(str(e), str(t), int(n)) for e, t, n in self._read(
            "SELECT m.entity_id, m.text, COUNT(*) FROM search_mentions m LEFT JOIN analysis_rows r "
            "ON r.section = 'entities' AND r.key = 'id:' || m.entity_id "
            "GROUP BY m.entity_id, m.text ORDER BY MIN(r.position), "  # each entity's forms by first mention
            "MIN(m.article_id || char(1) || printf('%012d', m.start_at))", ())]

    def articles_naming(self, entity_id: str) -> set[str]:
        """The ids of the analysed articles that mention the entity."""
        return {row[0] for row in self._read(f"SELECT article_id FROM {MENTIONS_TABLE} WHERE entity_id = ?",
                                              (entity_id,))}

    def analysis_header(self) -> dict[str, Any]:
        """The latest analysis's header: its sections in order and its values that are not lists."""
        row = self._query_one("SELECT data FROM analysis WHERE id = 1")
        return json.loads(row[0]) if row else {}

    def analysis_version(self) -> int:
        """A number that changes whenever a new analysis is stored (0: none yet), so readers know to reload."""
        row = self._query_one("SELECT version FROM analysis WHERE id = 1")
        return int(row[0]) if row else 0

    def search(self, query: SearchQuery, limit: int = 50, offset: int = 0) -> list[str]:
        """Ids of the analysed articles matching `query` (`store.query`: stems, phrases, OR), best first: those
        holding the words as typed, then by the index's rank (bm25), else newest first."""
        sql, params = self._search_sql(query, "m.article_id")
        parsed = self._parse(query.text)
        order = ("m.published DESC, m.article_id" if not parsed else
                 " + ".join("(instr(t.key, ?) > 0)" for _ in exact_forms(parsed)) + " DESC, "
                 + ("t.rank" if fts_expression(parsed, MIN_TRIGRAM) else "m.published DESC, m.article_id"))
        params.extend(exact_forms(parsed))
        try:
            return [row[0] for row in self._db.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?",
                                                       (*params, limit, offset))]
        except sqlite3.OperationalError:  # no analysis stored yet: the tables are missing in a read-only store
            return []

    def search_count(self, query: SearchQuery) -> int:
        """How many analysed articles match `query` (all of them, not one page)."""
        sql, params = self._search_sql(query, "COUNT(*)")
        try:
            return int(self._db.execute(sql, params).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def _parse(self, text: str) -> Query:
        """The query's needles, Latin words also found by the Arabic names of the entities they name."""
        def names_of(word: str) -> list[str]:
            try:
                return [row[0] for row in self._db.execute(
                    "SELECT DISTINCT name FROM search_entity_names WHERE word = ? ORDER BY name", (word,))]
            except sqlite3.OperationalError:  # a read-only store of an older version has no such table
                return []

        return with_names(parse(text), names_of)

    def _search_sql(self, query: SearchQuery, select: str) -> tuple[str, list[Any]]:
        """SELECT `select` over the articles matching the query's words and filters, and its parameters."""
        parsed = self._parse(query.text)
        expression = fts_expression(parsed, MIN_TRIGRAM)
        if expression:
            where, params = ["t.key MATCH ?"], [expression]
        else:
            condition, params = like_condition(parsed, "t.key", "?")
            where = [condition]
        for clause, value in (("m.source = ?", query.outlet), ("m.published >= ?", query.date_from),
                              ("m.published <= ?", query.date_to and query.date_to + "~"),  # "~" sorts after
                              # digits: a month or year as the end includes its days
                              (f"m.article_id IN (SELECT article_id FROM {MENTIONS_TABLE} WHERE entity_id = ?)",
                               query.entity)):
            if value:
                where.append(clause)
                params.append(value)
        return (f"SELECT {select} FROM search_text t JOIN search_articles m ON m.article_id = t.article_id "
                f"WHERE {' AND '.join(where)}"), params

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError:  # a read-only store of an older version has no such table
            return []

    def _query_one(self, sql: str) -> tuple[Any, ...] | None:
        try:
            row = self._db.execute(sql).fetchone()
        except sqlite3.OperationalError:
            return None
        return tuple(row) if row else None


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A search over the analysed articles: words (`store.query`: any spelling and inflection, "phrases", OR),
    outlet, entity id, date range (ISO)."""

    text: str = ""
    outlet: str | None = None
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def _article(data: dict[str, Any]) -> Article:
    data["removed"] = tuple(data.get("removed") or ())
    data["removed_by"] = tuple(data.get("removed_by") or ())
    return Article(**data)


IN_CHUNK = 500  # ids per `IN (...)` query: well under SQLite's limit of bound parameters


def _chunks(ids: Collection[str]) -> Iterator[tuple[str, ...]]:
    """`ids` in pieces of `IN_CHUNK`, sorted so that a query reads them in one order."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), IN_CHUNK):
        yield tuple(ordered[start:start + IN_CHUNK])


def _marks(values: Sequence[object]) -> str:
    """One `?` per value, for an `IN (...)` list."""
    return ", ".join("?" * len(values))
