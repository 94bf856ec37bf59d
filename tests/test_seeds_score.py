"""End to end on the shared development corpora, scored by the project's scorer: each figure reached is pinned as
a floor (a little below the measured value, so noise cannot fail it); raise a floor when its figure rises."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FLOORS = {
    "seeds": {
        "articles.found": 1.0, "clean.boilerplate_removed": 1.0, "clean.content_kept": 1.0,
        "entities.mention_f1": 0.93, "entities.type_accuracy": 0.98, "entities.linking_bcubed_f1": 0.945,
        "entities.latin_name_accuracy": 0.84, "time.detection_f1": 0.97, "time.value_accuracy": 0.97,
        "quotes.f1": 0.90, "quotes.speaker_accuracy": 0.84, "events.bcubed_f1": 1.0, "stories.bcubed_f1": 1.0,
        "claims.support_jaccard": 0.83, "claims.contradiction_recall": 1.0, "framing.term_recall": 0.93,
        "framing.neutral_clean": 1.0, "summary.rouge1": 0.50, "summary.rouge2": 0.27, "summary.citations_hold": 1.0,
    },
    "dev1": {
        "articles.found": 1.0, "clean.boilerplate_removed": 1.0, "clean.content_kept": 1.0,
        "entities.mention_f1": 0.92, "entities.type_accuracy": 0.96, "entities.linking_bcubed_f1": 0.97,
        "entities.latin_name_accuracy": 0.84, "time.detection_f1": 0.97, "time.value_accuracy": 0.97,
        "quotes.f1": 0.90, "quotes.speaker_accuracy": 0.89, "events.bcubed_f1": 1.0, "stories.bcubed_f1": 1.0,
        "claims.support_jaccard": 0.86, "claims.contradiction_recall": 1.0, "framing.term_recall": 0.97,
        "framing.neutral_clean": 1.0, "summary.rouge1": 0.55, "summary.rouge2": 0.37, "summary.citations_hold": 1.0,
    },
}


def corpus_paths(shared: Path, name: str) -> tuple[Path, Path]:
    if name == "seeds":
        return shared / "seeds", shared / "eval" / "seeds.gold.json"
    return shared / "eval" / name / "corpus", shared / "eval" / name / "gold.json"


@pytest.fixture(scope="module", params=sorted(FLOORS))
def figures(request: pytest.FixtureRequest, shared: Path, tmp_path_factory: pytest.TempPathFactory,
            ) -> tuple[str, dict[str, float]]:
    name = request.param
    corpus, gold = corpus_paths(shared, name)
    if not corpus.is_dir():
        pytest.skip(f"development corpus {name} not found at {corpus}")
    tmp = tmp_path_factory.mktemp(name)
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--json", str(tmp / "a.json"),
                          "--db", str(tmp / "m.db"), "-q"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--analysis",
                            str(tmp / "a.json"), "--json"], capture_output=True, text=True, timeout=300, check=True)
    return name, dict(json.loads(score.stdout))


def test_every_figure_holds_its_floor(figures: tuple[str, dict[str, float]]) -> None:
    name, got = figures
    fallen = {k: (round(got.get(k, 0.0), 3), floor) for k, floor in FLOORS[name].items() if got.get(k, 0.0) < floor}
    assert not fallen, f"{name}: figures below their floors (got, floor): {fallen}"
