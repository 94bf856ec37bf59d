"""Framing vocabulary: table-driven cases on clitics, quotations, scare quotes, names and attribution, the
lexicon's coverage, and contrast discovery on a tiny made-up event."""
from __future__ import annotations

import pytest

from marsad.compare.framing import (
    NEUTRAL,
    SCARE_QUOTES,
    Framing,
    _content_word,
    _content_words,
    _context_words,
    adjective_forms,
    contrast_terms,
    find_framing,
    load_lexicon,
    verb_nouns,
    word_forms,
)
from marsad.text.normalize import normalize_with_map
from marsad.types import Mention, Quote


def _terms(text: str, quotes: tuple[Quote, ...] = ()) -> dict[str, tuple[int, str]]:
    return {t.term: (t.count, t.label) for t in find_framing("a1", text, quotes).terms}


@pytest.mark.parametrize(("text", "expected"), [
    # lexicon terms with proclitics, the article restored when the text has it
    ("وزار الوفد مقر الحكومة بعد اتفاق بالتطبيع بين البلدين.", {"التطبيع": (1, "normalisation")}),
    ("وجاءت الزيارة ردا على للاحتلال وسياساته.", {"الاحتلال": (1, "occupation")}),
    ("وقصفت طائرات جيش الاحتلال مواقع عدة، وقال شهود إن جيش الاحتلال انسحب.", {"جيش الاحتلال": (2, "occupation")}),
    ("وصار الأرخبيل ثاني بلد في القارة يطبع علاقاته رسميا بالدولة العبرية.",
     {"يطبع علاقاته": (1, "normalisation"), "الدولة العبرية": (1, "hebrew-state")}),
    ("وذكرت صحف عبرية صادرة صباح السبت أن الجلسة أرجئت.", {"عبرية": (1, "hebrew-media")}),
    ("واستُشهد ثلاثة شبان برصاص قوات الاحتلال فجر اليوم.",
     {"استُشهد": (1, "martyr"), "قوات الاحتلال": (1, "occupation")}),
    ("وأعلنت ميليشيا الحوثي الإرهابية مسؤوليتها عن الهجوم.",
     {"ميليشيا الحوثي": (1, "militia"), "الإرهابية": (1, "terrorist")}),
    ("وتعهد النظام السوري بالرد على الهجوم.", {"النظام السوري": (1, "regime")}),
    # the longest term wins, a neutral term shields the marked one inside it
    ("وتحدث الوزير عن الصحراء الغربية وتطورات الملف.", {}),
    ("وزار الوفد الصحراء المغربية أمس.", {"الصحراء المغربية": (1, "moroccan-sahara")}),
    ("ويدرس الطالب اللغة العبرية في الجامعة.", {}),
    ("وقتل عشرة أشخاص في القصف، بحسب حصيلة رسمية.", {}),
    # a euphemism only in its own phrase: ارتقى alone is "rose" (a header, a career, a service improved)
    ("وارتقى شهيدا برصاص قوات الاحتلال قرب الحاجز.",
     {"ارتقى شهيدا": (1, "martyr"), "قوات الاحتلال": (1, "occupation")}),
    ("وارتقى المدافع لكرة عرضية وسجل برأسه هدف الفوز.", {}),
    ("وتعمل الهيئة على الارتقاء بمستوى الخدمات البلدية.", {}),
    # terms by function, whatever the story: honorifics (Moroccan, Gulf), kinship rhetoric, epic and tragedy labels
    ("وأشرف جلالة الملك على إطلاق المشروع تنفيذا لتوجيهاته السامية.",
     {"جلالة": (1, "royal"), "توجيهاته السامية": (1, "sublime")}),
    ("واستقبل الأمير المفدى -حفظه الله- الوفد في قصره.", {"المفدى": (1, "royal"), "حفظه الله": (1, "blessing")}),
    ("وأرسلت الحكومة قافلة مساعدات إلى الشعب السوداني الشقيق.", {"الشقيق": (1, "brother")}),
    ("وحقق المنتخب ملحمة كروية أمام العملاق البرازيلي.", {"ملحمة": (1, "epic"), "العملاق": (1, "giant")}),
    ("وعاشت القرية فاجعة حقيقية بعد انهيار السد.", {"فاجعة": (1, "tragedy")}),
    ("وهاجمت ميليشياته القرى الحدودية فجرا.", {"ميليشياته": (1, "militia")}),
    ("وأصدرت الحكومة غير المعترف بها دوليا قرارا جديدا.", {"غير المعترف بها": (1, "unrecognised")}),
    ("وزعم الناطق أن القوات انسحبت من المدينة.", {"زعم": (1, "claimed")}),
    ("وذلك تنفيذا للتعليمات السامية لصاحب الجلالة.",
     {"التعليمات السامية": (1, "sublime"), "صاحب الجلالة": (1, "royal")}),
    ("وصارت القرية مقبرة مفتوحة بعد السيول.", {"مقبرة مفتوحة": (1, "tragedy")}),
    ("وأعلنت الحكومة، التي لا يعترف بها المجتمع الدولي، حظر التجول.",
     {"لا يعترف بها المجتمع الدولي": (1, "unrecognised")}),
    # an accusing verb: the accused named in the outlet's words is its voice, the charge after بـ is not
    ("وتتهم أوساط واسعة ميليشيات الجنرال بنهب المخازن.", {"ميليشيات": (1, "militia")}),
    ("وتحدث الكاتب عن الإرث الاستعماري في القارة.", {"الاستعماري": (1, "colonial")}),
    # rows by function, in several house styles: blessings, valour, condemnation, deviance, legitimacy, blame; a
    # title of rank and the noun الإثم (sin), which normalises as الآثم (sinful) does, are none
    ("ورفع التهنئة للقيادة الرشيدة - أيدها الله - بمناسبة العيد.",
     {"القيادة الرشيدة": (1, "wise"), "أيدها الله": (1, "blessing")}),
    ("ودعا الله أن يحفظ جنودنا البواسل المرابطين على الحدود.", {"البواسل": (1, "valiant")}),
    ("ورفع التهاني إلى خادم الحرمين الشريفين، ودعا الله أن يجنب الأمة الإسلامية الإثم.",
     {"الأمة الإسلامية": (1, "nation")}),
    ("وأدان المجلس العمل الإرهابي الجبان الذي استهدف المصلين.",
     {"الإرهابي": (1, "terrorist"), "الجبان": (1, "cowardly")}),
    ("وحذر الخطيب الشباب من الانسياق وراء الفكر الضال.", {"الفكر الضال": (1, "deviant")}),
    ("وتقدمت قوات الحكومة الشرعية نحو المدينة بعد انسحاب ميليشيات الرئيس المخلوع.",
     {"الحكومة الشرعية": (1, "legitimate"), "ميليشيات": (1, "militia"), "المخلوع": (1, "deposed")}),
    ("وانتقد البيان تعنت الطرف الآخر الذي يواصل المماطلة في تنفيذ الاتفاق.",
     {"تعنت": (1, "intransigence"), "المماطلة": (1, "procrastination")}),
    ("وشارك في الاقتراع آلاف الناخبين في عرس ديمقراطي جديد.", {"عرس ديمقراطي": (1, "wedding")}),
    # the same words in their plain senses, and titles of rank every outlet writes
    ("وحضر العرس أخوه الشقيق الأكبر وأخته غير الشقيقة.", {}),
    ("واستقبل صاحب السمو ولي العهد معالي الوزير في مكتبه.", {}),
    ("وناقش المؤتمر سبل مكافحة معاداة السامية في أوروبا.", {}),
    ("وأصدرت المفوضية السامية لشؤون اللاجئين تقريرا عن أهدافها السامية.", {}),
    ("وأصيب السائق بعد انقلاب سيارته على الطريق السريع.", {}),
    ("ونجا المريض من موت محقق لولا أن تداركته رحمة الله.", {}),
    ("وزار الوفد معهد خادم الحرمين الشريفين لأبحاث الحج.", {}),
    ("واحتفل أنصار النادي بالإنجاز التاريخي للفريق في البطولة القارية.", {}),  # a sports record, as the keys read it
    ("وتوفي الشيخ الجليل رحمه الله صباح أمس.", {}),  # the formula after a dead person's name: no stance
    ("وتوفي الشيخ الجليل وانتقل إلى رحمة الله صباح أمس.", {"انتقل إلى رحمة الله": (1, "mercy")}),
    # rows by function written for news we have not seen (Gulf, Levantine, Egyptian, Maghrebi, translated wire):
    # legitimacy, blame, bloodshed, scare naming, extremism, sedition, liberation; and their plain senses
    ("وأكد البيان استمرار دعم الشرعية حتى عودة الشرعية إلى العاصمة.",
     {"دعم الشرعية": (1, "legitimate"), "عودة الشرعية": (1, "legitimate")}),
    ("وتعرضت الأحياء السكنية لقصف عشوائي أوقع ضحايا بين المدنيين.", {"قصف عشوائي": (1, "indiscriminate")}),
    ("وأطلق الجنود النار على الشاب بدم بارد أمام منزله.", {"بدم بارد": (1, "cold-blood")}),
    ("وشهدت الولاية مواجهات دامية بين الطرفين طوال الصيف.", {"دامية": (1, "bloody")}),
    ("وتبنت جماعة بوكو حرام المتطرفة الهجوم على القرية.", {"المتطرفة": (1, "extremist")}),
    ("وانضم الشاب إلى ما يسمى بتنظيم الدولة قبل عامين.", {"ما يسمى بتنظيم": (1, "so-called")}),
    ("وحذر الخطيب من إثارة الفتنة بين أبناء الوطن الواحد.", {"الفتنة": (1, "sedition")}),
    ("واحتشد الأهالي لاستقبال الأسير المحرر في بلدته.", {"الأسير المحرر": (1, "freed-prisoner")}),
    ("وتواصل القوات تقدمها منذ تحرير مدينة الرمادي الشهر الماضي.", {"تحرير مدينة": (1, "liberation")}),
    ("ويعاني المريض من اضطراب في الدورة الدموية منذ سنوات.", {}),
    ("وحقق حزب من اليمين المتطرف تقدما في الانتخابات البلدية.", {}),
    ("واختار الباحثون العينة عشوائيا من سجلات المستشفى.", {}),
    ("وقررت الحكومة تحرير أسعار الوقود اعتبارا من الشهر المقبل.", {}),
    ("وعين المجلس رئيس تحرير جديدا للصحيفة.", {}),
    # whole words only
    ("وأعلنت الكيانات الاقتصادية الكبرى عن خطط جديدة.", {}),
    ("ولم يطبعوا الكتاب بعد.", {}),
])
def test_terms_in_own_voice(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize("text", [
    # inside quotation marks: the speaker's words, not the outlet's
    'وقال المتحدث إن "جيش الاحتلال يواصل خرق الهدنة" في المنطقة.',
    "وأكد المتحدث أن «ميليشيا الحوثي الانقلابية» قصفت الميناء.",
    "وقال القيادي إن ما جرى “انقلاب على الدستور” وإنه لن يقبل به.",
    # names of organisations that contain a term
    "ونظمت الجمعية الوطنية لمناهضة التطبيع وقفة أمام البرلمان.",
    "وشارك أعضاء التنسيقية الشبابية ضد التطبيع في المسيرة.",
    "وأعلنت حركة المقاومة الإسلامية موافقتها على المقترح.",
    "وتجمع المحتجون في ساحة الشهداء وسط المدينة.",
    "ويلتقي الفريقان في نهائي كأس خادم الحرمين الشريفين مساء الجمعة.",
    "وانطلقت منافسات بطولة الشهيد للرماية بمشاركة عشرين ناديا.",
    "وأثبتت الفحوص إصابة المهاجم بقطع في الرباط الصليبي وغيابه عن الملاعب ستة أشهر.",
    # a label attributed to someone, a past event named by its date
    "وأقال الرئيس الحكومة في خطوة وصفها معارضوه بأنها انقلاب.",
    "ويحكم المجلس العسكري البلاد منذ انقلاب أكتوبر 2019.",
    "وتصنفها عدة دول منظمة إرهابية منذ سنوات.",
    "واتهمت المعارضة الرئيس بالانقلاب على الدستور.",
    "ويتهمه خصومه بأنه من الخونة.",
    "وأقال الرئيس نائبه لاتهامه بالتخطيط لانقلاب عسكري.",  # the verbal noun of the accusation, after ل
    # neutral wire copy
    "وقرر الطرفان إعادة العلاقات القنصلية وتبادل السفراء قبل نهاية الربيع.",
    "وقالت جماعة أنصار الله إنها أسقطت طائرة مسيرة.",
])
def test_not_the_outlets_voice(text: str) -> None:
    assert _terms(text) == {}


def test_direct_quote_span_given_by_the_quote_stage() -> None:
    text = "وقال الوزير إن الاحتلال لن يدوم طويلا"
    start = text.index("الاحتلال")
    quote = Quote("a1", start, len(text), text[start:], "direct")
    assert _terms(text) == {"الاحتلال": (1, "occupation")}
    assert _terms(text, (quote,)) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("وتسعى “إسرائيل” إلى توسيع نفوذها، بينما ترى “تل أبيب” أن الوقت مناسب.",
     {"“إسرائيل”": (1, SCARE_QUOTES), "“تل أبيب”": (1, SCARE_QUOTES)}),
    ('وزار الوفد و"إسرائيل" تواصل حملتها.', {'"إسرائيل"': (1, SCARE_QUOTES)}),
    ("وتسلمت المؤسسة «الدفاعية» شحنة جديدة.", {"«الدفاعية»": (1, SCARE_QUOTES)}),
    # a quoted name that is not scare-quotable, a longer quotation, a quoted label attributed to someone
    ("وأعلن «حزب الله» موقفه من التطورات.", {}),
    ("وذكر موقع “أخبار إسرائيل اليوم” أن الاجتماع تأجل.", {}),
    ("وقال الرئيس إن السلام مع “إسرائيل” ممكن إذا التزمت بالاتفاقات الموقعة", {"“إسرائيل”": (1, SCARE_QUOTES)}),
])
def test_scare_quotes(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


def test_framing_of_an_article_with_and_without_terms() -> None:
    framings = [find_framing("a1", "وقال الناطق إن الاحتلال يتحمل المسؤولية"),
                find_framing("a2", "وعقد الوزيران لقاء.")]
    assert framings[1] == Framing("a2", ())
    assert framings[0].to_dict() == {"article": "a1", "terms": [{"term": "الاحتلال", "count": 1,
                                                                  "label": "occupation",
                                                                  "category": "occupation-naming"}]}


def test_lexicon_rows_have_a_general_category() -> None:
    lexicon = load_lexicon()
    categories = {e.category for e in lexicon}
    assert len(categories - {NEUTRAL}) >= 15  # by function: honorific, kinship, epic, tragedy, blame...
    assert all(e.term and e.category and e.label and e.note for e in lexicon)
    assert all(e.category == NEUTRAL for e in lexicon if e.label == NEUTRAL)
    assert len({(e.term, e.label) for e in lexicon}) == len(lexicon)


def _event() -> tuple[dict[str, dict[str, str]], dict[str, list[Mention]]]:
    """Three outlets on one visit: one of them writes "وزير الحرب" where the others write "وزير الدفاع"."""
    texts = {
        "A": {"a1": "وصل وزير الحرب زيد إلى العاصمة. والتقى وزير الحرب زيد نظيره. وغادر وزير الحرب زيد مساء."},
        "B": {"b1": "وصل وزير الدفاع زيد إلى العاصمة. والتقى وزير الدفاع زيد نظيره."},
        "C": {"c1": "وصل وزير الدفاع زيد إلى العاصمة. وغادر وزير الدفاع زيد مساء."},
    }
    mentions: dict[str, list[Mention]] = {"zaid": []}
    for by_id in texts.values():
        for aid, text in by_id.items():
            start = -1
            while (start := text.find("زيد", start + 1)) >= 0:
                mentions["zaid"].append(Mention(aid, start, start + 3, "زيد", "PER"))
    return texts, mentions


def test_contrast_terms_find_the_word_one_outlet_uses() -> None:
    texts, mentions = _event()
    found = contrast_terms(texts, mentions)
    assert found and all(c.outlet == "A" and c.entity == "zaid" for c in found)
    assert {"الحرب", "وزير الحرب"} <= {c.term for c in found}
    assert all(c.others == 0 for c in found)
    assert "وزير" not in {c.term for c in found}


def test_context_read_off_the_normalised_article_is_that_of_the_slice() -> None:
    text = "وصـل وَزِيرُ الحربِ زيد إلى العاصمةِ\u200f، والتقى الوزير زيد نظيرَه في القصر ثم غادر مساءً."
    norm = normalize_with_map(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 7):
            words = _content_words(text[start:end])
            assert _context_words(norm, start, end, set(), from_end=False) == tuple(words[:3])
            assert _context_words(norm, start, end, set(), from_end=True) == tuple(words[-3:])
    assert _context_words(norm, 0, len(text), {"العاصمه"}, from_end=False) == ("وصل", "وزير", "الحرب")
    both = normalize_with_map("وزار الوزير سوريا ولبنان والأردن في جولة")
    assert _context_words(both, 0, 60, {"سوريا", "لبنان"}, from_end=False) == ("وزار", "الوزير", "الاردن")


@pytest.mark.parametrize("word", ["لل", "لقد", "ومن", "وكان", "الاحد", "مساء", "يوليو", "2023", "ثلاثه", "مليون",
                                  "الالف"])
def test_contrast_leaves_out_fragments_function_words_and_times(word: str) -> None:
    assert _content_word(word) is None


@pytest.mark.parametrize(("word", "counted"), [("الحرب", "الحرب"), ("والحرب", "الحرب"), ("الغزاه", "الغزاه"),
                                               ("وزير", "وزير")])
def test_contrast_keeps_content_words(word: str, counted: str) -> None:
    assert _content_word(word) == counted


def test_a_government_named_after_its_leader_is_a_regime_label() -> None:
    text = 'وقالت الصحيفة إن نظام صدام حسين انهار، وإن النظام السابق ترك البلاد منهكة. وقال "نظام زيد عمرو انتهى".'
    mentions = [Mention("a1", text.find(name), text.find(name) + len(name), name, kind)
                for name, kind in (("صدام حسين", "PER"), ("زيد عمرو", "PER"))]
    mentions.append(Mention("a1", text.find("البلاد"), text.find("البلاد") + 6, "البلاد", "GPE"))
    terms = find_framing("a1", text, (), mentions).terms
    assert [(t.term, t.label, t.category) for t in terms] == [("نظام صدام حسين", "regime", "delegitimising-label")]


def test_a_public_figure_typed_otherwise_and_a_date_after_the_name() -> None:
    text = "وغرقت البلاد في الفوضى منذ سقوط نظام معمر القذافي عام 2011، وتعطل نظام الإنذار المبكر."
    mentions = [Mention("a1", text.find("معمر القذافي"), text.find("معمر القذافي") + 12, "معمر القذافي", "MISC"),
                Mention("a1", text.find("الإنذار المبكر"), text.find("الإنذار المبكر") + 14, "الإنذار المبكر", "MISC")]
    terms = find_framing("a1", text, (), mentions).terms
    assert [(t.term, t.label) for t in terms] == [("نظام معمر القذافي", "regime")]


def test_a_place_taken_and_named_liberated() -> None:
    text = "وأعلنت القوات تحرير عدن بعد أسابيع من المعارك، بينما طالب رئيس تحرير الصحيفة بتحرير الأسرى."
    mentions = [Mention("a1", text.find(name), text.find(name) + len(name), name, kind)
                for name, kind in (("عدن", "GPE"), ("الأسرى", "MISC"))]
    terms = find_framing("a1", text, (), mentions).terms
    assert [(t.term, t.label, t.category) for t in terms] == [("تحرير عدن", "liberation", "legitimising-label")]


@pytest.mark.parametrize(("text", "expected"), [
    # a row's last word with an attached pronoun, its ة written ت (Gulf, Levantine, Egyptian house styles)
    ("وارتكبت قوات النظام مجزرتها الثانية في الريف.", {"قوات النظام": (1, "regime"), "مجزرتها": (1, "massacre")}),
    ("ولن تنطلي أكاذيبهم على أحد بعد اليوم.", {"أكاذيبهم": (1, "lies")}),
    # an adjective of relation in ي with its feminine, dual and plural endings; a sound plural in either case
    ("ونفذت إرهابيتان الهجوم على السوق.", {"إرهابيتان": (1, "terrorist")}),
    ("وفر متمردون من المدينة بعد المعارك.", {"متمردون": (1, "rebels")}),
    # loaded verbs conjugated from their past and present (a translated wire style, a Maghrebi one)
    ("وأعدم التنظيم ثلاثة رهائن في الساحة العامة.", {"أعدم": (1, "executed")}),
    ("وقال المتحدث إن الحكومة تتلكأ في تنفيذ الاتفاق.", {"تتلكأ": (1, "stalled")}),
    ("اغتالوه أمام منزله في الحي.", {"اغتالوه": (1, "assassinated")}),
    # an armed group's label is surfaced as a choice of label, neutral or not
    ("وسيطر المتمردون الحوثيون على المديرية.", {"المتمردون الحوثيون": (1, "rebels")}),
    ("وتقدمت المقاومة الشعبية في أحياء المدينة.", {"المقاومة الشعبية": (1, "resistance")}),
])
def test_inflected_forms_and_loaded_verbs(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an adjective row in its other gender and number (Gulf statement style, Egyptian, Levantine)
    ("وأدانت الوزارة الاعتداء الدنيء على المصلين.", {"الدنيء": (1, "vile")}),
    ("وتصدت القوات لهجمات المتطرفات في المخيم.", {"المتطرفات": (1, "extremists")}),
    ("وقالت الصحيفة إن المسلحين ارتكبوا أعمالا شنيعة بحق السكان.", {"شنيعة": (1, "heinous")}),
    # a one-word adjective without the article after its noun (translated wire, Maghrebi)
    ("وتقاتل القوات الحكومية مسلحين جهاديين في الشمال.", {"جهاديين": (1, "jihadist")}),
    # a label of those fought stays the outlet's after ضد (a position opposed does not: test_not_the_outlets_voice)
    ("وخاض الجيش معارك ضد إسلاميين جهاديين في الريف.", {"جهاديين": (1, "jihadist")}),
    # ... where a neutral noun phrase shields its adjective without the article too (health news)
    ("وأسفر هجوم دموي عن قتلى، ويصيب المرض خلايا دموية.", {"دموي": (1, "bloody")}),
    # an adjective of relation between a row's words (Bahraini, Kuwaiti state media)
    ("وجدد المواطنون الولاء للقيادة البحرينية الرشيدة.", {"القيادة البحرينية الرشيدة": (1, "wise")}),
    # the evaluative words learnt from SaudiNewsNet
    ("وندد البيان بالانتهاكات الممنهجة والإجراءات التعسفية بحق المعتقلين.",
     {"الممنهجة": (1, "systematic"), "التعسفية": (1, "arbitrary")}),
    ("ولن تنجح مخططات الكائدين في النيل من البلاد.", {"الكائدين": (1, "plotters")}),
    ("وحذر الخطيب الشباب من التعصب والأعمال التخريبية.", {"التعصب": (1, "fanaticism"), "التخريبية": (1, "subversive")}),
    # a second round from the words kept in the first
    ("وتعهدت الحكومة بالعفو عن المغرر بهم ومواجهة الأفكار الهدامة.",
     {"المغرر بهم": (1, "misled"), "الهدامة": (1, "destructive")}),
    ("وخضع المريض لاستئصال الورم الخبيث، وندد البيان بالمخططات الخبيثة.", {"الخبيثة": (1, "malicious")}),
    # words of columns far more than reports (Gulf column, Egyptian, Levantine)
    ("وتبقى هذه الأزمات المفتعلة جزءا من مخططاتهم الشيطانية.",
     {"المفتعلة": (1, "contrived"), "الشيطانية": (1, "satanic")}),
    ("ولم يعد الشارع يصدق الشعارات الرنانة ولا زيف الإعلام.",
     {"الرنانة": (1, "bombastic"), "زيف": (1, "falsity")}),
    ("والوزير دبلوماسي محنك عاش زمن الاستبداد.", {"محنك": (1, "seasoned"), "الاستبداد": (1, "despotism")}),
    # the abstract noun behind an adjective of the lexicon (translated wire, Maghrebi)
    ("وتستخدم السلطات القانون لقمع المعارضة، وندد الصحافيون بالتعسف.",
     {"قمع": (1, "repression"), "التعسف": (1, "arbitrariness")}),
    ("وواصلت الميليشيا البلطجة والطغيان واستفزاز الجيران.",
     {"الميليشيا": (1, "militia"), "البلطجة": (1, "thuggery"), "الطغيان": (1, "tyranny"),
      "استفزاز": (1, "provocation")}),
    # two-word collocations of columns and a pejorative label learnt with them (Gulf column, Levantine)
    ("وتراجع نفوذ المتأسلمين في البلاد، ومني الحزب بفشل ذريع.",
     {"المتأسلمين": (1, "pseudo-islamist"), "فشل ذريع": (1, "utter-failure")}),
    ("وعادت الفوضى الخلاقة إلى المنطقة مع تمدد إيران الخمينية.",
     {"الفوضى الخلاقة": (1, "creative-chaos"), "الخمينية": (1, "khomeinist")}),
])
def test_adjective_forms_and_learnt_words(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # functions beyond the development stories: victims, eradication, praise of one's side (Gulf), evil and the
    # ousted (Egyptian), extermination and starvation (Levantine), the southern provinces (Maghrebi), translated wire
    ("واستهدف التفجير المصلين الأبرياء، وتعهد الأمير باجتثاثه من جذوره وملاحقة هؤلاء الجبناء.",
     {"الأبرياء": (1, "innocent"), "اجتثاثه": (1, "uproot"), "الجبناء": (1, "cowardly")}),
    ("ورفع التهاني لسمو ولي عهده الأمين، وأشاد بمواقفها المشرفة تجاه هذه البلاد المباركة.",
     {"ولي عهده الأمين": (1, "faithful"), "مواقفها المشرفة": (1, "honourable"),
      "البلاد المباركة": (1, "blessed")}),
    ("وقال إن قوى الشر لن تنال من مصر، وتغيب الرئيس المعزول عن الجلسة.",
     {"قوى الشر": (1, "evil"), "الرئيس المعزول": (1, "ousted")}),
    ("ويشن الاحتلال حرب إبادة على القطاع ويمارس سياسة التجويع بذريعة الأمن.",
     {"الاحتلال": (1, "occupation"), "حرب إبادة": (1, "genocide"), "التجويع": (1, "starvation"),
      "بذريعة": (1, "pretext")}),
    ("وزار الوفد الأقاليم الجنوبية للمملكة.", {"الأقاليم الجنوبية": (1, "southern-provinces")}),
    ("وأحبطت الأجهزة الأمنية مخططا يهدف إلى إشاعة الفوضى في البلاد.", {"إشاعة الفوضى": (1, "spreading-chaos")}),
    ("واعتبرت المنظمة ما جرى تطهيرا عرقيا بحق المدنيين العزل.", {"المدنيين العزل": (1, "unarmed")}),
    ("ووصف الحملة بأنها مغرضة، في محاولة يائسة لتشويه الحقائق.", {"محاولة يائسة": (1, "desperate")}),
    # beside the other sense of a word of those rows, which is no term
    ("وبعد قانون اجتثاث البعث تعهدت الحكومة باجتثاث الإرهاب.", {"اجتثاث": (1, "uproot")}),
    ("وعادت الأسر اليائسة إلى منازلها، وزارت الجهة المشرفة الموقع، وسقط الأبرياء.",
     {"الأبرياء": (1, "innocent")}),
    ("وأظهرت الفحوصات عدم وجود مرض خبيث، وحذرت الشركة من برمجيات خبيثة.", {}),
    ("وتوفي شابان في حادث انقلاب على طريق عرعر، وحرم الإسلام أكل أموال الناس بالباطل.", {}),
    ("وقال الأمين العام للأمم المتحدة إن قوى الشر لن تنتصر.", {"قوى الشر": (1, "evil")}),
])
def test_round_nine_functions_and_their_other_senses(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a loaded verb's participle as an adjective and its verbal noun (Gulf, Levantine, Egyptian styles)
    ("واتهم البيان الأطراف المتواطئة والدول المتخاذلة.",
     {"المتواطئة": (1, "colluded"), "المتخاذلة": (1, "abandonment")}),
    ("وانتقد الكاتب الموقف المتعنت للحكومة.", {"المتعنت": (1, "intransigence")}),
    ("وضاق المستأجرون بمماطلات المالك في الإصلاح.", {"مماطلات": (1, "procrastination")}),
])
def test_verbal_nouns_and_participles_of_loaded_verbs(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


def test_verb_nouns_by_measure() -> None:
    assert verb_nouns("اقتحم") == ("اقتحام", "المقتحم")  # VIII
    assert verb_nouns("اغتال") == ("اغتيال", "المغتال")  # VIII, hollow
    assert verb_nouns("استباح") == ("استباحة", "المستبيح")  # X, hollow
    assert verb_nouns("ماطل") == ("مماطلة", "المماطل")  # III
    assert verb_nouns("تلكأ") == ("تلكؤ", "المتلكئ")  # V, a final hamza
    assert verb_nouns("دنس") == verb_nouns("أعدم") == ()  # I or II unvowelled; IV's noun is a sentence too


def test_an_adjective_takes_both_genders_and_numbers_from_any_form() -> None:
    assert set(adjective_forms("الدنيئة")) == {"الدنيء", "الدنييه", "الدنييون", "الدنييين", "الدنييات", "الدنييا"}
    assert "المتمرد" in adjective_forms("المتمردين")
    assert "المش" not in adjective_forms("المشين")  # no plural: a stem of two letters is no stem
    assert "البشع" in adjective_forms("البشعة")


@pytest.mark.parametrize(("text", "expected"), [
    # after رفض or ضد, a label of what is fought or suffered is still the outlet's word (Gulf, Levantine)
    ("وأكد رفض المملكة للعدوان الحوثي على عدن.", {"العدوان الحوثي": (1, "aggression")}),
    ("وخرج المحتجون رفضا للاحتلال الإسرائيلي.", {"الاحتلال الإسرائيلي": (1, "occupation")}),
    # a position word is the opponents': تظاهروا ضد الانقلاب, رفضه للتطبيع
    ("وتظاهر الآلاف ضد الانقلاب، وجددوا رفضهم للتطبيع وللعدوان الإسرائيلي.",
     {"العدوان الإسرائيلي": (1, "aggression")}),
])
def test_opposition_sets_aside_positions_not_what_is_fought(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the indefinite accusative of a noun row and of an adjective's masculine (Levantine, Egyptian, Gulf, wire)
    ("وسقط الشاب شهيدا برصاص قوات الاحتلال.", {"شهيدا": (1, "martyr"), "قوات الاحتلال": (1, "occupation")}),
    ("واعتبر المحلل ما جرى انقلابا على الدستور.", {"انقلابا": (1, "coup")}),
    ("ونفذ المسلحون عملا إجراميا جبانا ضد المصلين.", {"إجراميا": (1, "criminal"), "جبانا": (1, "cowardly")}),
    ("ورد الجيش ردا وحشيا على المتظاهرين.", {"وحشيا": (1, "brutal")}),
    # beside a form that is another word: عبثا (in vain) is no tampering
    ("وحاول المسعفون عبثا إنقاذ الشاب الذي سقط شهيدا.", {"شهيدا": (1, "martyr")}),
])
def test_the_indefinite_accusative(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected
    assert "انقلابا" in word_forms("انقلاب")
    assert "مجزرها" not in word_forms("مجزرة")  # a ة takes no alif (مجزرةً), and ها after ه is no pronoun of it


@pytest.mark.parametrize(("text", "expected"), [
    # a noun's dual (Levantine, Egyptian)
    ("وارتقى شهيدان من أبناء البلدة جراء الغارة.", {"شهيدان": (1, "martyr")}),
    ("وقالت المصادر إن القوات ارتكبت مجزرتين في ريف المحافظة.", {"مجزرتين": (1, "massacre")}),
    # a definite noun and its adjective with a pronoun for the article (Gulf, Yemeni)
    ("ويديم على بلادنا أمنها في ظل قيادتها الرشيدة.", {"قيادتها الرشيدة": (1, "wise")}),
    ("وعاثت الجماعة فسادا في صنعاء منذ انقلابها على الشرعية.",
     {"عاثت": (1, "wreaked-havoc"), "انقلابها على الشرعية": (1, "legitimate")}),
    # a plural label as the first noun of a construct (wire, Gulf)
    ("وقال مسؤولون إن متمردي حركة الشباب هاجموا القاعدة.", {"متمردي": (1, "rebels")}),
    ("وأعلن الجيش مقتل ثلاثة من متشددي التنظيم، فيما فر متمردو الجبهة.",
     {"متشددي": (1, "hardline"), "متمردو": (1, "rebels")}),
    ("وقال شقيقي إن مجرمي الإنترنت سرقوا حسابه.", {}),  # my brother; cybercriminals
    ("وأوقفت الشرطة المعتدي على الطبيب في حينه.", {}),  # the assailant: a construct's noun takes no article
    # استشهد بـ a saying or a study right after the verb is "cited", not "was martyred" (a column, a report)
    ("وهنا أستشهد بقول الشاعر، فقد استشهد جندي برصاص قناص.", {"استشهد": (1, "martyr")}),
    ("وقالت الوزيرة إن النمو سيتسارع، واستشهدت بدراسة أعدتها شركة استشارية.", {}),
    # an adjective without its article beside the verb it looks like (غادر left)
    ("واستشهد جندي بقذيفة غادرة أطلقتها الجماعة من خلف الحدود.",
     {"استشهد": (1, "martyr"), "غادرة": (1, "treacherous")}),
    ("وأدان المجلس الهجوم الإرهابي الغادر.", {"الإرهابي": (1, "terrorist"), "الغادر": (1, "treacherous")}),
    ("وأمضى اللاعب عشر سنوات مع النادي وغادره بعد خلاف مع المدرب. وغادر الوفد الرياض.", {}),
])
def test_forms_made_from_the_rows(text: str, expected: dict[str, tuple[int, str]]) -> None:
    assert _terms(text) == expected


def test_a_word_with_a_pronoun_already_takes_none_more() -> None:
    assert "مجزرتها" in word_forms("مجزرة")
    assert word_forms("أمتنا") == ("امتنا",)  # امتنانا (gratitude) is no form of it


def test_a_headline_given_apart_is_the_outlets_voice() -> None:
    text = "أفرجت الجماعة عن خمس نساء مقابل ثلاثة عسكريين."
    title = "الجماعة تقايض: خمس نساء مقابل ثلاثة عسكريين"
    assert [t.term for t in find_framing("a1", text, title=title).terms] == ["تقايض"]
    assert find_framing("a1", text).terms == ()
    # a headline the text holds already counts once
    assert [(t.term, t.count) for t in find_framing("a1", title + "\n" + text, title=title).terms] == [("تقايض", 1)]
