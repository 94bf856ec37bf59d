"""The generic line classes of cleaning, each on furniture we wrote in several house styles (Gulf, Egyptian,
Levantine, Maghrebi, pan-Arab, translated), each counted when it fires; and content lines of the same look that stay.
"""
from __future__ import annotations

import pytest

from marsad.clean import clean_text
from marsad.clean.rules import classify
from marsad.rules import hit_counts

# (class, house style, line, in the top/bottom zone)
FURNITURE = [
    # sign-offs of agencies and outlets
    ("sign-off", "Gulf", "(وام)", True),
    ("sign-off", "Gulf", "- واس", True),
    ("sign-off", "Egyptian", "(أ.ش.أ)", True),
    ("sign-off", "Levantine", "(د.ب.أ)", True),
    ("sign-off", "Maghrebi", "ومع", True),
    ("sign-off", "pan-Arab", "رويترز / أ ف ب", True),
    ("sign-off", "translated", "شينخوا", True),
    ("sign-off", "Maghrebi", "(واج)", True),
    ("sign-off", "Egyptian", "م.ح", True),
    # end marks of wire copy
    ("separator", "Gulf", "// انتهى //", False),
    ("separator", "Levantine", "- يتبع -", False),
    ("sign-off", "Egyptian", "أ.ش.أ", True),
    ("sign-off", "translated", "Getty Images", True),
    # credits: photo, translation, editing, reporting
    ("credit", "Gulf", "عدسة: خالد المطيري", False),
    ("credit", "Egyptian", "تصوير: محمود عبد الرحمن", False),
    ("credit", "Levantine", "تحرير وترجمة: قسم الأخبار الدولية", False),
    ("credit", "translated", "(Reporting by John Smith; Editing by Mary Jones)", False),
    ("credit", "Maghrebi", "(تحرير ع. الإدريسي)", False),
    ("credit", "Levantine", "ترجمة وتحرير: رنا حداد", False),
    ("credit", "Gulf", "المحرر: فهد العتيبي", False),
    ("byline", "Egyptian", "بقلم/ أحمد عبد الفتاح", False),
    ("translation-note", "translated", "نقلاً عن «الغارديان» البريطانية", False),
    # captions
    ("caption", "translated", "مصدر الصورة: Getty Images", False),
    ("caption", "Gulf", "حقوق الصورة: وكالة الأنباء الرسمية", False),
    ("caption", "Gulf", "(صورة أرشيفية)", False),
    ("caption", "Levantine", "(أرشيفية)", False),
    ("caption", "Egyptian", "لقطة من مقطع الفيديو المتداول على مواقع التواصل", False),
    ("caption", "pan-Arab", "(الصورة من حساب الوزارة الرسمي)", False),
    # share, follow and subscribe prompts
    ("share", "Gulf", "شارك عبر:", False),
    ("share", "translated", "Share this article", False),
    ("follow", "Egyptian", "اشترك الآن ليصلك ملخص الأخبار كل صباح", False),
    ("follow", "Maghrebi", "تابعونا على صفحتنا الرسمية", False),
    ("share", "Levantine", "شارك القصة", False),
    ("share", "Maghrebi", "مشاركة الخبر عبر", False),
    ("follow", "Gulf", "تابعنا على إنستغرام", False),
    # related and most-read lists
    ("read-also", "pan-Arab", "المزيد من الأخبار", False),
    ("read-also", "Egyptian", "آخر الأخبار", False),
    ("read-also", "Gulf", "الأكثر قراءة", False),
    ("read-also", "Levantine", "موضوعات ذات صلة", False),
    ("read-also", "Egyptian", "قد يهمك أيضا: أسعار الحديد اليوم في الأسواق", False),
    ("read-also", "translated", "Most popular", False),
    # comment prompts and counts
    ("comment", "Gulf", "التعليقات (4)", False),
    ("comment", "Levantine", "شاركنا رأيك في التعليقات", False),
    ("comment", "Maghrebi", "أضف تعليقك", False),
    ("comment", "Egyptian", "كن أول من يعلق", False),
    ("comment", "Gulf", "لا توجد تعليقات", False),
    # counters, reading times and relative time stamps
    ("counter", "Egyptian", "عدد المشاهدات: 1250", False),
    ("counter", "Gulf", "مدة القراءة 4 دقائق", False),
    ("counter", "Levantine", "منذ 3 ساعات", False),
    ("counter", "Maghrebi", "2.345 قراءة", False),
    ("counter", "translated", "5 min read", False),
    # tags
    ("keywords", "Gulf", "#السعودية #الاقتصاد #رؤية_2030", False),
    ("keywords", "Levantine", "وسوم", False),
    # navigation, breadcrumbs and legal lines
    ("navigation", "pan-Arab", "الرئيسية » أخبار عربية » المغرب العربي", False),
    ("navigation", "Egyptian", "الرئيسية > محافظات > الإسكندرية", False),
    ("legal", "Gulf", "سياسة الخصوصية", False),
    ("legal", "Levantine", "اتصل بنا", False),
    ("legal", "Maghrebi", "من نحن - اتصل بنا - شروط الاستخدام - خريطة الموقع", False),
    ("legal", "translated", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق", False),
    ("disclaimer", "pan-Arab", "المقالات المنشورة لا تعبّر بالضرورة عن رأي الموقع.", False),
    ("disclaimer", "Maghrebi", "الآراء الواردة في هذا المقال تعبر عن رأي كاتبها.", False),
]


@pytest.mark.parametrize("rule, style, line, in_zone", FURNITURE)
def test_furniture_line_is_its_class_and_counted(rule: str, style: str, line: str, in_zone: bool) -> None:
    before = hit_counts()[f"clean.{rule}"]
    assert classify(line, in_zone=in_zone) == rule, style
    assert hit_counts()[f"clean.{rule}"] == before + 1


@pytest.mark.parametrize("line", [
    "رويترز",  # an agency's name mid-text is a sign-off only at the top or bottom
    "(د.ب.أ)",
])
def test_a_sign_off_is_furniture_only_at_the_edges(line: str) -> None:
    assert classify(line, in_zone=False) is None


# Content that looks like furniture: a subheading, a bulleted item, a figure, a quotation, sentences on the topics
# of the classes above.
CONTENT = [
    "وقالت وكالة رويترز إن المفاوضات ستستأنف الأسبوع المقبل.",
    "أعلنت الشركة تحديث سياسة الخصوصية الخاصة بتطبيقها بعد انتقادات واسعة.",
    "وتلزم اللائحة الأوروبية المواقع بطلب موافقة المستخدم قبل استخدام ملفات تعريف الارتباط.",
    "وقال إن تصريحات الوزير لا تعبر عن رأي الحكومة.",
    "تصوير الأقمار الصناعية يكشف حجم الدمار",
    "الأكثر تضررا من الأزمة هم صغار المزارعين في الجنوب.",
    "الموقف من الاتفاق",
    "- رفع الحد الأدنى للأجور",
    "١٢٠٠ دينار",
    "«لن نتراجع عن حقوقنا»",
    "قبل 3 أيام من الانتخابات",
    "3.5",
    "شروط الاستخدام الجديدة لتطبيق المراسلة",  # a subheading on an app's terms
    "ولكن من نحن لنحكم على الآخرين",
    "منذ 3 ساعات والدفاع المدني يحاول إخماد الحريق",
    "قد يهمك أن تعرف أن الموعد النهائي لتقديم الطلبات هو نهاية الشهر.",
    "وكتب المعلق: شارك عبر الإنترنت آلاف المتابعين في النقاش.",
]


@pytest.mark.parametrize("line", CONTENT)
def test_content_line_of_a_furniture_look_stays(line: str) -> None:
    assert classify(line, in_zone=True) is None


def test_most_read_heading_takes_its_links_along_and_lists_them() -> None:
    body = ("افتتح المعرض أبوابه صباح اليوم بمشاركة مئتي دار نشر.\nالأكثر قراءة\nارتفاع أسعار الذهب\n"
            "نتائج امتحانات الثانوية العامة\n\nويستمر المعرض عشرة أيام.")
    from marsad.clean import _Found

    found = _Found()
    assert clean_text(body, found) == "افتتح المعرض أبوابه صباح اليوم بمشاركة مئتي دار نشر.\nويستمر المعرض عشرة أيام."
    assert found.rules == ["read-also"] * 3
    assert found.removed == ["الأكثر قراءة", "ارتفاع أسعار الذهب", "نتائج امتحانات الثانوية العامة"]
