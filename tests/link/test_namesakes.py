"""People who share a given name and a patronymic stay apart; a short name joins the one it most often names."""
from __future__ import annotations

from marsad.link.entities import link_entities
from marsad.types import Mention


def people(*names: tuple[str, str]) -> list[set[str]]:
    """The linked entities of PER mentions (article, name), each as its set of names."""
    mentions = [Mention(article, 0, len(name), name, "PER") for article, name in names]
    return sorted(({m.text for m in e.mentions} for e in link_entities(mentions, lambda n, t: n)), key=len)


def test_a_short_name_of_two_people_joins_neither() -> None:
    found = people(("a1", "عبدالله بن محمد آل الشيخ"), ("a2", "عبدالله بن محمد"), ("a3", "عبدالله بن محمد الحربي"))
    assert len(found) == 3


def test_a_short_name_joins_the_person_it_nearly_always_names() -> None:
    names = [(f"a{n}", "سلطان بن فهد بن تركي") for n in range(6)] + [("b1", "سلطان بن فهد الدوسري"),
                                                                     ("c1", "سلطان بن فهد")]
    found = people(*names)
    assert {"سلطان بن فهد", "سلطان بن فهد بن تركي"} in found
    assert {"سلطان بن فهد الدوسري"} in found


def test_one_person_written_long_and_short_is_still_one() -> None:
    assert len(people(("a1", "خليفة بن حمد آل ثاني"), ("a2", "خليفة بن حمد"), ("a3", "خليفة بن حمد آل ثاني"))) == 1


def test_a_family_name_with_or_without_the_alef_of_its_particle_is_one() -> None:
    assert len(people(("a1", "العربي أبو زيان"), ("a2", "العربي بوزيان"))) == 1  # Maghrebi
    assert len(people(("a1", "تركي ابن ناصر"), ("a2", "تركي بن ناصر"))) == 1  # Gulf
    assert len(people(("a1", "علي آل ثاني"), ("a2", "علي لثاني"))) == 2  # آل is no such particle


def test_a_surname_alone_keeps_the_alef_of_its_particle() -> None:
    assert len(people(("a1", "ابن رشد"), ("a2", "سلوى بن رشد"))) == 2
