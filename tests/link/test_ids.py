"""Entity ids stay the same from one run to the next, whatever linking does to the order of entities."""
from __future__ import annotations

from marsad.link.ids import EntityIds
from marsad.types import Entity, Mention


def entity(name: str, *aliases: str, mentions: int = 1, kind: str = "PER") -> Entity:
    found = tuple(Mention("a1", n, n + len(name), name, kind) for n in range(mentions))
    return Entity("?", kind, name, "", (name, *aliases), found)


def test_a_fresh_store_numbers_entities_in_their_order() -> None:
    assert [e.id for e in EntityIds().assign([entity("غانتس"), entity("الرباط", kind="LOC")])] == ["e1", "e2"]


def test_a_merge_keeps_the_ids_of_the_entities_after_it() -> None:
    ids = EntityIds()
    ids.assign([entity("بيني غانتس", mentions=3), entity("جانتس"), entity("الرباط", kind="LOC"),
                entity("وزارة الخارجية", kind="ORG")])
    # a new article links the two spellings of one man: the rest keep their ids, a new entity gets a new one
    again = ids.assign([entity("بيني غانتس", "جانتس", mentions=4), entity("عمان", kind="LOC"),
                        entity("الرباط", kind="LOC"), entity("وزارة الخارجية", kind="ORG")])
    assert [e.id for e in again] == ["e1", "e5", "e3", "e4"]


def test_a_split_leaves_the_old_id_with_the_bigger_part() -> None:
    ids = EntityIds()
    ids.assign([entity("محمد بن سلمان", "محمد", mentions=5)])
    again = ids.assign([entity("محمد", mentions=2), entity("محمد بن سلمان", mentions=5)])
    assert [e.id for e in again] == ["e2", "e1"]
    assert [e.id for e in ids.assign([entity("محمد", mentions=2), entity("محمد بن سلمان", mentions=6)])] == \
        ["e2", "e1"]


def test_an_entity_keeps_its_id_when_many_others_share_its_spelling() -> None:
    ids = EntityIds()
    cabinets = [entity("مجلس الوزراء", mentions=40, kind="ORG")] + [
        entity("مجلس الوزراء", f"مجلس الوزراء {country}", mentions=2, kind="ORG")
        for country in ("العراقي", "القطري", "المصري", "الأردني")]
    first = [e.id for e in ids.assign(cabinets)]
    grown = [entity("مجلس الوزراء", mentions=43, kind="ORG"), *cabinets[1:]]
    assert [e.id for e in ids.assign(grown)] == first
