"""SQLite store (the default): one file, WAL journal, one transaction per article.

Re-ingesting the same article (same id, text and metadata: the content hash) is a no-op; a run that is
interrupted and started again finds the articles and stage results already stored and does only the rest.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.types import Article, RawDocument

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
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
"""


def content_hash(raw: RawDocument) -> str:
    """A hash of everything that makes an article what it is: id, body and metadata."""
    parts = [raw.id, raw.body, raw.format, raw.title, raw.source, raw.url, raw.published, raw.author]
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


class SQLiteStore:
    """Articles with their content hash, and the JSON result of each per-article stage."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored_hash(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def put_processed(self, article: Article, digest: str, spans: dict[str, list[dict[str, Any]]]) -> None:
        """Store (or replace) an article with the spans of every per-article stage, in one transaction."""
        with self._db:
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

    def articles(self) -> Iterator[Article]:
        """Every stored article in the order it was first stored."""
        for (data,) in self._db.execute("SELECT data FROM articles ORDER BY seq"):
            yield _article(json.loads(data))

    def put_annotation(self, article_id: str, stage: str, data: Any) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO annotations (article_id, stage, data) VALUES (?, ?, ?)",
                             (article_id, stage, json.dumps(data, ensure_ascii=False)))

    def annotations(self, stage: str) -> dict[str, Any]:
        """One stage's stored results for every article that has them."""
        rows = self._db.execute("SELECT article_id, data FROM annotations WHERE stage = ?", (stage,))
        return {article_id: json.loads(data) for article_id, data in rows}

    def put_state(self, name: str, value: Any) -> None:
        """Keep a stage's state between runs (the store is the user's own file, so pickle is safe here)."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO state (name, data) VALUES (?, ?)",
                             (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def get_state(self, name: str) -> Any | None:
        row = self._db.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
        return pickle.loads(row[0]) if row else None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _article(data: dict[str, Any]) -> Article:
    data["removed"] = tuple(data.get("removed") or ())
    return Article(**data)
