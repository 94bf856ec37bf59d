"""Contradictions between outlets on tolls, durations and clock times (sentences written for these tests)."""
from __future__ import annotations

import re

import pytest

from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions, stated_quantities
from marsad.types import Article, Mention


def _run(*articles: Article):
    claims = align_claims("v1", articles)
    return claims, find_contradictions("v1", claims, articles)


def _toll(article_id: str, source: str, day: str, sentence: str) -> Article:
    return Article(article_id, source=source, published=day, text=sentence)


def test_differing_tolls_on_the_same_day_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 31 قتيلا و90 جريحا.")
    b = _toll("b", "Daily", "2030-03-04", "قال الدفاع المدني إن عدد القتلى جراء انهيار المبنى ارتفع إلى 47 قتيلا.")
    claims, found = _run(a, b)
    assert len(found) == 1
    (contradiction,) = found
    assert contradiction.about == "count" and "31" in contradiction.detail and "47" in contradiction.detail
    involved = {s.article for c in claims if c.id in contradiction.claims for s in c.support}
    assert involved == {"a", "b"}


def test_an_updated_toll_a_day_later_is_not_a_contradiction() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 31 قتيلا.")
    b = _toll("b", "Daily", "2030-03-05", "أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 58 قتيلا.")
    assert _run(a, b)[1] == []


def test_different_counted_nouns_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وصلت إلى الميناء أمس 12 سفينة تحمل مساعدات غذائية للمتضررين من الزلزال.")
    b = _toll("b", "Daily", "2030-03-04", "وصلت إلى الميناء أمس 40 شاحنة تحمل مساعدات غذائية للمتضررين من الزلزال.")
    assert _run(a, b)[1] == []


def test_ranges_and_hedges_that_include_each_other_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أسفر الحريق في السوق القديم عن مقتل عشرات الأشخاص وفق مصادر طبية محلية.")
    b = _toll("b", "Daily", "2030-03-04", "أسفر الحريق في السوق القديم عن مقتل 35 شخصا على الأقل وفق الدفاع المدني.")
    assert _run(a, b)[1] == []


def test_same_toll_in_words_and_digits_agrees() -> None:
    a = _toll("a", "Wire", "2030-03-04", "قالت الشرطة إن الهجوم على الحافلة أدى إلى مقتل ثمانية أشخاص في الطريق.")
    b = _toll("b", "Daily", "2030-03-04", "قالت الشرطة إن الهجوم على الحافلة أسفر عن مقتل 8 أشخاص قرب المدينة.")
    assert _run(a, b)[1] == []


def test_a_date_range_against_a_shorter_duration_contradicts() -> None:
    a = Article("a", source="Wire", published="2030-06-10", text=(
        "وقالت الرئاسة إن المفاوضات بين الوفدين جرت في العاصمة من 3 إلى 7 يونيو بحضور وسطاء دوليين."))
    b = Article("b", source="Daily", published="2030-06-10", text=(
        "وبعد ثلاثة أيام من التفاوض الشاق بين الوفدين، أعلن الوسطاء التوصل إلى تفاهم أولي."))
    (contradiction,) = _run(a, b)[1]
    assert contradiction.about == "date" and "5" in contradiction.detail


def test_curfew_hours_that_differ_contradict() -> None:
    a = Article("a", source="Wire", published="2030-01-02", text=(
        "وأعلنت الحكومة فرض حظر التجول من العاشرة ليلا وحتى الخامسة فجرا في جميع أنحاء البلاد."))
    b = Article("b", source="Daily", published="2030-01-02", text=(
        "وقررت الداخلية منع التجول من التاسعة مساء حتى السادسة صباحا في كل المحافظات."))
    (contradiction,) = _run(a, b)[1]
    assert "22:00" in contradiction.detail and "21:00" in contradiction.detail


def test_a_syndicated_copy_never_contradicts_its_original() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 31 قتيلا.")
    b = Article("b", source="Portal", published="2030-03-04", duplicate_of="a",
                text="أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 13 قتيلا.")
    assert _run(a, b)[1] == []


def test_durations_of_one_happening_named_by_synonyms_contradict() -> None:
    a = Article("a", source="Wire", published="2030-05-02", text="وقال الاتحاد إن الإضراب استمر ستة أيام قبل التسوية.")
    b = Article("b", source="Daily", published="2030-05-02", text="وأوضحت النقابة أن الاعتصام دام ثلاثة أيام فقط.")
    (contradiction,) = _run(a, b)[1]
    assert "6" in contradiction.detail and "3" in contradiction.detail


def test_durations_of_different_happenings_do_not_contradict() -> None:
    a = Article("a", source="Wire", published="2030-05-02", text="وقال الاتحاد إن الإضراب استمر ستة أيام قبل التسوية.")
    b = Article("b", source="Daily", published="2030-05-02", text="وأوضحت النقابة أن الزيارة دامت ثلاثة أيام فقط.")
    assert _run(a, b)[1] == []


def test_an_outlet_never_contradicts_its_own_other_report() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أعلنت وزارة الصحة أن حصيلة القتلى في انهيار المبنى بلغت 31 قتيلا.")
    b = _toll("b", "Wire", "2030-03-04", "قالت وزارة الصحة مساء إن حصيلة القتلى في انهيار المبنى بلغت 44 قتيلا.")
    assert _run(a, b)[1] == []


def test_missing_people_are_a_toll_of_their_own() -> None:
    a = _toll("a", "Wire", "2030-09-14", "وأفاد الهلال بأن حصيلة المفقودين جراء الفيضانات بلغت 10 آلاف و100 شخص.")
    b = _toll("b", "Daily", "2030-09-14", "وذكر المتحدث أن الفيضانات خلفت نحو 6 آلاف مفقود حتى الآن في المدينة.")
    (contradiction,) = _run(a, b)[1]
    assert contradiction.about == "count" and "10 آلاف و100" in contradiction.detail
    assert "المفقودين" in contradiction.detail


def test_spans_many_times_apart_are_different_things() -> None:
    a = _toll("a", "Wire", "2030-05-02", "وقال الاتحاد إن الإضراب في الموانئ استمر سبعة أيام.")
    b = _toll("b", "Daily", "2030-05-02", "وأوضحت النقابة أن الإضراب في الموانئ يهدد منذ 60 يوما.")
    assert _run(a, b)[1] == []


def test_about_a_figure_is_not_more_than_a_larger_one() -> None:
    a = _toll("a", "Wire", "2030-07-01", "وحضر المباراة في الملعب الكبير نحو 30 ألف مشجع من الجماهير.")
    b = _toll("b", "Daily", "2030-07-01", "وحضر المباراة في الملعب الكبير أكثر من 36 ألف مشجع من الجماهير.")
    (contradiction,) = _run(a, b)[1]
    assert "30 ألف" in contradiction.detail and "36 ألف" in contradiction.detail


def test_minutes_are_not_hours() -> None:
    a = _toll("a", "Wire", "2030-05-02", "وقال الشهود إن انقطاع الكهرباء في الحي استمر 40 دقيقة.")
    b = _toll("b", "Daily", "2030-05-02", "وأكد السكان أن انقطاع الكهرباء في الحي دام 50 دقيقة.")
    (contradiction,) = _run(a, b)[1]
    assert "دقيقة" in contradiction.detail and "ساع" not in contradiction.detail


def test_a_steady_figure_reported_days_apart_still_contradicts() -> None:
    a = _toll("a", "Wire", "2030-02-10", "وقال المرصد إن قوة الهزة الأرضية التي ضربت الساحل بلغت 6.4 درجات.")
    b = _toll("b", "Daily", "2030-02-12", "وأوضح المعهد أن قوة الهزة الأرضية التي ضربت الساحل بلغت 5.9 درجات.")
    (contradiction,) = _run(a, b)[1]
    assert "6.4" in contradiction.detail and "5.9" in contradiction.detail


def test_money_reported_days_apart_is_not_a_contradiction() -> None:
    a = _toll("a", "Wire", "2030-02-10", "وأغلق سعر خام برنت في السوق عند 81 دولارا للبرميل الواحد.")
    b = _toll("b", "Daily", "2030-02-12", "وأغلق سعر خام برنت في السوق عند 84 دولارا للبرميل الواحد.")
    assert _run(a, b)[1] == []


def test_ranks_days_and_ratios_are_no_counts() -> None:
    a = _toll("a", "Wire", "2030-07-01", "وتقام المباراة المؤجلة من الجولة الـ12 في الدوري يوم الخامس من الشهر.")
    b = _toll("b", "Daily", "2030-07-01", "وتقام المباراة المؤجلة من الجولة الـ14 في الدوري بعد أسبوع من الآن.")
    c = _toll("c", "Wire", "2030-07-01", "وأصبح إنتاج المصنع أكبر 1.4 مرة من إنتاج المصنع المنافس في المدينة.")
    d = _toll("d", "Daily", "2030-07-01", "وأصبح إنتاج المصنع أكبر 1.8 مرة من إنتاج المصنع المنافس في المدينة.")
    assert _run(a, b)[1] == [] and _run(c, d)[1] == []


def test_a_toll_lower_in_a_later_report_contradicts() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أعلنت السلطات أن عدد القتلى جراء الفيضانات في المدينة تجاوز 900 قتيل.")
    b = _toll("b", "Daily", "2030-03-06", "وقالت وزارة الصحة إن عدد الوفيات جراء الفيضانات في المدينة بلغ 640 شخصا.")
    (contradiction,) = _run(a, b)[1]
    assert "900" in contradiction.detail and "640" in contradiction.detail


def test_missing_people_found_later_are_no_contradiction() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وقالت فرق الإنقاذ إن المفقودين جراء الفيضانات بلغوا 300 مفقود.")
    b = _toll("b", "Daily", "2030-03-06", "وقالت فرق الإنقاذ إن المفقودين جراء الفيضانات بلغوا 120 مفقودا.")
    assert _run(a, b)[1] == []


def test_percentages_of_one_share_on_one_day_contradict() -> None:
    a = _toll("a", "Wire", "2030-06-01", "وبلغت نسبة المشاركة في الانتخابات البلدية 41 في المئة من الناخبين.")
    b = _toll("b", "Daily", "2030-06-01", "وأعلنت اللجنة أن نسبة المشاركة في الانتخابات البلدية بلغت ٤٧٪ من الناخبين.")
    (contradiction,) = _run(a, b)[1]
    assert "41" in contradiction.detail and "٤٧" in contradiction.detail


def test_percentages_of_different_things_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-06-01", "وارتفع مؤشر البورصة في ختام التعاملات بنسبة 2% بعد إعلان النتائج.")
    b = _toll("b", "Daily", "2030-06-01", "وتراجعت نسبة البطالة في البلاد إلى 9% بحسب أرقام الهيئة العامة للإحصاء.")
    assert _run(a, b)[1] == []


def test_two_estimates_of_one_figure_that_differ_contradict() -> None:
    a = _toll("a", "Wire", "2030-08-01", "وتقع البلدة البالغ عدد سكانها نحو 40 ألف نسمة على ضفة النهر.")
    b = _toll("b", "Daily", "2030-08-03", "وغمرت المياه البلدة البالغ عدد سكانها قرابة 36 ألف نسمة.")
    (contradiction,) = _run(a, b)[1]
    assert "40 ألف" in contradiction.detail and "36 ألف" in contradiction.detail


