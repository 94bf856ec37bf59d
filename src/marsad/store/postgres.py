"""PostgreSQL store (psycopg 3, the `postgres` extra): the SQLite store's tables and semantics on a server database.

For a team: a web app and several watchers share one database. Each write is its own transaction and reads run in
autocommit, so a long-running watcher never holds a snapshot open. Articles keep the order in which they were first
stored through an identity column, so concurrent writers never take the same position.
"""
from __future__ import annotations

import json
import pickle
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from marsad.store.pickled import loads_or_none
from marsad.store.query import (
    MENTIONS_TABLE,
    SEARCH_TABLES,
    MentionChanges,
    Query,
    exact_forms,
    like_condition,
    mention_dicts,
    parse,
    published_mentions,
    search_changes,
    text_changes,
    with_names,
)
from marsad.store.rows import DETACHED, Convert, PublishedRows, Unchanged, assemble, attach, current, row_changes
from marsad.store.sqlite import Processed, SearchQuery, _article
from marsad.types import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    content_hash TEXT NOT NULL,
    data JSON NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS state (
    name TEXT PRIMARY KEY,
    data BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS annotations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, stage)
);
CREATE INDEX IF NOT EXISTS annotations_stage ON annotations(stage);
CREATE TABLE IF NOT EXISTS analysis (  -- the analysis document's header (`store.rows`)
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL,
    data JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis_rows (  -- its items, one row each, written where they changed
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    position DOUBLE PRECISION NOT NULL,
    digest TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (section, key)
);
DO $$ BEGIN  -- a store made when positions were whole numbers: they may now fall between two
    IF (SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()
        AND table_name = 'analysis_rows' AND column_name = 'position') = 'integer' THEN
        ALTER TABLE analysis_rows ALTER COLUMN position TYPE DOUBLE PRECISION;
    END IF;
END $$;
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
    published TEXT COLLATE "C"
);
DROP TABLE IF EXISTS search_entities;  -- kept by an older version: an entity's articles are those of its mentions
CREATE TABLE IF NOT EXISTS search_text (
    article_id TEXT PRIMARY KEY,
    key TEXT NOT NULL
);
ALTER TABLE search_text ADD COLUMN IF NOT EXISTS digest TEXT;  -- the text indexed: only new or changed reindexed
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
SCHEMA_LOCK = 0x6D61_7273_6164  # "marsad": one session creates the tables at a time


def _try_trigram_index(db: psycopg.Connection[Any]) -> None:
    """A trigram index for the substring search, when the pg_trgm extension can be had (trusted since PostgreSQL
    13: the database owner may create it); else search scans the table. In a savepoint: a refusal is harmless.
    The operator class is named with the extension's schema, which need not be on this session's search_path."""
    try:
        with db.transaction():
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            row = db.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                             "WHERE e.extname = 'pg_trgm'").fetchone()
            db.execute(sql.SQL("CREATE INDEX IF NOT EXISTS search_text_key ON search_text "
                               "USING gin (key {}.gin_trgm_ops)").format(sql.Identifier(row[0] if row else "public")))
    except psycopg.Error:
        pass


def _json(value: Any) -> Json:
    """JSON for a JSON column, Arabic kept as is. JSON rather than JSONB: it keeps any text (JSONB refuses NUL
    characters, which a JSON record can smuggle in) and still answers the -> and ->> operators."""
    return Json(value, dumps=lambda v: json.dumps(v, ensure_ascii=False))


