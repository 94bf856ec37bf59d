"""End to end on every development corpus in ../shared/eval, scored by the project's scorer, held to pooled floors.

For each figure, the mean over the corpora whose answer key measures it must stay at or above its floor, so one
corpus may trade against another: a change that generalises but loses one development item still passes. Floors
are the pooled means measured when they were set, less 0.03 and never above the target of `targets.json`; raise
one only in a commit that says why. The targets are the goal the scoreboard reports, not asserted here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from statistics import mean

import pytest
from tests.quality.corpora import development_corpora

# Set on seeds, dev1, dev2 and real1 (pooled mean - 0.03, capped at the target, never lowered); last raised at the
# 2026-12-07 morning session's stop, after its #21 and #19 rounds (mention precision 0.9515, recall 0.936; events
# 0.9763).
FLOORS = {
    "articles.found": 0.970,
    "claims.contradiction_recall": 0.800,
    "claims.support_jaccard": 0.838,
    "clean.boilerplate_removed": 0.970,
    "clean.content_kept": 0.970,
    "entities.latin_name_accuracy": 0.800,
    "entities.linking_bcubed_f1": 0.948,
    "entities.mention_f1": 0.900,
    "entities.mention_precision": 0.921,
    "entities.mention_recall": 0.906,
    "entities.type_accuracy": 0.900,
    "events.bcubed_f1": 0.946,
    "framing.neutral_clean": 0.950,
    "framing.term_recall": 0.850,
    "quotes.f1": 0.880,
    "quotes.speaker_accuracy": 0.850,
    "stories.bcubed_f1": 0.900,
    "summary.citations_hold": 0.970,
    "summary.rouge1": 0.473,
    "summary.rouge1_gain": 0.033,
    "summary.rouge2": 0.274,
    "summary.rougeL": 0.336,
    "time.detection_f1": 0.930,
    "time.duration_f1": 0.900,
    "time.duration_value_accuracy": 0.970,
    "time.value_accuracy": 0.920,
}


def score_corpus(shared: Path, corpus: Path, gold: Path, work: Path) -> dict[str, float]:
    """Analyse one corpus into a fresh store and score the analysis against its key."""
    analysis = work / "analysis.json"
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--json", str(analysis),
                          "--db", str(work / "marsad.db"), "-q"], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"{corpus}: {run.stderr}"
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--analysis",
                            str(analysis), "--json"], capture_output=True, text=True, timeout=300, check=True)
    return {k: float(v) for k, v in json.loads(score.stdout).items()}


def pooled(figures: dict[str, dict[str, float]]) -> dict[str, float]:
    """The mean of each figure over the corpora that measure it."""
    names = set().union(*figures.values())
    return {k: mean(f[k] for f in figures.values() if k in f) for k in sorted(names)}


@pytest.fixture(scope="module")
def figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    corpora = development_corpora(shared)
    return {name: score_corpus(shared, corpus, gold, tmp_path_factory.mktemp(name))
            for name, (corpus, gold) in corpora.items()}


def test_pooled_figures_hold_their_floors(figures: dict[str, dict[str, float]]) -> None:
    means = pooled(figures)
    missing = sorted(FLOORS.keys() - means.keys())
    assert not missing, f"figures no development corpus measures any more: {missing}"
    fallen = {k: (round(means[k], 3), floor) for k, floor in FLOORS.items() if means[k] < floor}
    detail = {k: {n: round(f[k], 3) for n, f in figures.items() if k in f} for k in fallen}
    assert not fallen, f"pooled figures below their floors (mean, floor): {fallen}; per corpus: {detail}"


def test_floors_never_exceed_the_targets(shared: Path) -> None:
    targets = json.loads((shared / "eval" / "targets.json").read_text(encoding="utf-8"))
    above = {k: (v, targets[k]) for k, v in FLOORS.items() if k in targets and v > targets[k]}
    assert not above, f"floors above their targets (floor, target): {above}"


def test_pooling_lets_corpora_trade() -> None:
    figures = {"a": {"x": 1.0, "y": 0.5}, "b": {"x": 0.6}}
    assert pooled(figures) == {"x": 0.8, "y": 0.5}
