"""A toll the figures layer follows over time is stated once in a summary, at its latest report."""
from __future__ import annotations

from marsad.rules import hit_counts
from marsad.summarize import summarize_event
from marsad.summarize.candidates import candidates
from marsad.summarize.extractive import Vocabulary
from marsad.summarize.figures import latest_toll, toll_reports
from marsad.text.normalize import match_key
from marsad.types import Article, FigurePoint, FigureSeries

# Three invented reports of an invented storm, its toll rising from day to day.
EARLY = "لقي 12 شخصا حتفهم في سيول جارفة ضربت مدينة الرمال ليل الأحد بعد أمطار غزيرة غير مسبوقة."
LATER = "وارتفعت حصيلة سيول مدينة الرمال إلى 40 قتيلا بحسب ما أعلنه الدفاع المدني مساء الثلاثاء."
ONE = Article("o1", "\n".join([
    EARLY,
    "وقال محافظ الرمال إن فرق الإنقاذ تعمل على إجلاء السكان من الأحياء المنخفضة قرب الوادي.",
    "وأغلقت السلطات المدارس والطرق الرئيسية في المدينة حتى إشعار آخر.",
]), source="One News", published="2024-01-08")
TWO = Article("t1", "\n".join([
    "غمرت السيول أحياء واسعة من مدينة الرمال بعد أمطار غزيرة هطلت طوال ليل الأحد.",
    "وأعلن الدفاع المدني أن 25 شخصا لقوا حتفهم في سيول مدينة الرمال حتى صباح الاثنين.",
    "وطالب سكان الأحياء المنكوبة بتعويضات عن المنازل التي جرفتها المياه.",
]), source="Two Daily", published="2024-01-09")
THREE = Article("h1", "\n".join([
    "يبحث المسعفون عن مفقودين في مدينة الرمال منذ أن ضربتها السيول ليل الأحد.",
    LATER,
    "ويتوقع خبراء الأرصاد أمطارا جديدة على المنطقة خلال نهاية الأسبوع المقبل.",
]), source="Three Agency", published="2024-01-10")
EVENT = [ONE, TWO, THREE]
MIDDLE = TWO.text.split("\n")[1]


def point(article: Article, value: float, sentence: str) -> FigurePoint:
    return FigurePoint(article.id, article.source or "", article.published, value, value, str(int(value)), sentence)


KILLED = FigureSeries("v1", "killed", "killed", (point(ONE, 12, EARLY), point(TWO, 25, MIDDLE),
                                                 point(THREE, 40, LATER)))
HOMES = FigureSeries("v1", "منزل", "عدد منزل", (point(ONE, 12, EARLY), point(THREE, 40, LATER)))


def pool_and_keys() -> tuple[list, list[str]]:
    pool = [c for i, article in enumerate(EVENT) for c in candidates(i, article)]
    return pool, [match_key(c.text) for c in pool]


def test_the_sentences_of_one_toll_are_found_with_the_latest_report() -> None:
    pool, keys = pool_and_keys()
    [found] = toll_reports(pool, keys, [a.id for a in EVENT], [KILLED, HOMES])  # a count of homes is no toll
    assert sorted(pool[i].text for i in found.rows) == sorted([EARLY, MIDDLE, LATER])
    assert [pool[i].text for i in found.latest] == [LATER]
    shift = latest_toll([found], len(pool))
    assert [shift[i] for i in found.rows if pool[i].text != LATER] == [-1.0, -1.0]
    assert sum(shift) == -1.0


def test_a_summary_states_a_toll_once_at_its_latest_value() -> None:
    plain = [s.text for s in summarize_event("v1", EVENT).sentences]
    assert sum(t in plain for t in (EARLY, MIDDLE, LATER)) > 1  # told twice when the figures are not known
    before = hit_counts().get("summarize.figure.latest-toll", 0)
    texts = [s.text for s in summarize_event("v1", EVENT, figures=[KILLED]).sentences]
    assert LATER in texts
    assert sum(t in texts for t in (EARLY, MIDDLE, LATER)) == 1
    assert hit_counts()["summarize.figure.latest-toll"] == before + 1


def test_a_toll_one_sentence_reports_changes_nothing() -> None:
    single = FigureSeries("v1", "killed", "killed", (point(ONE, 12, EARLY), point(TWO, 25, "جملة لا ترد في أي مقال.")))
    assert summarize_event("v1", EVENT, figures=[single]) == summarize_event("v1", EVENT)


def test_a_word_said_twice_in_a_sentence_counts_once() -> None:
    vocabulary = Vocabulary([["سيل", "سيل"], ["سيل", "مطر"]], {"سيل": 1.0, "مطر": 0.0})
    assert vocabulary.value(0) == 0.5
    assert vocabulary.value(1) == 0.5


def test_a_toll_whose_latest_report_is_lower_is_left_alone() -> None:
    pool, keys = pool_and_keys()
    falling = FigureSeries("v1", "killed", "killed", (point(ONE, 12, EARLY), point(TWO, 25, MIDDLE),
                                                      point(THREE, 4, LATER)))  # another incident, or a dispute
    assert toll_reports(pool, keys, [a.id for a in EVENT], [falling]) == []
    assert summarize_event("v1", EVENT, figures=[falling]) == summarize_event("v1", EVENT)


def test_a_count_repeated_unchanged_is_no_rising_toll() -> None:
    pool, keys = pool_and_keys()
    same = FigureSeries("v1", "killed", "killed", (point(ONE, 12, EARLY), point(THREE, 12, LATER)))
    assert toll_reports(pool, keys, [a.id for a in EVENT], [same]) == []
