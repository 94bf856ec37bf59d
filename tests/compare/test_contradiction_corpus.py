"""End to end on a small corpus written for this test (tests/compare/data/contradictions: six events, three to four
outlets each, in Gulf, Egyptian, Levantine, Maghrebi and translated-wire house styles) against its answer key.

The key lists the disagreements between outlets (a toll the same day, the count aboard, a loan's amount, the families
served, a summit's date and length, a building's floors, a donors' conference's pledges, an aircraft deal's value and
count) and nothing else: a toll risen by the next day, an outlet's own evening update, a grant beside the loan,
agreeing figures in words, Eastern digits or hedged (أكثر من), a price, a company's past revenue or a share's close
beside a deal, an appeal of months before beside the pledges, are not contradictions. A reported contradiction is
matched to the key as the project's scorer does: its claims span two of the listed articles and its detail or claim
texts name two of the listed values.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from tests.compare.corpus_match import corpus_matches

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "contradictions"
KEY = DATA / "contradictions.gold.json"
# Measured when the corpus was written, before any change: recall 1/8, precision 1/1; after the readings of a group's
# toll, a tally far from its figure, planned lengths, and counts worded alike: 5/8, 5/5. Two events added (#23 round 5:
# the pledges of a donors' conference, an aircraft deal), 6/11 and 6/6 before sums were compared; with the sums of one
# transaction on one day compared (`sum-of`): 9/11, 9/9. Still missed: the summit's date (14 against 21 October: the
# date of a happening is no quantity) and the floors (seven against ten: the two sentences share one word around
# them, too few to read values 1.4 times apart as one figure).
RECALL_FLOOR = 0.8
PRECISION_FLOOR = 1.0


@pytest.fixture(scope="module")
def matches(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[bool], list[bool]]:
    """For each contradiction of the key, whether one reported matches it; for each reported, whether it matches
    one of the key."""
    return corpus_matches(CORPUS, KEY, tmp_path_factory.mktemp("corpus") / "m.db")


def test_disagreements_between_outlets_are_found(matches: tuple[list[bool], list[bool]]) -> None:
    recalled, _ = matches
    assert sum(recalled) / len(recalled) >= RECALL_FLOOR


def test_rising_tolls_own_updates_and_other_quantities_are_not_reported(matches: tuple[list[bool], list[bool]]) -> None:
    _, right = matches
    assert right and sum(right) / len(right) >= PRECISION_FLOOR
