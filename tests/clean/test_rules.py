"""Each boilerplate rule on lines we wrote, and content lines that must survive."""
import pytest

from marsad.clean.rules import classify, dateline_prefix
from marsad.rules import hit_counts

BOILERPLATE = [
    ("شارك: فيسبوك | تويتر | واتساب", "share"),
    ("شارك المقال:  فيسبوك | تويتر | واتساب", "share"),
    ("Leave a Reply", "comment"),
    ("Your email address will not be published. Required fields are marked *", "comment"),
    ("للتعليق على الخبر، يرجى تسجيل الدخول.", "comment"),
    ("3 تعليقات", "comment"),
    ("أضف تعليقا", "comment"),
    ("تابعونا على فيسبوك وإكس", "follow"),
    ("تابعوا مستجدات الدوري المصري لحظة بلحظة من خلال صفحتنا الرسمية.", "follow"),
    ("للاشتراك في خدمة التنبيهات العاجلة حمّلوا تطبيق الجريدة", "follow"),
    ("اقرأ أيضا: كيف تغيرت خريطة التحالفات في المنطقة؟", "read-also"),
    ("إقرأ أيضاً", "read-also"),
    ("أخبار ذات صلة", "read-also"),
    ("© جريدة الوطن 2024، الحقوق كلها محفوظة.", "copyright"),
    ("حقوق الطبع محفوظة لمؤسسة النهار", "copyright"),
    ("Copyright 2022 Example Press", "copyright"),
    ("كلمات مفتاحية: الأردن | المياه | الاتفاق", "keywords"),
    ("Source: Example News Agency", "source"),
    ("المصدر: وكالة الأنباء الوطنية", "source"),
    ("بقلم: سارة المنصوري", "byline"),
    ("بقلم منير حداد - مراسل الصحيفة", "byline"),
    ("كتب: أحمد يوسف", "byline"),
    ("(إعداد فلان الفلاني للنشرة العربية - تحرير فلانة)", "credit"),
    ("(تغطية: مراسلنا - إعداد: قسم الأخبار)", "credit"),
    ("ترجمة: قسم الترجمة", "translation-note"),
    ("-- هذه المادة مترجمة عن الفرنسية وتُنشر بالاتفاق مع الموقع الأصلي.", "translation-note"),
    ("-------", "separator"),
    ("* * *", "separator"),
    ("(انتهى)", "separator"),
    ("الرئيس يستقبل الوفد في القصر (صورة: الرئاسة)", "caption"),
    ("متظاهرون أمام البرلمان في العاصمة، 3 مايو 2022 (رويترز)", "caption"),
    ("الوزيران، يمين، يتصافحان بعد التوقيع (AP / John Doe)", "caption"),
    ("3 فبراير 2022 ، 8:05 صباحاً", "timestamp"),
    ("الخميس 7 آذار (مارس) 2024", "timestamp"),
    ("السبت ١٥ رجب ١٤٤٥هـ - ٢٧ يناير ٢٠٢٤م", "timestamp"),
    ("الاثنين 14 شتنبر 2020 | 09:15", "timestamp"),
    ("آخر تحديث: 10:45", "timestamp"),
    ("جدة 3 رمضان 1445 هـ الموافق 13 مارس 2024 م واس", "timestamp"),
    ("الرئيسية | أعلن معنا | شروط الاستخدام", "navigation"),
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_recognised(line: str, rule: str) -> None:
    assert classify(line, in_zone=True) == rule


@pytest.mark.parametrize("line", [
    "الصحيفة اليومية | أخبار محلية",
    "القاهرة - «الصحيفة»",
    "موقع الخبر - الدوحة",
])
def test_masthead_only_near_the_edges(line: str) -> None:
    assert classify(line, in_zone=True) == "masthead"
    assert classify(line, in_zone=False) is None


@pytest.mark.parametrize("line", [
    "وقع البلدان اتفاقا للتعاون في مجال المياه يوم الأربعاء.",
    "وقال الوزير إن الاتفاق (الأول من نوعه) سيدخل حيز التنفيذ في 2025.",
    "وأضاف: «سنواصل العمل مع شركائنا في المنطقة».",
    "وكتب الرئيس في تغريدة على تويتر أن الخطوة تاريخية.",
    "وشارك في الاجتماع وزراء الخارجية والدفاع من البلدين.",
    "اقتربت الحصيلة من 700 ألف شخص بحسب الأمم المتحدة.",
    "ليبيا: أزمة المصرف المركزي تدخل أسبوعها الثاني وقلق من شلل الرواتب",
    "وفي عام 2000 اندلعت الانتفاضة الثانية.",
    "ونشرت الوكالة صورة للوزيرين خلال اللقاء.",
])
def test_content_line_is_kept(line: str) -> None:
    assert classify(line, in_zone=True) is None


@pytest.mark.parametrize("line, prefix", [
    ("تونس، 18 أكتوبر 2023 (وات) - أعلنت وزارة الفلاحة خطة لترشيد مياه الري", "تونس، 18 أكتوبر 2023 (وات) - "),
    ("الدوحة (أ ف ب) - افتتحت قطر معرضا دوليا للكتاب يوم الخميس", "الدوحة (أ ف ب) - "),
    ("بيروت ، لبنان -", "بيروت ، لبنان -"),
    ("غزة - قتل خمسة أشخاص في غارة على المدينة الليلة الماضية", "غزة - "),
    ("عمّان ـ «النشرة»: أعلنت سلطة المياه عن جدول جديد لتوزيع المياه على الأحياء", "عمّان ـ «النشرة»: "),
    ("الكويت - «الوطن»: قررت وزارة التربية تأجيل الامتحانات أسبوعا واحدا", "الكويت - «الوطن»: "),
    ("(وكالة الأنباء الوطنية) - اجتمع مجلس الوزراء صباح اليوم برئاسة رئيس الحكومة", "(وكالة الأنباء الوطنية) - "),
])
def test_dateline_prefix(line: str, prefix: str) -> None:
    assert dateline_prefix(line) == prefix


@pytest.mark.parametrize("line", [
    "السعودية - إيران: اتفاق تاريخي",
    "وقال الوزير - في تصريح للصحفيين - إن الوضع مستقر.",
    "وأشاد ـ حفظه الله ـ بما تحقق من إنجازات في القطاع الصحي خلال العام.",  # a tatweel as a parenthetical dash
    "وصل الوزير إلى العاصمة اليوم",
])
def test_no_dateline_in_body_text(line: str) -> None:
    assert dateline_prefix(line) is None


def test_each_line_rule_is_registered_and_counted() -> None:
    before = hit_counts()
    assert "clean.share" in before
    assert classify("شارك الخبر: فيسبوك | إكس | واتساب", in_zone=True) == "share"
    assert hit_counts()["clean.share"] == before["clean.share"] + 1


@pytest.mark.parametrize("line, rule", [
    ("ر.ع/ن.ح", "initials"),
    ("أ.م / س.ك", "initials"),
    ("شارك الخبر", "share"),
    ("(صورة: متطوعون يوزعون المساعدات في مخيم للنازحين - رويترز)", "caption"),
    ("ترجمة خاصة من «لوموند» الفرنسية", "translation-note"),
])
def test_wire_furniture_lines(line: str, rule: str) -> None:
    assert classify(line, in_zone=False) == rule


def test_a_sign_off_in_parentheses_only_at_the_edges() -> None:
    assert classify("(النهار)", in_zone=True) == "sign-off"
    assert classify("(النهار)", in_zone=False) is None

