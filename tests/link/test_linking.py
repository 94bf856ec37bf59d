"""Cross-document linking on mentions we make up: variants join, namesakes stay apart."""
from __future__ import annotations

import pytest

from marsad.link.entities import assign_speakers, link_entities
from marsad.link.variants import same_full_name, same_given_name, skeleton
from marsad.types import Mention, Quote


def m(article: str, text: str, kind: str = "PER", start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, kind)


def plain(name: str, kind: str) -> str:
    return name


def groups(entities: list) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((x.article, x.text) for x in e.mentions) for e in entities}


@pytest.mark.parametrize("a, b", [
    ("جانتس", "غانتس"), ("شمخاني", "شامخاني"), ("دقلو", "دجالو"), ("عطية", "عطيه"), ("سعيّد", "سعيد"),
])
def test_transcription_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b, same", [
    ("بنيامين", "بيني", True), ("محمد", "محمّد", True), ("عبدالله", "عبدالله", True),
    ("احمد", "محمد", False), ("يوسف", "يونس", False), ("هانس", "هانز", True),
])
def test_given_names(a: str, b: str, same: bool) -> None:
    assert same_given_name(a, b) is same


def test_full_names_need_both_parts() -> None:
    assert same_full_name(["بيني", "غانتس"], ["بنيامين", "جانتس"])
    assert same_full_name(["راشد", "الغنوشي"], ["رشيد", "الغنوشي"])  # a rare surname: one man, misspelt
    assert not same_full_name(["محمد", "حسن"], ["محمد", "حسين"])  # two listed names, one skeleton
    assert not same_full_name(["خالد", "غانتس"], ["بيني", "غانتس"])


def test_namesakes_with_two_listed_given_names_stay_apart() -> None:
    """سلمان بن عبدالعزيز and سليمان بن عبدالعزيز share a skeleton, not a name; nor do their sons."""
    mentions = [m("a", "سلمان بن عبدالعزيز"), m("b", "سلمان بن عبد العزيز آل سعود"), m("c", "سليمان بن عبدالعزيز"),
                m("d", "محمد بن سلمان"), m("e", "محمد بن سليمان الصقير")]
    entities = link_entities(mentions, plain)
    assert groups(entities) == {frozenset({("a", "سلمان بن عبدالعزيز"), ("b", "سلمان بن عبد العزيز آل سعود")}),
                                frozenset({("c", "سليمان بن عبدالعزيز")}), frozenset({("d", "محمد بن سلمان")}),
                                frozenset({("e", "محمد بن سليمان الصقير")})}


def test_variants_across_outlets_are_one_entity() -> None:
    mentions = [m("a", "بيني جانتس"), m("a", "جانتس", start=50), m("b", "بيني غانتس"), m("b", "غانتس", start=40),
                m("c", "بنيامين غانتس"), m("d", "غانتس")]
    [entity] = link_entities(mentions, plain)
    assert entity.type == "PER" and len(entity.mentions) == 6
    assert set(entity.aliases) == {"بيني جانتس", "جانتس", "بيني غانتس", "غانتس", "بنيامين غانتس"}
    assert entity.name in {"بيني جانتس", "بيني غانتس", "بنيامين غانتس"}


def test_a_short_form_of_a_given_name_from_the_table_joins_the_full_name() -> None:
    """Given names paired by the variants table whatever their letters (بوب / روبرت), among other people of the
    same surname."""
    mentions = [m("a", "روبرت مالي"), m("b", "بوب مالي"), m("c", "رياض مالي"), m("d", "رشيد مالي")]
    entities = link_entities(mentions, plain)
    assert groups(entities) == {frozenset({("a", "روبرت مالي"), ("b", "بوب مالي")}),
                                frozenset({("c", "رياض مالي")}), frozenset({("d", "رشيد مالي")})}


def test_namesakes_sharing_a_surname_stay_apart() -> None:
    mentions = [m("a", "خالد العتيبي"), m("b", "سارة العتيبي"), m("c", "العتيبي")]
    entities = link_entities(mentions, plain)
    assert groups(entities) == {frozenset({("a", "خالد العتيبي")}), frozenset({("b", "سارة العتيبي")}),
                                frozenset({("c", "العتيبي")})}


def test_surname_alone_joins_the_full_name_in_its_article() -> None:
    mentions = [m("a", "خالد العتيبي"), m("a", "العتيبي", start=30),
                m("b", "سارة العتيبي"), m("b", "العتيبي", start=30)]
    assert groups(link_entities(mentions, plain)) == {
        frozenset({("a", "خالد العتيبي"), ("a", "العتيبي")}), frozenset({("b", "سارة العتيبي"), ("b", "العتيبي")})}


def test_generic_heads_and_places() -> None:
    mentions = [m("a", "دولة إسرائيل", "GPE"), m("a", "إسرائيل", "GPE", 20), m("b", "اسرائيل", "GPE"),
                m("c", "حركة النهضة", "ORG"), m("d", "النهضة", "ORG"), m("d", "بغداد", "GPE", 9),
                m("d", "مطار بغداد الدولي", "LOC", 30)]
    assert groups(link_entities(mentions, plain)) == {
        frozenset({("a", "دولة إسرائيل"), ("a", "إسرائيل"), ("b", "اسرائيل")}),
        frozenset({("c", "حركة النهضة"), ("d", "النهضة")}),
        frozenset({("d", "بغداد")}), frozenset({("d", "مطار بغداد الدولي")})}


