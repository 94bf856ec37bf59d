"""The store: articles and per-article stage results, so re-runs skip what is done.

`open_store(location)` picks the backend: a `postgresql://` (or `postgres://`) DSN opens `PostgresStore` (the
`postgres` extra), anything else is the path of an SQLite file.
"""
from marsad.store.base import Store
from marsad.store.sqlite import SQLiteStore, content_hash

__all__ = ["SQLiteStore", "Store", "content_hash", "is_postgres", "open_store"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: str) -> bool:
    """Whether a store location is a PostgreSQL DSN rather than a file path."""
    return location.startswith(POSTGRES_SCHEMES)


def open_store(location: str) -> Store:
    """The store at `location`: PostgreSQL for a postgresql:// DSN, else an SQLite file (created if missing)."""
    if is_postgres(location):
        from marsad.store.postgres import PostgresStore  # psycopg is an optional dependency

        return PostgresStore(location)
    return SQLiteStore(location)