def test_rival_sources_in_one_report_contradict_another_outlet() -> None:
    a = _toll("a", "Wire", "2030-09-01",
              "وقدر مرصد الزلازل الوطني قوة الهزة بـ6.1 درجات. أما المعهد الأوروبي فقدر قوتها بـ5.6 درجات.")
    b = _toll("b", "Daily", "2030-09-01", "وقال مرصد الزلازل الوطني إن قوة الهزة التي ضربت الإقليم بلغت 6.1 درجات.")
    found = _run(a, b)[1]
    assert len(found) == 1 and "5.6" in found[0].detail and "6.1" in found[0].detail


def test_a_distance_and_a_depth_beside_rival_sources_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-09-01", "ووقع مركز الهزة على بعد 90 كيلومترا من العاصمة، في حين قال المعهد "
              "الأوروبي إنها وقعت على عمق 10 كيلومترات.")
    b = _toll("b", "Daily", "2030-09-01", "وضربت الهزة منطقة جبلية على بعد 90 كيلومترا من العاصمة.")
    assert _run(a, b)[1] == []


def test_a_tally_names_the_first_figure_after_it_only() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وذكر المتحدث أن حصيلة القتلى فاقت 400 شخص، ولا يزال 700 مواطن مفقودين.")
    claims = align_claims("v1", [a])
    slots = {q.shown: q.slot for q in stated_quantities(claims, [a])}
    assert slots["400"] == "killed" and slots.get("700") != "killed"


def test_percentages_of_change_are_not_compared() -> None:
    a = _toll("a", "Wire", "2030-06-01", "وارتفع سهم شركة الموانئ الوطنية في ختام تعاملات السوق اليوم 3.5 في المئة.")
    b = _toll("b", "Daily", "2030-06-01", "وصعد سهم شركة الموانئ الوطنية في ختام تعاملات السوق اليوم 4.2 في المئة.")
    assert _run(a, b)[1] == []


@pytest.mark.parametrize(("first", "second", "values"), [
    ("وقدم الصندوق قروضا للمشاريع الصغيرة في المنطقة بقيمة 4.5 مليار ريال.",
     "وقدم الصندوق قروضا للمشاريع الصغيرة في المنطقة بقيمة 5.7 مليار ريال.", ("4.5", "5.7")),
    ("وأعلن البنك أن قيمة الصفقة مع شركة الاتصالات تبلغ 900 مليون درهم.",
     "وقال البنك في بيان إن الصفقة مع شركة الاتصالات بلغت قيمتها 850 مليون درهم.", ("900", "850")),
])
def test_sums_of_one_transaction_on_one_day_contradict(first: str, second: str, values: tuple[str, str]) -> None:
    (contradiction,) = _run(_toll("a", "Wire", "2030-06-01", first), _toll("b", "Daily", "2030-06-01", second))[1]
    assert all(value in contradiction.detail for value in values) and contradiction.detail.startswith("المبلغ (")


def test_a_groups_dead_and_wounded_are_two_tolls() -> None:
    dead = _toll("a", "Wire", "2030-06-01", "وقال الجيش إن ثلاثة جنود قتلوا وأصيب عشرون في الهجوم على نقطة الحدود.")
    hurt = _toll("b", "Daily", "2030-06-01", "وقال الجيش في بيان إن أربعة جنود أصيبوا في الهجوم على نقطة الحدود.")
    more = _toll("c", "Post", "2030-06-01", "وقال الجيش في بيان إن أربعة جنود قتلوا في الهجوم على نقطة الحدود.")
    assert _run(dead, hurt)[1] == []
    (contradiction,) = _run(dead, more)[1]
    assert "ثلاثة" in contradiction.detail and "أربعة" in contradiction.detail


def test_sums_of_other_transactions_days_or_no_transaction_are_not_compared() -> None:
    grant = _toll("a", "Wire", "2030-06-01", "وقدم الصندوق للمدينة منحة بقيمة 40 مليون دولار لإصلاح شبكة المياه.")
    loan = _toll("b", "Daily", "2030-06-01", "وقدم الصندوق للمدينة قرضا بقيمة 45 مليون دولار لإصلاح شبكة المياه.")
    later = _toll("c", "Daily", "2030-06-04", "وقدم الصندوق للمدينة منحة بقيمة 44 مليون دولار لإصلاح شبكة المياه.")
    sales = _toll("d", "Wire", "2030-06-01", "وبلغت مبيعات الشركة من الإسمنت في السوق المحلية 900 مليون ريال.")
    more = _toll("e", "Daily", "2030-06-01", "وبلغت مبيعات الشركة من الإسمنت في السوق المحلية 950 مليون ريال.")
    assert _run(grant, loan)[1] == [] and _run(grant, later)[1] == [] and _run(sales, more)[1] == []


def test_figures_of_different_periods_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-06-01", "وبلغت مبيعات السيارات الجديدة في أسواق القارة 1.2 مليون سيارة في أبريل 2030.")
    b = _toll("b", "Daily", "2030-06-01", "وبلغت مبيعات السيارات الجديدة في أسواق القارة 1.5 مليون سيارة في مايو 2030.")
    assert _run(a, b)[1] == []


def test_counts_far_apart_are_different_things() -> None:
    a = _toll("a", "Wire", "2030-06-01", "ووصلت إلى المعبر الحدودي صباح أمس 3 شاحنات محملة بالأدوية والأغذية.")
    b = _toll("b", "Daily", "2030-06-01", "ووصلت إلى المعبر الحدودي صباح أمس 5 شاحنات محملة بالأدوية والأغذية.")
    c = _toll("c", "Post", "2030-06-01", "ووصلت إلى المعبر الحدودي صباح أمس 6 شاحنات محملة بالأدوية والأغذية.")
    assert _run(a, b)[1] == []
    (contradiction,) = _run(b, c)[1]
    assert "5" in contradiction.detail and "6" in contradiction.detail


def test_a_range_holds_the_values_inside_it() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وقال مسؤول أمني إن ما بين 20 و25 شخصا قتلوا في انفجار السوق الشعبي.")
    b = _toll("b", "Daily", "2030-03-04", "وقال مسؤول أمني إن 22 شخصا قتلوا في انفجار السوق الشعبي.")
    c = _toll("c", "Post", "2030-03-04", "وقال مسؤول أمني إن 31 شخصا قتلوا في انفجار السوق الشعبي.")
    assert _run(a, b)[1] == []
    (contradiction,) = _run(a, c)[1]
    assert "20 و25" in contradiction.detail and "31" in contradiction.detail


def test_a_value_listed_beside_others_of_its_kind_is_not_compared() -> None:
    a = _toll("a", "Wire", "2030-03-04",
              "ووصلت أمس 12 شاحنة مساعدات إلى المدينة الشمالية و9 شاحنات إلى البلدة الجنوبية.")
    b = _toll("b", "Daily", "2030-03-04", "ووصلت أمس 10 شاحنات مساعدات إلى البلدة الجنوبية.")
    assert _run(a, b)[1] == []


def _placed(*articles: Article, places: tuple[str, ...]):
    """Contradictions with the places of `places` given as GPE mentions wherever they stand."""
    mentions = {a.id: [Mention(a.id, i, i + len(p), p, "GPE") for p in places if (i := a.text.find(p)) >= 0]
                for a in articles}
    claims = align_claims("v1", articles)
    quantities = stated_quantities(claims, articles, mentions=mentions)
    return find_contradictions("v1", claims, articles, quantities=quantities)


def test_tolls_of_different_towns_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أسفر القصف المدفعي على أحياء حمص مساء أمس عن مقتل 12 شخصا.")
    b = _toll("b", "Daily", "2030-03-04", "أسفر القصف المدفعي على أحياء إدلب مساء أمس عن مقتل 20 شخصا.")
    assert len(_run(a, b)[1]) == 1  # without places (no mention, no head word): one slot
    assert _placed(a, b, places=("حمص", "إدلب")) == []


def test_a_country_or_a_longer_name_of_the_same_place_still_contradicts() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أسفر القصف المدفعي على أحياء مدينة عدن مساء أمس عن مقتل 12 شخصا في اليمن.")
    b = _toll("b", "Daily", "2030-03-04", "أسفر القصف المدفعي على أحياء عدن مساء أمس عن مقتل 20 شخصا بينهم أطفال.")
    assert len(_placed(a, b, places=("مدينة عدن", "عدن", "اليمن"))) == 1
    c = _toll("c", "Wire", "2030-03-04", "أسفرت السيول التي اجتاحت الأردن مساء أمس عن وفاة 12 شخصا وفق الدفاع المدني.")
    d = _toll("d", "Daily", "2030-03-04", "أسفرت السيول التي اجتاحت إربد مساء أمس عن وفاة 20 شخصا وفق الدفاع المدني.")
    assert len(_placed(c, d, places=("الأردن", "إربد"))) == 1


def test_an_outlet_listing_the_other_value_as_a_part_agrees_with_it() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أصدر الوزير قرارا بتعيين 100 معلم جديد في مدارس المنطقة الشرقية.")
    b = _toll("b", "Daily", "2030-03-04", "أصدر الوزير قرارا بتعيين 125 معلما جديدا في مدارس المنطقة.")
    assert len(_run(a, b)[1]) == 1
    parts = "وشمل القرار تعيين 100 معلم جديد في مدارس المنطقة الشرقية و25 معلما في مدارس المنطقة الغربية."
    c = _toll("c", "Daily", "2030-03-04", b.text + " " + parts)
    assert _run(a, c)[1] == []


def test_a_rise_named_long_before_a_percentage_is_still_a_change() -> None:
    share = "ارتفع مؤشر البورصة مع صعود سهم الشركة الوطنية للاتصالات ثاني أكبر مشغل للهاتف المحمول في البلاد"
    a = _toll("a", "Wire", "2030-03-04", f"{share} 2.1 في المئة.")
    b = _toll("b", "Daily", "2030-03-04", f"{share} 2.6 في المئة.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Wire", "2030-03-04", "وشهد عدد العمليات المنفذة عبر الشبكة العام الماضي ارتفاعاً بنسبة 11.4%.")
    d = _toll("d", "Daily", "2030-03-04", "وشهد عدد العمليات المنفذة عبر الشبكة العام الماضي تراجعاً بنسبة 12.4%.")
    assert _run(c, d)[1] == []  # the accusative of a rise or a fall (ارتفاعاً، تراجعاً) is one too


def test_spans_in_months_one_apart_agree_and_further_apart_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وصلت أول سفينة مساعدات إلى الميناء بعد ثلاثة أشهر من المعارك في المدينة.")
    b = _toll("b", "Daily", "2030-03-04", "وصلت أول سفينة مساعدات إلى الميناء بعد أربعة أشهر من المعارك في المدينة.")
    c = _toll("c", "Daily", "2030-03-04", "وصلت أول سفينة مساعدات إلى الميناء بعد ستة أشهر من المعارك في المدينة.")
    assert _run(a, b)[1] == []
    assert len(_run(a, c)[1]) == 1


def test_a_count_of_centuries_is_no_slot() -> None:
    a = _toll("a", "Wire", "2030-03-04", "يعود تاريخ السوق الشعبية في المدينة القديمة إلى ثمانية قرون مضت.")
    b = _toll("b", "Daily", "2030-03-04", "يعود تاريخ السوق الشعبية في المدينة القديمة إلى تسعة قرون مضت.")
    assert _run(a, b)[1] == []


