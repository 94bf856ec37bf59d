"""End to end on the shared seeds, scored by the project's scorer: each figure reached is pinned as a floor."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Floors: the figures this code reaches on the seeds, a little below so noise cannot fail them; raise as they rise.
FLOORS = {
    "articles.found": 1.0,
    "clean.boilerplate_removed": 1.0,
    "clean.content_kept": 1.0,
}


@pytest.fixture(scope="module")
def figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    tmp = tmp_path_factory.mktemp("seeds")
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(shared / "seeds"), "--json",
                          str(tmp / "a.json"), "--db", str(tmp / "m.db"), "-q"], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold",
                            str(shared / "eval" / "seeds.gold.json"), "--analysis", str(tmp / "a.json"), "--json"],
                           capture_output=True, text=True, timeout=300, check=True)
    return dict(json.loads(score.stdout))


@pytest.mark.parametrize("name, floor", sorted(FLOORS.items()))
def test_seed_figure_holds_its_floor(figures: dict[str, float], name: str, floor: float) -> None:
    assert figures[name] >= floor, f"{name} fell to {figures[name]:.3f} (floor {floor})"
