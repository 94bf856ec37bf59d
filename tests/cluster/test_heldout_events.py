"""Events and stories on stories we have not seen: the held-out corpus of hand-written multi-outlet events
(tests/compare/data/heldout, see its README: fourteen events, three or four outlets each in Gulf, Egyptian, Levantine,
Maghrebi and translated-wire house styles) clustered by the whole pipeline and scored by B-cubed F1 against its key,
each half apart.

Measured in round 43 (#23 round 9's corpus), the code unchanged: tune half (events EA-EG) events and stories 1.000;
test half (EH-EN), measured once at the end of the round: events 0.872, stories 0.973. Its misses are splits of one
happening worded apart by its outlets: a mine's toll-led headline beside the others' rescue-led ones, a cyclone's
evacuation before landfall beside its toll, a strike as `إضراب` and as `يضربون`, a prisoner exchange as `أسرى` released
and as `محتجزين` exchanged (the last also two stories).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import pytest

from marsad.export.analysis import to_document
from marsad.pipeline import analyze
from marsad.store import SQLiteStore

HELDOUT = Path(__file__).resolve().parents[1] / "compare" / "data" / "heldout"
# half -> (events floor, stories floor): B-cubed F1 as measured
FLOORS = {"tune": (1.0, 1.0), "test": (0.872, 0.972)}


def b_cubed_f1(found: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """B-cubed F1 of a partition of the gold's items (item -> cluster) against the gold's (an item found in no
    cluster is one alone)."""
    def members(partition: Mapping[str, str]) -> dict[str, set[str]]:
        groups: defaultdict[str, set[str]] = defaultdict(set)
        for item in gold:
            groups[partition.get(item, f"alone:{item}")].add(item)
        return {item: groups[partition.get(item, f"alone:{item}")] for item in gold}

    ours, theirs = members(found), members(gold)
    precision = sum(len(ours[i] & theirs[i]) / len(ours[i]) for i in gold) / len(gold)
    recall = sum(len(ours[i] & theirs[i]) / len(theirs[i]) for i in gold) / len(gold)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def half(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, float, float]:
    name = request.param
    with SQLiteStore(tmp_path_factory.mktemp(name) / "e.db") as store:
        document = to_document(analyze([HELDOUT / name], store))
    gold = json.loads((HELDOUT / f"{name}.gold.json").read_text(encoding="utf-8"))["articles"]
    event_of = {a: e["id"] for e in document["events"] for a in e["articles"]}
    story_of = {a: e["story"] for e in document["events"] for a in e["articles"]}
    return (name, b_cubed_f1(event_of, {a: g["event"] for a, g in gold.items()}),
            b_cubed_f1(story_of, {a: g["story"] for a, g in gold.items()}))


def test_one_happening_told_by_several_outlets_is_one_event(half: tuple[str, float, float]) -> None:
    name, events, _ = half
    assert events >= FLOORS[name][0] - 1e-9


def test_one_happenings_outlets_are_one_story(half: tuple[str, float, float]) -> None:
    name, _, stories = half
    assert stories >= FLOORS[name][1] - 1e-9
