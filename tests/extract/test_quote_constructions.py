"""Quote constructions beyond "قال X إن": prepositional frames, attributions in asides and relative clauses,
apposed names, honorific and dropped subjects, statements speaking for their issuer. Sentences written for these
tests in several house styles (Gulf, Egyptian, Levantine, Maghrebi, translated wire copy)."""
from __future__ import annotations

import pytest

from marsad.extract.quotes.quotes import find_quotes, speaker_mention, speaker_mentions
from marsad.rules import hit_counts
from marsad.text.sentences import split_sentences
from marsad.types import Mention, Quote


def _mention(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention("a1", start, start + len(name), name, kind)


def _quotes(text: str, *mentions: tuple[str, str]) -> list[Quote]:
    return find_quotes("a1", text, tuple(_mention(text, name, kind) for name, kind in mentions))


# (text, content the quote must contain, speaker as written): a verb whose content is a prepositional phrase
FRAMES = [
    ("وتعهد محافظ المنطقة في وقت سابق بتوفير مساكن بديلة لكل الأسر المتضررة.",  # Gulf
     "بتوفير مساكن بديلة", "محافظ المنطقة"),
    ("وتحدث رئيس الهيئة الثلاثاء عن تراجع ملحوظ في نسب الحوادث المرورية.",  # Levantine
     "تراجع ملحوظ في نسب الحوادث", "رئيس الهيئة"),
    ("وعزا خبير في الطاقة الارتفاع إلى تقلبات أسعار النفط في الأسواق العالمية.",  # Egyptian
     "تقلبات أسعار النفط", "خبير"),
    ("وكشفت الشركة الوطنية للكهرباء عن خطة لتعميم العدادات الذكية قبل نهاية السنة.",  # Maghrebi
     "خطة لتعميم العدادات الذكية", "الشركة الوطنية للكهرباء"),
    ("وحثت الهيئة المستهلكين على الإبلاغ عن أي زيادة غير مبررة في الأسعار.",  # Gulf
     "الإبلاغ عن أي زيادة", "الهيئة المستهلكين"),
    ("وطالب المعتصمون بـ\"إعادة فتح المصنع\" وبصرف الأجور المتأخرة.",  # Maghrebi, بـ before a quotation
     "وبصرف الأجور المتأخرة", "المعتصمون"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), FRAMES)
def test_prepositional_frames_report_their_phrase(text: str, content: str, speaker: str) -> None:
    quotes = _quotes(text)
    assert len(quotes) == 1, quotes
    assert content in quotes[0].text and quotes[0].kind == "reported"
    assert quotes[0].speaker_text == speaker


def test_a_quotation_alone_after_the_preposition_stays_direct() -> None:
    q, = _quotes('ودعا الاتحاد الأندية إلى "احترام مواعيد التسجيل المحددة".')
    assert q.kind == "direct" and q.text == "احترام مواعيد التسجيل المحددة"


def test_a_frame_runs_past_a_quotation_to_the_end_of_its_clause() -> None:
    text = 'ودعا المبعوث الطرفين إلى "ضبط النفس" والعودة إلى طاولة الحوار، محذرا من أن التصعيد سيكلف الجميع.'
    first, second = _quotes(text)
    assert "والعودة إلى طاولة الحوار" in first.text and "ضبط النفس" in first.text
    assert second.text.startswith("التصعيد") and second.speaker_text == first.speaker_text


@pytest.mark.parametrize("text", [
    "وقال مسؤول أمني تحدث شريطة عدم الكشف عن هويته إن الدوريات ستتضاعف.",  # translated
    "وقال مسؤول أمني طلب عدم ذكر اسمه إن الدوريات ستتضاعف.",  # ذكر of the request is no cue
])
def test_a_verb_of_speaking_that_describes_the_source_is_part_of_it(text: str) -> None:
    q, = _quotes(text)
    assert q.speaker_text == "مسؤول أمني" and q.anonymous  # the role, without the request not to be named


# (text, content, speaker): "according to" before, after and as an aside of the sentence
ACCORDING = [
    ("ووفق أرقام رسمية مؤقتة، تضررت نحو ثلاثمئة مدرسة بالأمطار.", "تضررت نحو ثلاثمئة مدرسة", "أرقام رسمية مؤقتة"),
    ("وارتفع عدد المصابين إلى مئة، وفق حصيلة جديدة أعلنتها وزارة الصحة مساء الأحد.",
     "وارتفع عدد المصابين إلى مئة", "وزارة الصحة"),
    ("ويعاني القطاع، بحسب خبراء في الاقتصاد، من تراجع حاد في الاستثمارات الأجنبية.",
     "من تراجع حاد في الاستثمارات", "خبراء"),
    ("واندلع الحريق في المستودع، بحسب ما صرح به شهود في السوق، قبل أن يمتد إلى المحلات المجاورة.",
     "قبل أن يمتد إلى المحلات", "شهود"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), ACCORDING)
def test_according_to_in_every_position(text: str, content: str, speaker: str) -> None:
    q, = _quotes(text)
    assert content in q.text
    assert q.speaker_text == speaker


def test_an_attribution_in_a_relative_clause_reports_for_the_noun_before_it() -> None:
    text = "وبلغ عدد النازحين أربعين ألفا، بحسب المفوضية، التي أشارت إلى أن العدد مرشح للارتفاع."
    quotes = _quotes(text, ("المفوضية", "ORG"))
    assert [(q.speaker_text, q.text[:8]) for q in quotes] == [("المفوضية", "وبلغ عدد"), ("المفوضية", "العدد مر")]
    union = _quotes("وتعرضت الخطة لانتقادات من النقابات، التي رأت أن الحكومة تجاهلت مطالب العمال.")
    assert [q.speaker_text for q in union] == ["النقابات"]


def test_a_relative_verb_that_does_not_agree_has_a_subject_of_its_own() -> None:
    assert _quotes("وتفقد الوفد المدرسة التي قال المدير إنها ستفتح قريبا.") == []


def test_a_speech_verb_describing_a_noun_is_not_the_cue() -> None:
    q, = _quotes("وأوضحت الهيئة، في إحصاء جديد أعلنته مساء الخميس، أن عدد المسجلين تجاوز الألف.")
    assert q.speaker_text == "الهيئة" and q.text.startswith("عدد المسجلين")


def test_an_apposed_name_after_a_title_is_the_speaker() -> None:
    text = "وقال المتحدث باسم الدفاع المدني في المحافظة الشمالية، سامر الحلبي، إن فرق الإنقاذ انتشلت عشرة ناجين."
    q, = _quotes(text, ("الدفاع المدني", "ORG"), ("سامر الحلبي", "PER"))
    assert q.speaker_text.endswith("سامر الحلبي")
    assert speaker_mention(q, [_mention(text, "الدفاع المدني", "ORG"), _mention(text, "سامر الحلبي", "PER")]).text \
        == "سامر الحلبي"


def test_an_honorific_subject_is_the_person_named_before() -> None:
    text = ("واستقبل الشيخ حمد بن راشد الوفد الزائر أمس، وقال سموه خلال الاستقبال: "
            "\"سعدنا بلقاء أشقائنا في بلدهم الثاني\".")
    q, = _quotes(text, ("حمد بن راشد", "PER"))
    assert q.speaker_text == "حمد بن راشد"


def test_a_verb_in_a_document_it_describes_takes_the_sentence_subject() -> None:
    text = "ونشر الباحث عمر السالمي مقالا أكد فيه بقوة أن الجسر يحتاج إلى صيانة عاجلة."
    q, = _quotes(text, ("عمر السالمي", "PER"))
    assert q.speaker_text == "عمر السالمي" and q.text.startswith("الجسر")


def test_what_happened_is_no_speaker() -> None:
    text = "وأمر رئيس الحكومة سليم الكافي بتنكيس الأعلام، ووصف ما جرى بأنه \"مأساة وطنية كبرى\"."
    q, = _quotes(text, ("سليم الكافي", "PER"))
    assert q.speaker_text == "سليم الكافي"


def test_a_statement_speaks_for_its_issuer_and_later_mentions_of_it_follow() -> None:
    text = "وقال بيان لوزارة التجهيز إن الأشغال ستنتهي في الصيف. وأوضح البيان أن الكلفة تبلغ مليار درهم."
    ministry = _mention(text, "وزارة التجهيز", "ORG")
    quotes = find_quotes("a1", text, (ministry,))
    assert quotes[0].speaker_text == "لوزارة التجهيز"
    assert speaker_mentions(quotes, [ministry]) == [ministry, ministry]


def test_a_place_speaks_only_as_the_head_of_the_speaker() -> None:
    text = "وقال سكان في مدينة الواحة إن المياه غمرت الشوارع. وقالت الواحة إن المساعدات وصلت."
    place = _mention(text, "الواحة", "GPE")
    second = Mention("a1", text.rindex("الواحة"), text.rindex("الواحة") + 6, "الواحة", "GPE")
    first_q, second_q = find_quotes("a1", text, (place, second))
    assert speaker_mention(first_q, [place, second]) is None
    assert speaker_mention(second_q, [place, second]) == second


def test_the_speaker_span_of_a_participle_links_like_its_verb() -> None:
    text = "وقال المدرب نادر سليم إن الفريق جاهز. وأضاف المدرب أن الإصابات شفيت، مؤكدا أن المعنويات مرتفعة."
    coach = _mention(text, "نادر سليم", "PER")
    quotes = find_quotes("a1", text, (coach,))
    assert speaker_mentions(quotes, [coach]) == [coach, coach, coach]


@pytest.mark.parametrize("text", [
    "وقال د. هشام النجار إن نسبة النجاح بلغت 92.5 في المئة هذا العام.",
    "وأكد أ.د. منير الحسن أن المختبر سيفتتح قريبا.",
])
def test_abbreviations_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert len(split_sentences(text)) == 1
    q, = _quotes(text)
    assert q.speaker_text.startswith(("د. ", "أ.د. "))


def test_a_unit_letter_after_a_number_may_end_a_sentence() -> None:
    assert len(split_sentences("تأسست الجمعية عام 1990 م. ثم توسعت.")) == 2


@pytest.mark.parametrize(("rule", "text"), [
    ("reported_prepositional_frame", "وتعهد الوزير بإصلاح الطريق قبل الشتاء."),
    ("relative_attribution", "وتعرضت الخطة لانتقادات من النقابات، التي رأت أن الحكومة تجاهلت مطالب العمال."),
    ("verb_describes_noun", "وأوضحت البلدية، في جرد أعلنته الخميس، أن الأضرار محدودة."),
    ("statement_agent", "وارتفع عدد المصابين إلى مئة، وفق حصيلة أعلنتها الوزارة."),
    ("according_to_aside", "ويعاني القطاع، بحسب خبراء في الاقتصاد، من تراجع حاد في الاستثمارات."),
    ("statement_issuer", "وقال بيان لوزارة التجهيز إن الأشغال ستنتهي في الصيف."),
    ("anonymous_role", "وقال مصدر ملاحي فضل عدم ذكر اسمه إن السفينة غادرت."),
])
def test_rule_counters_rise(rule: str, text: str) -> None:
    key = f"quotes.{rule}"
    before = hit_counts()[key]
    find_quotes("a1", text)
    assert hit_counts()[key] > before


@pytest.mark.parametrize(("text", "mentions", "expected"), [
    ("وزير المالية: لن نرفع أسعار الوقود هذا العام\nأكد الوزير في مؤتمر صحفي أن الميزانية متوازنة.", (),
     [("وزير المالية", "لن نرفع أسعار الوقود هذا العام")]),
    ("الصليب الأحمر: آلاف النازحين بلا مأوى.. ومصادر طبية: المستشفيات ممتلئة بالكامل\nنص الخبر.",
     (("الصليب الأحمر", "ORG"),),
     [("الصليب الأحمر", "آلاف النازحين بلا مأوى"), ("ومصادر طبية", "المستشفيات ممتلئة بالكامل")]),
])
def test_a_headline_of_a_speaker_and_a_colon_is_a_quote(text: str, mentions: tuple[tuple[str, str], ...],
                                                         expected: list[tuple[str, str]]) -> None:
    heads = [q for q in _quotes(text, *mentions) if q.cue == ":"]
    assert [(q.speaker_text, q.text) for q in heads] == expected


@pytest.mark.parametrize(("text", "mentions"), [
    ("الأردن: أمطار غزيرة تغلق الطرق في الشمال\nنص الخبر.", (("الأردن", "GPE"),)),  # a place is a label
    ("اتفاق الهدنة: ماذا بقي من بنوده بعد شهر؟\nنص الخبر.", ()),  # a topic is a label
    ("قال رئيس البلدية للصحفيين أمس في مؤتمر عقده في مقر المجلس البلدي بحضور الأعضاء: سنعبد الطرق كلها قبل "
     "الشتاء المقبل، ولن نتأخر هذه المرة مهما كانت الظروف والصعوبات التي تواجه البلدية وعمالها.", ()),  # no headline
])
def test_a_headline_label_is_no_quote(text: str, mentions: tuple[tuple[str, str], ...]) -> None:
    assert not [q for q in _quotes(text, *mentions) if q.cue == ":"]


def test_a_joint_statement_is_credited_to_the_first_party() -> None:
    text = "وأكدت وزارة الزراعة ووزارة المياه في بيان مشترك أن الموسم سيكون جيدا."
    first, second = _mention(text, "وزارة الزراعة", "ORG"), _mention(text, "وزارة المياه", "ORG")
    q, = find_quotes("a1", text, (first, second))
    assert speaker_mention(q, [second, first]) == first  # whatever order the linker lists them in


def test_a_headline_does_not_run_on_into_the_first_paragraph() -> None:
    text = ("المزارعون يطالبون بتعويضات عاجلة بعد موجة الصقيع الأخيرة في السهول الشمالية\n"
            "قال رئيس الاتحاد الفلاحي إن الخسائر تجاوزت نصف المحصول.")
    quotes = _quotes(text)
    assert all("\n" not in q.text for q in quotes)
    assert [q.text for q in quotes if q.cue == "قال"] == ["الخسائر تجاوزت نصف المحصول"]


@pytest.mark.parametrize(("text", "place", "speaks"), [
    ("وعبرت عمان عن قلقها من التصعيد، ودعت إلى \"ضبط النفس من جميع الأطراف\".", "عمان", True),
    ("وتجمع آلاف من سكان مدينة الواحة أمام البلدية، وهتفوا \"لا للتهميش بعد اليوم\".", "الواحة", False),
])
def test_a_place_is_the_dropped_subject_only_in_the_subject_slot(text: str, place: str, speaks: bool) -> None:
    q, = _quotes(text, (place, "GPE"))
    assert (q.speaker_text == place) is speaks