class PostgresStore:
    """Articles with their content hash, and the JSON result of each per-article stage, in PostgreSQL."""

    def __init__(self, dsn: str, *, readonly: bool = False) -> None:
        self.dsn = dsn
        self._db = psycopg.connect(dsn, autocommit=True)
        if readonly:  # for a reader (the report, the app): no schema change, no write
            self._db.execute("SET default_transaction_read_only = on")
            return
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            self._db.execute(SCHEMA)
            _try_trigram_index(self._db)
        self._published = PublishedRows()  # the positions of the rows this connection last wrote

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored_hash(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = %s", (article_id,)).fetchone()
        return row[0] if row else None

    def content_hashes(self) -> dict[str, str]:
        """Every stored article's content hash, by id."""
        return dict(self._db.execute("SELECT id, content_hash FROM articles").fetchall())

    def put_processed(self, batch: Iterable[Processed]) -> None:
        """Store (or replace) articles, each with the spans of every per-article stage, in one transaction."""
        with self._db.transaction(), self._db.cursor() as cur:
            for article, digest, spans in batch:
                cur.execute("DELETE FROM annotations WHERE article_id = %s", (article.id,))
                cur.execute(
                    "INSERT INTO articles (id, content_hash, data) VALUES (%s, %s, %s) "
                    "ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, data = excluded.data",
                    (article.id, digest, _json(article.to_dict())))
                cur.executemany("INSERT INTO annotations (article_id, stage, data) VALUES (%s, %s, %s)",
                                [(article.id, stage, _json(data)) for stage, data in spans.items()])

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT data FROM articles WHERE id = %s", (article_id,)).fetchone()
        return _article(row[0]) if row else None

    def articles(self, ids: Collection[str] | None = None) -> Iterator[Article]:
        """Every stored article (or those of `ids`) in the order it was first stored."""
        if ids is None:
            rows = self._db.execute("SELECT data FROM articles ORDER BY seq").fetchall()
        else:
            rows = self._db.execute("SELECT data FROM articles WHERE id = ANY(%s) ORDER BY seq",
                                    (list(ids),)).fetchall()
        for (data,) in rows:
            yield _article(data)

    def put_annotation(self, article_id: str, stage: str, data: Any) -> None:
        self._db.execute(
            "INSERT INTO annotations (article_id, stage, data) VALUES (%s, %s, %s) "
            "ON CONFLICT (article_id, stage) DO UPDATE SET data = excluded.data",
            (article_id, stage, _json(data)))

    def annotations(self, stage: str, ids: Collection[str] | None = None) -> dict[str, Any]:
        """One stage's stored results for every article (or those of `ids`) that has them."""
        if ids is None:
            rows = self._db.execute("SELECT article_id, data FROM annotations WHERE stage = %s", (stage,)).fetchall()
        else:
            rows = self._db.execute("SELECT article_id, data FROM annotations "
                                    "WHERE stage = %s AND article_id = ANY(%s)", (stage, list(ids))).fetchall()
        return dict(rows)

    def put_state(self, name: str, value: Any) -> None:
        """Keep a stage's state between runs (pickled: the database belongs to the team that runs marsad)."""
        self._db.execute(
            "INSERT INTO state (name, data) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE SET data = excluded.data",
            (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def get_state(self, name: str) -> Any | None:
        row = self._db.execute("SELECT data FROM state WHERE name = %s", (name,)).fetchone()
        return loads_or_none(row[0]) if row else None

    def put_states(self, values: Mapping[str, Any]) -> None:
        """Keep several states in one transaction; a value of None removes its state."""
        with self._db.transaction(), self._db.cursor() as cur:
            cur.executemany("DELETE FROM state WHERE name = %s", [(n,) for n, v in values.items() if v is None])
            cur.executemany(
                "INSERT INTO state (name, data) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE SET data = excluded.data",
                [(n, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for n, v in values.items() if v is not None])

    def get_states(self, prefix: str) -> dict[str, Any]:
        """Every state whose name starts with `prefix`."""
        rows = self._db.execute("SELECT name, data FROM state WHERE left(name, %s) = %s", (len(prefix), prefix))
        return {name: state for name, data in rows if (state := loads_or_none(data)) is not None}

    def count(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def put_analysis(self, doc: dict[str, Any], unchanged: Mapping[str, Unchanged] | None = None,
                     convert: Mapping[str, Convert] | None = None, mentions: MentionChanges | None = None) -> None:
        """Keep `doc` (a `marsad.analysis/v1` document) as the latest analysis, writing the rows that changed
        (`store.rows`, `SQLiteStore.put_analysis`) and the entities' mentions, and index for search the articles
        and entities whose rows changed."""
        with self._db.transaction(), self._db.cursor() as cur:
            header = cur.execute("SELECT data, version FROM analysis WHERE id = 1 FOR UPDATE").fetchone()
            if not current(header[0] if header else None):
                for table in ("analysis_rows", "analysis_refs", *SEARCH_TABLES, MENTIONS_TABLE, "search_text"):
                    cur.execute(f"DELETE FROM {table}")
                self._published = PublishedRows()
            version = header[1] if header else 0
            stored = self._published.rows(
                version, lambda: cur.execute("SELECT section, key, position FROM analysis_rows").fetchall(),
                lambda section, keys: dict(cur.execute(
                    "SELECT key, digest FROM analysis_rows WHERE section = %s AND key = ANY(%s)",
                    (section, list(keys))).fetchall()))
            rows = row_changes(doc, stored, unchanged, convert)
            cur.executemany("DELETE FROM analysis_rows WHERE section = %s AND key = %s", rows.deleted)
            cur.executemany("DELETE FROM analysis_refs WHERE section = %s AND key = %s",
                            [*rows.deleted, *stored.replaced(rows)])
            cur.executemany("INSERT INTO analysis_refs VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", rows.refs)
            cur.executemany("INSERT INTO analysis_rows VALUES (%s, %s, %s, %s, %s) ON CONFLICT (section, key) "
                            "DO UPDATE SET position = excluded.position, digest = excluded.digest, "
                            "data = excluded.data", rows.written)
            cur.executemany("UPDATE analysis_rows SET position = %s WHERE section = %s AND key = %s", rows.moved)
            cur.execute("INSERT INTO analysis (id, version, data) VALUES (1, 1, %s) "
                        "ON CONFLICT (id) DO UPDATE SET version = analysis.version + 1, data = excluded.data",
                        (_json(rows.header),))
            search = search_changes(((s, k, text) for s, k, _, _, text in rows.written), rows.deleted, stored.holds)
            for table, column in SEARCH_TABLES.items():
                cur.execute(f"DELETE FROM {table} WHERE {column} = ANY(%s)", (search.gone[table],))
                if search.rows[table]:
                    cur.executemany(f"INSERT INTO {table} VALUES ({', '.join(['%s'] * len(search.rows[table][0]))})",
                                    search.rows[table])
            changes = text_changes(search.articles, dict(cur.execute(
                "SELECT article_id, digest FROM search_text WHERE article_id = ANY(%s)",
                (search.gone["search_articles"],)).fetchall()))
            cur.execute("DELETE FROM search_text WHERE article_id = ANY(%s)", (changes.stale,))
            cur.executemany("INSERT INTO search_text (article_id, digest, key) VALUES (%s, %s, %s)", changes.rows)
            given = published_mentions(rows.detached.get("entities", {}), rows.deleted, mentions)
            stale, new = given.applied([tuple(row) for row in cur.execute(
                f"SELECT * FROM {MENTIONS_TABLE} WHERE entity_id = ANY(%s)", (list(given.whole),)).fetchall()])
            cur.executemany(f"DELETE FROM {MENTIONS_TABLE} WHERE article_id = %s AND start_at = %s AND end_at = %s "
                            "AND entity_id = %s", [row[:4] for row in stale])
            cur.executemany(f"INSERT INTO {MENTIONS_TABLE} VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING", new)
        self._published.written(version + 1, rows)

    def get_analysis(self) -> dict[str, Any] | None:
        """The latest analysis document, or None when `analyze` has not stored one."""
        row = self._db.execute("SELECT data FROM analysis WHERE id = 1").fetchone()
        if not row:
            return None
        rows = self._db.execute("SELECT section, data FROM analysis_rows ORDER BY section, position")
        doc = assemble(row[0], rows)
        if "sections" in row[0]:  # kept by row: the entities' mentions kept apart
            mentions = self._mentions_of()
            for entity in doc.get("entities", []):
                attach(entity, "entities", mentions)
        return doc

    def _mentions_of(self, entities: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
        """The mentions of these entities (None: of all), as the document gives them (`query.mention_dicts`)."""
        columns = f"SELECT entity_id, article_id, start_at, end_at, text FROM {MENTIONS_TABLE}"
        if entities is None:
            return mention_dicts(self._db.execute(columns).fetchall())
        return mention_dicts(self._db.execute(f"{columns} WHERE entity_id = ANY(%s)", (entities,)).fetchall())

    def analysis_header(self) -> dict[str, Any]:
        """The latest analysis's header: its sections in order and its values that are not lists."""
        row = self._db.execute("SELECT data FROM analysis WHERE id = 1").fetchone()
        return dict(row[0]) if row else {}

    def analysis_section(self, section: str) -> Iterator[dict[str, Any]]:
        """The items of one section of the latest analysis, in document order, one at a time."""
        with self._db.transaction(), self._db.cursor(name="analysis_section") as cur:  # server side: rows arrive
            # as they are read
            cur.execute("SELECT data FROM analysis_rows WHERE section = %s ORDER BY position", (section,))
            for (data,) in cur:
                item = json.loads(data)
                yield attach(item, section, self._mentions_of([item.get("id")])) if section in DETACHED else item

    def analysis_item(self, section: str, item_id: str) -> dict[str, Any] | None:
        """One item of the latest analysis (an article, entity, event ...) by its id, or None."""
        row = self._db.execute("SELECT data FROM analysis_rows WHERE section = %s AND key = %s",
                               (section, f"id:{item_id}")).fetchone()
        return attach(json.loads(row[0]), section, self._mentions_of([item_id])) if row else None

    def analysis_referring(self, ref: str, section: str) -> list[dict[str, Any]]:
        """The items of one section that belong to `ref` (`kind:id`, `store.rows.row_refs`), in document order."""
        return [json.loads(data) for (data,) in self._db.execute(
            "SELECT r.data FROM analysis_refs f JOIN analysis_rows r ON r.section = f.section AND r.key = f.key "
            "WHERE f.ref = %s AND f.section = %s ORDER BY r.position", (ref, section))]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one analysis, whatever a writer commits meanwhile (a repeatable-read transaction)."""
        with self._db.transaction():
            self._db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield

    def analysis_fields(self, section: str, fields: Sequence[str]) -> Iterator[dict[str, Any]]:
        """Some top-level fields of each item of one section, in document order (an article without its text), read
        by PostgreSQL's JSON operators (a store kept by row, `store.rows.current`)."""
        paths = sql.SQL(", ").join(sql.SQL("data::json -> {}").format(sql.Literal(name)) for name in fields)
        query = sql.SQL("SELECT {} FROM analysis_rows WHERE section = %s ORDER BY position").format(paths)
        for row in self._db.execute(query, (section,)):
            yield dict(zip(fields, row, strict=True))

    def analysis_mentions(self, article_id: str) -> list[dict[str, Any]]:
        """The entity mentions of one article ({article, start, end, text, entity}), by entity in document order."""
        return [{"article": article_id, "start": start, "end": end, "text": text, "entity": entity}
                for start, end, entity, text in self._db.execute(
            "SELECT m.start_at, m.end_at, m.entity_id, m.text FROM search_mentions m LEFT JOIN analysis_rows r "
            "ON r.section = 'entities' AND r.key = 'id:' || m.entity_id WHERE m.article_id = %s "
            "ORDER BY r.position, m.start_at", (article_id,))]

    def mention_forms(self) -> list[tuple[str, str, int]]:
        """(entity id, form, mentions) for every form each entity is mentioned by, entities in document order."""
        return [(str(e), str(t), int(n)) for e, t, n in self._db.execute(
            "SELECT m.entity_id, m.text, COUNT(*) FROM search_mentions m LEFT JOIN analysis_rows r "
            "ON r.section = 'entities' AND r.key = 'id:' || m.entity_id "
            "GROUP BY m.entity_id, m.text ORDER BY MIN(r.position), m.entity_id, MIN(m.article_id), "
            "MIN(m.start_at)")]

    def articles_naming(self, entity_id: str) -> set[str]:
        """The ids of the analysed articles that mention the entity."""
        return {row[0] for row in self._db.execute(f"SELECT article_id FROM {MENTIONS_TABLE} WHERE entity_id = %s",
                                                   (entity_id,))}

    def analysis_version(self) -> int:
        """A number that changes whenever a new analysis is stored (0: none yet), so readers know to reload."""
        row = self._db.execute("SELECT version FROM analysis WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def search(self, query: SearchQuery, limit: int = 50, offset: int = 0) -> list[str]:
        """Ids of the analysed articles matching `query` (`store.query`: stems, phrases, OR), best first: those
        holding the words as typed, then by how often the stems occur per length of text, else newest first."""
        sql, params = self._search_sql(query, "m.article_id")
        parsed = self._parse(query.text)
        order = 'm.published DESC NULLS LAST, m.article_id COLLATE "C"'
        if parsed:
            exact = " + ".join("(strpos(t.key, %s) > 0)::int" for _ in exact_forms(parsed))
            stems = [form for needles in parsed for needle in needles for form in needle.forms]
            hits = " + ".join("(length(t.key) - length(replace(t.key, %s, ''))) / length(%s)" for _ in stems)
            order = f"{exact} DESC, ({hits})::float / (1 + length(t.key) / 1000.0) DESC, {order}"
            params.extend(exact_forms(parsed))
            params.extend(form for form in stems for _ in range(2))
        return [row[0] for row in self._db.execute(f"{sql} ORDER BY {order} LIMIT %s OFFSET %s",
                                                   (*params, limit, offset)).fetchall()]

    def search_count(self, query: SearchQuery) -> int:
        """How many analysed articles match `query` (all of them, not one page)."""
        sql, params = self._search_sql(query, "COUNT(*)")
        row = self._db.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def _parse(self, text: str) -> Query:
        """The query's needles, Latin words also found by the Arabic names of the entities they name."""
        def names_of(word: str) -> list[str]:
            return [row[0] for row in self._db.execute(
                "SELECT DISTINCT name FROM search_entity_names WHERE word = %s ORDER BY name", (word,))]

        return with_names(parse(text), names_of)

    def _search_sql(self, query: SearchQuery, select: str) -> tuple[str, list[Any]]:
        """SELECT `select` over the articles matching the query's words and filters, and its parameters."""
        condition, params = like_condition(self._parse(query.text), "t.key", "%s")
        where: list[Any] = [condition]
        for clause, value in (("m.source = %s", query.outlet), ("m.published >= %s", query.date_from),
                              ("m.published <= %s", query.date_to and query.date_to + "~"),  # "~" sorts after
                              # digits (in the C collation): a month or year as the end includes its days
                              (f"m.article_id IN (SELECT article_id FROM {MENTIONS_TABLE} WHERE entity_id = %s)",
                               query.entity)):
            if value:
                where.append(clause)
                params.append(value)
        return (f"SELECT {select} FROM search_text t JOIN search_articles m ON m.article_id = t.article_id "
                f"WHERE {' AND '.join(where)}"), params
