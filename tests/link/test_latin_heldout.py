"""A held-out check of Latin names on SaudiNewsNet days no rule was written from: names the tagger found, frequent
and rare, judged as the scorer judges a Latin name (word overlap of at least half, case and punctuation aside)."""
from __future__ import annotations

import re
from pathlib import Path

from marsad.link.latin import latin_name
from marsad.resources import fields

HELDOUT = Path(__file__).with_name("latin_heldout.tsv")
FLOOR = {"F": 0.93, "R": 0.72}  # the figures when the check was made (0.953, 0.750) less a margin


def _words(text: str) -> set[str]:
    return set(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _right(got: str, want: str) -> bool:
    a, b = _words(got), _words(want)
    return bool(b) and len(a & b) / len(a | b) >= 0.5


def test_latin_names_of_unseen_saudi_news_hold_their_accuracy() -> None:
    rows = list(fields(HELDOUT))
    assert len(rows) > 150
    for kind, floor in FLOOR.items():
        judged = [_right(latin_name(arabic, type_, "SA"), latin) for k, arabic, type_, latin in rows if k == kind]
        assert sum(judged) / len(judged) >= floor, kind
