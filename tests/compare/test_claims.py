"""Aligning sentences of different outlets into claims (sentences written for these tests)."""
from __future__ import annotations

import time

from marsad.compare.claims import align_claims, coverage, is_headline
from marsad.types import Article

WIRE = Article("w1", source="Wire", published="2030-05-02", text=(
    "فيضانات في وادي السلام\n"
    "أعلنت وزارة الزراعة في جمهورية الغدير إطلاق خطة طوارئ لإنقاذ محصول القمح بعد الفيضانات الأخيرة.\n"
    "وقال الوزير كريم المنصوري إن الحكومة ستعوض المزارعين المتضررين في وادي السلام.\n"
    "وتوقعت الأرصاد الجوية عودة الطقس المستقر مع نهاية الأسبوع المقبل في معظم المناطق."))
DAILY = Article("d1", source="Daily", published="2030-05-02", text=(
    "أطلقت وزارة الزراعة الغديرية خطة طارئة لإنقاذ محصول القمح إثر الفيضانات التي ضربت البلاد.\n"
    "وأكد كريم المنصوري وزير الزراعة أن الحكومة ستقدم تعويضات للمزارعين المتضررين في وادي السلام.\n"
    "وافتتح المهرجان السينمائي الدولي دورته الجديدة بحضور عدد كبير من النجوم والمخرجين."))
COPY = Article("c1", source="Portal", published="2030-05-02", duplicate_of="w1", text=WIRE.text)


def _claim_with(claims, needle):
    return next(c for c in claims if any(needle in s.sentence for s in c.support))


def test_paraphrases_across_outlets_form_one_claim() -> None:
    claims = align_claims("v1", [WIRE, DAILY])
    plan = _claim_with(claims, "خطة")
    assert {s.article for s in plan.support} == {"w1", "d1"}
    assert not plan.unique
    pay = _claim_with(claims, "المزارعين")
    assert {s.article for s in pay.support} == {"w1", "d1"}


def test_unrelated_sentences_stay_apart_and_are_unique() -> None:
    claims = align_claims("v1", [WIRE, DAILY])
    weather = _claim_with(claims, "الأرصاد")
    festival = _claim_with(claims, "المهرجان")
    assert weather is not festival
    assert [s.article for s in weather.support] == ["w1"] and weather.unique
    assert [s.article for s in festival.support] == ["d1"] and festival.unique


def test_support_sentences_are_cut_exactly_from_the_articles() -> None:
    for claim in align_claims("v1", [WIRE, DAILY]):
        texts = {"w1": WIRE.text, "d1": DAILY.text}
        assert claim.text in {s.sentence for s in claim.support}
        for s in claim.support:
            assert texts[s.article][s.start:s.end] == s.sentence


def test_headlines_and_short_lines_are_not_claims() -> None:
    claims = align_claims("v1", [WIRE])
    assert all("فيضانات في وادي السلام" != s.sentence for c in claims for s in c.support)
    assert is_headline(WIRE.text, 0, len("فيضانات في وادي السلام"))


def test_syndicated_copy_is_listed_but_not_an_independent_outlet() -> None:
    claims = align_claims("v1", [WIRE, COPY])
    weather = _claim_with(claims, "الأرصاد")
    assert {s.article for s in weather.support} == {"w1", "c1"}
    assert weather.unique


def test_one_sentence_per_article_per_claim_and_ids_from_first_id() -> None:
    claims = align_claims("v7", [WIRE, DAILY], first_id=40)
    assert [c.id for c in claims] == [f"c{40 + k}" for k in range(len(claims))]
    for claim in claims:
        articles = [s.article for s in claim.support]
        assert len(articles) == len(set(articles)) and claim.event == "v7"


def test_different_tolls_are_different_claims() -> None:
    a = Article("a", source="A", text="قالت السلطات إن الانفجار في الميناء أدى إلى مقتل 14 شخصا وإصابة العشرات.")
    b = Article("b", source="B", text="قالت السلطات إن الانفجار في الميناء أدى إلى مقتل 21 شخصا وإصابة العشرات.")
    claims = align_claims("v1", [a, b])
    assert len(claims) == 2


def test_coverage_matrix_marks_stated_and_silent_outlets() -> None:
    claims = align_claims("v1", [WIRE, DAILY])
    matrix = coverage(claims, [WIRE, DAILY])
    assert matrix["outlets"] == ["Daily", "Wire"]
    row = next(r for r in matrix["claims"] if "الأرصاد" in r["text"])
    assert row["stated"] == [False, True]


def test_an_event_of_ten_articles_aligns_well_under_a_second() -> None:
    articles = [Article(f"a{k}", source=f"S{k}", text=(WIRE.text + "\n" + DAILY.text) * 3) for k in range(10)]
    began = time.perf_counter()
    align_claims("v1", articles)
    assert time.perf_counter() - began < 1.0


def test_a_sentence_joining_two_propositions_supports_both_claims() -> None:
    joined = Article("j", source="Wire", published="2030-05-02", text=(
        "وافتتح وزير النقل كريم المنصوري الجسر المعلق الجديد فوق نهر السلام صباح الأحد بعد أربع سنوات من الأشغال، "
        "كما أعلنت شركة السكك الحديدية الوطنية تشغيل قطار سريع بين العاصمة ومدينة الواحة ابتداء من الشهر المقبل."))
    split = Article("s", source="Daily", published="2030-05-02", text=(
        "افتتح وزير النقل المنصوري صباح الأحد الجسر المعلق الجديد فوق نهر السلام بعد أشغال دامت أربع سنوات.\n"
        "وستشغل شركة السكك الحديدية الوطنية قطارا سريعا بين العاصمة ومدينة الواحة ابتداء من الشهر المقبل."))
    claims = align_claims("v1", [joined, split])
    bridge = _claim_with(claims, "الجسر المعلق الجديد فوق نهر السلام صباح")
    train = _claim_with(claims, "وستشغل")
    assert bridge is not train
    assert {s.article for s in bridge.support} == {"j", "s"}
    assert {s.article for s in train.support} == {"j", "s"}
    assert all(joined.text[s.start:s.end] == s.sentence for c in claims for s in c.support if s.article == "j")


def test_a_clause_no_other_outlet_states_stays_unique() -> None:
    joined = Article("j", source="Wire", published="2030-05-02", text=(
        "وافتتح وزير النقل كريم المنصوري الجسر المعلق الجديد فوق نهر السلام صباح الأحد بعد أربع سنوات من الأشغال، "
        "وقال إن الحكومة ستخصص ميزانية إضافية لصيانة الطرق الريفية في المحافظات الجنوبية."))
    other = Article("s", source="Daily", published="2030-05-02", text=(
        "افتتح وزير النقل المنصوري صباح الأحد الجسر المعلق الجديد فوق نهر السلام بعد أشغال دامت أربع سنوات."))
    claims = align_claims("v1", [joined, other])
    assert any({s.article for s in c.support} == {"j", "s"} for c in claims)
    alone = [c for c in claims if [s.article for s in c.support] == ["j"]]
    assert len(alone) == 1 and alone[0].unique


def test_one_article_s_claims_share_their_text_with_their_support() -> None:
    """An event of one article keeps (and pickles) each sentence once: the claim's text is its support's."""
    import pickle

    article = Article(id="a", text="قال الوزير إن الاتفاق مهم جدا للبلدين. وأضاف أن اللجنة ستجتمع غدا في العاصمة.")
    for claims in (align_claims("v1", [article]), pickle.loads(pickle.dumps(align_claims("v1", [article])))):
        assert len(claims) == 2 and all(claim.text is claim.support[0].sentence for claim in claims)
