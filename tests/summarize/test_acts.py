"""A sentence that reports a named party's act or next step (an announcement, a decision, a call, a protest, what it
will do) ranks above play-by-play and colour of the same place; on invented news of several house styles."""
from __future__ import annotations

import numpy as np
import pytest

from marsad.rules import hit_counts
from marsad.summarize import summarize_event
from marsad.summarize.acts import formal_acts, reports_act
from marsad.summarize.candidates import Candidate
from marsad.summarize.extractive import responses
from marsad.types import Article, Mention


def at(sentence: str, *names: str) -> list[int]:
    """Where each named actor begins in the sentence."""
    found = [sentence.find(name) for name in names]
    assert all(start >= 0 for start in found), names
    return found


# (sentence, its actor names): each reports a named party's act or next step.
ACTS = [
    # Gulf: a ministry's decision, the verb first
    ("قررت وزارة التعليم تأجيل بدء العام الدراسي أسبوعا في المدارس الحكومية والأهلية.", ["وزارة التعليم"]),
    # Egyptian: a call, with the attached "and"
    ("ودعا محافظ الجيزة المواطنين إلى عدم الاقتراب من العقار المائل حتى انتهاء أعمال الإزالة.", ["محافظ الجيزة"]),
    # Levantine: a demand by a body, with diacritics
    ("وطالبت نقابة المهندسين النيابةَ العامة بفتح تحقيق في مخالفات البناء في المنطقة.", ["نقابة المهندسين"]),
    # Maghrebi: a suspension announced by a body
    ("أعلنت العصبة الوطنية توقيف الحكم المعني ثلاث مباريات في انتظار نتائج التحقيق.", ["العصبة الوطنية"]),
    # translated wire copy: a next step in the future tense, the actor after it
    ("وستعقد اللجنة الوزارية اجتماعا طارئا غدا لبحث التطورات في المنطقة الحدودية.", ["اللجنة الوزارية"]),
    # subject first (SVO)
    ("الحكومة الأردنية تعلن حزمة دعم للمزارعين المتضررين من موجة الصقيع.", ["الحكومة الأردنية"]),
]
NOT_ACTS = [
    # play-by-play and colour: no act verb
    ("وسجل المهاجم سامي العلي الهدف الثاني في الدقيقة 75 بتسديدة قوية من خارج المنطقة.", ["سامي العلي"]),
    ("واحتفل الأنصار في ساحات المدينة وشوارعها حتى ساعات الفجر الأولى.", []),
    # an act verb with no named actor beside it
    ("وتقرر أن تقام المباراة في موعدها رغم سوء الأحوال الجوية المتوقعة.", []),
    # looking back: what had been done before the news
    ("وكانت وزارة الصحة قد أعلنت الشهر الماضي عن خطة لتوسعة المستشفى المركزي.", ["وزارة الصحة"]),
    ("وسبق أن طالبت البلدية بتعويض السكان عن الأضرار التي لحقت بمنازلهم.", ["البلدية"]),
    # the act verb deep in the sentence: not its main clause
    ("وفي ظل هذه الظروف الصعبة التي تمر بها المدينة منذ أسابيع أعلنت الهيئة خطة طوارئ.", ["الهيئة"]),
]


@pytest.mark.parametrize(("sentence", "names"), ACTS)
def test_acts_in_several_house_styles(sentence: str, names: list[str]) -> None:
    assert reports_act(sentence, at(sentence, *names))


@pytest.mark.parametrize(("sentence", "names"), NOT_ACTS)
def test_play_by_play_background_and_actorless_sentences_are_no_acts(sentence: str, names: list[str]) -> None:
    assert not reports_act(sentence, at(sentence, *names))


def test_an_act_needs_its_actor_named_near_the_verb() -> None:
    sentence, names = ACTS[0]
    assert not reports_act(sentence, [])
    assert not reports_act(sentence, [sentence.find("المدارس")])  # a name far from the verb is no actor of it


def mentions_of(article: Article, names: list[tuple[str, str]]) -> list[Mention]:
    """A mention at the first occurrence of each (text, type) in the article."""
    return [Mention(article.id, (s := article.text.find(text)), s + len(text), text, kind) for text, kind in names]


MATCH = Article("s1", "\n".join([
    "المنتخب يودع البطولة من نصف النهائي",
    "ودع المنتخب الوطني بطولة كأس القارات من الدور نصف النهائي بعد خسارته أمام البرازيل بهدفين دون رد.",
    "وافتتح المدافع كارلوس ريبيرو التسجيل في الدقيقة الخامسة برأسية إثر ركنية نفذها زميله.",
    "وأضاف البديل ماركو سيلفا الهدف الثاني في الدقيقة 79 بعد مجهود فردي على الجهة اليسرى.",
    "وكاد المهاجم يوسف الخطيب يعادل النتيجة قبل نهاية الشوط الأول لكن كرته ارتطمت بالقائم الأيمن.",
    "وأجرى المدرب ثلاثة تغييرات في الشوط الثاني دون أن ينجح في تغيير مجرى اللقاء.",
    "وطالب الاتحاد الوطني لكرة القدم الاتحاد الدولي بفتح تحقيق في قرارات حكم المباراة وتقدم بشكوى مكتوبة.",
]), source="Sports Daily", published="2024-06-20")
MATCH_NAMES = mentions_of(MATCH, [("المنتخب الوطني", "ORG"), ("البرازيل", "GPE"), ("كارلوس ريبيرو", "PER"),
                                  ("ماركو سيلفا", "PER"), ("يوسف الخطيب", "PER"), ("الاتحاد الوطني لكرة القدم", "ORG")])


def test_the_federations_demand_goes_before_the_play_by_play() -> None:
    """One match report: the result, three moments of play, the coach's changes, then the federation's formal
    demand for an inquiry; a summary of three takes it over the later moments of play."""
    texts = [s.text for s in summarize_event("v1", [MATCH], max_sentences=3, mentions={"s1": MATCH_NAMES}).sentences]
    assert texts[0].startswith("ودع المنتخب")
    assert any("بفتح تحقيق" in text for text in texts)


def test_counter_rises_on_each_act() -> None:
    pool = [Candidate(0, k, s, MATCH.text.find(s)) for k, s in enumerate(MATCH.text.split("\n")[1:])]
    before = hit_counts()["summarize.act.formal"]
    assert formal_acts(pool, [MATCH], {"s1": MATCH_NAMES}) == [0.0] * 5 + [1.0]
    assert hit_counts()["summarize.act.formal"] == before + 1


def test_an_act_that_says_a_lead_again_is_no_response() -> None:
    """Two leads (0 and 2, one group), a body sentence close to the first ("ويأتي ذلك بعد أن أعلنت ...": 1) and
    another act (3): only the last is a party's answer to the happening."""
    duplicate = np.eye(4, dtype=bool)
    duplicate[0, 1] = duplicate[1, 0] = True
    duplicate[np.ix_([0, 2], [0, 2])] = True
    assert responses([1.0, 1.0, 1.0, 1.0], duplicate, [0, 2]).tolist() == [0.0, 0.0, 0.0, 1.0]
    assert responses([0.0, 1.0, 0.0, 1.0], duplicate, []).tolist() == [0.0, 1.0, 0.0, 1.0]