def test_a_part_of_a_breakdown_with_its_noun_left_out_is_not_a_toll() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وسجل المرصد في تقريره مقتل 30 عنصرا من القوات الحكومية و12 من قوات الأمن في "
              "معارك الريف الشرقي.")
    b = _toll("b", "Daily", "2030-03-04", "وسجل المرصد في تقريره مقتل 15 شخصا في معارك الريف الشرقي.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Wire", "2030-03-04", "وسجل المرصد في تقريره مقتل 12 شخصا في معارك الريف الشرقي.")
    assert len(_run(c, b)[1]) == 1


def test_time_since_a_happening_is_no_length_to_compare() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وتأتي الغارات بعد يومين من الاعتداء الذي استهدف الحافلة في المدينة الساحلية.")
    b = _toll("b", "Daily", "2030-03-04", "وتأتي الغارات بعد ثلاثة أيام على الهجوم الذي استهدف الحافلة في المدينة.")
    c = _toll("c", "Post", "2030-03-04", "وتأتي الغارات الجوية بعد أربعة أيام من تفجير الحافلة في المدينة الساحلية.")
    assert _run(a, b, c)[1] == []
    d = _toll("d", "Wire", "2030-03-04", "ويبدأ الوزير غدا زيارة إلى الرباط تستغرق ثلاثة أيام يلتقي خلالها نظيره.")
    e = _toll("e", "Daily", "2030-03-04", "وجاء الاتصال قبل ستة أيام من الزيارة التي يقوم بها الوزير إلى الرباط.")
    assert _run(d, e)[1] == []
    f = _toll("f", "Wire", "2030-03-04", "وسيصوت البرلمان على الاتفاق خلال الأيام الستين المقبلة بحسب مسؤولين.")
    g = _toll("g", "Daily", "2030-03-04", "وسيصوت البرلمان على الاتفاق في غضون 65 يوما بحسب مسؤولين.")
    assert _run(f, g)[1] == []


def test_a_toll_far_lower_a_day_later_is_another_incident() -> None:
    a = _toll("a", "Wire", "2030-03-04", "قتل 43 مدنيا في قصف عشوائي على الأحياء السكنية في المدينة، وفق مصادر طبية.")
    b = _toll("b", "Daily", "2030-03-05", "من جهة أخرى قتل 6 من المدنيين في قصف مدفعي على الأحياء السكنية في المدينة.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Wire", "2030-03-04", "وأعلن المسؤول أن عدد ضحايا الفيضانات في المدينة تجاوز 5300 قتيل.")
    d = _toll("d", "Daily", "2030-03-05", "وأعلن الهلال الأحمر أن عدد ضحايا الفيضانات في المدينة بلغ 3840 قتيلا.")
    assert len(_run(c, d)[1]) == 1  # a recount that lowers a toll by a little is a contradiction


def test_tolls_of_one_day_far_apart_are_different_incidents() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أفادت مصادر محلية بسقوط 4 قتلى من المقاتلين في اشتباكات متفرقة بالمدينة.")
    b = _toll("b", "Daily", "2030-03-04", "أفادت مصادر محلية بسقوط 43 قتيلا في اشتباكات متفرقة بالمدينة أمس.")
    assert _run(a, b)[1] == []


def test_publication_times_of_one_day_are_one_day() -> None:
    a = _toll("a", "Wire", "2030-03-04 09:10:00", "قال الدفاع المدني إن انقلاب الحافلة على الطريق خلف 49 إصابة.")
    b = _toll("b", "Daily", "2030-03-04 17:45:30", "قال الدفاع المدني إن انقلاب الحافلة على الطريق خلف 50 إصابة.")
    assert len(_run(a, b)[1]) == 1


def test_an_outlet_never_contradicts_its_own_copy_of_another() -> None:
    wire = "صرح مسؤول في الشرطة بأن 251 شخصا اعتقلوا خلال المداهمات التي نفذت في عدة مدن."
    a = Article("a", source="Wire", published="2030-03-04", text=wire)
    b = Article("b", source="Daily", published="2030-03-04", duplicate_of="a", text="وفي الأثناء، " + wire)
    c = Article("c", source="Daily", published="2030-03-04", text=wire.replace("251", "297"))
    (found,) = _run(a, b, c)[1]
    assert "(Wire) مقابل" in found.detail  # Daily's copy of Wire's report does not set Daily against itself


def test_a_sides_dead_are_not_a_steady_figure_across_days() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وأسفرت المعارك على عدة جبهات في المحافظة عن مقتل 12 مسلحا من المتمردين.")
    b = _toll("b", "Daily", "2030-03-05", "وأسفرت المعارك على عدة جبهات في المحافظة عن مقتل 13 مسلحا من المتمردين.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Wire", "2030-03-04", "وكان 12 مسلحا من المتمردين قد قتلوا في المعارك على عدة جبهات في المحافظة.")
    d = _toll("d", "Daily", "2030-03-05", "وكان 13 مسلحا من المتمردين قد قتلوا في المعارك على عدة جبهات في المحافظة.")
    assert _run(c, d)[1] == []
    e = _toll("e", "Wire", "2030-03-04", "وقدر المكتب عدد سكان المحافظة التي تشهد المعارك بنحو 90 ألف نسمة.")
    f = _toll("f", "Daily", "2030-03-05", "وقدر المكتب عدد سكان المحافظة التي تشهد المعارك بنحو 100 ألف نسمة.")
    assert len(_run(e, f)[1]) == 1  # a steady figure is compared across days


def test_towns_of_one_province_or_a_place_the_other_never_names_do_not_contradict() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أسفر انفجار عبوة ناسفة في رفح في شمال سيناء عن إصابة 3 أشخاص.")
    b = _toll("b", "Daily", "2030-03-04", "أسفر انفجار عبوة ناسفة في الشيخ زويد في شمال سيناء عن إصابة 4 أشخاص.")
    assert len(_run(a, b)[1]) == 1  # without places: one slot
    assert _placed(a, b, places=("رفح", "الشيخ زويد", "شمال سيناء")) == []
    c = _toll("c", "Wire", "2030-03-04", "وأسفرت المعارك في محافظة تعز أمس عن إصابة 12 شخصا بجروح متفاوتة.")
    d = _toll("d", "Daily", "2030-03-04", "وفي محافظة مأرب، أسفرت المعارك أمس عن إصابة 20 شخصا بجروح متفاوتة.")
    assert _placed(c, d, places=("محافظة تعز", "محافظة مأرب")) == []


def test_a_sentence_turning_to_another_happening_is_not_compared() -> None:
    a = _toll("a", "Wire", "2030-03-04", "أسفر القصف على أحياء المدينة صباح اليوم عن إصابة 7 أشخاص بجروح متفاوتة.")
    for opener in ("من جهة أخرى،", "ومن جانب آخر،", "على صعيد آخر،", "إلى ذلك،"):
        b = _toll("b", "Daily", "2030-03-04", f"{opener} أسفر القصف على أحياء المدينة صباح اليوم عن إصابة 5 أشخاص.")
        assert _run(a, b)[1] == [], opener
    c = _toll("c", "Daily", "2030-03-04", "وأسفر القصف على أحياء المدينة صباح اليوم عن إصابة 5 أشخاص بجروح.")
    assert len(_run(a, c)[1]) == 1


def test_a_count_given_for_a_place_the_other_sentence_never_names() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وفي صنعاء قتل 16 مسلحا في مواجهات مع قوات الجيش أمام البنك المركزي.")
    b = _toll("b", "Daily", "2030-03-04", "وقتل 17 مسلحا في مواجهات مع قوات الجيش في أحياء متفرقة من مدينة تعز.")
    assert len(_run(a, b)[1]) == 1  # without places: one slot
    assert _placed(a, b, places=("صنعاء", "مدينة تعز")) == []


def test_the_one_toll_two_articles_give_is_compared_however_worded() -> None:
    a = _toll("a", "Wire", "2030-03-04", "قالت الشرطة إن مسلحا فتح النار داخل قاعة سينما فقتل شخصين وأصاب سبعة آخرين.")
    b = _toll("b", "Daily", "2030-03-04", "لقي شخصان حتفهما وأصيب تسعة آخرون برصاص رجل انتحر بعد ذلك، وفق بيان أمني.")
    (found,) = _run(a, b)[1]
    assert "7" in found.detail or "سبعة" in found.detail
    c = _toll("c", "Daily", "2030-03-04", b.text + " وفي حادث منفصل أصيب 4 أشخاص في شجار قرب السوق.")
    assert _run(a, c)[1] == []  # an article giving two injured figures names two happenings: the words decide


def test_a_verb_that_carries_people_is_no_rival_source() -> None:
    a = _toll("a", "Daily", "2030-03-04", (
        "لقي شخص مصرعه فيما أصيب 7 آخرون في انقلاب مركبة على الطريق، فيما نقلت الإسعافات ثلاثة مصابين إلى المستشفى."))
    b = _toll("b", "Wire", "2030-03-04", "وأعلن الدفاع المدني فتح تحقيق لمعرفة ملابسات الحادث الذي وقع على الطريق.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Daily", "2030-03-04", (
        "وأصيب 7 أشخاص في انقلاب المركبة على الطريق، فيما قال الهلال الأحمر إن ثلاثة أشخاص فقط أصيبوا في الحادث."))
    assert len(_run(c, b)[1]) == 1  # a source of its own, saying what it says, rivals the first figure


def test_a_toll_that_exceeded_a_figure_is_a_lower_bound_and_one_that_did_not_an_upper_one() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وأفاد مراسلنا بأن التفجير وقع في سوق شعبية وأن عدد المصابين تجاوز 30 شخصا.")
    b = _toll("b", "Daily", "2030-03-04", "وأفاد مصدر طبي بأن التفجير وقع في سوق شعبية وأن عدد المصابين بلغ 43 شخصا.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Wire", "2030-03-04", "وأفاد مراسلنا بأن التفجير وقع في سوق شعبية وأن عدد المصابين لم يتجاوز 30.")
    assert len(_run(c, b)[1]) == 1


def test_an_earlier_or_preliminary_toll_is_a_step_not_a_contradiction() -> None:
    now = _toll("b", "Daily", "2030-03-04", "قتل 15 شخصا في انفجار سيارة مفخخة في سوق الخضار وسط المدينة صباح اليوم.")
    plain = _toll("a", "Wire", "2030-03-04", "أسفر انفجار سيارة مفخخة في سوق الخضار وسط المدينة عن مقتل 9 أشخاص.")
    assert len(_run(plain, now)[1]) == 1  # the same toll told 9 and 15 on one day: a contradiction
    for earlier in ("وكانت حصيلة سابقة لانفجار السيارة المفخخة في سوق الخضار أشارت إلى مقتل 9 أشخاص.",  # Levantine
                    "يذكر أن انفجار سيارة مفخخة في سوق الخضار وسط المدينة أسفر عن مقتل 9 أشخاص.",  # Gulf
                    "وأسفر انفجار سيارة مفخخة في سوق الخضار عن مقتل 9 أشخاص حسب حصيلة مؤقتة للسلطات.",  # Maghrebi
                    "وفي وقت سابق، أعلنت الشرطة مقتل 9 أشخاص في انفجار سيارة مفخخة في سوق الخضار."):  # translated
        assert _run(_toll("a", "Wire", "2030-03-04", earlier), now)[1] == [], earlier


