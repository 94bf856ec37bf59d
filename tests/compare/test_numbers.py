"""Reading Arabic numbers: digits, words, duals, scales, approximate plurals, with the noun they count."""
from __future__ import annotations

import pytest

from marsad.compare.numbers import read_numbers, unit_class, unit_key
from marsad.text.normalize import normalize

CASES = [
    ("أصيب 12 شخصا", [(12, "شخص")]),
    ("سقط ٤٥ جريحاً", [(45, "جريح")]),
    ("بلغ العدد 1,250 نازحا", [(1250, "نازح")]),
    ("بلغت قوة الهزة 6,8 درجات", [(6.8, "درجات")]),
    ("فاز بنسبة 63ر54 بالمائة من الأصوات", [(54.63, "%")]),
    ("توفي 3 أشخاص من عائلة واحدة", [(3, "شخص"), (1, "عايله")]),
    ("وسقط قتيل واحد", [(1, "قتيل")]),
    ("ارتفع التضخم إلى 3,25 بالمئة", [(3.25, "%")]),
    ("نما الاقتصاد 2.5 في المئة", [(2.5, "%")]),
    ("ارتفع السعر ٣٫٥ ٪", [(3.5, "%")]),
    ("تضرر 1.2 مليون شخص", [(1_200_000, "شخص")]),
    ("نزح 300 ألف شخص", [(300_000, "شخص")]),
    ("وصل ثلاثة وزراء", [(3, "وزراء")]),
    ("استمر الإضراب خمسة أيام", [(5, "يوم")]),
    ("بقي الوفد سبعة أيام", [(7, "يوم")]),
    ("دامت الجلسة ساعتين", [(2, "ساعة")]),
    ("خلال شهرين", [(2, "شهر")]),
    ("بعد عامين من الحرب", [(2, "عام")]),
    ("مهلة الأسبوعين", [(2, "أسبوع")]),
    ("قبل ثلاث ساعات", [(3, "ساعة")]),
    ("طوال ثلاثين يوما", [(30, "يوم")]),
    ("أحد عشر لاعبا", [(11, "لاعب")]),
    ("خمسة عشر طالبا", [(15, "طالب")]),
    ("خمسة وعشرون عاما", [(25, "عام")]),
    ("مئة وخمسون جنديا", [(150, "جندي")]),
    ("ثلاثمائة عامل", [(300, "عامل")]),
    ("ثلاثة آلاف وخمسمئة مهاجر", [(3500, "مهاجر")]),
    ("مليون ونصف ناخب", [(1_500_000, "ناخب")]),
    ("نصف مليون زائر", [(500_000, "زائر")]),
    ("مليونين من السكان", [(2_000_000, "سكان")]),
    ("بعشرة صواريخ", [(10, "صواريخ")]),
    ("ثمانية قتلى", [(8, "قتيل")]),
    ("قرابة ٢٠ قتيلاً", [(20, "قتيل")]),
    ("في عامي 2019 و2020", [(2019, None), (2020, None)]),
    ("يوم الاثنين الماضي", []),
    ("في الخامس من مايو", []),
    ("حتى السابعة مساء", []),
    ("وأحد المسؤولين قال", []),
    ("الساعة 21:30 تماما", []),
    ("تأهل الوداد إلى ربع النهائي", []),  # a round of a cup, no quarter of anything
    ("خسر الفريق في نصف النهائي أمام مضيفه", []),
    ("نزح نصف السكان", [(0.5, "سكان")]),
    # a scale, then و + digits: one number (Gulf, Maghrebi, Levantine wordings)
    ("تضرر 48 ألفا و215 منزلا", [(48_215, "منزل")]),
    ("بلغ عدد الزوار مليونين و300 ألف زائر", [(2_300_000, "زائر")]),
    ("خصصت الحكومة 4 مليارات و750 مليون درهم", [(4_750_000_000, "درهم")]),
    ("سجلت 12 ألف و9 حالات", [(12_009, "حالات")]),
    # a bare number shares the scale of the other end of its range
    ("يقدر عدد المفقودين بين 7 و9 آلاف شخص", [(7000, None), (9000, "شخص")]),
    ("نزح من 3 إلى 4 ملايين لاجئ", [(3_000_000, None), (4_000_000, "لاجئ")]),
    ("انتهت المباراتان 3 و2.", [(3, None), (2, None)]),
    # the construct dual of a scale
    ("لقي ألفي شخص حتفهم", [(2000, "شخص")]),
]
APPROXIMATE = [
    ("أصيب عشرات المتظاهرين", 10),
    ("خرج مئات الآلاف", 100_000),
    ("صفقات بمئات الملايين", 100_000_000),
    ("نزح آلاف السكان", 1000),
    ("منذ بضعة أيام", 3),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_reads_value_and_counted_noun(text: str, expected: list[tuple[float, str | None]]) -> None:
    found = read_numbers(text)
    assert [n.value for n in found] == pytest.approx([value for value, _ in expected])
    assert [n.unit for n in found] == [normalize(unit) if unit else None for _, unit in expected]


@pytest.mark.parametrize("text, value", APPROXIMATE)
def test_vague_plurals_are_flagged_approximate(text: str, value: float) -> None:
    (number,) = read_numbers(text)
    assert number.approximate and number.value == value


@pytest.mark.parametrize("text", ["قتل 56 قتيلا", "والخمسة وعشرون", "قتل ثلاثة مدنيين", "خلال يومين", "٧٠٠ ألف"])
def test_span_covers_the_number_without_its_proclitic(text: str) -> None:
    number = read_numbers(text)[0]
    span = text[number.start:number.end]
    assert span and span[0] not in "وبل" and span.strip() == span


def test_units_compare_across_plural_and_singular() -> None:
    assert unit_key("مدنيين") == unit_key("مدني")
    assert unit_class("قتيل") == unit_class("شخص") == "person"
    assert unit_class("دولار") != "person"


def test_a_few_hundreds_and_a_few_thousands() -> None:
    assert [(n.value, n.approximate) for n in read_numbers("تظاهر بضع مئات من الطلاب أمام الجامعة")] == [(300, True)]
    assert [(n.value, n.unit) for n in read_numbers("نزح بضعة آلاف شخص من القرى")] == [(3000, "شخص")]
    assert [n.value for n in read_numbers("بعد بضعة أيام")] == [3]


@pytest.mark.parametrize(("text", "value"), [
    ("وصلت إلى السوق 1320 شاحنة محملة بـ187.450 صندوقا من الخضار", 187450),  # Gulf market report
    ("شارك في الماراثون 12.500 عداء من مختلف الولايات", 12500),  # Maghrebi style
    ("تم تسجيل 1.204.331 ناخبا في القوائم", 1204331),  # several dots: always thousands
])
def test_dots_group_the_thousands_of_a_count(text: str, value: float) -> None:
    assert [n.value for n in read_numbers(text)][-1] == value


@pytest.mark.parametrize(("text", "value"), [
    ("بلغت حمولة السفينة 412.375 طنا", 412.375),  # a unit of measure keeps its fraction
    ("قطع المتسابق 42.195 كيلومترا", 42.195),
    ("أغلق المؤشر عند 98.088 في التعاملات", 98.088),  # no counted noun: an index reading
])
def test_a_dot_before_three_digits_of_a_measure_is_a_decimal_point(text: str, value: float) -> None:
    assert read_numbers(text)[0].value == value
