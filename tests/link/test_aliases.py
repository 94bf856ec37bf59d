"""Nicknames introduced after a person's name join that person, here and where the nickname stands alone."""
from __future__ import annotations

import pytest

from marsad.link.aliases import introduces_nickname
from marsad.link.entities import link_entities
from marsad.types import Mention


def mentions_of(article: str, text: str, names: list[str]) -> list[Mention]:
    """PER mentions of `names` at their first places in `text`."""
    return [Mention(article, text.index(n), text.index(n) + len(n), n, "PER") for n in names]


def plain(name: str, kind: str) -> str:
    return name


@pytest.mark.parametrize("text, person, nickname", [
    ('وصل خالد عبد الرحمن المعروف بـ"أبو فارس" إلى الرياض أمس.', "خالد عبد الرحمن", "أبو فارس"),  # Gulf
    ("وقال محمود سليمان، الشهير في الحي والملقب بالريس، إن", "محمود سليمان", "الريس"),  # Egyptian, not after
    ("التقى وفد الحزب بسامر يوسف المكنّى باسم «أبو جاد» في حلب.", "سامر يوسف", "أبو جاد"),  # Levantine
    ("أكد محمد أوحساين الملقب بـ «بوكا» أن الفريق جاهز.", "محمد أوحساين", "بوكا"),  # Maghrebi
])
def test_a_nickname_joins_the_person_named_before_it(text: str, person: str, nickname: str) -> None:
    ms = mentions_of("a1", text, [person, nickname])
    joined = len(link_entities(ms, plain, texts={"a1": text})) == 1
    assert joined == ("الشهير" not in text)  # a clause between name and nickname: no link
    assert len(link_entities(ms, plain)) == 2  # without the texts, nothing is read


def test_the_nickname_alone_in_another_article_joins_the_person() -> None:
    first = 'قتل زعيم العصابة يونس الخطيب المعروف بـ"الذيب" في اشتباك.'
    later = "أعلنت الشرطة أن الذيب كان مطلوبا."
    ms = mentions_of("a1", first, ["يونس الخطيب", "الذيب"]) + mentions_of("a2", later, ["الذيب"])
    assert len(link_entities(ms, plain, texts={"a1": first, "a2": later})) == 1


def test_a_nickname_given_to_two_people_does_not_merge_them() -> None:
    one = 'اعتقل فادي نصر المعروف بـ"الشبح" فجرا.'
    two = 'فر رامي عوض الملقب بـ"الشبح" من السجن.'
    alone = "تحدث الشبح عن هروبه."
    ms = (mentions_of("a1", one, ["فادي نصر", "الشبح"]) + mentions_of("a2", two, ["رامي عوض", "الشبح"])
          + mentions_of("a3", alone, ["الشبح"]))
    entities = link_entities(ms, plain, texts={"a1": one, "a2": two, "a3": alone})
    assert {e.name for e in entities if len(e.mentions) == 1} == {"فادي نصر", "رامي عوض"}


@pytest.mark.parametrize("gap, introduces", [
    (' المعروف بـ"', True), ("، الملقب ب", True), (" المكنى باسم «", True), (" المعروف ", False),
    (" و", False), (" الذي قال إن ", False), (" المعروف في ", False),
])
def test_the_gap_must_be_the_known_as_construction(gap: str, introduces: bool) -> None:
    assert introduces_nickname(gap) is introduces