def test_a_count_of_arrests_so_far_does_not_contradict_a_later_higher_one() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وذكر المكتب أن 140 شخصا اعتقلوا حتى الآن خلال حملة المداهمات الأمنية.")
    b = _toll("b", "Daily", "2030-03-04", "وقال الوزير إن 163 شخصا اعتقلوا خلال حملة المداهمات الأمنية في البلاد.")
    assert _run(a, b)[1] == []
    c = _toll("a", "Wire", "2030-03-04", "وذكر المكتب أن 140 شخصا اعتقلوا خلال حملة المداهمات الأمنية.")
    (contradiction,) = _run(c, b)[1]
    assert contradiction.about == "count" and "140" in contradiction.detail  # a plural verb makes it the arrested


def test_a_number_after_a_label_noun_is_no_count() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وافتتح المهاجم التسجيل بضربة رأس في الدقيقة 32 من الشوط الأول للمباراة.")
    b = _toll("b", "Daily", "2030-03-04", "وافتتح المهاجم التسجيل بضربة رأس في الدقيقة 35 من الشوط الأول للمباراة.")
    assert _run(a, b)[1] == []
    c = _toll("a", "Wire", "2030-03-04", "وطالب المجلس بتطبيق المادة 12 من الاتفاق الموقع بين الطرفين.")
    d = _toll("b", "Daily", "2030-03-04", "وطالب المجلس بتطبيق المادة 14 من الاتفاق الموقع بين الطرفين.")
    assert _run(c, d)[1] == []


def test_a_part_picked_by_rank_is_not_the_whole() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وتتأهل أفضل ستة منتخبات من أصحاب المركز الثاني إلى الدور المقبل.")
    b = _toll("b", "Daily", "2030-03-04", "وتضم المجموعات سبعة منتخبات من أصحاب المركز الثاني في الدور المقبل.")
    assert _run(a, b)[1] == []


def test_distances_contradict_only_for_one_place() -> None:
    a = _toll("a", "Wire", "2030-03-04", "انفجرت سيارة مفخخة في بلدة القرية على بعد 25 كيلومترا شمال العاصمة أمس.")
    b = _toll("b", "Daily", "2030-03-04", "انفجرت سيارة مفخخة في بلدة الوادي على بعد 40 كيلومترا شمال العاصمة أمس.")
    assert _placed(a, b, places=("القرية", "الوادي", "العاصمة")) == []
    c = _toll("b", "Daily", "2030-03-04", "انفجرت سيارة مفخخة في بلدة القرية على بعد 30 كيلومترا شمال العاصمة أمس.")
    assert len(_placed(a, c, places=("القرية", "العاصمة"))) == 1
    assert _run(a, c)[1] == []  # no place read next to either: nothing says it is one distance


def test_a_roundups_tolls_compare_only_at_one_place() -> None:
    a = _toll("a", "Wire", "2030-03-04", "قتل 6 أشخاص في انفجار عبوة ناسفة في حي الشعلة. وقتل 11 شخصا في قصف على بلدة "
              "الكرمة مساء أمس.")
    b = _toll("b", "Daily", "2030-03-04", "قتل 9 أشخاص في هجوم مسلح على سوق شعبي مساء أمس.")
    assert _placed(a, b, places=("الشعلة", "الكرمة")) == []  # which of the two incidents: no place, no word says
    c = _toll("b", "Daily", "2030-03-04", "قتل 9 أشخاص في انفجار عبوة ناسفة في حي الشعلة مساء أمس.")
    (contradiction,) = _placed(a, c, places=("الشعلة", "الكرمة"))
    assert "6" in contradiction.detail and "9" in contradiction.detail


def test_a_rival_source_with_a_long_title_is_a_source_and_outlets_take_sides() -> None:
    a = _toll("a", "Wire", "2030-09-16", "فبينما تحدثت منظمة الإغاثة الدولية عن 7420 قتيلا، قال نائب وزير الداخلية في "
              "الحكومة المؤقتة سالم بن علي إن حصيلة الوفيات لديها بلغت 2815 حتى مساء الأحد.")
    b = _toll("b", "Daily", "2030-09-15", "وأفادت منظمة الإغاثة الدولية أمس بأن حصيلة ضحايا السيول في المدينة "
              "المنكوبة وصلت إلى 7 آلاف و420 قتيلا.")
    (contradiction,) = _run(a, b)[1]
    assert contradiction.detail.endswith("2815 (Wire) مقابل 7420 (Wire، Daily)")  # one value written two ways
    c = _toll("b", "Daily", "2030-09-15", "وأفادت المنظمة أمس بأن حصيلة ضحايا السيول في المدينة المنكوبة وصلت إلى "
              "7 آلاف قتيل.")
    (contradiction,) = _run(a, c)[1]
    assert "Daily" not in contradiction.detail  # a round figure does not take a side


def test_an_area_in_square_metres_is_no_distance() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وتبلغ مساحة المشروع السكني الجديد 40 ألف متر مربع على الواجهة البحرية.")
    b = _toll("b", "Daily", "2030-03-04", "وتبلغ مساحة المشروع السكني الجديد 48 ألف متر مربع على الواجهة البحرية.")
    assert len(_run(a, b)[1]) == 1  # no place named, yet one area


def test_a_round_figure_agrees_with_the_exact_one_it_rounds() -> None:
    a = _toll("a", "Wire", "2030-03-04", "وتم الاكتتاب في المرحلة الثانية بنحو 4.1 مليون سهم بقيمة 41 مليون وحدة.")
    b = _toll("b", "Daily", "2030-03-04", "وتم الاكتتاب في المرحلة الثانية بعدد 4,105,946 سهما بقيمة 41,059,460 وحدة.")
    assert _run(a, b)[1] == []  # 41 مليون is 41,059,460 told round
    c = _toll("a", "Wire", "2030-03-04", "وخاض المهاجم 300 مباراة مع ناديه منذ انضمامه إليه قبل تسع سنوات.")
    d = _toll("b", "Daily", "2030-03-04", "وخاض المهاجم 302 مباراة مع ناديه منذ انضمامه إليه قبل تسع سنوات.")
    assert _run(c, d)[1] == []
    e = _toll("b", "Daily", "2030-03-04", "وخاض المهاجم 340 مباراة مع ناديه منذ انضمامه إليه قبل تسع سنوات.")
    assert len(_run(c, e)[1]) == 1  # 300 stands for 302, not for 340


def test_a_figure_of_a_past_year_is_not_this_years() -> None:
    a = _toll("a", "Wire", "2030-08-02", "وكان المطار قد استقبل في الفترة نفسها من عام 2029 نحو 11.9 مليون مسافر.")
    b = _toll("b", "Daily", "2030-08-02", "واستقبل المطار نحو 13 مليون مسافر في سبعة أشهر وفق بيانات الهيئة.")
    assert _run(a, b)[1] == []


def test_the_injured_a_plane_carried_or_still_in_hospital_are_a_part_of_the_toll() -> None:
    whole = _toll("b", "Daily", "2030-08-01", "وأسفر انقلاب الحافلة على الطريق الدولي عن وفاة تسعة أشخاص وإصابة 50.")
    for part in ("ونقلت طائرتان عسكريتان مساء أمس من مطار المدينة جثامين تسعة أشخاص، و27 مصابا إلى بلادهم.",
                 "وتواصل الجمعية رعاية 42 مصابا من ركاب الحافلة ما زالوا في مستشفيات المدينة.",
                 "واستقبل مستشفى المدينة العام 30 مصابا من ركاب الحافلة التي انقلبت على الطريق الدولي."):
        assert _run(_toll("a", "Wire", "2030-08-01", part), whole)[1] == [], part
    reported = _toll("a", "Wire", "2030-08-01", "ونقلت وكالة الأنباء عن مصدر طبي أن 40 شخصا أصيبوا في انقلاب الحافلة.")
    assert len(_run(reported, whole)[1]) == 1  # نقلت ... عن ... أن reports a figure, it carries no one


def test_an_aside_toll_shows_an_article_tells_of_several_happenings() -> None:
    a = _toll("a", "Wire", "2030-08-03", "وقتل 7 جنود عند نقطة تفتيش قرب الميناء، وأصيب خمسة آخرون. إلى ذلك، قتل خمسة "
              "أشخاص وأصيب 12 خلال اشتباكات في المدينة.")
    b = _toll("b", "Daily", "2030-08-03", "قال مسعفون إن خمسة أشخاص قتلوا وأصيب 12 خلال اشتباكات في المدينة أمس.")
    assert _run(a, b)[1] == []  # the wire's 5 injured are the checkpoint's; its 12, set aside, the clashes'


def test_bodies_and_those_who_met_their_death_are_the_dead() -> None:
    a = _toll("a", "Wire", "2030-08-03", "وانتشلت فرق الإنقاذ جثث 21 شخصا من مياه النهر بعد غرق المركب.")
    b = _toll("b", "Daily", "2030-08-03", "ولقي 15 شخصا مصرعهم في غرق المركب في النهر وفق الشرطة.")
    c = _toll("c", "Gazette", "2030-08-03", "وقضى 12 شخصا في غرق المركب في النهر وفق الدفاع المدني.")
    claims = align_claims("v1", [a, b, c])
    slots = {q.shown: q.slot for q in stated_quantities(claims, [a, b, c])}
    assert slots["15"] == "killed" and slots["12"] == "killed" and slots.get("21") != "injured"


def test_the_next_toll_after_a_number_word_is_not_its_counted_noun() -> None:
    a = _toll("a", "Wire", "2030-08-10", "أكدت الوزارة مقتل اثنين وإصابة ثلاثة من رجالها في هجوم بعبوة ناسفة.")
    b = _toll("b", "Daily", "2030-08-10", "قتل شرطيان وأصيب ثلاثة آخرون في هجوم بعبوة ناسفة على مدرعة.")
    claims = align_claims("v1", [a, b])
    slots = {q.shown: q.slot for q in stated_quantities(claims, [a, b])}
    assert slots["اثنين"] == "killed"
    assert _run(a, b)[1] == []


def test_the_tolls_of_two_sides_are_two_quantities() -> None:
    a = _toll("a", "Wire", "2030-08-10", "وأدت الاشتباكات في المدينة إلى مقتل 14 شخصا من المسلحين المتمردين أمس.")
    b = _toll("b", "Daily", "2030-08-10", "وأدت الاشتباكات في المدينة إلى مقتل 9 أشخاص من أفراد الجيش النظامي أمس.")
    assert _run(a, b)[1] == []
    c = _toll("b", "Daily", "2030-08-10", "وأدت الاشتباكات في المدينة إلى مقتل 9 أشخاص من المسلحين المتمردين أمس.")
    assert len(_run(a, c)[1]) == 1


def _values(*articles: Article) -> set[float]:
    claims = align_claims("v1", articles)
    return {q.low for q in stated_quantities(claims, articles)}


