"""Contradictions worded apart (#23 round 9): one quantity counted with a broken plural and a singular, with two
synonyms, as the sum of one budget spelt two ways or beside a second sum; and a reading that is none
(bodies recovered beside a group's toll). Sentences written for these tests."""
from __future__ import annotations

from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions
from marsad.compare.numbers import noun_form
from marsad.types import Article


def _found(*texts: tuple[str, str]) -> list[str]:
    """The details of the contradictions between articles of one outlet each, given as (publication day, text)."""
    articles = [Article(f"a{k}", source=f"Outlet {k}", published=day, text=text)
                for k, (day, text) in enumerate(texts)]
    return [c.detail for c in find_contradictions("v1", align_claims("v1", articles), articles)]


def test_broken_plurals_learned_from_counting_read_as_their_singular() -> None:
    assert noun_form("نواب") == noun_form("نائبا") and noun_form("مقاعد") == noun_form("مقعدا")
    assert noun_form("طوابق") == noun_form("طابقا") and noun_form("مدن") != noun_form("مدنيا")


def test_a_count_in_the_plural_and_one_in_the_singular_contradict() -> None:
    (detail,) = _found(("2031-02-03", "ووقع 9 نواب من كتلة المعارضة على عريضة تطالب بسحب الثقة من الحكومة."),
                       ("2031-02-03", "وقع 12 نائبا من كتلة المعارضة على عريضة لسحب الثقة من الحكومة، وفق مصادر."))
    assert "9" in detail and "12" in detail


def test_ships_and_vessels_are_one_count() -> None:
    (detail,) = _found(("2031-05-10", "وقالت هيئة الميناء إن 30 سفينة تنتظر في عرض البحر بسبب العاصفة."),
                       ("2031-05-10", "أعلنت هيئة الميناء أن 38 باخرة تنتظر في عرض البحر جراء العاصفة."))
    assert "30" in detail and "38" in detail


def test_a_budget_spelt_two_ways_beside_its_deficit_contradicts() -> None:
    (detail,) = _found(
        ("2031-11-20", "وأقر مجلس الوزراء موازنة العام المقبل بقيمة 14 مليار دولار، بعجز قدره 2 مليار دولار."),
        ("2031-11-20", "أقر مجلس الوزراء اليوم ميزانية العام المقبل بقيمة 12.5 مليار دولار."))
    assert "14" in detail and "12.5" in detail


def test_round_areas_worded_alike_contradict() -> None:
    (detail,) = _found(("2031-08-01", "وأتت النيران على 9 آلاف هكتار من غابات الصنوبر في الجزيرة، حسب الدفاع المدني."),
                       ("2031-08-01", "أتت النيران على 6500 هكتار من غابات الصنوبر في الجزيرة وفق الدفاع المدني."))
    assert "6500" in detail


def test_a_groups_bodies_recovered_are_no_toll_of_it() -> None:
    assert _found(("2031-03-07", "وقتل 13 عنصرا من الجماعة المسلحة في اشتباكات عنيفة وسط المدينة."),
                  ("2031-03-07", "وانتشلوا جثث 24 من عناصر الجماعة المسلحة من شوارع وسط المدينة.")) == []
