"""Fixtures for the store tests: a location for each backend (PostgreSQL only when MARSAD_TEST_PG is set)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "MARSAD_TEST_PG"
PG_SKIP = (f"no PostgreSQL to test against: set {PG_ENV} to a DSN "
           "(`export MARSAD_TEST_PG=\"$(bash .ci/postgres.sh)\"` installs and starts one)")


@pytest.fixture
def pg_location() -> Iterator[str]:
    """A DSN whose search_path is a fresh schema, dropped afterwards, so tests never see each other's rows."""
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        pytest.skip(PG_SKIP)
    psycopg = pytest.importorskip("psycopg", reason="psycopg not installed (pip install -e '.[postgres]')")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a store, once per backend: the same behaviour tests run on both."""
    if request.param == "sqlite":
        return str(tmp_path / "m.db")
    return str(request.getfixturevalue("pg_location"))
