"""Quote and speaker extraction: table-driven cases on quote forms, attribution positions and speaker kinds,
plus invariants that hold on any text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.quotes.cues import CUE_READINGS, REPORTING, SOURCE_NOUNS, STOP_WORDS, fold
from marsad.extract.quotes.marks import quoted_spans
from marsad.extract.quotes.quotes import RULES, find_quotes, speaker_mention, speaker_mentions
from marsad.rules import hit_counts
from marsad.types import Mention, Quote


def _quotes(text: str, mentions: tuple[Mention, ...] = ()) -> list[Quote]:
    return find_quotes("a1", text, mentions)


def _mention(text: str, name: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention("a1", start, start + len(name), name, kind)


def _only(text: str, mentions: tuple[Mention, ...] = ()) -> Quote:
    quotes = _quotes(text, mentions)
    assert len(quotes) == 1, quotes
    return quotes[0]


# (text, expected quote text contains, kind, speaker_text, anonymous)
SINGLE = [
    # direct quotes, attribution before
    ('قال الوزير سامي الحداد: "نحن ماضون في الإصلاح حتى النهاية".', "نحن ماضون في الإصلاح", "direct",
     "الوزير سامي الحداد", False),
    ("وقالت الناطقة نوال الزين «القرار نهائي ولا رجعة فيه».", "القرار نهائي ولا رجعة", "direct",
     "الناطقة نوال الزين", False),
    ("وقال كريم العلي في مؤتمر صحفي بالعاصمة “سنواصل العمل مع شركائنا”.", "سنواصل العمل مع شركائنا", "direct",
     "كريم العلي", False),
    # direct quote, attribution after
    ('"الوضع تحت السيطرة تماما"، قال المتحدث باسم الشرطة.', "الوضع تحت السيطرة تماما", "direct",
     "المتحدث باسم الشرطة", True),
    # direct quote over two sentences and two lines
    ('وقال المدير هشام البنا: "بدأنا العمل أمس. وسننتهي\nقبل نهاية الشهر".', "وسننتهي قبل نهاية الشهر",
     "direct", "المدير هشام البنا", False),
    # mixed marks: opened with ", closed with ”
    ('وأكد رئيس البلدية سالم فرج أن المشروع "سيكتمل في موعده المحدد”.', "سيكتمل في موعده المحدد",
     "reported", "رئيس البلدية سالم فرج", False),
    # reported speech with إن / أن / بأن and conjugations
    ("وقال مصدر مطلع إن المفاوضات ستستأنف الأسبوع المقبل.", "المفاوضات ستستأنف الأسبوع المقبل", "reported",
     "مصدر مطلع", True),
    ("وأكدت الوزارة في بيان أنها لن تتراجع عن قرارها.", "لن تتراجع عن قرارها", "reported", "الوزارة", False),
    ("وأشار الخبير الاقتصادي فادي نصر إلى أن الأسعار سترتفع مجددا.", "الأسعار سترتفع", "reported",
     "الخبير الاقتصادي فادي نصر", False),
    ("وصرح مدير الميناء بأن الحركة عادت إلى طبيعتها.", "الحركة عادت إلى طبيعتها", "reported",
     "مدير الميناء", False),
    ("ونفت الشركة أن تكون قد سرحت أي موظف من العاملين.", "تكون قد سرحت أي موظف", "reported", "الشركة", False),
    ("أما النائب عادل منصور فاعتبر أن القانون الجديد يقيد الحريات.", "القانون الجديد يقيد الحريات", "reported",
     "النائب عادل منصور", False),
    ("غير أن أطباء قالوا إن نقص الأدوية ما زال حادا في المستشفيات الريفية.", "نقص الأدوية ما زال حادا", "reported",
     "أطباء", True),
    ("ويقول مسؤولون في القطاع إن الخسائر تجاوزت التوقعات.", "الخسائر تجاوزت التوقعات", "reported",
     "مسؤولون", True),
    # unnamed sources
    ("وقال مسؤول حكومي طلب عدم نشر اسمه إن القرار اتخذ قبل أيام.", "القرار اتخذ قبل أيام", "reported",
     "مسؤول حكومي", True),  # known by its role
    ("وأوضح دبلوماسي غربي للصحفيين أن الاجتماع كان متوترا جدا.", "الاجتماع كان متوترا جدا", "reported",
     "دبلوماسي غربي", True),
    # recipient and adverbials are not part of the speaker
    ('وقال متحدث عسكري لـ"الإخبارية" إن القوات انسحبت من المنطقة كلها.', "القوات انسحبت من المنطقة", "reported",
     "متحدث عسكري", True),
    # statements
    ("وقال بيان لوزارة الصحة إن عدد الإصابات تراجع بشكل ملحوظ.", "عدد الإصابات تراجع", "reported",
     "لوزارة الصحة", False),  # a statement speaks for its issuer
    ("وجاء في البيان أن اللجنة ستجتمع مرة أخرى في الخريف.", "اللجنة ستجتمع مرة أخرى", "reported", "البيان", False),
    # نقل عن
    ("ونقلت وكالة الأنباء الرسمية عن الوزير قوله إن الحدود ستبقى مفتوحة.", "الحدود ستبقى مفتوحة", "reported",
     "الوزير", False),
    # according to
    ("وفقا لمصادر أمنية، فإن المشتبه به غادر البلاد قبل أسبوع.", "المشتبه به غادر البلاد", "reported",
     "مصادر أمنية", True),
    ("وارتفع عدد الضحايا إلى عشرين شخصا، بحسب وزارة الداخلية.", "ارتفع عدد الضحايا", "reported",
     "وزارة الداخلية", False),
    # appeal verb introducing a quotation
    ('ودعت المنظمة الدولية الطرفين إلى "الوقف الفوري لكل العمليات".', "الوقف الفوري لكل العمليات", "direct",
     "المنظمة الدولية الطرفين", False),
]


@pytest.mark.parametrize(("text", "content", "kind", "speaker", "anonymous"), SINGLE)
def test_single_quote(text: str, content: str, kind: str, speaker: str, anonymous: bool) -> None:
    q = _only(text)
    assert content in q.text.replace("\n", " ")
    assert q.kind == kind
    assert q.speaker_text == speaker
    assert q.anonymous is anonymous
    assert text[q.speaker_start:q.speaker_end] == speaker
    assert text[q.start:q.end] == q.text


# (text, [(content, speaker_text, anonymous)]) for several quotes and their inherited speakers
MULTI = [
    # وأضاف with no subject: the previous speaker, anonymous status included
    ("وقال مسؤول أمني إن الهجوم فشل. وأضاف أن المهاجمين فروا نحو الجبال.",
     [("الهجوم فشل", "مسؤول أمني", True), ("المهاجمين فروا", "مسؤول أمني", True)]),
    # participle cue in the same sentence
    ('وقال الوزير رامي حداد إن الخطة "ستنجح بالتأكيد"، مضيفا أن التمويل متوفر بالكامل.',
     [("ستنجح بالتأكيد", "الوزير رامي حداد", False), ("التمويل متوفر", "الوزير رامي حداد", False)]),
    # colon after a participle, direct quote
    ('وحذر القائد ماهر سلوم من التصعيد قائلا: "من يبدأ الحرب لن يقرر نهايتها".',
     [("من يبدأ الحرب لن يقرر نهايتها", "القائد ماهر سلوم", False)]),
    # وأضاف البيان -> the statement; definite description keeps the source's anonymity
    ('وقال بيان للحكومة إن "المحادثات كانت مثمرة وبناءة". وأضاف البيان أن الجولة المقبلة ستعقد في الربيع.',
     [("المحادثات كانت مثمرة", "للحكومة", False), ("الجولة المقبلة", "البيان", False)]),
    ("وقال مسؤول عسكري رفيع إن الوحدات تحركت. وقال المسؤول إن العملية ستنتهي قريبا.",
     [("الوحدات تحركت", "مسؤول عسكري رفيع", True), ("العملية ستنتهي قريبا", "المسؤول", True)]),
    # a quotation paragraph with no cue: the last speaker
    ('وقال الطبيب سمير خليل: "العمل هنا مرهق جدا".\n"لكننا لن نترك المرضى وحدهم أبدا".',
     [("العمل هنا مرهق جدا", "الطبيب سمير خليل", False), ("لكننا لن نترك المرضى", "الطبيب سمير خليل", False)]),
    # attribution inside a quotation whose mark is misplaced (translated text)
    ('"سنفتح الحدود قريبا جدا وقال المسؤول "بعد انتهاء الفحوص الأمنية كلها.',
     [("سنفتح الحدود قريبا جدا", "المسؤول", True), ("بعد انتهاء الفحوص الأمنية", "المسؤول", True)]),
    # a nested quotation stays inside the outer one
    ('وقال الكاتب منير سعد: «قلت لهم "لا للحرب" وما زلت أقولها اليوم».',
     [("قلت لهم \"لا للحرب\" وما زلت", "الكاتب منير سعد", False)]),
]


@pytest.mark.parametrize(("text", "expected"), MULTI)
def test_several_quotes(text: str, expected: list[tuple[str, str, bool]]) -> None:
    quotes = _quotes(text)
    assert len(quotes) == len(expected), quotes
    for q, (content, speaker, anonymous) in zip(quotes, expected, strict=True):
        assert content in q.text.replace("\n", " ")
        assert q.speaker_text == speaker
        assert q.anonymous is anonymous


NOT_QUOTES = [
    'ووصل الوفد إلى مقر "الأمم المتحدة" صباح اليوم.',  # a name in marks
    'ووصف الكاتب ما جرى بأنه "انقلاب" في الموقف.',  # a scare quote
    "ويرى مراقبون أن الأزمة ستطول أكثر.",  # vague collective, the writer's framing
    "وأقيم الحفل في المدينة التي يقول سكانها إنها الأجمل.",  # speech verb in a relative clause
    "وقال بعد أن زار المصنع في الزرقاء كلاما مقتضبا.",  # أن after بعد is no complementizer
    'وانتشر وسم "لا للغلاء في الأسواق" على مواقع التواصل.',  # quotation with no cue, mid-sentence
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_a_quote(text: str) -> None:
    assert _quotes(text) == []


def test_title_before_name_maps_to_person() -> None:
    text = "وقال وزير المياه الأردني منذر العدوان إن المشروع سيخفف العجز المائي."
    person = _mention(text, "منذر العدوان", "PER")
    country = _mention(text, "الأردني", "GPE")
    q = _only(text, (country, person))
    assert speaker_mention(q, [country, person]) == person


def test_statement_maps_to_issuer_and_back_reference_follows_it() -> None:
    text = "وقال بيان صادر عن القيادة العامة إن التدريبات انتهت بنجاح. وأضاف البيان أن الوحدات عادت إلى ثكناتها."
    org = _mention(text, "القيادة العامة", "ORG")
    quotes = _quotes(text, (org,))
    assert [q.speaker_text for q in quotes] == ["بيان صادر عن القيادة العامة", "البيان"]
    assert speaker_mentions(quotes, [org]) == [org, org]


def test_anonymous_source_maps_to_no_entity() -> None:
    text = "وقال مصدر في وزارة الخارجية إن الزيارة تأجلت إلى موعد لاحق."
    ministry = _mention(text, "وزارة الخارجية", "ORG")
    q = _only(text, (ministry,))
    assert q.anonymous
    assert speaker_mention(q, [ministry]) is None


def test_name_after_cut_title_is_reached_with_mentions() -> None:
    text = "وقال المتحدث باسم البيت الأبيض في واشنطن جون سميث إن الرئيس سيزور المنطقة."
    person = _mention(text, "جون سميث", "PER")
    q = _only(text, (person,))
    assert q.speaker_text.endswith("جون سميث")
    assert not q.anonymous
    assert speaker_mention(q, [person]) == person


def test_subject_of_coordinated_verb_from_mentions() -> None:
    text = "وعقد مجلس التعاون الخليجي لقاء تشاوريا في الكويت، دعا في نهايته إلى \"تسريع ربط شبكات الكهرباء\"."
    league = _mention(text, "مجلس التعاون الخليجي", "ORG")
    city = _mention(text, "الكويت", "GPE")
    q = _only(text, (league, city))
    assert speaker_mention(q, [league, city]) == league


def test_quote_marks_pair_mismatched_and_unclosed() -> None:
    text = 'قال "أ ب ج\' ثم «د ه» و"و ز ح'
    spans = quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["أ ب ج", "د ه", "و ز ح"]
    assert [s.closed for s in spans] == [True, True, False]


def test_guillemets_typed_the_wrong_way_round_pair() -> None:
    # » glued to the next word opens (a Saudi daily's typesetting); the narration before it stays outside
    text = "وأضاف المتحدث الرسمي في بيانه ان الطائرات قصفت لـ»مواقع الجماعة في الشريط الحدودي»."
    assert [text[s.start:s.end] for s in quoted_spans(text)] == ["مواقع الجماعة في الشريط الحدودي"]
    # two closing marks in a row with nothing open: the first opens the quotation the second closes
    text = "ونقلت الوكالة عن مصدر مطلع قوله إن» الوزير طالب بوقف القصف فورا». وتابعت الوكالة التقرير."
    assert [(text[s.start:s.end], s.closed) for s in quoted_spans(text)] == [(" الوزير طالب بوقف القصف فورا", True)]


# (rule, a sentence of our own with its construction): running the stage on it makes the rule's counter rise
RULE_SENTENCES = [
    ("speech_verb", "وقال مدير المدرسة إن الدروس ستبدأ في موعدها."),
    ("subject_after_verb", "وقال مدير المدرسة إن الدروس ستبدأ في موعدها."),
    ("reported_clause", "وقال مدير المدرسة إن الدروس ستبدأ في موعدها."),
    ("subject_before_verb", "أما المهندسة ليلى بركات فقالت إن الجسر الجديد سيفتح أمام السيارات قريبا."),
    ("came_in_statement", "وجاء في بلاغ النادي أن المدرب الجديد سيصل غدا."),
    ("according_to", "وتضاعف سعر الخبز مرتين خلال شهر واحد، بحسب وزارة الزراعة."),
    ("anonymous_source_noun", "وقال موظف في البلدية إن الحديقة ستغلق للصيانة."),
    ("anonymous_marker", "وقال مهندس اشترط عدم نشر اسمه إن الجسر القديم يحتاج إلى ترميم."),
    ("source_after_an", "ونقلت الإذاعة المحلية عن رئيس البلدية قوله إن الطريق سيعبد هذا الصيف."),
    ("reported_prepositional_frame", "وأشار المدير إلى أهمية النظافة في الصفوف."),
    ("earlier_cue_speaker", "وقال مدير المدرسة إن الدروس ستبدأ في موعدها، مضيفا أن الكتب وصلت."),
    ("inherited_speaker", "وقال مدير المدرسة إن الدروس ستبدأ في موعدها. وأضاف أن الكتب وصلت كلها."),
    ("anaphor_same_head", "وقال بلاغ مشترك إن الملعب جاهز. وأضاف البلاغ أن التذاكر نفدت."),
    ("direct_cue_before", 'وقالت المعلمة هدى: "سنزرع مئة شجرة في ساحة المدرسة".'),
    ("direct_cue_after", '"سنزرع مئة شجرة في الساحة"، قالت المعلمة هدى.'),
    ("direct_coordinated", 'ودعا المدرب اللاعبين إلى "الهدوء التام داخل الملعب" و"احترام قرارات الحكم دائما".'),
    ("direct_trailing_attribution", '"سنفتح المكتبة يوم السبت المقبل وقالت المديرة "بعد انتهاء أعمال الطلاء.'),
    ("direct_paragraph_start", 'وقالت الممرضة سلمى: "المناوبة طويلة الليلة".\n"لكننا باقون هنا حتى الصباح".'),
    ("quoted_name", 'وسافر الوفد على متن سفينة "النجمة" مساء أمس.'),
    ("relative_clause", "وزرنا القرية التي يقول أهلها إنها الأقدم في الوادي."),
    ("vague_collective", "ويرى مراقبون أن الموسم سيكون ممطرا."),
]


@pytest.mark.parametrize(("rule", "text"), RULE_SENTENCES)
def test_rule_counter_rises_on_its_construction(rule: str, text: str) -> None:
    key = f"quotes.{rule}"
    before = hit_counts()[key]
    find_quotes("a1", text)
    assert hit_counts()[key] > before


def test_every_rule_is_registered_and_listed() -> None:
    counts = hit_counts()
    assert RULES.names and all(f"quotes.{name}" in counts for name in RULES.names)
    assert {rule for rule, _ in RULE_SENTENCES} <= set(RULES.names)


def test_cue_tables_come_from_the_data_files() -> None:
    assert CUE_READINGS[fold("وقالت")] == (fold("قال"), False)
    assert CUE_READINGS[fold("مضيفا")] == (fold("أضاف"), True)
    assert fold("أكد") in REPORTING and fold("دعا") not in REPORTING
    assert fold("مسؤول") in SOURCE_NOUNS and fold("خلال") in STOP_WORDS


_ALPHABET = st.sampled_from(list("قال إن أن «»\"“”'،.:\n وأضافمصدرمسؤولبيانالوزيرفي ") + [
    "وقال ", " إن ", "مصدر مطلع ", "وأضاف ", "«", "»", '"', "بحسب ", "مضيفا أن ", "البيان ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for q in find_quotes("a1", text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "reported")
        if q.speaker_text is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        else:
            assert q.speaker_start == q.speaker_end == -1


def test_a_decimal_point_does_not_end_the_reported_clause() -> None:
    text = "وقال المتحدث باسم هيئة الأرصاد إن سرعة الرياح بلغت 65.5 كيلومترا في الساعة وإن العاصفة ستضعف مساء."
    (quote,) = find_quotes("a1", text)
    assert quote.text.startswith("سرعة الرياح") and quote.text.rstrip(".").endswith("ستضعف مساء")
    assert "هيئة الأرصاد" in (quote.speaker_text or "")
