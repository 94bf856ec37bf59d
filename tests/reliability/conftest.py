"""Shared pieces of the reliability tests: a tally of fuzz cases run and the figures of the crash and load tests,
printed at the end of the session and written to tests/reliability/artifacts/."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
_CASES: Counter[str] = Counter()
_FIGURES: dict[str, Any] = {}


@pytest.fixture(scope="session")
def cases() -> Counter[str]:
    """Fuzz targets -> number of generated cases run against them in this session."""
    return _CASES


@pytest.fixture(scope="session")
def report() -> dict[str, Any]:
    """Figures a test wants printed at the end (title -> a list of rows or a dict)."""
    return _FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print and record (artifacts/fuzz_cases.json, artifacts/figures.json) the fuzz tally and the figures."""
    if _CASES:
        terminalreporter.write_sep("-", f"fuzz cases run: {sum(_CASES.values())}")
        for target, n in sorted(_CASES.items()):
            terminalreporter.write_line(f"  {target:<32} {n}")
        _write("fuzz_cases.json", dict(sorted(_CASES.items())))
    for title, rows in _FIGURES.items():
        terminalreporter.write_sep("-", title)
        for row in rows if isinstance(rows, list) else [rows]:
            terminalreporter.write_line(f"  {row}")
    if _FIGURES:
        _write("figures.json", _FIGURES)


def _write(name: str, data: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
