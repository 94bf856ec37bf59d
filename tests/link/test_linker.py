"""The linker a watcher keeps between rounds: each round gives what linking the whole corpus anew gives (entities,
their ids, Latin names and quote speakers), while linking again only the names its new articles touch."""
from __future__ import annotations

import copy
from collections.abc import Sequence

import pytest

import marsad.link.linker as linker_module
from marsad.link.entities import assign_speakers, link_entities
from marsad.link.ids import EntityIds
from marsad.link.latin import known_name, latin_name_in_outlets
from marsad.link.linker import Corpus, Linker
from marsad.types import Mention, Quote

Article = tuple[str, str, list[tuple[str, str]], str | None]  # id, text, (name, type) in the text, outlet country


def article(article_id: str, text: str, names: Sequence[tuple[str, str]], country: str | None = None) -> Article:
    return article_id, text, list(names), country


def corpus(articles: Sequence[Article], quotes: dict[str, list[Quote]] | None = None) -> Corpus:
    mentions = {}
    for article_id, text, names, _ in articles:
        found, at = [], 0
        for name, kind in names:
            start = text.index(name, at)
            found.append(Mention(article_id, start, start + len(name), name, kind))
            at = start + len(name)
        mentions[article_id] = found
    return Corpus([a[0] for a in articles], mentions, quotes or {}, {a[0]: a[1] for a in articles},
                  {a[0]: a[3] for a in articles if a[3]})


def anew(whole: Corpus, ids: EntityIds) -> tuple[list, list]:
    """Linking the whole corpus at once, as a run without a kept linker did."""
    mentions = [m for a in whole.order for m in whole.mentions[a]]
    latin = latin_name_in_outlets(((m.article, m.text) for m in mentions), whole.countries)
    entities = ids.assign(link_entities(mentions, latin, known_name, whole.texts))
    return entities, assign_speakers([q for a in whole.order for q in whole.quotes.get(a, [])], entities, whole.texts)


def rounds_match(deliveries: Sequence[Sequence[Article]], quotes: dict[str, list[Quote]] | None = None) -> None:
    linker, ids, delivered = Linker(known_name), EntityIds(), []
    place = {a[0]: n for n, a in enumerate(_order(deliveries))}  # an article stored again keeps its place
    for delivery in deliveries:
        delivered = [a for a in delivered if a[0] not in {d[0] for d in delivery}] + list(delivery)
        delivered.sort(key=lambda a: place[a[0]])
        whole = corpus(delivered, quotes)
        expected = anew(whole, copy.deepcopy(ids))
        assert linker.fits(whole.order)
        assert linker.link(whole, ids) == expected


def _order(deliveries: Sequence[Sequence[Article]]) -> list[Article]:
    seen: dict[str, Article] = {}
    for delivery in deliveries:
        for a in delivery:
            seen.setdefault(a[0], a)
    return list(seen.values())


def test_a_surname_alone_parts_from_its_person_when_a_namesake_arrives_elsewhere() -> None:
    rounds_match([
        [article("a1", "قال يوسف الحربي إن المشروع اكتمل.", [("يوسف الحربي", "PER")])],
        [article("a2", "وأكد الحربي أن العمل مستمر.", [("الحربي", "PER")])],  # joins the one carrier
        [article("a3", "استقبل خالد الحربي الوفد في جدة.", [("خالد الحربي", "PER"), ("جدة", "GPE")])],  # now two
        [article("a4", "وصل يوسف الحربي إلى جدة.", [("يوسف الحربي", "PER"), ("جدة", "GPE")])],
    ])


@pytest.mark.parametrize("style", ["gulf", "levantine", "maghrebi"])
def test_variants_nicknames_and_places_delivered_in_rounds_give_one_run_s_entities(style: str) -> None:
    first = {"gulf": "بيني غانتس", "levantine": "بنيامين غانتس", "maghrebi": "بيني جانتس"}[style]
    rounds_match([
        [article("a1", f"التقى {first} وزير الدفاع في الرباط أمس.", [(first, "PER"), ("الرباط", "GPE")], "MA"),
         article("a2", "أعلنت وزارة الصحة المغربية عن حملة.", [("وزارة الصحة المغربية", "ORG")], "MA")],
        [article("a3", "وأضاف غانتس أن وزارة الصحة ستدعم الحملة.", [("غانتس", "PER"), ("وزارة الصحة", "ORG")]),
         article("a4", 'وصل أحمد ولد محمد، المعروف بـ"الشيخ"، إلى نواكشوط.',
                 [("أحمد ولد محمد", "PER"), ("الشيخ", "PER"), ("نواكشوط", "GPE")], "MR")],
        [article("a5", "وقال الشيخ إن وزارة الصحة الأردنية تتابع.", [("الشيخ", "PER"), ("وزارة الصحة الأردنية", "ORG")],
                 "JO"),
         article("a6", "زار وفد من الرباط مدينة نواكشوط.", [("الرباط", "GPE"), ("نواكشوط", "GPE")], "SA")],
    ])


