"""Contradictions on stories we have not seen: the held-out corpus of hand-written multi-outlet events
(tests/compare/data/heldout, see its README) against its answer key, each half apart.

Measured on the tune half (seven events, eleven contradictions) before any change: recall 4/11, precision 4/5;
after broken plurals learned from SaudiNewsNet (نواب ~ نائب), counted nouns and sums folded through their topic's
synonyms (سفينة ~ باخرة، ميزانية ~ موازنة), a count's date word no longer read as a forecast (موازنة العام المقبل),
two sums of one sentence listed apart only when of one transaction (a budget beside its deficit), and round figures
worded alike compared as far as exact ones (12 ألف هكتار against 8500): 8/11 and 8/9. Still missed: losses in euros
(no transaction named), villages evacuated 14 against nine (1.56 apart, beyond counts worded alike), and 12 people
against 17 fans dead (a group's toll is not read as the whole toll); reported wrongly: 500 firemen against 650 sent
the next day. The test half (seven other events, eleven contradictions), measured once at the end of the round:
recall 4/11 and precision 4/5, the same as before the round's changes (none of them carried to its stories).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from tests.compare.corpus_match import corpus_matches

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
# half -> (recall floor, precision floor), as measured
FLOORS = {"tune": (8 / 11, 8 / 9), "test": (4 / 11, 4 / 5)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def half(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[str, list[bool], list[bool]]:
    name = request.param
    recalled, right = corpus_matches(HELDOUT / name, HELDOUT / f"{name}.gold.json",
                                     tmp_path_factory.mktemp(name) / "m.db")
    return name, recalled, right


def test_disagreements_on_unseen_stories_are_found(half: tuple[str, list[bool], list[bool]]) -> None:
    name, recalled, _ = half
    assert sum(recalled) / len(recalled) >= FLOORS[name][0] - 1e-9


def test_rising_tolls_parts_and_other_incidents_are_mostly_not_reported(half: tuple[str, list[bool], list[bool]]
                                                                        ) -> None:
    name, _, right = half
    assert right and sum(right) / len(right) >= FLOORS[name][1] - 1e-9
