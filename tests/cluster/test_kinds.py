"""What kind of happening a headline reports, in several house styles."""
import pytest

from marsad.cluster.kinds import conflict, first_sentence, headline, headline_kinds, lead_figures
from marsad.text.normalize import match_key


@pytest.mark.parametrize(("title", "kind"), [
    ("المملكة تدين الهجوم الإرهابي على مسجد في الكويت", "condemn"),  # Gulf
    ("مصرع ثلاثة أشخاص في حادث تصادم على الطريق الصحراوي", "accident"),  # Egyptian
    ("الجيش اللبناني يتصدى لهجوم مسلحين على مواقعه في عرسال", "attack"),  # Levantine
    ("جلالة الملك يهنئ رئيس جمهورية السنغال بمناسبة عيد الاستقلال", "congratulation"),  # Maghrebi
    ("الرئيس الأمريكي يلتقي نظيره الفرنسي في البيت الأبيض", "meeting"),  # translated
    ("ولي العهد يتلقى اتصالاً هاتفياً من رئيس الوزراء البريطاني", "call"),
    ("تشييع جثمان الشهيد في مسقط رأسه بحضور الآلاف", "funeral"),
    ("الأرصاد: رياح نشطة مثيرة للأتربة على المنطقة الشرقية", "weather"),
    ("الأهلي يتغلب على الزمالك بهدفين في نهائي الكأس", "match"),
])
def test_the_first_trigger_of_the_headline_names_the_kind(title: str, kind: str) -> None:
    assert kind in headline_kinds(title, "نص الخبر.")


def test_clitics_and_the_article_come_off_before_the_lookup() -> None:
    assert "condemn" in headline_kinds("وتدين الحكومة الاعتداء", "")
    assert "market" in headline_kinds("تراجع طفيف للمؤشر العام في ختام التداولات", "")


def test_a_reaction_and_the_happening_it_reacts_to_conflict_a_death_and_its_attack_do_not() -> None:
    attack = headline_kinds("قصف مدفعي يستهدف بلدة حدودية شمال البلاد", "")
    death = headline_kinds("مقتل خمسة مدنيين بينهم طفلان في بلدة حدودية", "")
    condemnation = headline_kinds("الخارجية تدين قصف البلدة الحدودية وتطالب بتحقيق", "")
    assert conflict(attack, condemnation) and conflict(death, condemnation)
    assert not conflict(attack, death)


def test_a_headline_without_a_trigger_has_no_kind_and_conflicts_with_none() -> None:
    feature = headline_kinds("حكايات من ذاكرة المدينة القديمة", "")
    assert not feature
    assert not conflict(feature, headline_kinds("تحطم طائرة صغيرة قرب المطار", ""))


def test_a_trigger_in_a_clause_added_late_in_the_headline_is_not_the_happening() -> None:
    title = "ليلة تاريخية في العاصمة: الجماهير تملأ الشوارع حتى الفجر ورئيس الحكومة يهنئ اللاعبين"
    assert "congratulation" not in headline_kinds(title, "")


def test_the_lead_adds_its_kinds_to_the_titles_and_a_text_that_repeats_its_title_is_read_past_it() -> None:
    title = "وزير الخارجية يستقبل السفير الياباني"
    text = f"{title}\nعقد وزير الخارجية اجتماعا مع السفير الياباني بحث فيه التعاون الثنائي."
    assert first_sentence(text, after=title).startswith("عقد وزير")
    assert headline_kinds(title, text) >= {"meeting"}


def test_without_a_real_title_the_first_sentence_is_the_headline() -> None:
    text = "أعلنت الشرطة القبض على عصابة لسرقة السيارات. وقال المتحدث إن التحقيقات مستمرة."
    assert headline("أخبار", text) == "أعلنت الشرطة القبض على عصابة لسرقة السيارات."
    assert "arrest" in headline_kinds(None, text)


def test_a_statement_headline_names_its_speaker_a_happening_has_none() -> None:
    from marsad.cluster.kinds import read_headline

    condemnation = read_headline("منظمة التعاون الإسلامي تدين تفجير المسجد", "")
    assert "condemn" in condemnation.kinds and condemnation.speaker == ("منظمه", "التعاون", "الاسلامي")
    assert read_headline("الاتحاد الأوروبي يرحب باتفاق وقف إطلاق النار", "").speaker == ("الاتحاد", "الاوروبي")
    assert read_headline("مقتل خمسة مدنيين في قصف على بلدة حدودية", "").speaker == ()


def test_a_serial_headline_has_slots_the_words_that_are_no_trigger() -> None:
    from marsad.cluster.kinds import read_headline

    execution = read_headline("تنفيذ حكم القتل تعزيرا في مهرب مخدرات بمدينة بريدة", "")
    assert "execution" in execution.kinds and "بريده" in " ".join(execution.slots)
    assert "تعزيرا" not in execution.slots
    assert read_headline("مقتل خمسة مدنيين في قصف على بلدة حدودية", "").slots == ()  # an attack is no series