@pytest.mark.parametrize(("text", "part", "whole"), [
    ("صوت على قانون الموازنة في البرلمان 96 نائبا من أصل 128 نائبا.", 96, 128),
    ("أنقذت فرق الإنقاذ في الجبل 4 من 7 متسلقين علقوا في العاصفة.", 4, 7),
    ("أسفر الانفجار في السوق عن مقتل 22 شخصا، من بينهم 9 أطفال، حسب الشرطة.", 9, None),
])
def test_a_part_and_the_whole_it_is_counted_against_are_no_figures(text: str, part: float, whole: float | None) -> None:
    values = _values(_toll("a", "Wire", "2030-05-02", text), _toll("b", "Daily", "2030-05-02", text))
    assert part not in values and whole not in values


def test_a_count_rising_to_a_higher_value_later_is_no_clash() -> None:
    earlier = _toll("a", "Wire", "2030-06-01 08:00:00",
                    "قال نادي الأسير إن 60 معتقلا في سجن النقب يواصلون إضرابهم عن الطعام.")
    later = _toll("b", "Daily", "2030-06-02 09:00:00",
                  "ارتفع عدد المعتقلين المضربين عن الطعام في سجن النقب إلى 85 معتقلا بحسب نادي الأسير.")
    assert _run(earlier, later)[1] == []
    now = _toll("c", "Net", "2030-06-01 10:00:00",
                "قال المصدر إن الحصيلة باتت الآن خمسة قتلى وستة جرحى في الهجوم على الثكنة.")
    before = _toll("d", "Post", "2030-06-01 09:00:00", "قال المصدر إن الهجوم على الثكنة أوقع خمسة قتلى وأربعة جرحى.")
    assert _run(now, before)[1] == []


def test_a_rising_count_lower_in_a_later_report_still_clashes() -> None:
    early = _toll("a", "Wire", "2030-06-01 08:00:00", "ارتفعت حصيلة قتلى انهيار المنجم إلى 40 قتيلا.")
    late = _toll("b", "Daily", "2030-06-01 20:00:00", "قالت السلطات إن انهيار المنجم أودى بحياة 25 قتيلا.")
    assert len(_run(early, late)[1]) == 1


def test_a_flow_dated_to_a_day_is_not_compared_with_another_days_report() -> None:
    a = _toll("a", "Wire", "2030-07-09", "عبرت 65 سفينة المجرى الملاحي للقناة اليوم بحمولات كبيرة.")
    b = _toll("b", "Daily", "2030-07-10", "أعلن رئيس هيئة القناة عبور 61 سفينة المجرى الملاحي للقناة بحمولات كبيرة.")
    assert _run(a, b)[1] == []


def test_readings_of_different_named_days_on_one_publication_day_never_clash() -> None:
    a = _toll("a", "Wire", "2030-07-10", "بلغ عدد السيارات الواردة لسوق التمور أمس 1554 سيارة محملة بالتمور.")
    b = _toll("b", "Daily", "2030-07-10", "بلغ عدد السيارات الواردة لسوق التمور أمس الأول 1467 سيارة محملة بالتمور.")
    assert _run(a, b)[1] == []


def test_a_poll_share_after_a_speech_verb_is_no_rival_source() -> None:
    text = ("وأظهر الاستطلاع أن 52% من الناخبين يؤيدون المرشح، في حين قال 33% منهم إنهم سيصوتون لمنافسه. "
            "وقال 40% من المستطلعة آراؤهم إن الاقتصاد أولويتهم.")
    a = _toll("a", "Wire", "2030-08-01", text)
    b = _toll("b", "Daily", "2030-08-01", "وأظهر الاستطلاع أن 52% من الناخبين يؤيدون المرشح.")
    assert _run(a, b)[1] == []


def test_a_figure_told_to_the_unit_agrees_with_its_fraction() -> None:
    a = _toll("a", "Wire", "2030-08-01", "ضبطت الجمارك في الميناء 61.7 كيلوغراما من المخدرات داخل حاوية.")
    b = _toll("b", "Daily", "2030-08-01", "ضبطت الجمارك في الميناء 62 كيلوغراما من المخدرات داخل حاوية.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Net", "2030-08-01", "ضرب زلزال بقوة 6.6 درجات على مقياس ريختر جزيرة سومطرة.")
    d = _toll("d", "Post", "2030-08-01", "ضرب زلزال بقوة 7 درجات على مقياس ريختر جزيرة سومطرة.")
    assert len(_run(c, d)[1]) == 1


@pytest.mark.parametrize("forecast", [
    "ويتوقع محللون استطلعت الوكالة آراءهم أن يبلغ إنتاج القمح في البلاد هذا الموسم 3.1 مليون طن.",  # wire
    "ومن المتوقع ان يصل انتاج القمح هالموسم الى 3.1 مليون طن حسب تقديرات الوزارة.",  # Levantine
    "وكان من المقرر أن يبلغ إنتاج القمح خلال الموسم الحالي 3.1 مليون طن وفق الخطة.",  # Egyptian
])
def test_a_forecast_figure_is_not_set_against_the_figure_told(forecast: str) -> None:
    told = _toll("a", "Wire", "2030-07-01", "بلغ إنتاج القمح في البلاد هذا الموسم 2.4 مليون طن بحسب وزارة الزراعة.")
    assert _run(told, _toll("b", "Daily", "2030-07-01", forecast))[1] == []
    other = _toll("c", "Post", "2030-07-01", "بلغ إنتاج القمح في البلاد هذا الموسم 3.1 مليون طن بحسب وزارة الزراعة.")
    assert len(_run(told, other)[1]) == 1  # two figures told as they stand still clash


def test_each_month_of_a_sentence_naming_two_has_its_own_figure() -> None:
    a = _toll("a", "Wire", "2030-08-06", "أضاف الاقتصاد 215 ألف وظيفة جديدة في يوليو 2030 وفق وزارة العمل.")
    b = _toll("b", "Daily", "2030-08-06", "ينتظر المستثمرون بيانات الوظائف في يوليو 2030 بعد أن أضاف الاقتصاد 223 "
                                         "ألف وظيفة جديدة في يونيو 2030 وفق وزارة العمل.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Net", "2030-08-06", "أضاف الاقتصاد 223 ألف وظيفة جديدة في يوليو 2030 وفق وزارة العمل.")
    assert len(_run(a, c)[1]) == 1  # one month, two figures


def test_the_toll_of_a_happening_the_event_followed_is_not_the_events() -> None:
    a = _toll("a", "Wire", "2030-08-07", "هاجم انتحاري أكاديمية الشرطة في العاصمة اليوم بعد ساعات من تفجير شاحنة "
                                         "ملغومة في وسط المدينة أدى إلى مقتل 15 شخصا.")
    b = _toll("b", "Daily", "2030-08-07", "قتل 20 شخصا في الهجوم الانتحاري على أكاديمية الشرطة في العاصمة اليوم.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Net", "2030-08-07", "قتل 15 شخصا في الهجوم الانتحاري على أكاديمية الشرطة في العاصمة اليوم.")
    assert len(_run(c, b)[1]) == 1


def test_an_unplaced_toll_of_an_article_placing_tolls_in_two_towns_is_of_neither() -> None:
    roundup = _toll("a", "Wire", "2030-08-04", "قتل 30 شخصا في غارات على بلدة الشيخ مسكين. وقتل 12 آخرون في قصف على "
                                               "بلدة نوى. وأصيب في المواجهات 12 آخرون.")
    blast = _toll("b", "Daily", "2030-08-04", "أصيب 16 شخصا في انفجار عبوة ناسفة في مدينة درعا.")
    places = ("الشيخ مسكين", "نوى", "درعا")
    assert _placed(roundup, blast, places=places) == []
    single = _toll("c", "Net", "2030-08-04", "قتل شخصان وأصيب في الهجوم 12 آخرون.")
    assert len(_placed(single, blast, places=places)) == 1  # one happening each: the event's one toll
    clashes = _toll("c", "Net", "2030-08-04", "قتل شخصان وأصيب في المواجهات 12 آخرون.")
    assert _placed(clashes, blast, places=places) == []  # the wounded of clashes are not those of a blast


def test_a_toll_placed_nowhere_is_not_one_placed_in_a_town_of_a_roundup() -> None:
    a = _toll("a", "Wire", "2030-08-04", "وقالت مصادر محلية في المقاومة إن 10 جثث لمسلحين حوثيين عثر عليها بعد "
                                         "الاشتباكات العنيفة أمس.")
    b = _toll("b", "Daily", "2030-08-04", "وقالت مصادر محلية في المقاومة إن الاشتباكات العنيفة أمس في منطقة الجفينة "
                                          "خلفت 13 قتيلا من المسلحين الحوثيين. وقتل 4 أشخاص في جبهة صرواح.")
    assert _placed(a, b, places=("الجفينة", "صرواح")) == []
    named = _toll("c", "Net", "2030-08-04", "وقالت مصادر محلية في المقاومة إن 10 جثث لمسلحين حوثيين عثر عليها في "
                                            "الجفينة بعد الاشتباكات العنيفة أمس.")
    assert len(_placed(named, b, places=("الجفينة", "صرواح"))) == 1


@pytest.mark.parametrize("planned", [
    "وقال المنظمون إن حفل الافتتاح سيبدأ في الثانية ظهرا ويستمر حتى الرابعة عصرا.",  # Gulf
    "وأوضح المنظمون أن الحفل سوف يمتد من الثانية ظهرا حتى الرابعة عصرا.",  # Egyptian, سوف
])
def test_a_time_planned_in_the_future_tense_is_not_set_against_the_time_told(planned: str) -> None:
    told = _toll("a", "Wire", "2030-08-07", "استمر حفل الافتتاح من الواحدة ظهرا حتى العاشرة مساء وسط حضور كبير.")
    assert _run(told, _toll("b", "Daily", "2030-08-06", planned))[1] == []
    other = _toll("c", "Post", "2030-08-07", "استمر حفل الافتتاح من الثانية ظهرا حتى الرابعة عصرا وسط حضور كبير.")
    assert len(_run(told, other)[1]) == 1  # two times told as they happened still clash


def _claims_of(*articles: Article):
    return align_claims("v1", articles), articles


@pytest.mark.parametrize("estimate", [
    "انقطعت الكهرباء عن 3300 منزل تقريبا في أحياء المدينة بسبب العاصفة.",  # Gulf
    "والعاصفة قطعت الكهربا عن 3300 بيت تقريباً في أحياء المدينة.",  # Levantine
])
def test_taqriban_after_a_figure_makes_it_an_estimate(estimate: str) -> None:
    (q,) = [q for q in stated_quantities(*_claims_of(_toll("a", "Wire", "2030-01-02", estimate))) if q.low > 100]
    assert q.hedge == "about" and q.low < 3300 < q.high
    told = _toll("b", "Daily", "2030-01-02", "انقطعت الكهرباء عن 3000 منزل في أحياء المدينة بسبب العاصفة.")
    assert _run(_toll("a", "Wire", "2030-01-02", estimate.replace("بيت", "منزل")), told)[1] == []


@pytest.mark.parametrize(("first", "second"), [
    ("وبلغ إجمالي عدد الحجاج القادمين عبر المنافذ 412 ألف حاج وفق الإدارة.",  # Gulf
     "وبلغ إجمالي عدد الحجاج القادمين عبر المنافذ 451 ألف حاج وفق الإدارة."),
    ("وقد استقبلت المنافذ منذ بداية الموسم 412 ألف حاج حسب الإدارة.",  # Egyptian
     "وقد استقبلت المنافذ منذ بداية الموسم 451 ألف حاج حسب الإدارة."),
])
def test_a_running_total_is_compared_only_within_its_day(first: str, second: str) -> None:
    _apart_then_clash("2030-04-01", first, second, second, apart_day="2030-04-02")  # one day's totals still clash


