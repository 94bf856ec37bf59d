"""A sentence its writer opens as a background aside ranks below one that tells the event."""
from __future__ import annotations

import pytest

from marsad.rules import hit_counts
from marsad.summarize import summarize_event
from marsad.summarize.background import asides, opens_aside
from marsad.summarize.candidates import Candidate
from marsad.types import Article

# Invented sentences in several house styles.
ASIDES = [
    # Gulf
    "يذكر أن الشركة تأسست عام 2009 برأس مال قدره 50 مليون ريال وتعمل في مجال التقسيط العقاري.",
    # Egyptian
    "الجدير بالذكر أن المحافظة شهدت حادثا مماثلا منذ سنتين على الطريق الصحراوي نفسه.",
    # Levantine, with the attached "and" and diacritics
    "ويُذكر أنّ البلدية كانت قد حذّرت مرارا من تصدع الجسر القديم فوق مجرى النهر.",
    # Maghrebi
    "للإشارة، فإن الجماعة سبق أن استفادت من برنامج لتأهيل الطرق القروية قبل خمس سنوات.",
    # translated style
    "وتجدر الإشارة إلى أن المنظمة تأسست في جنيف عام 1946 وتضم اليوم أكثر من مئة دولة عضو.",
]
NEWS = [
    "يذكر الكاتب في روايته الجديدة تفاصيل طفولته في حي شعبي بالعاصمة.",  # "mentions", not "it is mentioned that"
    "يشارك المنتخب في البطولة الإقليمية التي تنطلق الأسبوع المقبل في الدوحة.",
    "أعلنت الشركة أرباحا صافية بلغت 120 مليون ريال في الربع الثاني من العام.",
]


@pytest.mark.parametrize("sentence", ASIDES)
def test_asides_in_several_house_styles(sentence: str) -> None:
    assert opens_aside(sentence)


@pytest.mark.parametrize("sentence", NEWS)
def test_sentences_that_tell_news_are_no_asides(sentence: str) -> None:
    assert not opens_aside(sentence)


def test_counter_rises_on_each_aside() -> None:
    pool = [Candidate(0, k, s) for k, s in enumerate([ASIDES[0], NEWS[2], ASIDES[3]])]
    before = hit_counts()["summarize.background.aside"]
    assert asides(pool) == [1.0, 0.0, 1.0]
    assert hit_counts()["summarize.background.aside"] == before + 2


def test_a_sentence_of_the_news_goes_before_an_aside_of_the_same_place() -> None:
    """One article: the lead, an aside on the bridge's history, then four sentences of the news; of a summary of
    three, a sentence of the news takes the place the aside's position would have given it."""
    body = [
        "انهار جسر للمشاة فوق نهر المدينة الشمالية صباح الأحد ما أدى إلى إصابة سبعة أشخاص بجروح متفاوتة.",
        ASIDES[2],
        "وأغلقت السلطات المحلية الطرق المؤدية إلى الجسر وحولت حركة السير إلى الضفة الأخرى حتى إشعار آخر.",
        "وقال رئيس البلدية إن لجنة فنية ستفحص بقية الجسور في المدينة خلال الأسبوع الجاري.",
        "ونقل المصابون إلى المستشفى الجامعي حيث غادر أربعة منهم بعد تلقي الإسعافات الأولية.",
    ]
    article = Article("w1", "\n".join(body), source="North Daily", published="2024-03-10")
    texts = [s.text for s in summarize_event("v1", [article], max_sentences=3).sentences]
    assert ASIDES[2] not in texts and body[3] in texts
