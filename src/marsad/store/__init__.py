"""The store: articles and per-article stage results, so re-runs skip what is done.

`open_store(location)` picks the backend: a `postgresql://` (or `postgres://`) DSN opens `PostgresStore` (the
`postgres` extra), anything else is the path of an SQLite file.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.errors import StoreError
from marsad.store.base import Store
from marsad.store.sqlite import SQLiteStore, content_hash

if TYPE_CHECKING:
    from marsad.store.postgres import PostgresStore

__all__ = ["SQLiteStore", "Store", "StoreError", "check_readable", "content_hash", "is_postgres", "open_reader",
           "open_store"]

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


def open_reader(location: str) -> SQLiteStore | PostgresStore:
    """A read-only connection to the store at `location` (for the report and the app: no schema change, no
    write); a location that cannot be read raises `StoreError`."""
    if is_postgres(location):
        import psycopg  # an optional dependency

        from marsad.store.postgres import PostgresStore

        try:
            return PostgresStore(location, readonly=True)
        except psycopg.Error as exc:
            raise StoreError(redacted(location), first_line(exc)) from exc
    try:
        return SQLiteStore(location, readonly=True)
    except sqlite3.Error as exc:
        raise StoreError(location, first_line(exc)) from exc


def check_readable(location: str) -> None:
    """Raise `StoreError` unless `location` is a store that can be read: an SQLite file, or a PostgreSQL database
    within reach."""
    if not is_postgres(location) and not Path(location).is_file():
        raise StoreError(location, "no such store file")
    with open_reader(location) as store:
        try:
            store.count()
        except _errors(location) as exc:  # a file of another kind, a database without marsad's tables
            raise StoreError(redacted(location), first_line(exc)) from exc


def _errors(location: str) -> tuple[type[Exception], ...]:
    """The errors the driver of the store at `location` raises."""
    if is_postgres(location):
        import psycopg

        return (psycopg.Error,)
    return (sqlite3.Error,)


def redacted(dsn: str) -> str:
    """A DSN without the password it may carry."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