def test_a_count_before_the_next_tolls_word_is_not_that_toll() -> None:
    a = _toll("a", "Wire", "2030-05-01", "أدى الانفجار إلى استشهاد 15 شخصا وإصابة آخرين في السوق المركزي.")
    assert not any(q.slot == "injured" for q in stated_quantities(*_claims_of(a)))
    b = _toll("b", "Daily", "2030-05-01", "أسفر الانفجار عن 15 شخصا أصيبوا بجروح في السوق المركزي.")
    assert any(q.slot == "injured" for q in stated_quantities(*_claims_of(b)))  # the verb after its noun still tells


@pytest.mark.parametrize(("first", "second"), [
    ("وأظهر المسح أن 35 في المائة من الشركات خفضت إنفاقها خلال الربع الثاني.",  # wire
     "وأظهر المسح أن 40 في المائة من العاملين خفضوا إنفاقهم خلال الربع الثاني."),
    ("وبيّن المسح إنو 35% من الشركات خفّضت إنفاقها هالسنة.",  # Levantine
     "وبيّن المسح إنو 40% من العمال خفّضوا إنفاقهم هالسنة."),
])
def test_shares_of_two_wholes_do_not_contradict(first: str, second: str) -> None:
    a, b = _toll("a", "Wire", "2030-05-01", first), _toll("b", "Daily", "2030-05-01", second)
    assert _run(a, b)[1] == []
    c = _toll("c", "Post", "2030-05-01", first.replace("35", "40"))
    assert len(_run(a, c)[1]) == 1  # two shares of one whole still clash


def test_a_round_figure_with_a_scale_word_stands_for_a_close_exact_one() -> None:
    a = _toll("a", "Wire", "2030-07-31", "تقع المدينة الصناعية الجديدة على مساحة 100 مليون متر مربع قرب الساحل.")
    b = _toll("b", "Daily", "2030-07-31", "تبلغ مساحة المدينة الصناعية الجديدة قرب الساحل 102 مليون متر مربع.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Post", "2030-07-31", "تبلغ مساحة المدينة الصناعية الجديدة قرب الساحل 112 مليون متر مربع.")
    assert len(_run(b, c)[1]) == 1  # figures told to the million still clash


@pytest.mark.parametrize("companions", [
    "وخطف مسلحون قائد الكتيبة برفقة سبعة عناصر من الكتيبة أثناء عودتهم من الاجتماع.",  # wire
    "وخطف مسلحون قائد الكتيبة ومعه سبعة عناصر من الكتيبة وهم راجعين من الاجتماع.",  # Levantine
])
def test_the_companions_of_someone_named_are_a_part_of_the_count(companions: str) -> None:
    whole = _toll("a", "Wire", "2030-07-31",
                  "وخطف مسلحون ثمانية عناصر من الكتيبة بينهم قائدها أثناء عودتهم من الاجتماع.")
    assert _run(whole, _toll("b", "Daily", "2030-07-31", companions))[1] == []


@pytest.mark.parametrize("beside", [
    "وأسفر التفجير عن إصابة شرطي ثالث بجروح بليغة وخمسة آخرين إصاباتهم طفيفة.",  # Gulf
    "وأدى الانفجار إلى إصابة الضابط و5 آخرين بجروح متفاوتة.",  # Egyptian
])
def test_a_count_beside_someone_named_is_a_part_of_the_toll(beside: str) -> None:
    whole = _toll("a", "Wire", "2030-07-28", "وأسفر التفجير عن مقتل شرطيين وإصابة ستة آخرين بجروح.")
    assert _run(whole, _toll("b", "Daily", "2030-07-28", beside))[1] == []
    other = _toll("c", "Post", "2030-07-28", "وأسفر التفجير عن مقتل شرطيين وإصابة تسعة آخرين بجروح.")
    assert len(_run(whole, other)[1]) == 1  # the others of a toll word are the toll: they still clash


def test_a_life_taken_is_a_death() -> None:
    a = _toll("a", "Wire", "2030-07-28", "وكان التفجير الذي استهدف المسجد قد أودى بحياة 27 شخصا وجرح 286.")
    assert {q.slot for q in stated_quantities(*_claims_of(a))} == {"killed", "injured"}


@pytest.mark.parametrize(("first", "second"), [
    ("وأسفر القصف على الحي عن استشهاد 12 مواطنا وإصابة 30 آخرين.",  # Palestinian
     "قالت وزارة الصحة إن 18 شخصا قتلوا في القصف على الحي."),
    ("وأدت الغارة على البلدة إلى سقوط 4 شهداء بينهم طفلان، حسب الدفاع المدني.",  # Levantine
     "وقتل 9 أشخاص في الغارة على البلدة وفق مصادر طبية."),
    ("ونتج عن التفجير في السوق استشهاد عشرة أشخاص وإصابة آخرين.",  # Gulf
     "وأسفر التفجير في السوق عن مقتل 14 شخصا بحسب الشرطة."),
])
def test_a_count_of_martyrs_is_a_death_toll(first: str, second: str) -> None:
    a, b = _toll("a", "Wire", "2030-08-06", first), _toll("b", "Daily", "2030-08-06", second)
    assert "killed" in {q.slot for q in stated_quantities(*_claims_of(a))}
    assert len(_run(a, b)[1]) == 1
    later = _toll("c", "Post", "2030-08-07", second)  # a martyrs' toll rises from day to day as any other
    assert _run(a, later)[1] == []


def test_some_of_the_dead_named_after_their_count_are_a_part_of_the_toll() -> None:
    whole = _toll("a", "Wire", "2030-08-09", "وأدى التفجير في المسجد إلى مقتل 9 أشخاص وإصابة 33.")
    for part in ("وكشفت الوزارة أن ستة من الشهداء من المتدربين الملتحقين بالدورة.",  # Gulf
                 "وتبين أن خمسة من القتلى في التفجير أطفال دون العاشرة."):  # wire
        assert _run(whole, _toll("b", "Daily", "2030-08-09", part))[1] == [], part


def test_a_preliminary_figure_beside_the_final_one_is_still_one_happenings_toll() -> None:
    a = _toll("a", "Wire", "2030-08-06", "وحسب المعلومات الأولية فإن نحو 20 شخصا قتلوا في التفجير. وقال المتحدث إن "
              "عدد القتلى في التفجير بلغ 13.")
    b = _toll("b", "Daily", "2030-08-06", "وقال المتحدث باسم الشرطة إن التفجير خلف 16 قتيلا.")
    (found,) = _run(a, b)[1]
    assert "13" in found.detail and "16" in found.detail


def test_the_heights_of_two_people_are_two_figures() -> None:
    a = _toll("a", "Wire", "2030-07-27", "وهو اليوم أطول بكثير من صديقته البالغ طولها 171 سم.")
    b = _toll("b", "Daily", "2030-07-27", "وفي سن الخامسة عشرة بلغ طوله 175 سم بحسب الصحيفة.")
    assert _run(a, b)[1] == []
    c = _toll("c", "Post", "2030-07-27", "وهو اليوم في سن الخامسة عشرة وقد بلغ طوله 179 سم.")
    assert len(_run(b, c)[1]) == 1  # one man's height told two ways still clashes


def test_a_participle_after_a_reading_is_no_counted_noun() -> None:
    a = _toll("a", "Wire", "2030-08-06", "وبلغت القراءة النهائية لمؤشر مديري المشتريات لقطاع الصناعة في المنطقة 52.4 "
              "متجاوزا مستوى 50 الفاصل بين النمو والانكماش.")
    b = _toll("b", "Daily", "2030-08-06", "وبلغ مؤشر مديري المشتريات لقطاع الخدمات في المنطقة 54.0 متجاوزا القراءة "
              "الأولية ومستوى 50 الفاصل بين النمو والانكماش.")
    assert _run(a, b)[1] == []


def test_the_injured_an_outlet_saw_off_are_a_part_of_the_toll() -> None:
    whole = _toll("a", "Wire", "2030-08-03", "ونتج عن انقلاب الحافلة وفاة تسعة أشخاص وإصابة 50 آخرين.")
    part = _toll("b", "Daily", "2030-08-03", "وودعت الجمعية الخيرية 27 مصابا من الركاب وذويهم عبر مطار المدينة.")
    assert _run(whole, part)[1] == []


@pytest.mark.parametrize("among", [
    "ولا يزال 12 شخصا في عداد المفقودين بعد الفيضانات في الوادي.",  # wire
    "وما زال 12 مواطنا في عداد المفقودين منذ غرق المركب.",  # Gulf
])
def test_a_count_counted_among_the_missing_is_that_toll(among: str) -> None:
    a = _toll("a", "Wire", "2030-09-14", among)
    assert {q.slot for q in stated_quantities(*_claims_of(a))} == {"missing"}


@pytest.mark.parametrize(("monday", "thursday"), [
    ("وأوضحت المديرية أن عدد المستفيدين من البرنامج حتى الساعة الخامسة من مساء أمس، بلغ 5400 شخص.",  # Gulf
     "وأوضحت المديرية أن عدد المستفيدين من البرنامج حتى الساعة الواحدة من ظهر أمس، بلغ 5800 شخص."),
    ("وقالت الوزارة إن عدد المسجلين في البرنامج لغاية الساعة الخامسة مساء أمس وصل إلى 5400 شخص.",  # Levantine
     "وقالت الوزارة إن عدد المسجلين في البرنامج لغاية الساعة الواحدة ظهر أمس وصل إلى 5800 شخص."),
])
def test_a_count_up_to_a_moment_is_compared_only_on_its_day(monday: str, thursday: str) -> None:
    # two totals of one day still clash
    _apart_then_clash("2030-07-21", monday, thursday, monday.replace("5400", "5800"), apart_day="2030-07-24")


@pytest.mark.parametrize(("rescued", "present"), [
    ("وتحدثت المصادر عن إنقاذ 4 أجانب من الفندق بعد الهجوم.",  # wire
     "وكان هناك خمسة أجانب على الأقل في الفندق قبل الهجوم."),
    ("وأنقذت فرق الدفاع المدني 9 من السكان من العمارة المحترقة.",  # Gulf
     "وكان في العمارة المحترقة 14 من السكان ساعة اندلاع الحريق."),
])
def test_those_rescued_are_not_those_present(rescued: str, present: str) -> None:
    # two counts of the rescued still clash
    _apart_then_clash("2030-08-09", rescued, present, rescued.replace("4 ", "5 ").replace("9 ", "11 "))