def test_ids_follow_first_mention_and_latin_is_applied() -> None:
    entities = link_entities([m("a", "الرباط", "GPE"), m("a", "لزرق", "PER", 9)], lambda n, t: f"{t}:{n}")
    assert [(e.id, e.name_latin) for e in entities] == [("e1", "GPE:الرباط"), ("e2", "PER:لزرق")]


def test_speakers_link_to_the_person_inside_the_attribution() -> None:
    text = "وقال وزير النقل الكويتي فهد بوشهري إن"
    person = Mention("a", text.index("فهد"), text.index("فهد") + len("فهد بوشهري"), "فهد بوشهري", "PER")
    entities = link_entities([person, m("b", "بوشهري")], plain)
    quotes = [Quote("a", 40, 60, "نص", "reported", "قال", "وزير النقل الكويتي فهد بوشهري", 5, 34),
              Quote("b", 40, 60, "نص", "reported", "قال", "بوشهري", 0, 6),
              Quote("a", 80, 90, "نص", "reported", "قال", "مصدر مطلع", 70, 79, anonymous=True)]
    assert [q.speaker for q in assign_speakers(quotes, entities)] == ["e1", "e1", None]


def test_generic_heads_and_owner_adjectives_share_a_core() -> None:
    mentions = [m("a", "قوات الحماية الشعبية", "ORG"), m("b", "ميليشيا الحماية الشعبية", "ORG"),
                m("c", "الحماية الشعبية", "ORG"), m("d", "رئاسة الحكومة الأردنية", "ORG"),
                m("e", "رئاسة الحكومة", "ORG"),
                m("f", "مطار عمّان الدولي", "LOC"), m("g", "مطار عمّان", "LOC")]
    assert groups(link_entities(mentions, plain)) == {
        frozenset({("a", "قوات الحماية الشعبية"), ("b", "ميليشيا الحماية الشعبية"), ("c", "الحماية الشعبية")}),
        frozenset({("d", "رئاسة الحكومة الأردنية"), ("e", "رئاسة الحكومة")}),
        frozenset({("f", "مطار عمّان الدولي"), ("g", "مطار عمّان")})}


def test_two_owners_keep_the_bare_form_apart() -> None:
    mentions = [m("a", "وزارة الخارجية المصرية", "ORG"), m("b", "وزارة الخارجية الأردنية", "ORG"),
                m("c", "وزارة الخارجية", "ORG")]
    assert len(link_entities(mentions, plain)) == 3


def test_formal_state_names_and_patronymics() -> None:
    mentions = [m("a", "جمهورية مصر العربية", "GPE"), m("b", "مصر", "GPE"),
                m("c", "خالد بن سلمان بن عبدالعزيز"), m("d", "خالد بن سلمان"), m("e", "بن سلمان", start=20),
                m("e", "خالد بن سلمان")]
    assert groups(link_entities(mentions, plain)) == {
        frozenset({("a", "جمهورية مصر العربية"), ("b", "مصر")}),
        frozenset({("c", "خالد بن سلمان بن عبدالعزيز"), ("d", "خالد بن سلمان"), ("e", "بن سلمان"),
                   ("e", "خالد بن سلمان")})}


def test_surname_with_or_without_article() -> None:
    [entity] = link_entities([m("a", "هشام المشيشي"), m("b", "هشام مشيشي")], plain)
    assert len(entity.mentions) == 2


def test_a_title_alone_speaks_for_the_person_named_after_it_earlier() -> None:
    text = ("ترأس الاجتماع المدير العام للهيئة الوطنية للمياه سامر الخطيب، بحضور خبراء.\n"
            "وقال المدير العام للهيئة الوطنية للمياه إن الخطة جاهزة.")
    name_at = text.index("سامر")
    org_at = text.index("هيئة الوطنية للمياه", text.index("وقال"))  # للهيئة: the mention starts after لل
    person = Mention("a", name_at, name_at + len("سامر الخطيب"), "سامر الخطيب", "PER")
    org = Mention("a", org_at, org_at + len("هيئة الوطنية للمياه"), "الهيئة الوطنية للمياه", "ORG")
    entities = link_entities([person, org], plain)
    speaker_at = text.index("المدير", text.index("وقال"))
    title = "المدير العام للهيئة الوطنية للمياه"
    quote = Quote("a", text.index("الخطة"), len(text) - 1, "الخطة جاهزة", "reported", "قال", title,
                  speaker_at, speaker_at + len(title))
    [linked] = assign_speakers([quote], entities, {"a": text})
    assert linked.speaker == next(e.id for e in entities if e.type == "PER")
    [without_text] = assign_speakers([quote], entities)
    assert without_text.speaker == next(e.id for e in entities if e.type == "ORG")


def test_company_form_words() -> None:
    [entity] = link_entities([m("a", "Acme", "ORG"), m("b", "Acme Systems", "ORG")], plain)
    assert len(entity.mentions) == 2


def test_a_bare_head_noun_speaks_for_the_one_body_it_heads() -> None:
    """الجيش after الجيش السوداني is that army; with two armies named in the article it stays unresolved."""
    army = m("a", "الجيش السوداني", "ORG")
    quote = Quote("a", 60, 80, "نص", "reported", "قال", "الجيش", 40, 45)
    entities = link_entities([army, m("a", "وزارة الخارجية", "ORG", 20)], plain)
    [said] = assign_speakers([quote], entities)
    assert said.speaker == next(e.id for e in entities if e.name == "الجيش السوداني")
    two_armies = link_entities([army, m("a", "الجيش الليبي", "ORG", 20)], plain)
    assert assign_speakers([quote], two_armies)[0].speaker is None
