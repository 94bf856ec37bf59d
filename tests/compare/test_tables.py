"""The tables of compare/ are sound: every row names a role the code reads (a misspelt role would drop the row
without a word), and every value parses."""
from __future__ import annotations

import pytest

from marsad.compare import contradictions, framing, numbers
from marsad.resources import MODELS_DIR, fields

TABLES = MODELS_DIR / "compare"


@pytest.mark.parametrize(("name", "at", "roles"), [
    ("number_words.tsv", 2, {"unit", "teen-head", "ten", "hundred", "scale", "dual-scale", "fraction", "approximate"}),
    ("counted_nouns.tsv", 2, {"dual", "plural"}),
    ("number_cues.tsv", 1, {"filler", "percent", "percent-phrase", "no-article", "person", "fraction-name",
                          "range-link", "measure", "day-of"}),
    ("quantity_cues.tsv", 1, {"killed", "injured", "missing", "displaced", "arrested", "tally", "people", "generic",
                              "changing", "not-a-slot", "lower-bound-before", "change",
                              "upper-bound-before", "about-before", "lower-bound-after", "estimate", "rival",
                              "elapsed-before", "later-before", "elapsed-link", "relative-after", "instant",
                              "topic-shift", "complementizer", "step", "background-opener", "index-before",
                              "distance", "area-after", "selector-before", "moved-before",
                              "remaining-after", "part-after", "rise-before", "reach-before",
                              "span-before", "rise-link", "rise-now", "part-before",
                              "flow", "per-day", "expected-before", "earlier-incident", "about-after",
                              "to-date", "others-after", "owner-suffix", "counted-among",
                              "until-before", "rescued-before", "qualifier-head", "local-place", "whole-place",
                              "anyone",
                              "another-after", "explains-opener", "place-head", "place-head-definite", "sum-of",
                              "over-before"}),
    ("framing_cues.tsv", 1, {"name-head", "opposition", "attribution", "accusation", "date-lead", "leader-label",
                             "place-label", "pronoun-suffix", "nisba-suffix", "plural-swap", "long-vowel",
                             "past-suffix", "present-prefix", "present-suffix", "adjective-ending",
                             "accusative-ending", "dual-ending", "construct-ending"}),
])
def test_every_row_has_a_known_role(name: str, at: int, roles: set[str]) -> None:
    used = {row[at] for row in fields(TABLES / name)}
    assert used == roles, f"{name}: unknown {sorted(used - roles)}, unused {sorted(roles - used)}"


def test_number_values() -> None:
    assert numbers.UNITS[numbers.normalize("ثلاثة")] == 3 and isinstance(numbers.UNITS[numbers.normalize("ثلاثة")], int)
    assert numbers.SCALES[numbers.normalize("مليون")] == 1e6 and numbers.FRACTIONS[numbers.normalize("ثلث")] == 1 / 3
    assert numbers.TEN_WORDS == {numbers.normalize("عشر"), numbers.normalize("عشرة")}


def test_slots_name_every_duration_unit() -> None:
    assert set(contradictions._UNIT_NAMES) == {*"DWMYH", "MIN"}
    assert {"killed", "injured", "clock"} <= set(contradictions._SLOT_LABELS)
    assert contradictions._OTHER_LABEL.format("طائرة") == "عدد طائرة"


def test_framing_reads_the_gregorian_months() -> None:
    assert {"يناير", "جانفي", "كانون", "تشرين", "تموز"} <= framing._MONTHS
    assert "رمضان" not in framing._MONTHS  # Hijri months are no date of a Gregorian event's name
    assert framing._ATTRIBUTION.match("وصفها") and framing._OPPOSITION.match("والمناهضين")
    assert framing._ATTRIBUTION.match("الاتفاق") is None
