"""Word tables for Arabic time expressions: months of every region, Hijri months, weekdays, numbers, units, cues.

Tables are written as outlets spell them and normalised at import with `marsad.text.normalize.normalize`, so
lookups run on the same form as the text (no hamza on alef, ه for ة, ي for ى, ASCII digits, no diacritics).
"""
from __future__ import annotations

from typing import TypeVar

from marsad.text.normalize import normalize

K = TypeVar("K")

# Gregorian months by region: Egyptian/Gulf, Moroccan, Algerian/Tunisian, Levantine/Iraqi, and common variants.
_GREGORIAN: dict[int, tuple[str, ...]] = {
    1: ("يناير", "ينير", "جانفي", "جانفيي", "كانون الثاني", "كانون ثاني"),
    2: ("فبراير", "فبرير", "فيفري", "شباط"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "إبريل", "ابريل", "أفريل", "افريل", "نيسان"),
    5: ("مايو", "ماي", "مايس", "أيار"),
    6: ("يونيو", "يونيه", "يونية", "جوان", "حزيران"),
    7: ("يوليو", "يوليه", "يولية", "يوليوز", "جويلية", "جويليه", "تموز"),
    8: ("أغسطس", "اغسطس", "أغسطوس", "غشت", "أوت", "آب"),
    9: ("سبتمبر", "سيبتمبر", "شتنبر", "أيلول"),
    10: ("أكتوبر", "اكتوبر", "أوكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "دجنبر", "كانون الأول", "كانون أول"),
}

# Month names that are also ordinary words (مارس "practised", أب "father", ...): never taken alone.
_AMBIGUOUS_MONTHS = ("مارس", "آب", "ماي", "أوت", "جوان", "مايس", "ينير")

_HIJRI: dict[int, tuple[str, ...]] = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الاخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى ثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}

# Python weekday numbers: Monday is 0.
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين", "الاتنين"),
    1: ("الثلاثاء",),
    2: ("الأربعاء",),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

_UNITS_1_10: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "أحد", "إحدى"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثمان", "ثماني", "ثمانية"),
    9: ("تسع", "تسعة"),
    10: ("عشر", "عشرة"),
}
_TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
    100: ("مئة", "مائة"), 200: ("مئتين", "مائتين", "مئتا", "مائتا"), 1000: ("ألف",),
}

# Ordinals for days of the month (masculine: اليوم) and clock hours (feminine: الساعة).
_DAY_ORDINALS: dict[int, tuple[str, ...]] = {
    1: ("الأول", "الحادي"), 2: ("الثاني",), 3: ("الثالث",), 4: ("الرابع",), 5: ("الخامس",), 6: ("السادس",),
    7: ("السابع",), 8: ("الثامن",), 9: ("التاسع",), 10: ("العاشر",), 20: ("العشرين", "العشرون"),
    30: ("الثلاثين", "الثلاثون"),
}
_HOUR_ORDINALS: dict[int, tuple[str, ...]] = {
    1: ("الواحدة", "الحادية"), 2: ("الثانية",), 3: ("الثالثة",), 4: ("الرابعة",), 5: ("الخامسة",),
    6: ("السادسة",), 7: ("السابعة",), 8: ("الثامنة",), 9: ("التاسعة",), 10: ("العاشرة",),
}
_MINUTE_FRACTIONS: dict[int, tuple[str, ...]] = {30: ("النصف",), 15: ("الربع",), 20: ("الثلث",)}

# Duration units: ISO designator, then singular, accusative, plural and dual forms.
_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "D": {"one": ("يوم",), "acc": ("يوما",), "plural": ("أيام",), "dual": ("يومين", "يومان")},
    "W": {"one": ("أسبوع",), "acc": ("أسبوعا",), "plural": ("أسابيع",), "dual": ("أسبوعين", "أسبوعان")},
    "M": {"one": ("شهر",), "acc": ("شهرا",), "plural": ("أشهر", "شهور"), "dual": ("شهرين", "شهران")},
    "Y": {"one": ("عام", "سنة"), "acc": ("عاما",), "plural": ("أعوام", "سنوات", "سنين"),
          "dual": ("عامين", "عامان", "سنتين", "سنتان")},
    "H": {"one": ("ساعة",), "acc": (), "plural": ("ساعات",), "dual": ("ساعتين", "ساعتان")},
    "MIN": {"one": ("دقيقة",), "acc": (), "plural": ("دقائق",), "dual": ("دقيقتين", "دقيقتان")},
    "DEC": {"one": ("عقد",), "acc": ("عقدا",), "plural": ("عقود",), "dual": ("عقدين", "عقدان")},
}

