"""What one figure is of: the span it is a total over, whose group it counts, a share told as a fraction, those
beside one named, a compound figure told round, a toll verb written with its short vowels, a hedge the article gave
with the figure once, the injured with the dead counted among them, and a count of two groups joined by و (sentences
written for these tests in several house styles)."""
from __future__ import annotations

import pytest

from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions, stated_quantities
from marsad.compare.numbers import read_numbers
from marsad.types import Article


def _found(first: str, second: str, day: str = "2030-05-02") -> list:
    articles = [Article("a", source="Wire", published=day, text=first),
                Article("b", source="Daily", published=day, text=second)]
    return find_contradictions("v1", align_claims("v1", articles), articles)


@pytest.mark.parametrize(("week", "day"), [
    ("وخلال أسبوع شن طيران التحالف قرابة 30 غارة على مواقع المسلحين وتجمعاتهم في المحافظة.",
     "وشنت مقاتلات التحالف أمس قرابة 20 غارة على مواقع المسلحين وتجمعاتهم في المحافظة."),
    ("وفي غضون 24 ساعة أوقفت الشرطة 60 مشتبها بهم في أحياء العاصمة الجنوبية، حسب بيان الأمن الوطني.",  # Maghrebi
     "وأوقفت عناصر الشرطة 48 مشتبها بهم في أحياء العاصمة الجنوبية صباح اليوم، حسب بيان الأمن الوطني."),
])
def test_a_total_over_a_span_is_not_a_days_figure(week: str, day: str) -> None:
    assert _found(week, day) == []


def test_totals_over_one_span_still_contradict() -> None:
    first = "وخلال أسبوع شن طيران التحالف 30 غارة على مواقع المسلحين وتجمعاتهم في المحافظة."
    second = "وخلال سبعة أيام شن طيران التحالف 25 غارة على مواقع المسلحين وتجمعاتهم في المحافظة."
    (found,) = _found(first, second)
    assert "30" in found.detail and "25" in found.detail


@pytest.mark.parametrize(("first", "second"), [
    ("وتمكنت القوات الشعبية من قتل 4 من مسلحي الجماعة في كمين نصبته لهم على الطريق العام.",  # Levantine
     "وقتل 9 من مسلحي القبائل الموالية في الكمين الذي نصب لهم على الطريق العام."),
    ("وأعلنت الوزارة وصول 12 من أطباء الجامعة إلى المستشفى الميداني في المدينة.",  # Egyptian
     "وأعلنت الوزارة وصول 15 من أطباء الهلال الأحمر إلى المستشفى الميداني في المدينة."),
])
def test_counts_of_two_groups_do_not_contradict(first: str, second: str) -> None:
    assert _found(first, second) == []


def test_counts_of_one_group_still_contradict() -> None:
    (found,) = _found("وتمكنت القوات الشعبية من قتل 4 من مسلحي الجماعة في كمين نصبته لهم على الطريق العام.",
                      "وتمكنت القوات الشعبية من قتل 7 من مسلحي الجماعة في كمين نصبته لهم على الطريق العام.")
    assert "4" in found.detail and "7" in found.detail


def test_shares_told_as_fractions_are_percentages() -> None:
    drills = _found("وأدى اللاعبون تدريبات التمرير في نصف الملعب قبل أن يختتم المدرب الحصة.",
                    "ثم قسم المدرب اللاعبين إلى مجموعتين لعبت كل منهما مباراة في ثلثي الملعب.")
    assert drills == []
    (found,) = _found("وكشف التقرير السنوي للمنظمة أن ثلثي سكان الإقليم يعيشون تحت خط الفقر.",
                      "وكشف التقرير السنوي للمنظمة أن 75 في المئة من سكان الإقليم يعيشون تحت خط الفقر.")
    assert "ثلثي" in found.detail and "75" in found.detail


def test_a_count_beside_one_named_is_the_others() -> None:
    others = "وانتهت المحادثات بين الولايات المتحدة و11 دولة أخرى مطلة على المحيط دون اتفاق على تحرير التجارة."
    whole = "وانتهت المحادثات بين 12 دولة مطلة على المحيط دون اتفاق على تحرير التجارة."
    assert _found(others, whole) == []


@pytest.mark.parametrize("text", [
    "ويعقد الملتقى في الجامعة يومي 20و 21 من شهر شوال بمشاركة محاضرين من الخارج.",
    "وتقام الفعاليات خلال الفترة من 20 - 25 من الشهر الجاري في ساحة المهرجان.",
])
def test_days_of_a_month_are_no_count_of_months(text: str) -> None:
    assert [n.unit for n in read_numbers(text)] == [None, None]


