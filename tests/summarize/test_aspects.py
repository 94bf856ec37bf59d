"""Aspects a summary sentence tells, and the sentences that would add nothing new, on invented news of several
house styles (Gulf, Egyptian, Maghrebi, Levantine, translated wire copy)."""
from __future__ import annotations

from dataclasses import replace

from marsad.rules import hit_counts
from marsad.settings import DEFAULTS
from marsad.summarize import summarize_event
from marsad.summarize.aspects import Told, aspects, unanchored
from marsad.summarize.candidates import candidates
from marsad.summarize.stems import content_stems, kept_words, word_runs
from marsad.text.normalize import fold, normalize
from marsad.types import Article, Mention, Timex


def spans(article: Article, names: list[tuple[str, str]]) -> list[Mention]:
    """A mention at each occurrence of (text, type) in the article, by its offsets."""
    found = []
    for text, kind in names:
        start = article.text.find(text)
        assert start >= 0, text
        while start >= 0:
            found.append(Mention(article.id, start, start + len(text), text, kind))
            start = article.text.find(text, start + 1)
    return sorted(found, key=lambda m: m.start)


def timex(article: Article, text: str, value: str) -> Timex:
    start = article.text.find(text)
    return Timex(article.id, start, start + len(text), text, value)


# Maghrebi house style: a vote count, a city, a day with its date.
VOTE = Article("m1", "\n".join([
    "البرلمان يصادق على الميزانية",
    "صادق مجلس النواب بالرباط يوم 14 ماي على مشروع قانون المالية بأغلبية 104 أصوات مقابل 39 صوتا.",
]))


def test_aspects_are_read_by_offsets_and_a_date_is_no_quantity() -> None:
    pool = candidates(0, VOTE)
    found = aspects(pool, [VOTE], {"m1": spans(VOTE, [("مجلس النواب", "ORG"), ("الرباط", "GPE")])},
                    {"m1": [timex(VOTE, "يوم 14 ماي", "2024-05-14")]})
    assert found == [frozenset({("who", fold("مجلس النواب")), ("where", fold("الرباط")), ("when", "2024-05-14"),
                                ("size", "104"), ("size", "39")})]  # 14 is the date's, not a count
    assert aspects(pool, [VOTE], {}, {}) == [frozenset({("size", "14"), ("size", "104"), ("size", "39")})]


# Gulf house style: an appointment, the appointee's background, and his thanks for it, in other words than the lead's.
APPOINTMENT = Article("g1", "\n".join([
    "تعيين رئيس جديد لهيئة الموانئ",
    "صدرت الموافقة السامية مساء الأحد على تعيين المهندس فهد السالم رئيسا لمجلس إدارة هيئة الموانئ بالمرتبة "
    "الممتازة، خلفا للمهندس ناصر العتيبي الذي أمضى في المنصب ست سنوات شهدت توسعة أرصفة الموانئ وتطوير أنظمة "
    "التخليص الجمركي.",
    "ويحمل السالم شهادة الدكتوراه في الهندسة البحرية من جامعة أدنبرة، وعمل 18 عاما في ميناء جدة الإسلامي.",
    "وثمن السالم الموافقة السامية على تعيينه في هذا المنصب.",
]), source="Gulf Daily")
APPOINTMENT_NAMES = {"g1": spans(APPOINTMENT, [("فهد السالم", "PER"), ("السالم", "PER"), ("هيئة الموانئ", "ORG"),
                                                ("ناصر العتيبي", "PER"), ("جامعة أدنبرة", "ORG"),
                                                ("ميناء جدة الإسلامي", "LOC")])}
NEVER = replace(DEFAULTS.summary, restated_share=1.01)  # no sentence restates: what the rule skips comes back


def test_a_sentence_that_restates_the_summary_is_skipped() -> None:
    thanks = APPOINTMENT.text.split("\n")[-1]
    before = hit_counts()["summarize.aspect.restated"]
    texts = [s.text for s in summarize_event("v1", [APPOINTMENT], mentions=APPOINTMENT_NAMES).sentences]
    assert thanks not in texts  # the appointee (his surname too) and the post are told; his thanks adds nothing
    assert any("جامعة أدنبرة" in t for t in texts)  # his background names new places: kept
    assert hit_counts()["summarize.aspect.restated"] > before
    assert thanks in [s.text for s in summarize_event("v1", [APPOINTMENT], mentions=APPOINTMENT_NAMES,
                                                      settings=NEVER).sentences]


# Egyptian house style: a toll in a long lead, raised later, and said again in a short sentence.
CRASH = Article("e1", "\n".join([
    "مصرع 14 شخصا في انقلاب حافلة",
    "لقي 14 شخصا مصرعهم وأصيب 22 آخرون في انقلاب حافلة ركاب على الطريق الصحراوي الغربي فجر الخميس، بعد أن فقد "
    "سائقها السيطرة عليها أثناء محاولته تفادي شاحنة نقل ثقيل قرب مدخل مدينة المنيا.",
    "وارتفع عدد الوفيات لاحقا إلى 16 بعد وفاة مصابين اثنين في مستشفى المحافظة العام.",
    "وأمرت النيابة العامة بفتح تحقيق عاجل في أسباب الحادث وسماع أقوال الناجين.",
    "وبين القتلى الـ14 ركاب الحافلة على الطريق الصحراوي الغربي.",
]), source="Cairo Post")


def test_a_toll_said_again_is_skipped_and_a_new_count_kept() -> None:
    lines = CRASH.text.split("\n")
    texts = [s.text for s in summarize_event("v2", [CRASH]).sentences]  # no spans: the numbers alone
    assert lines[1] in texts and lines[2] in texts  # 16 is a new figure
    assert lines[4] not in texts  # the lead's 14 on the lead's road, in the lead's words
    assert lines[4] in [s.text for s in summarize_event("v2", [CRASH], settings=NEVER).sentences]


