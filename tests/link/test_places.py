"""Place and facility spellings: vowel and hamza variants join, facility synonyms and bodies join, different
places and given names stay apart (mentions we make up, in several house styles)."""
from __future__ import annotations

import pytest

from marsad.link.entities import link_entities
from marsad.link.places import fold_vowels, variant_key
from marsad.rules import hit_counts, reset_counts
from marsad.types import Mention


def m(article: str, text: str, kind: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, kind)


def plain(name: str, kind: str) -> str:
    return name


def together(*mentions: Mention) -> bool:
    """Whether linking puts every mention under one entity."""
    return len(link_entities(list(mentions), plain)) == 1


@pytest.mark.parametrize("a, b", [
    ("إيموزار", "إموزار"),  # Maghrebi: a ي written or not after the hamza seat
    ("ماريوبول", "ماريوبل"),  # translated: a long vowel of a foreign name dropped
    ("سيفاستوبول", "سيفاستبول"),
])
def test_vowel_variants_of_a_place_join(a: str, b: str) -> None:
    assert together(m("a1", a, "GPE"), m("a2", b, "GPE"))


def test_the_vowel_fold_keeps_first_and_last_letters_and_short_words() -> None:
    assert fold_vowels("تينيسيا") == "تنسا"
    assert fold_vowels("كييف") == "كييف"  # too short once folded


def test_places_the_gazetteer_knows_apart_stay_apart() -> None:
    assert not together(m("a1", "غانا", "GPE"), m("a2", "غينيا", "GPE"))


@pytest.mark.parametrize("a, b", [("مسجد سعيد", "مسجد سعد"), ("حي الجبيل", "حي الجبل")])
def test_given_names_and_definite_nouns_are_not_folded(a: str, b: str) -> None:
    assert not together(m("a1", a, "LOC"), m("a2", b, "LOC"))


def test_people_are_not_folded_as_places() -> None:
    assert not together(m("a1", "إيموزار", "PER"), m("a2", "إموزار", "PER"))


@pytest.mark.parametrize("a, b", [
    ("ملعب الملك فهد", "استاد الملك فهد"),  # Gulf and Egyptian heads of one stadium
    ("مسجد الحسن الثاني", "جامع الحسن الثاني"),  # Maghrebi
    ("مرفأ بيروت", "ميناء بيروت"),  # Levantine
])
def test_facility_synonyms_join(a: str, b: str) -> None:
    reset_counts()
    assert together(m("a1", a, "LOC"), m("a2", b, "LOC"))
    assert hit_counts()["link.facility_synonym"] == 1


def test_two_kinds_of_facility_stay_apart() -> None:
    assert not together(m("a1", "مطار الملك فهد", "LOC"), m("a2", "ملعب الملك فهد", "LOC"))
    assert variant_key(("ستاد", "لوسيل")) == variant_key(("ملعب", "لوسيل"))


def test_a_facility_does_not_take_the_place_it_is_in() -> None:
    assert not together(m("a1", "مسجد الرويس", "LOC"), m("a1", "الرويس", "LOC", 40))
    assert not together(m("a1", "سد بين الويدان", "LOC"), m("a2", "بين الويدان", "MISC"))