@pytest.mark.parametrize(("title", "text", "figures"), [
    ("الأسهم السعودية تتراجع 51 نقطة", "أغلق المؤشر العام عند 8769.5 نقطة في تعاملات الأحد.", {"51", "8769.5"}),  # Gulf
    ("البورصة المصرية تربح 1.2% في ختام التعاملات", "ربح رأس المال السوقي 4 مليارات جنيه.", {"1.2", "4"}),  # Egyptian
    ("مؤشر مازي يتراجع بـ0,35 في المائة", "تراجع المؤشر في بورصة الدار البيضاء يوم الاثنين.", {"0.35"}),  # Maghrebi
    ("بورصة عمان ترتفع ٢٫٥ بالمئة", "ارتفع المؤشر العام خلال تداولات عام ٢٠١٦ وعام 1437.", {"2.5"}),  # Levantine, years
    ("التضخم في منطقة اليورو عند 2.\u200f0 %", "استقر معدل التضخم في يوليو.", {"0.2"}),  # visual order (translated)
])
def test_lead_figures_read_decimals_in_every_style_and_leave_years_out(title: str, text: str,
                                                                       figures: set[str]) -> None:
    assert lead_figures(title, text) == figures


@pytest.mark.parametrize("title", [
    "وزير الخارجية: جريمة قصف السوق عمل إرهابي لن يمر دون عقاب",  # Gulf
    "السفير المصري: نتابع أوضاع المصابين في حادث القطار",  # Egyptian
    "الرئيس اللبناني: لن نسمح بتكرار تفجير المرفأ",  # Levantine
    "وزير الداخلية المغربي: التحقيق في حادثة الطريق السيار متواصل",  # Maghrebi
    "الأمين العام للأمم المتحدة: لا مبرر للهجوم على القافلة",  # translated
])
def test_a_persons_quoted_words_are_a_statement_not_the_incident_they_speak_of(title: str) -> None:
    from marsad.cluster.kinds import INCIDENTS, read_headline

    reading = read_headline(title, "")
    assert reading.quoted and reading.speaker == tuple(match_key(title.partition(":")[0]).split())
    assert "statement" in reading.kinds and not reading.kinds & INCIDENTS


def test_a_quote_that_opens_with_the_incident_or_a_source_that_is_no_person_reports_the_incident() -> None:
    from marsad.cluster.kinds import read_headline

    spokesman = read_headline("المتحدث الأمني: مقتل ثلاثة مسلحين في تبادل لإطلاق النار", "")
    ministry = read_headline("الداخلية: استشهاد جنديين في هجوم على نقطة حدودية", "")
    for reading in (spokesman, ministry):
        assert not reading.quoted and reading.kinds & {"attack", "death"}


def test_a_name_before_the_colon_is_a_speaker_when_it_is_one_of_the_people_named() -> None:
    from marsad.cluster.kinds import read_headline

    title = "عباس: سنحمل ملف إحراق المنزل إلى المحكمة الجنائية الدولية"
    assert read_headline(title, "", ["عباس"]).quoted
    assert not read_headline(title, "").quoted
    floods = read_headline("فيضانات مرسى الحوت: 11 قتيلا ومخاوف من موجة أمطار جديدة", "", ["مرسى الحوت"])
    assert not floods.quoted  # a name inside a topic before the colon: a report's label, not its speaker


@pytest.mark.parametrize(("title", "lead"), [
    ("ولي العهد وأمير الكويت يؤكدان عمق العلاقات",  # Gulf: two leaders stress, the lead names the call
     "أجرى صاحب السمو الملكي ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع اتصالا هاتفيا اليوم بأمير دولة الكويت."),
    ("الرئيس السيسي: علاقاتنا مع أثينا استراتيجية",  # Egyptian: a quote said at a meeting
     "عقد الرئيس عبد الفتاح السيسي رئيس الجمهورية اليوم لقاء مع رئيس الوزراء اليوناني بقصر الاتحادية."),
    ("عون وماكرون يبحثان ملف النازحين",  # Levantine: no trigger in the headline
     "تلقى رئيس الجمهورية اللبنانية العماد ميشال عون اتصالا هاتفيا من نظيره الفرنسي ماكرون."),
    ("جلالة الملك والرئيس الموريتاني يستعرضان آفاق التعاون",  # Maghrebi
     "أجرى صاحب الجلالة الملك محمد السادس نصره الله مباحثات مع رئيس الجمهورية الإسلامية الموريتانية بالرباط."),
])
def test_a_headline_naming_no_happening_or_quoting_a_person_takes_the_encounter_its_lead_opens_with(
        title: str, lead: str) -> None:
    from marsad.cluster.kinds import ENCOUNTER, read_headline

    reading = read_headline(title, f"{title}\n{lead}")
    assert reading.kinds & ENCOUNTER and not reading.quoted
    feature = read_headline("حكايات من ذاكرة المدينة القديمة", "يروي كبار السن في الحي قصص الأسواق القديمة. "
                            "ثم عقد المجلس البلدي اجتماعا.")
    quote = read_headline("وزير الخارجية: لا مبرر للهجوم على القافلة", "قال وزير الخارجية في بيان إن الهجوم مدان.")
    assert not feature.kinds and quote.quoted  # a lead opening with no encounter leaves the headline as it reads




def test_a_trigger_inside_a_quoted_name_is_the_topic_not_the_happening() -> None:
    assert not headline_kinds("«عاصفة الحزم» تدمر مخازن أسلحة للمتمردين", "")  # Gulf: an operation, no storm
    assert not headline_kinds('"تفجير المتحف" يكلف السياحة 500 مليون دولار', "")  # Maghrebi: the case as topic
    court = headline_kinds("«حريق المصنع» أمام محكمة الجنايات غدا", "")  # Egyptian: the case before a court
    assert "trial" in court and not court & {"attack", "accident", "disaster"}
    assert "attack" in headline_kinds("الإمارات تعلن «استشهاد» أحد ضباطها في اليمن", "")  # one word: reserve, stays
