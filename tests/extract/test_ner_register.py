"""The register of a text (news or encyclopedic prose) and the tagger it routes to."""
from __future__ import annotations

import pytest

from marsad.extract.ner.mentions import (
    encyclopedic_tagger,
    find_mentions,
    load_tagger,
    routed_tags,
    sentence_ranges,
)
from marsad.extract.ner.register import MIN_WORDS, is_encyclopedic, register_score, windows
from marsad.rules import hit_counts
from marsad.text.normalize import fold
from marsad.text.tokens import token_lists

# Written for these tests: encyclopedic prose on an element and on a dynasty, and news in five house styles.
ENCYCLOPEDIC = {
    "element": ("الحديد عنصر كيميائي رمزه Fe وعدده الذري 26، وهو من أكثر العناصر انتشارا في القشرة الأرضية. يعد "
        "الحديد من الفلزات الانتقالية، ويستخدم منذ العصور القديمة في صناعة الأدوات والأسلحة. ويعود "
        "اكتشاف طرق صهره إلى الحضارات القديمة في الأناضول في الألفية الثانية قبل الميلاد، ثم انتشر "
        "استخدامه في أوروبا وآسيا. يتميز الحديد بقابليته للتمغنط، كما يشكل مع الكربون سبائك الفولاذ التي "
        "تعد من أهم المواد في الصناعة الحديثة. ويوجد الحديد في الطبيعة على شكل خامات أهمها الهيماتيت "
        "والمغنتيت، ويستخرج منها بالصهر في الأفران العالية. وللحديد دور مهم في جسم الإنسان إذ يدخل في "
        "تركيب الهيموغلوبين الذي ينقل الأكسجين في الدم."),
    "history": ("الدولة العباسية هي ثالث خلافة في تاريخ الإسلام، وقد قامت عام 750 للميلاد بعد سقوط الدولة "
        "الأموية. اتخذ العباسيون مدينة بغداد عاصمة لهم، وقد أسسها الخليفة أبو جعفر المنصور على ضفاف نهر "
        "دجلة. شهدت الدولة في عصرها الأول ازدهارا كبيرا في العلوم والآداب والترجمة، وكان بيت الحكمة من "
        "أشهر مراكز العلم في ذلك العصر. ثم ضعفت الخلافة في القرن العاشر الميلادي وقامت دول مستقلة في "
        "أطرافها، مثل الدولة الطولونية في مصر والدولة السامانية في بلاد ما وراء النهر. وانتهت الدولة في "
        "بغداد عام 1258 عندما اجتاح المغول المدينة بقيادة هولاكو، ثم استمرت الخلافة اسميا في القاهرة تحت "
        "حكم المماليك حتى الفتح العثماني."),
}
NEWS = {
    "gulf": ("أكد وزير الخارجية خلال مؤتمر صحفي عقده أمس في الرياض أن المملكة ماضية في دعم جهود التهدئة في "
        "المنطقة، مشيرا إلى أن الاتصالات مستمرة مع الأطراف المعنية. وقال الوزير إن اللقاء الذي جمعه "
        "بنظيره الأردني تناول سبل تعزيز التعاون الثنائي، إضافة إلى آخر المستجدات الإقليمية. وأضاف أن "
        "المملكة ترحب بأي مبادرة تسهم في تحقيق الاستقرار، لافتا إلى أن الاجتماع المقبل سيعقد الأسبوع "
        "القادم في جدة بمشاركة عدد من الوزراء. من جهته، أوضح المتحدث الرسمي باسم الوزارة أن الزيارة تأتي "
        "في إطار التنسيق المستمر بين البلدين."),
    "egyptian": ("قال مصدر مسؤول بوزارة الصحة، اليوم الأحد، إن الوزارة رفعت درجة الاستعداد في جميع المستشفيات "
        "بالمحافظات، وذلك تزامنا مع موجة الحر التي تشهدها البلاد. وأوضح المصدر في تصريحات خاصة أن الوزير "
        "وجه بتوفير الأدوية والمستلزمات الطبية اللازمة، مشددا على ضرورة متابعة الحالات أولا بأول. وأشار "
        "إلى أن غرفة العمليات المركزية تتابع الموقف على مدار الساعة، وأن فرق الإسعاف منتشرة على الطرق "
        "الرئيسية. يذكر أن هيئة الأرصاد الجوية كانت قد حذرت من ارتفاع درجات الحرارة خلال الأيام المقبلة."),
    "levantine": ("أعلنت وزارة الداخلية اللبنانية، مساء الثلاثاء، توقيف شخصين يشتبه بتورطهما في عملية سرقة مصرف في "
        "بيروت، بحسب بيان صادر عنها. وذكر البيان أن القوى الأمنية تمكنت من تحديد هوية المشتبه بهما بعد "
        "متابعة استمرت أياما، وأن التحقيقات جارية بإشراف القضاء المختص. وفي سياق متصل، دعا رئيس الحكومة "
        "خلال جلسة مجلس الوزراء إلى تعزيز الإجراءات الأمنية في العاصمة، مؤكدا أن الدولة لن تتهاون مع أي "
        "تجاوز. وكان النائب قد طالب في تصريح له بمحاسبة المسؤولين عن التقصير."),
    "maghrebi": ("أفادت مصادر مطلعة أن المجلس الجماعي للمدينة صادق، خلال دورته العادية المنعقدة يوم الخميس، على "
        "مشروع تهيئة الكورنيش، بكلفة إجمالية تناهز ثلاثين مليون درهم. وأوضحت المصادر ذاتها أن الأشغال "
        "ستنطلق خلال الأسابيع المقبلة، على أن تنتهي قبل متم السنة الجارية. وأكد رئيس المجلس، في تصريح "
        "للجريدة، أن المشروع يندرج في إطار برنامج التنمية الحضرية، مبرزا أن الجماعة حرصت على إشراك "
        "فعاليات المجتمع المدني. ومن جهة أخرى، طالب عدد من المستشارين بتسريع وتيرة إنجاز المشاريع "
        "المتعثرة بالأحياء الهامشية."),
    "translated": ("قالت وكالة رويترز للأنباء نقلا عن مسؤولين أمريكيين إن الرئيس الأمريكي سيلتقي نظيره الفرنسي "
        "الأسبوع المقبل في البيت الأبيض لبحث ملفات التجارة والدفاع. وأضاف المسؤولون، الذين طلبوا عدم "
        "الكشف عن هوياتهم، أن المحادثات ستتناول أيضا الحرب في أوكرانيا وتطورات الشرق الأوسط. وكان "
        "المتحدث باسم البيت الأبيض قد صرح للصحفيين يوم الجمعة بأن الزيارة تهدف إلى تعزيز التحالف بين "
        "البلدين. ولم يعلق قصر الإليزيه حتى الآن على هذه التقارير."),
}


