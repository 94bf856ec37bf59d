"""Shared fixtures: where the project's shared development data lives."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (seeds, eval, data); tests that need it are skipped when it is absent."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"shared development data not found at {SHARED}")
    return SHARED


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """A run freezes what it loads and a watcher its rounds (`marsad.collector`): after each test the process
    collects as before, so no test's garbage outlives it."""
    yield
    gc.unfreeze()
