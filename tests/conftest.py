"""Shared fixtures: where the project's shared development data lives."""
from __future__ import annotations

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