def told_after(sentences: list[str], first: int) -> Told:
    pool = [c for i, text in enumerate(sentences) for c in candidates(i, Article(f"a{i}", text))]
    arts = [Article(f"a{i}", text) for i, text in enumerate(sentences)]
    stems = content_stems([kept_words(word_runs(normalize(c.text))) for c in pool])
    told = Told(aspects(pool, arts, {}, {}), stems, DEFAULTS.summary.restated_share)
    told.use(first)
    return told


def test_what_counts_as_new() -> None:
    told = told_after([
        # translated wire copy: the lead
        "قالت الشرطة إن 3 مسلحين هاجموا مركزا تجاريا في العاصمة وقتلوا 5 أشخاص قبل أن يلوذوا بالفرار.",
        # Levantine: the same count, in other words and with a new reaction: most of its words are new
        "ودانت نقابة التجار في بيان مقتضب الاعتداء الذي أودى بحياة 5 أشخاص، مطالبة الدولة بحماية الأسواق.",
        # the lead's words again with its numbers
        "وقتل 5 أشخاص عندما هاجم 3 مسلحين المركز التجاري في العاصمة قبل أن يلوذوا بالفرار.",
        # a new figure
        "وقالت الشرطة إن 2 من المسلحين اعتقلا بعد ساعات من الهجوم على المركز التجاري.",
    ], first=0)
    assert [told.restates(i) for i in range(4)] == [True, False, True, False]
    assert not Told(told.aspects, told.stems, 0.5).restates(2)  # nothing is told yet


def test_a_surname_after_the_full_name_is_told() -> None:
    told = Told([], [], 0.5, named={("who", fold("فهد السالم")), ("when", "2024-05-12")})
    assert told.known(("who", fold("السالم")))
    assert not told.known(("where", fold("السالم")))  # another kind of name
    assert not told.known(("who", fold("ناصر السالم")))  # another given name
    assert not told.known(("when", "2024-05")) and told.known(("when", "2024-05-12"))


# A Levantine wire story and an Egyptian paper's report of one vote: the first also tells the mood in the streets.
COUNCIL_WIRE = Article("l1", "\n".join([
    "البرلمان يقر قانون الانتخاب الجديد",
    "أقر مجلس النواب في جلسة مسائية أمس الثلاثاء قانون الانتخاب الجديد بأغلبية 74 صوتا من أصل 128 نائبا حضروا "
    "الجلسة، بعد نقاش استمر أكثر من تسع ساعات.",
    "وعمت أجواء من الارتياح والفرح شوارع المدينة وساحاتها، حيث تبادل الناس التهاني وأطلقت السيارات أبواقها حتى "
    "ساعة متأخرة من الليل.",
    "ويعتمد القانون 15 دائرة انتخابية بدلا من 26 دائرة في القانون السابق، ويخصص 10 مقاعد للنساء.",
    "وكانت الحكومة قد أحالت مشروع القانون إلى المجلس في 12 كانون الثاني الماضي، وأدخلت عليه اللجنة القانونية 31 "
    "تعديلا قبل عرضه على التصويت.",
    "ويرفع القانون عدد أعضاء المجلس من 128 إلى 138 نائبا، ويخفض سن الترشح من 30 إلى 25 عاما.",
    "وينص القانون على إنشاء هيئة مستقلة من 7 أعضاء للإشراف على الانتخابات بدلا من وزارة الداخلية.",
]), source="Levant Wire")
COUNCIL_PAPER = Article("e1", "\n".join([
    "قانون انتخاب جديد",
    "صوت مجلس النواب أمس الثلاثاء لصالح قانون الانتخاب الجديد، الذي يقلص عدد الدوائر إلى 15 دائرة ويخصص 10 "
    "مقاعد للنساء.",
    "وقال رئيس المجلس إن الانتخابات المقبلة ستجري وفق القانون الجديد في موعدها المحدد في الربيع المقبل.",
    "وقاطع الجلسة 22 نائبا من كتلة المعارضة احتجاجا على رفض مقترحهم باعتماد القائمة النسبية على مستوى البلاد.",
]), source="Cairo Evening")
COUNCIL_TIMES = {"l1": [timex(COUNCIL_WIRE, "أمس الثلاثاء", "2024-03-05")],
                 "e1": [timex(COUNCIL_PAPER, "أمس الثلاثاء", "2024-03-05")]}


def test_a_body_sentence_of_one_outlet_with_no_figure_or_date_is_unanchored() -> None:
    arts = [COUNCIL_WIRE, COUNCIL_PAPER]
    pool = [c for i, a in enumerate(arts) for c in candidates(i, a)]
    found = aspects(pool, arts, {}, COUNCIL_TIMES)
    before = hit_counts()["summarize.aspect.unanchored"]
    marks = unanchored(found, pool, [set() for _ in pool])
    assert [i for i, mark in enumerate(marks) if mark] == [1, 7]
    assert hit_counts()["summarize.aspect.unanchored"] > before  # the mood; a statement of no figure or date
    assert not any(unanchored(found, pool, [{1 - c.article} for c in pool]))  # another outlet states each one


def test_a_summary_of_several_outlets_passes_over_the_mood_in_the_streets() -> None:
    said = [s.text for s in summarize_event("e", [COUNCIL_WIRE, COUNCIL_PAPER], timexes=COUNCIL_TIMES).sentences]
    assert not any("أجواء" in text for text in said)
