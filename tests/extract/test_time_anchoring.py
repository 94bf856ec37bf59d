"""Time expressions resolved against the narrative: clock times on the day the text set, offsets with a direction
word, counted periods, the same/following day, a weekday that fixes the year, tense-aware weekdays. Sentences
written for these tests in several house styles (Gulf, Egyptian, Levantine, Maghrebi, translated)."""
from __future__ import annotations

import pytest

from marsad.extract.time.timexes import find_timexes
from marsad.rules import hit_counts

SUNDAY = "2024-02-04"
THURSDAY = "2022-12-15"
WEDNESDAY = "2022-06-15"


def _values(text: str, published: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes("a", text, published)]


# (text, publication date, span, value)
CASES = [
    # a clock time takes the day phrase before it whose part of the day holds the hour, or the one right after it
    ("انهار المبنى فجر الخميس، وأعلن الدفاع المدني حصيلته مساء اليوم الأحد. وقال شهود إن الانهيار وقع قرابة "
     "الساعة 4:10.", SUNDAY, "الساعة 4:10", "2024-02-01T04:10"),
    ("اندلع الحريق نحو الساعة العاشرة ليلا بتوقيت مكة من يوم 2 فبراير.", SUNDAY, "الساعة العاشرة ليلا",
     "2024-02-02T22:00"),
    ("وصل الموكب صباح الخميس 1 فبراير إلى القصر، وبدأت المراسم عند التاسعة والنصف صباحا.", SUNDAY,
     "التاسعة والنصف صباحا", "2024-02-01T09:30"),
    # offsets from the publication date with a direction word
    ("افتتح المتحف قبل ثلاثة أعوام بحضور الأمير.", SUNDAY, "قبل ثلاثة أعوام", "2021"),
    ("ستنتهي أشغال الطريق السيار بعد شهرين حسب الوزارة.", SUNDAY, "بعد شهرين", "2024-04"),
    ("غادر السفير البلاد قبل أسبوع واحد.", SUNDAY, "قبل أسبوع واحد", "2024-01-28"),
    # counted periods: from the publication date (coming, past), from the narrative's date (following, preceding)
    ("يتوقع هطول أمطار غزيرة خلال الأيام الثلاثة المقبلة.", SUNDAY, "الأيام الثلاثة المقبلة",
     "2024-02-04/2024-02-07"),
    ("ارتفعت أسعار الخضار في الأشهر الستة الماضية.", SUNDAY, "الأشهر الستة الماضية", "2023-08-04/2024-02-04"),
    ("وصل الوفد الثلاثاء الماضي وعقد لقاءات مكثفة خلال اليومين التاليين.", SUNDAY, "اليومين التاليين",
     "2024-01-31/2024-02-01"),
    ("ينتظر أن يعلن التشكيل الحكومي في غضون الأسبوعين القادمين.", SUNDAY, "الأسبوعين القادمين",
     "2024-02-04/2024-02-18"),
    # the same, following or preceding day, month or year of the date the narrative gave
    ("اجتمع المجلس يوم 12 يناير، وفي اليوم نفسه أعلنت النقابة الإضراب.", SUNDAY, "اليوم نفسه", "2024-01-12"),
    ("وقعت الاتفاقية يوم 12 يناير، ووصلت أولى الشحنات صباح اليوم التالي.", SUNDAY, "صباح اليوم التالي",
     "2024-01-13"),
    ("عاد المنتخب يوم 5 يناير، وفي نفس الشهر أقيل المدرب.", SUNDAY, "نفس الشهر", "2024-01"),
    # a day and month without a year take the year in which they fall on the weekday beside them
    ("تنطلق الدورة يوم الأربعاء 14 دجنبر بالرباط.", WEDNESDAY, "يوم الأربعاء 14 دجنبر", "2022-12-14"),
    ("تقام المباراة النهائية يوم الأحد 18 كانون الأول في الملعب الكبير.", THURSDAY,
     "يوم الأحد 18 كانون الأول", "2022-12-18"),
    # a sentence opened by a present-tense verb: the nearest weekday; a past verb: the one before
    ("ويلتقي الفريقان يوم السبت على ملعب القاهرة الدولي.", THURSDAY, "يوم السبت", "2022-12-17"),
    ("والتقى الفريقان يوم السبت على ملعب القاهرة الدولي.", THURSDAY, "يوم السبت", "2022-12-10"),
    # a Hijri month without its year: the one around the publication date the modifier or tense points to
    ("تكثفت حملات التبرع خلال أيام شهر رمضان المبارك.", "2015-07-21", "شهر رمضان", "2015-06-18/2015-07-16"),
    ("يبدأ موسم الحج في ذي الحجة المقبل.", "2015-07-21", "ذي الحجة المقبل", "2015-09-14/2015-10-13"),
    ("ستقام البطولة في شوال الجاري.", "2015-07-21", "شوال الجاري", "2015-07-17/2015-08-15"),
    # decades and centuries as the interval of their years
    ("انتشرت الأغنية في السبعينيات بين الشباب.", SUNDAY, "السبعينيات", "1970/1979"),
    ("هاجرت الأسرة في أواخر خمسينات القرن الماضي.", SUNDAY, "أواخر خمسينات القرن الماضي", "1950/1959"),
    ("شيد الجامع في القرن الثامن عشر.", SUNDAY, "القرن الثامن عشر", "1700/1799"),
    # a holiday on a fixed day of its calendar: the nearest occurrence, or the one the modifier points to
    ("تكتظ الأسواق الشعبية قبل عيد الفطر المبارك.", "2015-07-10", "عيد الفطر", "2015-07-17"),
    ("يعود الحجاج بعد عيد الأضحى المقبل.", "2015-07-10", "عيد الأضحى المقبل", "2015-09-23"),
    # the night between two days
    ("غمرت السيول الوادي ليلة الخميس - الجمعة.", SUNDAY, "ليلة الخميس - الجمعة", "2024-02-01/2024-02-02"),
]


