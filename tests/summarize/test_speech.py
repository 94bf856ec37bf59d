"""A sentence that is mostly direct speech ranks below a narrated one: a summary narrates and names who reacted."""
from __future__ import annotations

import pytest

from marsad.rules import hit_counts
from marsad.summarize import summarize_event
from marsad.summarize.candidates import Candidate
from marsad.summarize.speech import QUOTED_SHARE, mostly_quoted, quoted_share
from marsad.types import Article

# Invented sentences in several house styles and quotation marks.
QUOTED = [
    # Gulf, guillemets
    "وقال المتحدث باسم الهيئة: «سنواصل العمل ليلا ونهارا حتى نعيد الخدمة إلى كل الأحياء المتضررة دون استثناء».",
    # Egyptian, straight quotes
    'وأضاف المحافظ: "الأمور تحت السيطرة تماما والمواطنون مش محتاجين يقلقوا من أي حاجة خلال الأيام الجاية".',
    # Levantine, curly quotes
    "وعلّق النائب على القرار قائلا: “هذا القرار ما رح يمر بسهولة وسنقف في وجهه داخل المجلس وخارجه”.",
    # Maghrebi, guillemets with the speaker after
    "«الوضع صعب لكننا نتوفر على كل الإمكانيات اللازمة لمواجهة آثار الفيضانات»، يقول رئيس الجماعة.",
]
NARRATED = [
    "وأعلنت وزارة الداخلية أن عدد الضحايا ارتفع إلى 14 قتيلا وأن فرق الإنقاذ ما زالت تبحث عن مفقودين.",
    'وقررت الحكومة صرف تعويضات عاجلة للأسر المتضررة ضمن ما وصفته بـ"خطة الطوارئ" الوطنية.',  # a short quote
    "ذكرت وكالة أنباء دولية نقلا عن مسؤولين أن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",  # translated style
]


@pytest.mark.parametrize("sentence", QUOTED)
def test_mostly_quoted_sentences(sentence: str) -> None:
    assert quoted_share(sentence) >= QUOTED_SHARE


@pytest.mark.parametrize("sentence", NARRATED)
def test_narrated_sentences_with_or_without_a_short_quote(sentence: str) -> None:
    assert quoted_share(sentence) < QUOTED_SHARE


def test_counter_rises_on_each_mostly_quoted_sentence() -> None:
    pool = [Candidate(0, k, s) for k, s in enumerate([*QUOTED[:2], NARRATED[0]])]
    before = hit_counts()["summarize.speech.mostly-quoted"]
    assert mostly_quoted(pool) == [1.0, 1.0, 0.0]
    assert hit_counts()["summarize.speech.mostly-quoted"] == before + 2


def test_a_narrated_sentence_goes_before_a_quoted_one_of_the_same_place() -> None:
    """One article: the lead, a quoted reaction, then a narrated fact and two more; of a summary of three,
    the narrated fact takes the place the quote's position would have given it."""
    body = [
        "اجتاحت سيول جارفة مدينة الواحة الجنوبية ليل السبت بعد أمطار غزيرة استمرت ساعات طويلة دون انقطاع.",
        QUOTED[0],
        NARRATED[0],
        "وأغلقت السلطات المحلية المدارس والطرق الرئيسية في المدينة حتى إشعار آخر بسبب ارتفاع منسوب المياه.",
        "وتوقعت مصلحة الأرصاد الجوية تحسنا تدريجيا في الأحوال الجوية بداية من منتصف الأسبوع المقبل.",
    ]
    article = Article("w1", "\n".join(body), source="Oasis Daily", published="2024-02-03")
    texts = [s.text for s in summarize_event("v1", [article], max_sentences=3).sentences]
    assert NARRATED[0] in texts and QUOTED[0] not in texts
