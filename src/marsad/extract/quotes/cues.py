"""Cue tables for quote extraction: speech verbs in all their forms, source nouns, boundary words.

Every entry is written in plain Arabic and compared after `fold` (`text.normalize.fold`: no diacritics or tatweel,
one alef, ي for ى, ه for ة), so a table never has to list spelling variants.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import fold as text_fold

_FOLDED: dict[str, str] = {}  # fold_all's memo, dropped when it outgrows _FOLDED_MAX
_FOLDED_MAX = 1 << 17
fold = lru_cache(maxsize=1 << 12)(text_fold)


def fold_all(words: list[str]) -> list[str]:
    """`fold` of each word of a text, memoised across texts."""
    if len(_FOLDED) > _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED.update({word: text_fold(word) for word in set(words).difference(_FOLDED)})
    return list(map(_FOLDED.__getitem__, words))


# Speech verbs: (lemma, past stem, present stem after ي/ت, participle stem, extra irregular forms).
# An empty stem means the form is not used as a cue (e.g. مفيد "useful" is not "reporting").
_VERBS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("قال", "قال", "قول", "قائل", ("قلن",)),
    ("أكد", "أكد", "ؤكد", "مؤكد", ()),
    ("أوضح", "أوضح", "وضح", "موضح", ()),
    ("أشار", "أشار", "شير", "مشير", ()),
    ("ذكر", "ذكر", "ذكر", "", ()),
    ("صرح", "صرح", "صرح", "مصرح", ()),
    ("اعتبر", "اعتبر", "عتبر", "معتبر", ()),
    ("شدد", "شدد", "شدد", "مشدد", ()),
    ("أفاد", "أفاد", "فيد", "", ()),
    ("كشف", "كشف", "كشف", "كاشف", ()),
    ("أعلن", "أعلن", "علن", "", ()),
    ("نفى", "", "", "نافي", ("نفى", "نفت", "نفوا", "نفيا", "ينفي", "تنفي", "ينفون", "نفاه", "نفاها")),
    ("أضاف", "أضاف", "ضيف", "مضيف", ()),
    ("تابع", "تابع", "", "", ()),
    ("ختم", "ختم", "ختم", "", ()),
    ("أردف", "أردف", "ردف", "مردف", ()),
    ("استدرك", "استدرك", "ستدرك", "مستدرك", ()),
    ("رأى", "", "", "", ("رأى", "رأت", "رأوا", "يرى", "ترى", "يرون")),
    ("أورد", "أورد", "ورد", "", ()),
    ("لفت", "لفت", "لفت", "لافت", ()),
    ("نوه", "نوه", "نوه", "منوه", ()),
    ("كتب", "كتب", "كتب", "", ()),
    ("غرد", "غرد", "غرد", "", ()),
    ("حذر", "حذر", "حذر", "محذر", ()),
    ("اعترف", "اعترف", "عترف", "معترف", ()),
    ("أقر", "أقر", "قر", "", ()),
    ("زعم", "زعم", "زعم", "زاعم", ()),
    ("اعتقد", "اعتقد", "عتقد", "معتقد", ()),
    ("وصف", "وصف", "صف", "واصف", ()),
    ("تعهد", "تعهد", "تعهد", "متعهد", ()),
    ("توعد", "توعد", "توعد", "متوعد", ()),
    ("دعا", "", "", "داعي", ("دعا", "دعت", "دعوا", "دعتا", "يدعو", "تدعو", "يدعون", "دعاه", "دعاها")),
    ("حث", "حث", "حث", "حاث", ()),
    ("طالب", "طالب", "طالب", "", ()),
    ("ندد", "ندد", "ندد", "مندد", ()),
    ("أعرب", "أعرب", "عرب", "معرب", ()),
    ("رحب", "رحب", "رحب", "", ()),
    ("نقل", "نقل", "نقل", "", ()),
    ("تساءل", "تساءل", "تساءل", "متسائل", ()),
)
_PAST = ("", "ت", "وا", "ا", "تا")
_PRESENT = ("ي", "ت")
_PRESENT_END = ("", "ون", "ان")
_PARTICIPLE = ("ا", "ه", "ين", "ون", "")
_OBJECT = ("", "ه", "ها", "هم", "هما")


def _forms(past: str, present: str, participle: str, extra: tuple[str, ...]) -> dict[str, str]:
    """Every inflected form of one verb, folded, mapped to its grammatical kind."""
    out: dict[str, str] = {}
    out.update({fold(form): "finite" for form in extra})
    if past:
        out.update({fold(past + s): "finite" for s in _PAST})
    if present:
        out.update({fold(p + present + s): "finite" for p in _PRESENT for s in _PRESENT_END})
    if participle:
        out.update({fold(participle + s): "participle" for s in _PARTICIPLE})
    return out


def _build() -> dict[str, tuple[str, str]]:
    """Folded form (with an optional object pronoun) -> (lemma, finite|participle)."""
    table: dict[str, tuple[str, str]] = {}
    for lemma, past, present, participle, extra in _VERBS:
        for form, kind in _forms(past, present, participle, extra).items():
            for obj in _OBJECT:
                table.setdefault(form + obj, (lemma, kind))
    return table


CUE_FORMS: dict[str, tuple[str, str]] = _build()


def _readings() -> dict[str, tuple[str, bool]]:
    """Folded word, bare or after و/ف -> (folded lemma, is participle); the bare reading wins."""
    bare = {form: (fold(lemma), kind == "participle") for form, (lemma, kind) in CUE_FORMS.items()}
    return {conj + form: reading for conj in "وف" for form, reading in bare.items()} | bare


CUE_READINGS: dict[str, tuple[str, bool]] = _readings()

# Verbs that report content after إن/أن (the others only introduce a quotation in marks).
REPORTING = frozenset(fold(v) for v in (
    "قال", "أكد", "أوضح", "أشار", "ذكر", "صرح", "اعتبر", "شدد", "أفاد", "كشف", "أعلن", "نفى", "أضاف",
    "تابع", "ختم", "أردف", "استدرك", "رأى", "أورد", "لفت", "نوه", "كتب", "غرد", "حذر", "اعترف", "أقر",
    "زعم", "اعتقد", "نقل", "تعهد", "توعد",
))
# Verbs that continue the previous speaker when they have no subject of their own.
CONTINUATION = frozenset(fold(v) for v in ("أضاف", "تابع", "ختم", "أردف", "استدرك"))
# Weak verbs that also mean something else: a cue only when a complementizer or a quotation follows.
WEAK = frozenset(fold(v) for v in ("ذكر", "كتب", "تابع", "ختم", "رأى", "نقل", "لفت", "وصف"))

# "according to" attributions that introduce a source, not a verb.
ACCORDING_TO = frozenset(fold(w) for w in ("بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "ووفقا", "وفق", "ووفق", "نقلا"))
# "جاء في البيان أن": the statement is the speaker.
CAME_IN = frozenset(fold(w) for w in ("جاء", "وجاء", "ورد", "وورد"))

# Words that cannot start a subject: they open an adverbial or a recipient and end the speaker span.
STOP_WORDS = frozenset(fold(w) for w in (
    "في", "خلال", "أمام", "عقب", "بعد", "قبل", "يوم", "اليوم", "أمس", "مساء", "صباح", "ليل", "ليلة", "ظهر",
    "عبر", "ضمن", "لدى", "أثناء", "عند", "حيث", "على", "إلى", "عن", "من", "مع", "ضد", "حول", "نحو", "منذ",
    "بهذه", "بهذا", "بذلك", "بها", "به", "بشأن", "أيضا", "كذلك", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "قد", "لقد", "وقد", "فقد", "ثم", "إنه", "مجددا", "لاحقا",
    "الصحفيين", "للصحفيين", "للصحافيين", "للصحافة", "للإعلام", "هذه", "هذا", "تلك", "ذلك", "هؤلاء",
))
# Object pronouns that may sit between a verb and its subject (رحبت بها الجامعة، شدد فيه الطرفان).
PRONOUN_OBJECTS = frozenset(fold(w) for w in ("بها", "به", "فيه", "فيها", "له", "لها", "عنه", "عنها", "عليه", "عليها"))
# A preposition ل + these nouns is the recipient of the statement, not part of the speaker.
RECIPIENT_NOUNS = frozenset(fold(w) for w in (
    "وكالة", "قناة", "صحيفة", "موقع", "إذاعة", "الإذاعة", "تلفزيون", "التلفزيون", "مراسل", "مجلة", "شبكة",
    "الصحفيين", "الصحافيين", "الصحافة", "وسائل",
))
# Words right before a quotation that make a verb some tokens back introduce it (دعا X إلى "...").
INTRO_WORDS = frozenset(fold(w) for w in (
    "إلى", "على", "عن", "بأنه", "بأنها", "بأنهم", "باعتباره", "باعتبارها", "بوصفه", "بوصفها", "قائلا", "قائلة",
))
# Heads of institutions and media that "according to" may name without a personal name.
INSTITUTION_NOUNS = frozenset(fold(w) for w in (
    "منظمة", "وزارة", "مكتب", "وكالة", "صحيفة", "موقع", "قناة", "إذاعة", "هيئة", "لجنة", "مصلحة", "الحكومة",
    "حكومة", "الرئاسة", "رئاسة", "الجيش", "جيش", "وسائل", "مصادر", "مصدر", "تقرير", "التقرير", "معهد", "مركز",
))
# Words that end a reported clause: a new clause with its own subject begins after them.
CLAUSE_BREAKS = frozenset(fold(w) for w in ("فيما", "بينما", "وفيما", "وبينما", "حين", "وسط", "وذلك"))
# Words that block a complementizer reading of أن (بعد أن استقبل is not reported content).
NOT_COMPLEMENTIZER_BEFORE = frozenset(fold(w) for w in (
    "بعد", "قبل", "منذ", "دون", "بدون", "يمكن", "يجب", "ينبغي", "لابد", "يريد", "تريد", "أجل", "حتى", "غير",
    "رغم", "الرغم", "بمجرد", "ريثما", "لأجل", "إلا",
))
# Relative words: a speech verb right after them describes, it does not report (التي يقول الاتحاد إنها).
RELATIVES = frozenset(fold(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللتان", "اللذان"))

# Head nouns of unnamed sources; a speaker headed by one of them and carrying no name is anonymous.
SOURCE_NOUNS = frozenset(fold(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "مسؤولي", "متحدث", "متحدثة", "متحدثون",
    "دبلوماسي", "دبلوماسية", "دبلوماسيون", "دبلوماسيين", "خبير", "خبراء", "شاهد", "شهود", "شهودا", "سكان",
    "مطلع", "مطلعون", "المطلعين", "مطلعين", "مقرب", "مقربون", "مقربين", "ناشط", "ناشطون", "نشطاء",
    "ضابط", "ضباط", "موظف", "موظفون", "مراسل", "مواطن", "مواطنون", "عامل", "عاملون",
    "مسعف", "مسعفون", "طبيب", "أطباء", "قيادي", "قياديون", "محلل", "محللون", "جندي", "جنود",
))
# Quantifiers before a source noun: أحد المطلعين, بعض المسؤولين.
QUANTIFIERS = frozenset(fold(w) for w in ("أحد", "إحدى", "بعض", "عدد", "كبار", "كبير"))
# Phrases that say the source asked not to be named.
ANONYMITY_MARKERS = tuple(fold(w) for w in (
    "عدم نشر اسم", "عدم ذكر اسم", "عدم الكشف عن هوي", "عدم كشف هوي", "عدم الكشف عن اسم", "شريطة عدم",
    "رفض الكشف عن", "فضل عدم", "مجهول",
))
# Vague collectives whose "opinion" is the writer's framing, not a quote (يرى مراقبون أن).
VAGUE_SOURCES = frozenset(fold(w) for w in (
    "مراقبون", "مراقبين", "متابعون", "متابعين", "متتبعون", "متتبعين", "محللون", "محللين", "كثيرون", "البعض",
    "معارضوه", "معارضوها", "منتقدوه", "منتقدون",
))
# Heads of a written statement; its issuer, when named, is the speaker.
STATEMENT_NOUNS = frozenset(fold(w) for w in (
    "بيان", "البيان", "بلاغ", "البلاغ", "تصريح", "التصريح", "رسالة", "الرسالة", "تقرير", "التقرير",
    "الإعلان", "إعلان", "المذكرة", "تقديرات",
))
# Heads that "according to" accepts as a source: people, statements and institutions, with or without ال.
SOURCE_HEADS = SOURCE_NOUNS | STATEMENT_NOUNS | INSTITUTION_NOUNS | frozenset(
    w[2:] for w in STATEMENT_NOUNS | INSTITUTION_NOUNS if w.startswith("ال"))