@pytest.mark.parametrize(("text", "published", "span", "value"), CASES)
def test_anchored_value(text: str, published: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, published)


@pytest.mark.parametrize(("text", "kept"), [
    # a daily window is a schedule, not a moment
    ("وفرضت البلدية يوم السبت حظرا ليليا من العاشرة مساء حتى الرابعة فجرا.",
     [("العاشرة مساء", "T22:00"), ("الرابعة فجرا", "T04:00")]),
    # an offset from an event stays a duration
    ("عاد السكان إلى قريتهم بعد عامين من الحرب.", [("عامين", "P2Y")]),
    # بعد in a past narrative is later than the event told, not than the publication
    ("أعيد انتخاب الرئيس بعد ثمانية أشهر أخرى.", [("ثمانية أشهر", "P8M")]),
])
def test_what_stays_unanchored(text: str, kept: list[tuple[str, str]]) -> None:
    got = _values(text, SUNDAY)
    assert all(pair in got for pair in kept), got


@pytest.mark.parametrize("text", [
    "أعلنت الوزارة النتائج في اليوم التالي.",  # the following day of no date the text gave
    "وقال المدير لموقع اليوم 24 إن الموسم ناجح.",  # a medium's name
    "وصل الرئيس رمضان عبد الكريم إلى المطار.",  # a given name, not the month
    "توفي الكاتب وهو في الستينيات من عمره.",  # a decade of a life
])
def test_no_anchor_no_value(text: str) -> None:
    assert _values(text, SUNDAY) == []


@pytest.mark.parametrize(("rule", "text"), [
    ("offset_date", "افتتح المتحف قبل ثلاثة أعوام."),
    ("counted_period", "يتوقع هطول أمطار خلال الأيام الثلاثة المقبلة."),
    ("anaphoric_day", "اجتمع المجلس يوم 12 يناير، وفي اليوم نفسه أعلنت النقابة الإضراب."),
    ("clock_anchored", "وصل الموكب صباح الخميس إلى القصر، وبدأت المراسم عند التاسعة صباحا."),
    ("weekday_fixes_year", "تنطلق الدورة يوم السبت 14 دجنبر بالرباط."),
    ("present_clause_weekday", "ويلتقي الفريقان يوم السبت."),
    ("night_of_two_days", "غمرت السيول الوادي ليلة الخميس - الجمعة."),
    ("hijri_month_of_the_year", "تكثفت حملات التبرع خلال شهر رمضان."),
    ("decade_or_century", "شيد الجامع في القرن الثامن عشر."),
    ("holiday", "تكتظ الأسواق الشعبية قبل عيد الفطر."),
])
def test_rule_counter_rises(rule: str, text: str) -> None:
    key = f"time.{rule}"
    before = hit_counts()[key]
    find_timexes("a", text, SUNDAY)
    assert hit_counts()[key] > before


@pytest.mark.parametrize(("text", "published", "span", "value"), CASES)
def test_every_prefix_reads_without_error(text: str, published: str, span: str, value: str) -> None:
    """A phrase cut by the end of the text (عيد الفطر as its last words) never reads past it."""
    words = text.split()
    for n in range(1, len(words) + 1):
        prefix = " ".join(words[:n])
        for t in find_timexes("a", prefix, published):
            assert prefix[t.start:t.end] == t.text