@pytest.mark.parametrize(("plain", "qualified", "alike"), [
    ("وأوضح رئيس الهيئة أن خطة تنمية الإقليم تضم 40 مشروعا في الموانئ والطرق.",  # Gulf
     "وأوضح رئيس الهيئة أن خطة تنمية الإقليم تضم 42 مشروعا ذات أولوية في الموانئ والطرق.",
     "وأوضح رئيس الهيئة أن خطة تنمية الإقليم تضم 45 مشروعا ذات أولوية في الموانئ والطرق."),
    ("وقال الوزير إن خطة تطوير الإقليم فيها 40 مشروع في الموانئ والطرق.",  # Egyptian
     "وقال الوزير إن خطة تطوير الإقليم فيها 42 مشروع ذو أولوية في الموانئ والطرق.",
     "وقال الوزير إن خطة تطوير الإقليم فيها 45 مشروع ذو أولوية في الموانئ والطرق."),
    ("وبيّنت الحكومة أن برنامج إعمار المحافظة يشمل 40 مشروعا في المدارس والمستشفيات.",  # Levantine
     "وبيّنت الحكومة أن برنامج إعمار المحافظة يشمل 42 مشروعا التي تمولها الدول المانحة في المدارس والمستشفيات.",
     "وبيّنت الحكومة أن برنامج إعمار المحافظة يشمل 45 مشروعا التي تمولها الدول المانحة في المدارس والمستشفيات."),
    ("وقالت المصادر إن مئات الدبابات والمدرعات التي أرسلها التحالف وصلت إلى محيط القاعدة الجوية.",  # Gulf: holders
     "وقالت المصادر إن عشرات الدبابات والمدرعات التابعة للجيش وصلت إلى محيط القاعدة الجوية.",
     "وقالت المصادر إن مئات الدبابات والمدرعات التابعة للجيش وصلت إلى محيط القاعدة الجوية."),
    ("وأفاد المراسل بأن مئات الآليات التابعة لقوات الحلفاء دخلت محيط القاعدة الجوية.",  # translated
     "وأفاد المراسل بأن عشرات الآليات المرافقة للكتيبة الأولى دخلت محيط القاعدة الجوية.",
     "وأفاد المراسل بأن مئات الآليات المرافقة للكتيبة الأولى دخلت محيط القاعدة الجوية."),
])
def test_a_count_qualified_apart_is_a_subset_or_another_holders(plain: str, qualified: str, alike: str) -> None:
    a, b = _toll("a", "Wire", "2030-08-06", plain), _toll("b", "Daily", "2030-08-06", qualified)
    assert _run(a, b)[1] == []
    assert len(_run(b, _toll("c", "Post", "2030-08-06", alike))[1]) == 1  # two counts qualified alike still clash


@pytest.mark.parametrize(("local", "placed"), [
    ("وتشهد البلاد موجة حر وصلت فيها الحرارة إلى 47 درجة مئوية تحت الشمس في بعض المناطق.",  # wire
     "وتشهد البلاد موجة حر بلغت فيها الحرارة 40 درجة مئوية تحت الشمس أمس."),
    ("وسجلت موجة الحر في بعض مناطق المملكة 49 درجة مئوية حسب الأرصاد.",  # Gulf
     "وسجلت موجة الحر 44 درجة مئوية حسب الأرصاد."),
    ("وقد لامست الحرارة ببعض المناطق الداخلية 46 درجة خلال موجة الحر.",  # Maghrebi
     "وقد لامست الحرارة 41 درجة خلال موجة الحر."),
])
def test_a_figure_of_some_areas_is_not_the_places_figure(local: str, placed: str) -> None:
    day = "2030-08-10"
    assert _run(_toll("a", "Wire", day, local), _toll("b", "Daily", day, placed))[1] == []
    hotter = re.sub(r"\d+", lambda m: str(int(m.group()) + 6), placed)  # of the whole place too: still a clash
    assert len(_run(_toll("b", "Daily", day, placed), _toll("c", "Post", day, hotter))[1]) == 1


@pytest.mark.parametrize(("listing", "first", "second"), [
    ("واتفق الطرفان على هدنة مدتها 30 يوما في الشمال و60 يوما في الجنوب برعاية أممية.",  # Levantine
     "واتفق الطرفان على هدنة مدتها 30 يوما في الشمال برعاية أممية.",
     "واتفق الطرفان على هدنة مدتها 60 يوما في الجنوب برعاية أممية."),
    ("وقررت الأمانة إغلاق المحال المخالفة لمدة 30 يوما في المرة الأولى و60 يوما عند تكرار المخالفة.",  # Gulf
     "وقررت الأمانة إغلاق المحال المخالفة لمدة 30 يوما في المرة الأولى.",
     "وقررت الأمانة إغلاق المحال المخالفة لمدة 60 يوما عند تكرار المخالفة."),
])
def test_spans_a_report_lists_side_by_side_are_of_different_things(listing: str, first: str, second: str) -> None:
    a, b, c = (_toll(k, source, "2030-07-26", text) for k, source, text in (
        ("a", "Wire", listing), ("b", "Daily", first), ("c", "Post", second)))
    assert _run(a, b, c)[1] == []
    assert len(_run(b, c)[1]) == 1  # listed by none, the two spans still clash


@pytest.mark.parametrize(("earlier", "later", "other"), [
    ("وكان مكتب رئيس الوزراء قد أعلن أن الشرطة أوقفت 251 شخصا في المداهمات التي جرت في 13 محافظة.",  # wire
     "وقال رئيس الوزراء في مؤتمر صحافي إن 297 شخصا اعتقلوا خلال المداهمات التي جرت في 13 محافظة.",
     "وذكر مكتب رئيس الوزراء في بيان أن الشرطة أوقفت 251 شخصا خلال المداهمات التي جرت في 13 محافظة."),
    ("وكانت الداخلية أعلنت في وقت سابق القبض على 40 شخصا في حملة المداهمات بالعاصمة.",  # Egyptian
     "وأعلنت الداخلية القبض على 55 شخصا في حملة المداهمات بالعاصمة.",
     "وأعلنت الداخلية القبض على 40 شخصا في حملة المداهمات بالعاصمة."),
])
def test_a_count_one_outlet_tells_rising_over_the_day_is_no_clash(earlier: str, later: str, other: str) -> None:
    telling = _toll("a", "Wire", "2030-07-24 16:00:00", earlier + " " + later)
    low = _toll("b", "Daily", "2030-07-24 12:00:00", other)
    high = _toll("c", "Post", "2030-07-24 18:00:00", later)
    assert _run(telling, low, high)[1] == []
    assert len(_run(low, high)[1]) == 1  # told by none as steps, the two reports of one day still clash


@pytest.mark.parametrize(("event", "other", "same"), [
    ("وضرب زلزال بقوة 4.3 درجات منطقة البحر الميت صباح اليوم دون أضرار.",  # wire
     "وقال مركز الرصد إن الزلزال أقوى من زلزال آخر بلغت قوته 5.3 درجات ضرب المنطقة نفسها.",
     "وقال مركز الرصد إن الزلزال بلغت قوته 5.3 درجات وضرب المنطقة نفسها."),
    ("وأسفر الهجوم على الحاجز عن مقتل 9 جنود حسب مصدر أمني.",  # Levantine
     "وأضاف المصدر أن الحاجز تعرض في هجوم سابق لإطلاق نار أسفر عن مقتل 11 جنديا.",
     "وأضاف المصدر أن الحاجز تعرض في الهجوم لإطلاق نار أسفر عن مقتل 11 جنديا."),
    ("وأدى الحريق في المصنع إلى إصابة 9 أشخاص بحروق.",  # Egyptian
     "وشهد المصنع حريقا آخر أدى إلى إصابة 14 شخصا بحروق.",
     "وشهد المصنع حريقا أدى إلى إصابة 14 شخصا بحروق."),
])
def test_a_figure_of_another_happening_named_before_it_is_not_the_events(event: str, other: str, same: str) -> None:
    _apart_then_clash("2030-07-31", event, other, same)  # the same sentence of the event's own happening: a clash


def _apart_then_clash(day: str, first: str, apart: str, clashing: str, apart_day: str | None = None) -> None:
    """`first` and `apart` (two outlets, one day unless `apart_day` is given) do not contradict; `first` and
    `clashing` (the same day) do."""
    assert _run(_toll("a", "Wire", day, first), _toll("b", "Daily", apart_day or day, apart))[1] == []
    assert len(_run(_toll("a", "Wire", day, first), _toll("c", "Post", day, clashing))[1]) == 1


@pytest.mark.parametrize(("told", "weeks", "days", "clashing"), [
    ("وعاد الفريق إلى جدة بعد معسكر استمر {} في ميلانو.", "ثلاثة أسابيع", "20 يوما", "12 يوما"),  # Gulf
    ("أنهى الفريق معسكره في إفران الذي دام {}.", "أسبوعين", "15 يوما", "8 أيام"),  # Maghrebi
])
def test_a_span_in_weeks_is_told_to_the_week(told: str, weeks: str, days: str, clashing: str) -> None:
    _apart_then_clash("2030-08-07", told.format(weeks), told.format(days), told.format(clashing))


@pytest.mark.parametrize(("told", "planned", "clashing"), [
    ("ونفذ فريق الصقور عرضا جويا أدى فيه الطيارون 20 حركة استعراضية في سماء المدينة.",  # Gulf: حيث after a future verb
     "وسيؤدي فريق الصقور عرضا جويا، حيث يتكون العرض من 23 حركة استعراضية في سماء المدينة.",
     "وأدى فريق الصقور عرضا جويا، حيث تكون العرض من 23 حركة استعراضية في سماء المدينة."),
    ("وضمت القافلة 45 شاحنة محملة بالمساعدات الغذائية إلى القطاع.",  # Egyptian
     "وستضم القافلة 52 شاحنة محملة بالمساعدات الغذائية إلى القطاع.",
     "وضمت القافلة 52 شاحنة محملة بالمساعدات الغذائية إلى القطاع."),
    ("وقال المنظمون إن المخيم استقبل 250 طفلا من أبناء اللاجئين هذا الصيف.",  # Levantine
     "وقال المنظمون إن المخيم سيستقبل 300 طفل من أبناء اللاجئين هذا الصيف.",
     "وقال المنظمون إن المخيم استقبل 300 طفل من أبناء اللاجئين هذا الصيف."),
    ("وقالت الوزارة إنها وزعت 900 طن من الحبوب على المتضررين من الجفاف.",  # translated
     "وقالت الوزارة إنها ستوزع 1000 طن من الحبوب على المتضررين من الجفاف.",
     "وقالت الوزارة إنها وزعت 1000 طن من الحبوب على المتضررين من الجفاف."),
])
def test_a_figure_in_the_future_tense_is_planned_not_told(told: str, planned: str, clashing: str) -> None:
    _apart_then_clash("2030-08-06", told, planned, clashing)


@pytest.mark.parametrize(("women", "men", "clashing"), [
    ("وشارك في البرنامج الصيفي للموهوبين 80 طالبة من المرحلة الثانوية.",  # Gulf
     "وشارك في البرنامج الصيفي للموهوبين 100 طالب من المرحلة الثانوية.",
     "وشارك في البرنامج الصيفي للموهوبين 100 طالبة من المرحلة الثانوية."),
    ("وأعلنت المديرية تعيين 120 معلمة جديدة في مدارس المحافظة هذا العام.",  # Egyptian
     "وأعلنت المديرية تعيين 135 معلما جديدا في مدارس المحافظة هذا العام.",
     "وأعلنت المديرية تعيين 135 معلمة جديدة في مدارس المحافظة هذا العام."),
    ("ويشارك في التربص التحضيري للمنتخب 24 لاعبة من أندية البطولة.",  # Maghrebi
     "ويشارك في التربص التحضيري للمنتخب 30 لاعبا من أندية البطولة.",
     "ويشارك في التربص التحضيري للمنتخب 30 لاعبة من أندية البطولة."),
])
def test_women_and_men_counted_are_two_groups(women: str, men: str, clashing: str) -> None:
    _apart_then_clash("2030-07-31", women, men, clashing)