# Parts of the day: nouns that head a day phrase (صباح اليوم) and adverbs that follow an hour (السابعة مساء).
_PARTS_OF_DAY: dict[str, tuple[str, ...]] = {
    "MO": ("صباح", "صبيحة", "فجر", "ضحى"),
    "AF": ("ظهر", "عصر", "بعد ظهر"),
    "EV": ("مساء", "عشية"),
    "NI": ("ليلة", "ليل", "منتصف ليل", "منتصف ليلة"),
}
_HOUR_ADVERBS: dict[str, tuple[str, ...]] = {
    "AM": ("صباحا", "فجرا", "ص", "صباح"),
    "NOON": ("ظهرا", "الظهر", "بعد الظهر"),
    "PM": ("مساء", "مساءا", "عصرا", "م", "بعد الظهر"),
    "NIGHT": ("ليلا",),
}

_REL_DAYS: dict[int, tuple[str, ...]] = {
    -1: ("أمس", "الأمس", "البارحة"),
    0: ("اليوم",),
    1: ("غدا", "غد"),
}
_REL_UNITS: dict[str, tuple[str, ...]] = {
    "W": ("الأسبوع",), "M": ("الشهر",), "Y": ("العام", "السنة"),
}
_REL_MODS: dict[int, tuple[str, ...]] = {
    -1: ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"),
    0: ("الجاري", "الجارية", "الحالي", "الحالية"),
    1: ("المقبل", "المقبلة", "القادم", "القادمة"),
}
# Words that narrow a month or year (أواخر العام الماضي): kept in the span, the value stays the same.
_SPAN_MODIFIERS = ("أواخر", "أوائل", "أواسط", "مطلع", "منتصف", "نهاية", "بداية", "أول", "آخر", "مستهل")
_APPROX = ("نحو", "حوالي", "حوالى", "قرابة", "زهاء")

# Words before a bare month name that make it a date (في يناير), and before a bare year (منذ 1993).
_MONTH_CUES = ("في", "منذ", "خلال", "حتى", "قبل", "بعد", "مع", "شهر", "مطلع", "منتصف", "أواخر", "أوائل",
               "أواسط", "نهاية", "بداية", "مستهل", "بحلول", "اعتبارا", "ابتداء", "بدءا", "طيلة", "طوال")
_YEAR_CUES = _MONTH_CUES + ("عام", "العام", "سنة", "السنة", "إلى", "الى", "بين", "أعوام", "عامي")
# Words before a number that make it an identifier, not a year (القرار 2254, المادة 1980).
_NOT_YEAR_BEFORE = ("رقم", "الرقم", "عدد", "القرار", "قرار", "المادة", "مادة", "الفصل", "البند", "بند", "صفحة",
                    "الصفحة", "الطريق", "هاتف", "رمز", "كود", "نحو", "حوالي", "قرابة", "زهاء", "مجموع")
# Function words that may follow a year (انقلاب 2021 الذي ...) where a counted noun would follow a quantity.
_AFTER_YEAR_OK = ("الذي", "التي", "الذين", "اللذين", "حين", "عندما", "حيث", "إلى", "الى", "حتى", "بعد", "قبل",
                  "في", "على", "مع", "من", "ضد", "لكن", "ثم", "أو", "بين", "و", "وفي", "عن", "إذ", "كما", "بينما",
                  "فيما", "وهو", "وهي", "أن", "بأن", "لم", "لن", "قد", "ما", "م", "ه")

# Tense cues in the words before a weekday or a bare month: where to look for the day.
_FUTURE_CUES = ("سوف", "المقرر", "يعتزم", "تعتزم", "يرتقب", "المرتقب", "المنتظر", "المزمع", "يتوقع", "تتوقع",
               "المتوقع", "ينتظر")
_PAST_CUES = ("كان", "كانت", "كانوا", "منذ", "أمس", "الماضي", "الماضية", "سابق")
_NEAR_CUES = ("حتى", "اعتبارا", "ابتداء", "بدءا", "بحلول", "لغاية", "غاية")
# Words spelled with a future prefix س that are not verbs (سياسة، سيارة، ستة ...).
_NOT_FUTURE_PREFIXES = ("سياس", "سيار", "سيطر", "سيد", "سيف", "سير", "سين", "سيول", "ستة", "ستين", "ستار",
                       "سنة", "سنو", "سنين", "سنت", "سني", "سيناء", "سيلا", "سيب", "ستو", "سيم", "ستر")

# Words after اليوم that make it a named day, not today (اليوم العالمي، اليوم التالي).
_NOT_TODAY_AFTER = ("العالمي", "الوطني", "الدولي", "العربي", "التالي", "الموالي", "السابق", "الأخير", "الأول",
                   "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
                   "المفتوح", "الدراسي", "الانتخابي", "الموعود", "نفسه", "ذاته", "الواحد", "الوطنى")
