"""Leading connectives: cut from a summary sentence, which stays a verbatim piece of its article."""
from __future__ import annotations

import pytest

from marsad.summarize.candidates import candidates
from marsad.summarize.connectives import without_connective
from marsad.types import Article

# Invented sentences in several house styles, each opening with a connective and a comma.
OPENED = [
    ("من جانبه، أكد أمير المنطقة الشرقية أن أعمال الصيانة ستنتهي قبل موسم الأمطار.", "أكد أمير"),  # Gulf
    ("ومن جهتها، قالت وزارة التموين إن أسعار الخبز المدعم لن تتغير خلال العام المقبل.", "قالت وزارة"),  # Egyptian
    ("في غضون ذلك، أعلنت بلدية طرابلس إغلاق الطريق البحري أمام الشاحنات حتى إشعار آخر.", "أعلنت بلدية"),  # Levantine
    ("إلى ذلك، كشفت المندوبية السامية للتخطيط أن نسبة البطالة بلغت عشرة في المائة.", "كشفت المندوبية"),  # Maghrebi
    ("وفي الوقت نفسه، قال متحدث باسم البنتاغون إن القوات ستبقى في القاعدة لعدة أسابيع.", "قال متحدث"),  # translated
    ("الى ذلك، افتتح رئيس البلدية مكتبة عامة جديدة في الحي القديم من المدينة.", "افتتح رئيس"),  # no hamza
    ("كذلك، وقعت الجمعية اتفاقية لتدريب الشباب على الحرف اليدوية في القرى الجبلية.", "وقعت الجمعية"),
    ("بدورها, طالبت النقابة بزيادة رواتب المعلمين في المدارس الحكومية بنسبة واضحة.", "طالبت النقابة"),  # Latin comma
]

KEPT = [
    "ومع ذلك، لم تعلن الحكومة أي موعد لاستئناف المفاوضات مع النقابات المضربة.",  # contrastive: part of the claim
    "في الرياض، افتتح وزير الصحة مستشفى جديدا للأطفال بسعة مئتي سرير.",  # a place, not a connective
    "قال الوزير، من جهته، إن المشروع سيكتمل في الربع الأخير من العام.",  # not at the start
    "أعلنت الشركة أرباحها الفصلية إلى ذلك الحين دون أي تعديل على توقعاتها.",  # no comma after the phrase
]


@pytest.mark.parametrize(("sentence", "opens"), OPENED)
def test_a_leading_connective_and_its_comma_are_cut(sentence: str, opens: str) -> None:
    rest = without_connective(sentence)
    assert rest.startswith(opens)
    assert sentence.endswith(rest)


@pytest.mark.parametrize("sentence", KEPT)
def test_other_openings_are_kept(sentence: str) -> None:
    assert without_connective(sentence) == sentence


def test_a_candidate_is_the_rest_of_the_sentence_and_is_found_in_its_article() -> None:
    text = "\n".join(["عنوان الخبر هنا", "افتتحت الوزارة اليوم محطة جديدة لتحلية المياه في المدينة الساحلية.",
                      OPENED[0][0]])
    found = [c.text for c in candidates(0, Article("x", text))]
    assert found[1].startswith("أكد أمير")
    assert all(sentence in text for sentence in found)