@pytest.mark.parametrize(("first", "next_day"), [
    ("وبلغ عدد السيارات الواردة إلى سوق التمور 1731 سيارة محملة بكمية تزن 606 أطنان.",  # Gulf
     "وبلغ عدد السيارات الواردة إلى سوق التمور يوم الجمعة 1800 سيارة محملة بكمية تزن 708 أطنان."),
    ("وعبرت قناة السويس 49 سفينة بحمولة إجمالية قدرها 2.9 مليون طن.",  # Egyptian
     "وعبرت قناة السويس يوم الثلاثاء 52 سفينة بحمولة إجمالية قدرها 3.2 مليون طن."),
])
def test_the_load_of_what_arrived_is_that_days_reading(first: str, next_day: str) -> None:
    a, b = _toll("a", "Wire", "2030-08-08", first), _toll("b", "Daily", "2030-08-09", next_day)
    assert _run(a, b)[1] == []
    assert _run(a, _toll("c", "Post", "2030-08-08", next_day))[1]  # told on one day, the readings still clash


@pytest.mark.parametrize(("first", "elsewhere", "clashing"), [
    ("وشن طيران التحالف 5 غارات على تجمعات للمسلحين في معسكر بمنطقة ميتم جنوبي مدينة إب.",  # Gulf: raids
     "وشن طيران التحالف نحو 6 غارات على تجمعات للمسلحين في تبة بجبهة صرواح غربي المحافظة.",
     "وشن طيران التحالف 6 غارات على تجمعات للمسلحين في معسكر بمنطقة ميتم جنوبي مدينة إب."),
    ("وشن طيران التحالف 5 غارات على تجمعات للمسلحين في معسكر الحمزة بمحيط المدينة.",  # Gulf: a named camp
     "وشن طيران التحالف نحو 6 غارات على تجمعات للمسلحين في معسكر العبر بمحيط المدينة.",
     "وشن طيران التحالف 6 غارات على تجمعات للمسلحين في معسكر الحمزة بمحيط المدينة."),
    ("وضبطت أجهزة الأمن 200 ألف قرص مخدر داخل شاحنة في مدينة العريش.",  # Egyptian: seizures
     "وضبطت أجهزة الأمن 250 ألف قرص مخدر داخل شاحنة في مدينة بورسعيد.",
     "وضبطت أجهزة الأمن 250 ألف قرص مخدر داخل شاحنة في مدينة العريش."),
    ("وحجزت مصالح الأمن 8 أطنان من الكيف المعالج بولاية وهران.",  # Maghrebi
     "وحجزت مصالح الأمن 9 أطنان من الكيف المعالج بولاية تلمسان.",
     "وحجزت مصالح الأمن 9 أطنان من الكيف المعالج بولاية وهران."),
    ("وسقطت 12 قذيفة صاروخية على بلدة كفرنبل في ريف إدلب.",  # Levantine
     "وسقطت 14 قذيفة صاروخية على بلدة سراقب في ريف إدلب.",
     "وسقطت 14 قذيفة صاروخية على بلدة كفرنبل في ريف إدلب."),
])
def test_figures_at_places_named_after_a_head_word_are_two_happenings(first: str, elsewhere: str,
                                                                      clashing: str) -> None:
    _apart_then_clash("2030-07-22", first, elsewhere, clashing)


def test_the_load_of_what_arrived_is_that_days_reading_however_far_the_word() -> None:
    told = ("وبلغ عدد السيارات الواردة لسوق التمور حتى صباح الجمعة، وفقا لفريق الإحصاء، {} سيارة محملة بكمية تزن {}"
            " طنا.")
    a = _toll("a", "Wire", "2030-08-08", told.format(1731, 606))
    b = _toll("b", "Daily", "2030-08-09", told.format(1800, 708))
    assert _run(a, b)[1] == []
    assert _run(a, _toll("c", "Post", "2030-08-08", told.format(1800, 708)))[1]  # one day's readings still clash


def test_a_training_camp_is_no_place() -> None:
    a = _toll("a", "Wire", "2030-08-06", "أنهى الفريق معسكره في مدينة أنطاليا الذي استمر عشرة أيام قبل الموسم.")
    b = _toll("b", "Daily", "2030-08-06", "أكد رئيس النادي نجاح معسكر فريق كرة القدم في أنطاليا والذي استمر 15 يوما.")
    assert len(_run(a, b)[1]) == 1  # معسكر فريق: the team's camp, not a place named فريق


@pytest.mark.parametrize(("first", "second", "values"), [
    # a group of its own (migrants), not people in general, with the same casualty word next to both: tolls
    ("قال خفر السواحل إن 27 مهاجرا لقوا حتفهم عندما انقلب القارب قبالة الساحل.",
     "لقي 41 مهاجرا حتفهم في غرق القارب قبالة الساحل فجر اليوم وفق مصادر محلية.", ("27", "41")),
    # a tally far before the verb of reaching its figure: the toll it names
    ("قالت مصادر أمنية إن عدد القتلى في انهيار المبنى السكني بشرق المدينة اليوم الثلاثاء بلغ أربعة عشر، "
     "إضافة إلى جرحى نقلوا إلى المستشفى.",
     "لقي 11 شخصا مصرعهم في انهيار المبنى السكني بشرق المدينة اليوم الثلاثاء.", ("أربعة عشر", "11")),
    # two exact counts worded alike, further apart than a slip: one figure the outlets disagree on
    ("وأوضح المسؤول أن القارب الخشبي كان يقل 160 مهاجرا انطلقوا من سواحل البلاد قبل أسبوع.",
     "وذكرت المصادر أن القارب الخشبي كان يقل 220 مهاجرا انطلقوا من سواحل البلاد قبل أسبوع.", ("160", "220")),
])
def test_figures_told_in_other_words_contradict(first: str, second: str, values: tuple[str, str]) -> None:
    (contradiction,) = _run(_toll("a", "Wire", "2030-03-04", first), _toll("b", "Daily", "2030-03-04", second))[1]
    assert all(v in contradiction.detail for v in values)


@pytest.mark.parametrize(("first", "second", "later", "clash"), [
    # two planned lengths of one coming summit: the outlets disagree on the plan
    ("وأوضحت الوزارة أن أشغال القمة العربية ستستمر ثلاثة أيام تخصص لبحث مشاريع الربط الكهربائي.",
     "تستضيف العاصمة القمة العربية التنموية الاقتصادية في 14 أكتوبر المقبل على مدى يومين لبحث مشاريع الربط.",
     "2030-09-02", True),
    # a length planned against one told as it happened: plans change
    ("وأعلنت الرئاسة أن زيارة الرئيس إلى العاصمة ستستمر ثلاثة أيام يلتقي خلالها كبار المسؤولين.",
     "واختتم الرئيس زيارته إلى العاصمة وقد دامت يومين التقى خلالها كبار المسؤولين.", "2030-09-06", False),
])
def test_a_planned_length_is_set_against_planned_lengths_only(first: str, second: str, later: str,
                                                              clash: bool) -> None:
    found = _run(Article("a", source="Wire", published="2030-09-02", text=first),
                 Article("b", source="Daily", published=later, text=second))[1]
    assert [c.about for c in found] == (["date"] if clash else [])


@pytest.mark.parametrize(("first", "second"), [
    # deaths by shelling and deaths by a fever (Levantine, Gulf): two incidents' tolls
    ("وأفادت مصادر محلية بمقتل أربعة مدنيين جراء قصف استهدف أحياء سكنية في المدينة.",
     "وكشفت شبكة الإغاثة في المدينة عن وفاة عشرة مواطنين بحمى الضنك."),
    # the wounded of clashes and those of shelling (Egyptian, translated wire)
    ("وأصيب 13 شخصا في قصف على الأحياء السكنية في المدينة.",
     "وجرح 30 آخرون في مواجهات عنيفة بالمدينة."),
])
def test_tolls_of_two_kinds_of_incident_do_not_contradict(first: str, second: str) -> None:
    assert _run(_toll("a", "Wire", "2030-08-08", first), _toll("b", "Daily", "2030-08-08", second))[1] == []
    same_kind = second.replace("بحمى الضنك", "جراء القصف").replace("مواجهات عنيفة", "قصف عنيف")
    assert len(_run(_toll("a", "Wire", "2030-08-08", first), _toll("b", "Daily", "2030-08-08", same_kind))[1]) == 1


def test_the_toll_of_one_incident_is_not_that_of_several() -> None:
    one = _toll("a", "Wire", "2030-07-25", "وأفادت مصادر محلية بمقتل ثمانية مسلحين في كمين نصبته القوات قرب المدينة.")
    two = _toll("b", "Daily", "2030-07-25", "وقتل 18 مسلحا في كمينين للقوات استهدفا عربتين قرب المدينة.")
    assert _run(one, two)[1] == []
    also_one = _toll("b", "Daily", "2030-07-25", "وقتل 18 مسلحا في كمين للقوات استهدف عربتين قرب المدينة.")
    assert len(_run(one, also_one)[1]) == 1


def test_the_wounded_who_left_hospital_are_a_part_of_the_toll() -> None:
    part = _toll("a", "Wire", "2030-07-27", "وأوضح المصدر أن عشرة مصابين قد خرجوا من المستشفى بعد تماثلهم للشفاء.")
    toll = _toll("b", "Daily", "2030-07-27", "وقال المتحدث إن لدينا 18 مصابا بشظايا في أجزاء متفرقة من الجسم.")
    assert _run(part, toll)[1] == []


def test_a_countrywide_figure_is_not_set_against_a_provinces() -> None:
    whole = _toll("a", "Wire", "2030-08-08", "وأصيب 50 شخصا في الاحتجاجات التي شهدتها أنحاء البلاد أمس.")
    part = _toll("b", "Daily", "2030-08-08", "وأصيب 20 شخصا في الاحتجاجات التي شهدتها مدينة البصرة أمس.")
    assert _placed(whole, part, places=("البصرة",)) == []
    also_part = _toll("a", "Wire", "2030-08-08", "وأصيب 50 شخصا في الاحتجاجات التي شهدتها مدينة البصرة أمس.")
    assert len(_placed(also_part, part, places=("البصرة",))) == 1


@pytest.mark.parametrize("fighters", [
    "وأسفرت الاشتباكات عن مقتل 11 مسلحا وجرح 30 مسلحا، ومقتل أحد المقاومة بالإضافة إلى جرح 7 آخرين.",  # Gulf
    "وقتل 5 جنود وأصيب 7 آخرون في الهجوم على الحاجز.",  # translated wire
])
def test_others_wounded_beside_one_group_are_not_those_beside_another(fighters: str) -> None:
    civilians = _toll("a", "Wire", "2030-08-08", "وأفادت مصادر محلية بمقتل أربعة مدنيين وإصابة تسعة آخرين في الهجوم.")
    assert _run(civilians, _toll("b", "Daily", "2030-08-08", fighters))[1] == []
    anyone = _toll("b", "Daily", "2030-08-08", "وأفادت مصادر بمقتل شخصين وإصابة سبعة آخرين في الهجوم.")
    assert len(_run(civilians, anyone)[1]) == 1  # persons of no group: the others may be the same