def test_a_compound_figure_with_and_apart_is_one_figure() -> None:
    (figure,) = read_numbers("وبلغت قيمة العقد 2 مليون و 300 ألف دولار")
    assert figure.value == 2_300_000 and figure.unit == "دولار"


def test_a_compound_figure_told_to_the_thousand_agrees_with_the_exact_one() -> None:
    told = "ووافق المجلس على صرف تعويض قدره 45 مليونا و210 آلاف ريال لأصحاب العقارات المنزوعة لصالح الطريق."
    exact = "ووافق المجلس على صرف تعويض قدره 45.210.380 ريالا لأصحاب العقارات المنزوعة لصالح الطريق."
    other = "ووافق المجلس على صرف تعويض قدره 45 مليونا و910 آلاف ريال لأصحاب العقارات المنزوعة لصالح الطريق."
    assert _found(told, exact) == []
    assert len(_found(other, exact)) == 1


def test_a_toll_told_for_an_earlier_day_is_a_step_of_the_later_one() -> None:
    friday = "وأصيب 15 شخصا في غارات جوية على مواقع المسلحين في المحافظة مساء الجمعة، وفق مصادر محلية."
    later = "وأصيب 26 شخصا في الغارات الجوية على مواقع المسلحين في المحافظة، وفق مصادر محلية."
    fell = "وأصيب 12 شخصا في الغارات الجوية على مواقع المسلحين في المحافظة، وفق مصادر محلية."
    assert _found(friday, later, day="2030-05-05") == []
    (found,) = _found(friday, fell, day="2030-05-05")
    assert "15" in found.detail and "12" in found.detail


def test_a_later_report_naming_the_day_of_an_undated_one_is_not_moved_onto_it() -> None:
    undated = Article("a", source="Wire", published="2030-05-05",
                      text="وأكدت مصادر محلية مقتل تسعة أشخاص وإصابة 21 آخرين في مواجهات شهدتها جبهات المدينة.")
    sunday = Article("b", source="Daily", published="2030-05-07",
                     text="وأسفرت مواجهات الأحد في جبهات المدينة عن مقتل 21 شخصا وإصابة 36 آخرين.")
    assert find_contradictions("v1", align_claims("v1", [undated, sunday]), [undated, sunday]) == []


def test_the_group_of_others_is_one_whatever_the_number_form() -> None:
    few = "وأكدت مصادر محلية مقتل تسعة مسلحين وإصابة 21 آخرين في مواجهات شهدتها جبهات المدينة أمس."
    many = "وأكدت مصادر محلية مقتل 12 مسلحا وإصابة 36 آخرين في مواجهات شهدتها جبهات المدينة أمس."
    (found,) = [c for c in _found(few, many) if c.about == "count"]
    assert "21" in found.detail and "36" in found.detail


def test_a_fraction_with_the_article_names_a_period_not_a_share() -> None:
    quarter = Article("a", source="Wire", published="2030-05-02", text=(
        "وبلغ صافي ربح الشركة خلال الربع الثاني 34 مليون ريال، مقابل 8 ملايين ريال للربع المماثل من العام السابق."))
    half = Article("b", source="Daily", published="2030-05-02", text="وتراجعت المبيعات في النصف الأول من العام.")
    articles = [quarter, half]
    assert not [q for q in stated_quantities(align_claims("v1", articles), articles) if q.slot == "%"]


@pytest.mark.parametrize(("voweled", "plain", "values"), [
    ("قُتل 12 شخصاً في انفجار سيارة مفخخة قرب سوق شعبي وسط المدينة مساء الخميس.",  # Gulf, the wire's vowels
     "أسفر انفجار سيارة مفخخة قرب سوق شعبي وسط المدينة مساء الخميس عن مقتل 17 شخصا.", ("12", "17")),
    ("لقي ثلاثة أشخاص مصرعهم وأُصيب 9 آخرون في حادث تصادم على الطريق الدائري.",  # Egyptian
     "أسفر حادث التصادم على الطريق الدائري عن وفاة ثلاثة أشخاص وإصابة 14 آخرين.", ("9", "14")),
])
def test_a_toll_verb_written_with_its_vowels_is_read(voweled: str, plain: str, values: tuple[str, str]) -> None:
    (found,) = _found(voweled, plain)
    assert all(v in found.detail for v in values)


