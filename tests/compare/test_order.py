"""Order contradictions: who came before whom (sentences written for these tests)."""
from __future__ import annotations

from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions
from marsad.types import Article, Mention

DAY = "2031-02-01"
FIFTH = ("وقعت اليابان على المعاهدة البحرية الجديدة يوم الاثنين في العاصمة الهولندية.\n"
         "وأصبحت البلاد بذلك خامس دولة آسيوية تنضم إلى المعاهدة، بعد الهند وإندونيسيا وماليزيا وفيتنام.")
FOLLOWED = ("انضمت اليابان إلى المعاهدة البحرية في نوفمبر، بعد أسابيع قليلة من خطوة مماثلة اتخذتها الهند وإندونيسيا.\n"
            "وحذت ماليزيا حذوها في ديسمبر، فيما لم تحسم فيتنام موقفها من الانضمام.")


def _run(*articles: Article, mentions=None):
    claims = align_claims("v1", articles)
    return claims, [c for c in find_contradictions("v1", claims, articles, mentions=mentions) if c.about == "other"]


def test_a_predecessor_in_one_outlet_that_follows_in_another_contradicts() -> None:
    a = Article("a", source="Wire", published=DAY, text=FIFTH)
    b = Article("b", source="Daily", published=DAY, text=FOLLOWED)
    claims, found = _run(a, b)
    (contradiction,) = found
    assert contradiction.about == "other"
    assert "ماليزيا" in contradiction.detail and "اليابان" in contradiction.detail
    assert "Wire" in contradiction.detail and "Daily" in contradiction.detail
    assert "حذوها" in contradiction.detail and "بعد الهند وإندونيسيا وماليزيا" in contradiction.detail
    involved = {s.article for c in claims if c.id in contradiction.claims for s in c.support}
    assert involved == {"a", "b"}


def test_outlets_that_agree_on_the_order_do_not_contradict() -> None:
    a = Article("a", source="Wire", published=DAY, text=FIFTH)
    b = Article("b", source="Daily", published=DAY, text=(
        "انضمت اليابان إلى المعاهدة البحرية أمس، بعد وقت قصير من الهند وإندونيسيا وماليزيا.\n"
        "وحذت كوريا الجنوبية حذوها بعد ساعات، وفق بيان رسمي صادر عن الخارجية."))
    assert _run(a, b)[1] == []


def test_a_different_actor_is_not_the_same_slot() -> None:
    # Daily speaks of Malaysia's accession, which Wire lists among Japan's predecessors: no disagreement.
    a = Article("a", source="Wire", published=DAY, text=FIFTH)
    b = Article("b", source="Daily", published=DAY, text=(
        "انضمت ماليزيا إلى المعاهدة البحرية في أكتوبر، بعد أسابيع من خطوة مماثلة اتخذتها الهند وإندونيسيا.\n"
        "وحذت فيتنام حذوها في ديسمبر بعد مشاورات داخلية طويلة."))
    assert _run(a, b)[1] == []


def test_an_explicit_leader_name_counts_like_a_pronoun() -> None:
    a = Article("a", source="Wire", published=DAY, text=FIFTH)
    b = Article("b", source="Daily", published=DAY, text=(
        "انضمت اليابان إلى المعاهدة البحرية في نوفمبر، بعد أسابيع قليلة من خطوة مماثلة اتخذتها الهند وإندونيسيا.\n"
        "ثم حذت فيتنام حذو اليابان في الشهر التالي، كما أعلنت وزارة خارجيتها."))
    (contradiction,) = _run(a, b)[1]
    assert "فيتنام" in contradiction.detail


def test_the_same_actor_ranked_differently_in_the_same_class_contradicts() -> None:
    a = Article("a", source="Wire", published=DAY, text=(
        "وأطلقت كينيا أمس قمرا صناعيا لرصد المحاصيل، لتصبح كينيا ثالث دولة أفريقية تطلق قمرا من هذا النوع."))
    b = Article("b", source="Daily", published=DAY, text=(
        "أعلنت وكالة الفضاء أن كينيا باتت رابع دولة أفريقية تطلق قمرا صناعيا لرصد المحاصيل الزراعية."))
    (contradiction,) = _run(a, b)[1]
    assert "ثالث" in contradiction.detail and "رابع" in contradiction.detail


def test_ranks_in_different_classes_do_not_contradict() -> None:
    a = Article("a", source="Wire", published=DAY, text=(
        "وأطلقت كينيا أمس قمرا صناعيا لرصد المحاصيل، لتصبح كينيا ثالث دولة أفريقية تطلق قمرا من هذا النوع."))
    b = Article("b", source="Daily", published=DAY, text=(
        "أعلنت وكالة الفضاء أن كينيا باتت عاشر دولة عالميا تطلق قمرا صناعيا لرصد المحاصيل الزراعية."))
    assert _run(a, b)[1] == []


def test_a_syndicated_copy_never_contradicts_its_original() -> None:
    a = Article("a", source="Wire", published=DAY, text=FIFTH)
    b = Article("b", source="Portal", published=DAY, duplicate_of="a", text=FOLLOWED)
    assert _run(a, b)[1] == []


def test_by_and_after_a_clause_are_not_sequences() -> None:
    # «من قبل» is "by", «بعد أن» opens a clause: neither lists predecessors.
    a = Article("a", source="Wire", published=DAY, text=(
        "وكانت البلاد أول دولة آسيوية توقع المعاهدة بعد أن أقرتها الهند وإندونيسيا في البرلمان."))
    b = Article("b", source="Daily", published=DAY, text=(
        "صادقت اليابان على المعاهدة من قبل الهند وإندونيسيا وفق مراقبين، وتبعتها الهند بعد أسبوع."))
    assert _run(a, b)[1] == []


def test_names_from_the_entity_stage_are_used_when_given() -> None:
    # Made-up companies are in no gazetteer: the mentions say they are names.
    a = Article("a", source="Wire", published=DAY, text=(
        "وأصبحت الشركة بذلك ثالث شركة تحصل على الترخيص، بعد نوراتك وسحابة الشرق."))
    b = Article("b", source="Daily", published=DAY, text=(
        "حصلت بيانات المستقبل على الترخيص أمس، بعد وقت قصير من نوراتك وزاجل للاتصالات.\n"
        "ولحقت بها سحابة الشرق في الأسبوع التالي بحسب الهيئة."))
    names = ("نوراتك", "سحابة الشرق", "بيانات المستقبل", "زاجل للاتصالات")
    mentions = {art.id: [Mention(art.id, art.text.find(n), art.text.find(n) + len(n), n, "ORG")
                         for n in names if n in art.text] for art in (a, b)}
    assert _run(a, b)[1] == []
    (contradiction,) = _run(a, b, mentions=mentions)[1]
    assert "سحابة الشرق" in contradiction.detail