def test_an_article_stored_again_with_other_names_is_linked_again() -> None:
    before = article("a2", "وأكد الحربي أن العمل مستمر.", [("الحربي", "PER")])
    after = article("a2", "وأكد سعد العتيبي أن العمل مستمر.", [("سعد العتيبي", "PER")])
    rounds_match([
        [article("a1", "قال يوسف الحربي إن المشروع اكتمل.", [("يوسف الحربي", "PER")]), before],
        [after, article("a3", "قال العتيبي إن المشروع اكتمل.", [("العتيبي", "PER")])],
    ])


def test_quotes_keep_their_speakers_round_after_round() -> None:
    text = "قال يوسف الحربي: «المشروع اكتمل»."
    start = text.index("«")
    quotes = {"a3": [Quote("a3", start, start + 14, "المشروع اكتمل", "يوسف الحربي")]}
    rounds_match([
        [article("a1", "استقبل يوسف الحربي الوفد.", [("يوسف الحربي", "PER")])],
        [article("a2", "وأكد الحربي أن العمل مستمر.", [("الحربي", "PER")]),
         article("a3", text, [("يوسف الحربي", "PER")])],
    ], quotes)


def test_a_quote_assigned_again_to_the_same_speaker_is_kept_as_the_very_object() -> None:
    """A later round whose names change what a speaker's entity is known by assigns the quotes of its articles
    again; those whose speaker is the same stay the objects they were (told unchanged when published)."""
    text = "قال يوسف الحربي: «المشروع اكتمل»."
    start = text.index("«")
    quotes = {"a1": [Quote("a1", start, start + 14, "المشروع اكتمل", "يوسف الحربي")]}
    first = [article("a1", text, [("يوسف الحربي", "PER")])]
    linker, ids = Linker(known_name), EntityIds()
    _, said = linker.link(corpus(first, quotes), ids)
    later = corpus([*first, article("a2", "وأكد الحربي أن العمل مستمر.", [("الحربي", "PER")])], quotes)
    _, again = linker.link(later, ids)
    assert "a1" in linker.linked_again  # its speaker's entity is now also known as الحربي
    assert again == said and again[0] is said[0]


def test_a_round_links_again_only_the_names_its_articles_touch(monkeypatch: pytest.MonkeyPatch) -> None:
    linked: list[int] = []
    real = linker_module.link_groups

    def counting(groups, *args):  # type: ignore[no-untyped-def]
        linked.append(len(groups))
        return real(groups, *args)
    monkeypatch.setattr(linker_module, "link_groups", counting)
    places = ["الرياض", "جدة", "الدمام", "مكة", "تبوك", "أبها", "حائل", "نجران"]
    stored = [article(f"a{n}", f"زار سعد العتيبي {place} أمس.", [("سعد العتيبي", "PER"), (place, "GPE")])
              for n, place in enumerate(places)]
    linker, ids = Linker(known_name), EntityIds()
    linker.link(corpus(stored), ids)
    assert sum(linked) == 2 * len(places)
    linked.clear()
    later = article("b", "وصل سعد العتيبي إلى جدة.", [("سعد العتيبي", "PER"), ("جدة", "GPE")])
    entities, _ = linker.link(corpus([*stored, later]), ids)
    assert sum(linked) == len(places) + 1  # the person's groups; جدة named again joins its place unlinked
    assert len(entities) == len(places) + 1
    assert [len(e.mentions) for e in entities if e.name == "جدة"] == [2]


def test_a_name_spelt_as_its_outlets_country_mostly_does_follows_the_articles_that_write_it() -> None:
    """الحربي alone (two men carry it) takes the spelling of the country whose outlets write it most: Saudi first,
    Moroccan once two Moroccan articles write it, inside their full names."""
    rounds_match([
        [article("a1", "وأكد الحربي أن العمل مستمر.", [("الحربي", "PER")], "SA"),
         article("c1", "استقبل يوسف الحربي الوفد.", [("يوسف الحربي", "PER")], "SA"),
         article("c2", "استقبل خالد الحربي الوفد.", [("خالد الحربي", "PER")], "SA")],
        [article("b1", "قال يوسف الحربي إن الحربي عائد.", [("يوسف الحربي", "PER"), ("الحربي", "PER")], "MA"),
         article("b2", "صرح يوسف الحربي بأن الحربي عائد.", [("يوسف الحربي", "PER"), ("الحربي", "PER")], "MA")],
    ])


def test_a_name_tagged_otherwise_still_weighs_for_the_person_it_names() -> None:
    """A full name's weight counts its groups of any type, and decides which of two men a shorter name joins; so
    a name written as a person's elsewhere is linked again even where it comes tagged as a body."""
    long_one, long_two, short = "عبدالله بن محمد الحربي", "عبدالله بن محمد آل الشيخ", "عبدالله بن محمد"
    tagged = [article(f"b{n}", f"أعلنت {long_one} عن جائزة.", [(long_one, "ORG")]) for n in range(3)]
    rounds_match([
        [article("a1", f"استقبل {long_one} الوفد.", [(long_one, "PER")]),
         article("a2", f"استقبل {long_two} الوفد.", [(long_two, "PER")]),
         article("a3", f"وقال {short} إن العمل مستمر.", [(short, "PER")])],
        tagged[:1],
        tagged[1:],
    ])