def test_a_hedge_the_outlet_gives_in_its_lead_covers_the_figure() -> None:
    hedged = ("قُتل 20 شخصاً على الأقل وأُصيب عشرة آخرون في تبادل لإطلاق النار خلال حفل زفاف شمال البلاد. "
              "ونقلت الوكالة عن المتحدث باسم الشرطة أن تبادل إطلاق النار خلال حفل الزفاف أدى إلى مقتل 20 شخصا.")
    other = "أدى تبادل إطلاق النار خلال حفل زفاف شمال البلاد إلى مقتل 21 شخصا وإصابة عشرة آخرين."
    assert _found(hedged, other) == []


@pytest.mark.parametrize("total", [
    "وبلغ مجمل عدد المصابين في حادث الحافلة (50) حالة سجلت منهم (9) حالات وفيات، بحسب صحة المحافظة.",  # Gulf
    "أسفر حادث الحافلة عن إصابة 50 شخصا بينهم 9 حالات وفاة، بحسب ما أفادت صحة المحافظة.",  # Levantine
])
def test_the_injured_with_the_dead_among_them_are_all_those_struck(total: str) -> None:
    wounded = "لقي 9 أشخاص مصرعهم وأصيب 41 آخرون في حادث الحافلة، بحسب صحة المحافظة."
    assert _found(total, wounded) == []
    (found,) = _found("أسفر حادث الحافلة عن إصابة 50 شخصا بينهم 9 حالات حرجة، بحسب ما أفادت صحة المحافظة.", wounded)
    assert "50" in found.detail and "41" in found.detail  # the critical among the injured are injured


@pytest.mark.parametrize(("both", "one"), [
    ("فاعتدت قوات الاحتلال عليهم بالضرب فأصيب أربعة من الحراس والمصلين برضوض في ساحة المسجد.",  # Levantine
     "واعتدت قوات الاحتلال على الحراس بالضرب وأصابت اثنين من الحراس برضوض في ساحة المسجد."),
    ("وأفاد بيان الوزارة بأن 6 من الجنود والضباط أصيبوا بجروح طفيفة في الهجوم على الثكنة.",  # Maghrebi
     "وأفاد بيان الوزارة بأن 3 من الجنود أصيبوا بجروح طفيفة في الهجوم على الثكنة."),
])
def test_a_count_of_two_groups_joined_is_not_a_count_of_one(both: str, one: str) -> None:
    assert _found(both, one) == []
    (found,) = _found("وأعلن الهلال الأحمر وصول 12 من الأطباء والممرضين إلى المستشفى الميداني في المدينة.",
                      "وأعلن الهلال الأحمر وصول 15 من الأطباء والممرضين إلى المستشفى الميداني في المدينة.")
    assert "12" in found.detail and "15" in found.detail


@pytest.mark.parametrize(("cut", "exact", "apart"), [
    ("وبلغ العدد الإجمالي لركاب المطارات الداخلية 5.9 مليون مسافر في العام الماضي بحسب إحصائية الهيئة.",  # Gulf
     "وبلغ العدد الإجمالي لركاب المطارات الداخلية 5,969,428 مسافرا في العام الماضي بحسب إحصائية الهيئة.",
     "وبلغ العدد الإجمالي لركاب المطارات الداخلية 6.1 مليون مسافر في العام الماضي بحسب إحصائية الهيئة."),
    ("واستقبلت المواقع الأثرية في المحافظة 1.3 مليون زائر خلال الموسم السياحي المنصرم، وفق بيان الوزارة.",  # Egyptian
     "واستقبلت المواقع الأثرية في المحافظة 1,372,500 زائر خلال الموسم السياحي المنصرم، وفق بيان الوزارة.",
     "واستقبلت المواقع الأثرية في المحافظة 1,240,000 زائر خلال الموسم السياحي المنصرم، وفق بيان الوزارة."),
    ("وبلغ عدد المشاركين في المهرجان 0.5 مليون شخص خلال أيامه الثلاثة في الساحة الكبرى.",  # Levantine
     "وبلغ عدد المشاركين في المهرجان 540,000 شخص خلال أيامه الثلاثة في الساحة الكبرى.",
     "وبلغ عدد المشاركين في المهرجان 590,000 شخص خلال أيامه الثلاثة في الساحة الكبرى."),  # a
    # tenth of the figure at most above it, not the whole unit
])
def test_a_decimal_of_a_scale_may_be_cut_not_rounded(cut: str, exact: str, apart: str) -> None:
    assert _found(cut, exact) == []
    (found,) = _found(cut, apart)  # below the figure, or a whole unit above it: another figure
    assert found.detail
