"""The store: articles and per-article stage results, so re-runs skip what is done.

`open_store(location)` picks the backend: a `postgresql://` (or `postgres://`) DSN opens `PostgresStore` (the
`postgres` extra), anything else is the path of an SQLite file.
"""
import re
import sqlite3
from pathlib import Path

from marsad.errors import StoreError
from marsad.store.base import Store
from marsad.store.sqlite import SQLiteStore, content_hash

__all__ = ["SQLiteStore", "Store", "StoreError", "check_readable", "content_hash", "is_postgres", "open_store"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: str) -> bool:
    """Whether a store location is a PostgreSQL DSN rather than a file path."""
    return location.startswith(POSTGRES_SCHEMES)


def open_store(location: str) -> Store:
    """The store at `location`: PostgreSQL for a postgresql:// DSN, else an SQLite file (created if missing).
    A location that is no store (a folder, a file of another kind, a server out of reach) raises `StoreError`."""
    if is_postgres(location):
        import psycopg  # an optional dependency

        from marsad.store.postgres import PostgresStore

        try:
            return PostgresStore(location)
        except psycopg.Error as exc:
            raise StoreError(redacted(location), first_line(exc)) from exc
    try:
        return SQLiteStore(location)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(location, first_line(exc)) from exc


def check_readable(location: str) -> None:
    """Raise `StoreError` unless `location` is an SQLite store that can be read (or a PostgreSQL DSN)."""
    if is_postgres(location):
        return
    if not Path(location).is_file():
        raise StoreError(location, "no such store file")
    try:
        with SQLiteStore(location, readonly=True) as store:
            store.count()
    except sqlite3.Error as exc:
        raise StoreError(location, first_line(exc)) from exc


def redacted(dsn: str) -> str:
    """A DSN without the password it may carry."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