def _folded(text: str) -> list[str]:
    return [fold(w) for w in token_lists(text)[0]]


def _sentences(text: str) -> list[list[str]]:
    words, _, ends = token_lists(text)
    return [words[a:b] for a, b in sentence_ranges(text, words, ends)]


@pytest.mark.parametrize("name", sorted(ENCYCLOPEDIC))
def test_encyclopedic_prose_reads_as_encyclopedic(name: str) -> None:
    assert is_encyclopedic(_folded(ENCYCLOPEDIC[name]))


@pytest.mark.parametrize("name", sorted(NEWS))
def test_news_in_every_house_style_reads_as_news(name: str) -> None:
    mean, n = register_score(_folded(NEWS[name]))
    assert n >= MIN_WORDS and mean < 0
    assert not is_encyclopedic(_folded(NEWS[name]))


def test_a_text_with_too_few_scored_words_is_read_as_news() -> None:
    first = ENCYCLOPEDIC["element"].split(".")[0]
    assert register_score(_folded(first))[0] > 0 and not is_encyclopedic(_folded(first))


def test_windows_group_consecutive_sentences_of_enough_tokens() -> None:
    assert windows([120, 90, 30, 250, 40], 200) == [range(0, 2), range(2, 5)]
    assert windows([150, 150, 120], 200) == [range(0, 2), range(2, 3)]
    assert windows([10, 20]) == [range(0, 2)]
    assert windows([]) == []


def test_an_encyclopedic_article_is_tagged_by_the_encyclopedic_tagger_and_news_by_the_crf() -> None:
    key = "ner.phrases.encyclopedic_register"
    before = hit_counts()[key]
    find_mentions("n", NEWS["gulf"])
    assert hit_counts()[key] == before
    find_mentions("e", ENCYCLOPEDIC["history"])
    assert hit_counts()[key] == before + 1


def test_routed_tags_tag_each_window_by_its_register() -> None:
    wiki, news = _sentences(ENCYCLOPEDIC["history"]), _sentences(NEWS["levantine"])
    assert routed_tags(wiki) == encyclopedic_tagger().tag_sentences(wiki)
    assert routed_tags(news) == load_tagger().tag_sentences(news)
    assert routed_tags(wiki) != load_tagger().tag_sentences(wiki)
