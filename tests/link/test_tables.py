"""The tables of link/ are sound: every row names a role the code reads, and what the code builds from them."""
from __future__ import annotations

import pytest

from marsad.link import entities, gloss, latin, romanize, variants
from marsad.resources import MODELS_DIR, fields

TABLES = MODELS_DIR / "link"


@pytest.mark.parametrize(("name", "at", "roles"), [
    ("romanization.tsv", 1, {"C", "V"}),
    ("name_particles.tsv", 1, {"glued", "son", "ibn", "family-prefix", "berber-prefix", "kunya", "house"}),
    ("name_compounds.tsv", 1, {"head", "tail"}),
    ("name_compounds.tsv", 3, {"yes", "no"}),
    ("english_idafa.tsv", 1, {"of-head", "the-noun"}),
    ("name_heads.tsv", 2, {"head", "complement", "title", "owned"}),
    ("owner_words.tsv", 1, {"international", "corporate"}),
])
def test_every_row_has_a_known_role(name: str, at: int, roles: set[str]) -> None:
    used = {row[at] for row in fields(TABLES / name)}
    assert used == roles, f"{name}: unknown {sorted(used - roles)}, unused {sorted(roles - used)}"


def test_tables_in_matching_form() -> None:
    assert romanize.CONSONANTS["ق"] == "q" and romanize.MAGHREBI_CONSONANTS["ق"] == "k"
    assert romanize.FOREIGN_CONSONANTS == {"غ": "g"} and romanize.VOWEL_LETTERS == frozenset("اأآإىٱ")
    assert romanize.SON == ("بن", "ابن") and romanize.FAMILY_PREFIXES == ("بو",)
    assert romanize.BERBER_PREFIXES == ("او",) and romanize.SUN_LETTERS == frozenset("تثدذرزسشصضطظلن")
    assert variants.GLUED_TO_NEXT == {"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ال"}
    assert gloss.PREPOSITIONS["علي"] == "on" and gloss.PREPOSITIONS["الي"] == "to"
    assert gloss.OF_HEADS["Center"] == "for" and "Republic" in gloss.THE_NOUNS
    assert {"دوله", "اماره", "الجمهوريه"} <= latin.STATE_WORDS
    assert {"دوله", "قوات", "امارة".replace("ة", "ه")} <= entities.GENERIC_HEADS
    assert "الدوليه" in entities.INTERNATIONAL and "gmbh" in entities.CORPORATE_SUFFIXES


@pytest.mark.parametrize(("words", "split"), [
    ("عبدالله", ["عبد", "الله"]),
    ("نصرالله", ["نصر", "الله"]),
    ("عبدالرحمن", ["عبد", "الرحمن"]),
    ("نورالدين", ["نورالدين"]),  # الدين is a compound tail, but not cut off a glued word
    ("الله", ["الله"]),
])
def test_split_compounds(words: str, split: list[str]) -> None:
    assert romanize.split_compounds([words]) == split