# Words before اليوم that make it part of a name or "that day" (روسيا اليوم، ذلك اليوم).
_NOT_TODAY_BEFORE = ("ذلك", "روسيا", "المصري", "أخبار", "فلسطين", "عالم", "جيل", "شباب", "مصر", "طيلة", "طوال",
                    "كل", "نفس", "هذا")

_DATE_CONNECTORS = ("إلى", "الى", "حتى", "لغاية", "-", "–")
_MONTH_ALTERNATION = ("/", "(", "-", ",")
_AGE_WORDS = ("العمر", "عمر", "عمره", "عمرها", "سن", "البالغ", "البالغة", "يبلغ", "تبلغ", "عمرهم")


def _norm_all(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize(w) for w in words)


def _invert(table: dict[K, tuple[str, ...]]) -> dict[str, K]:
    """Map each normalised spelling to its key."""
    return {normalize(w): k for k, words in table.items() for w in words}


GREGORIAN_MONTHS: dict[str, int] = _invert(_GREGORIAN)
HIJRI_MONTHS: dict[str, int] = _invert(_HIJRI)
AMBIGUOUS_MONTHS = frozenset(_norm_all(_AMBIGUOUS_MONTHS))
WEEKDAYS: dict[str, int] = _invert(_WEEKDAYS)
CARDINAL_UNITS: dict[str, int] = _invert(_UNITS_1_10)
CARDINAL_TENS: dict[str, int] = _invert(_TENS)
DAY_ORDINALS: dict[str, int] = _invert(_DAY_ORDINALS)
HOUR_ORDINALS: dict[str, int] = _invert(_HOUR_ORDINALS)
MINUTE_FRACTIONS: dict[str, int] = _invert(_MINUTE_FRACTIONS)
PARTS_OF_DAY: dict[str, str] = _invert(_PARTS_OF_DAY)
HOUR_ADVERBS: dict[str, str] = _invert(_HOUR_ADVERBS)
REL_DAYS: dict[str, int] = _invert(_REL_DAYS)
REL_UNITS: dict[str, str] = _invert(_REL_UNITS)
REL_MODS: dict[str, int] = _invert(_REL_MODS)
UNIT_FORMS: dict[str, tuple[str, str]] = {
    normalize(w): (unit, form) for unit, forms in _UNITS.items() for form, words in forms.items() for w in words
}
SPAN_MODIFIERS = frozenset(_norm_all(_SPAN_MODIFIERS))
APPROX = frozenset(_norm_all(_APPROX))
MONTH_CUES = frozenset(_norm_all(_MONTH_CUES))
YEAR_CUES = frozenset(_norm_all(_YEAR_CUES))
NOT_YEAR_BEFORE = frozenset(_norm_all(_NOT_YEAR_BEFORE))
AFTER_YEAR_OK = frozenset(_norm_all(_AFTER_YEAR_OK))
FUTURE_CUES = frozenset(_norm_all(_FUTURE_CUES))
PAST_CUES = frozenset(_norm_all(_PAST_CUES))
NEAR_CUES = frozenset(_norm_all(_NEAR_CUES))
NOT_FUTURE_PREFIXES = _norm_all(_NOT_FUTURE_PREFIXES)
NOT_TODAY_AFTER = frozenset(_norm_all(_NOT_TODAY_AFTER))
NOT_TODAY_BEFORE = frozenset(_norm_all(_NOT_TODAY_BEFORE))
DATE_CONNECTORS = frozenset(_norm_all(_DATE_CONNECTORS))
MONTH_ALTERNATION = frozenset(_MONTH_ALTERNATION)
AGE_WORDS = frozenset(_norm_all(_AGE_WORDS))

_DURATION_CUES = ("لمدة", "مدة", "خلال", "بعد", "قبل", "منذ", "طيلة", "طوال", "مدى", "غضون", "مرور", "أقصاها",
                  "نحو", "حوالي", "حوالى", "قرابة", "زهاء")
DURATION_CUES = frozenset(_norm_all(_DURATION_CUES))
# Prepositions after which a number is a year, whatever follows (في 2020، منذ 1993); إلى/من/بين may count things.
TIME_PREPOSITIONS = frozenset(_norm_all(("في", "منذ", "خلال", "قبل", "بعد", "مطلع", "منتصف", "أواخر", "أوائل",
                                         "أواسط", "نهاية", "بداية", "مستهل", "بحلول", "عام", "العام", "سنة",
                                         "السنة", "طيلة", "طوال")))
# Words the grammar tests one by one.
KEYWORDS = frozenset(_norm_all(("يوم", "يومي", "من", "منه", "و", "بين", "عامي", "سنتي", "الساعة", "هذا", "هذه",
                                "الموافق", "الموافقة", "الليلة", "واحد", "واحدة", "كل", "عشر", "عشرة", "أكثر", "أقل",
                                "الأول", "أول", "بعد", "الظهر", "العامين")))
