"""Extractive summaries on a small made-up event: exact copies, citations, corroboration, novelty, length."""
from __future__ import annotations

import numpy as np

from marsad.cluster.terms import words
from marsad.rules import hit_counts
from marsad.settings import DEFAULTS
from marsad.summarize import summarize_event, summarize_story
from marsad.summarize.candidates import Candidate, candidates
from marsad.summarize.extractive import (
    Vocabulary,
    another_voice,
    article_runs,
    centrality,
    claims_of,
    reading_order,
    sentence_vectors,
    shared_vocabulary,
)
from marsad.types import Article, Event, Story, Summary

# Four invented reports of one invented event: a bridge opened in a made-up town.
ALPHA = Article("a1", "\n".join([
    "افتتاح جسر وادي النخيل",
    "افتتحت وزارة النقل يوم الاثنين جسر وادي النخيل الجديد في مدينة السنابل بعد ثلاث سنوات من الأشغال.",
    "ويبلغ طول الجسر الجديد نحو كيلومترين ويربط ضفتي الوادي لأول مرة منذ عقود.",
    "وقال وزير النقل سالم الحداد إن الجسر سيختصر زمن الرحلة بين الضفتين إلى عشر دقائق فقط.",
    "هل يكفي جسر واحد لحل أزمة المرور في المدينة؟",
    "وبلغت كلفة المشروع مئتي مليون دينار مولتها الحكومة بالكامل من ميزانية التنمية.",
]), source="Alpha News", published="2024-03-04")
BETA = Article("b1", "\n".join([
    "افتتحت الحكومة يوم الاثنين جسر وادي النخيل في مدينة السنابل بعد أشغال استمرت ثلاث سنوات.",
    "وأكد وزير النقل سالم الحداد أن الجسر سيختصر زمن الرحلة بين الضفتين إلى عشر دقائق.",
    "واحتشد المئات من أبناء المدينة في حفل الافتتاح الذي أقيم على ضفة الوادي الشرقية.",
    "وطالب نواب المعارضة بنشر تفاصيل عقود البناء التي منحت لشركات أجنبية.",
]), source="Beta Daily", published="2024-03-04")
GAMMA = Article("g1", "\n".join([
    "السنابل (وكالة غاما) - دشن وزير النقل سالم الحداد الاثنين جسر وادي النخيل الذي يربط ضفتي الوادي في مدينة السنابل.",
    "وبلغت كلفة المشروع مئتي مليون دينار بحسب أرقام وزارة النقل الرسمية.",
    "ويتوقع خبراء أن يخفف الجسر الازدحام المروري في وسط المدينة خلال ساعات الذروة.",
    "قصير جدا.",
]), source="Gamma Agency", published="2024-03-05")
DELTA = Article("d1", "\n".join([
    "شهدت مدينة السنابل يوم الاثنين افتتاح جسر وادي النخيل بحضور وزير النقل سالم الحداد.",
    "وقال الوزير إن الجسر سيختصر زمن الرحلة بين الضفتين إلى عشر دقائق بدلا من ساعة.",
    "ويعد الجسر أطول منشأة من نوعها في البلاد بحسب مهندسي المشروع.",
]), source="Delta Online", published="2024-03-05")
EVENT = [ALPHA, BETA, GAMMA, DELTA]
BY_ID = {a.id: a for a in EVENT}


def summary() -> Summary:
    return summarize_event("v1", EVENT)


def test_sentences_are_exact_copies_and_citations_hold() -> None:
    for sentence in summary().sentences:
        assert sentence.text in BY_ID[sentence.article].text
        assert sentence.text == sentence.text.strip()


def test_three_to_six_sentences() -> None:
    assert 3 <= len(summary().sentences) <= 6
    assert 3 <= len(summarize_event("v1", EVENT, max_sentences=1).sentences) <= 6
    assert len(summarize_event("v1", EVENT, max_sentences=10).sentences) <= 6


def test_also_in_lists_the_corroborating_articles() -> None:
    travel_time = [s for s in summary().sentences if "عشر دقائق" in s.text]
    assert travel_time, "the fact three outlets state is in the summary"
    for sentence in travel_time:
        others = {"a1", "b1", "d1"} - {sentence.article}
        assert others <= set(sentence.also_in)
        assert sentence.article not in sentence.also_in


def test_claims_supply_also_in() -> None:
    crowd = BETA.text.split("\n")[2]
    elsewhere = DELTA.text.split("\n")[0]
    claim = _Claim(crowd, [{"article": "b1", "sentence": crowd}, {"article": "d1", "sentence": elsewhere}])
    cited = {s.text: s for s in summarize_event("v1", EVENT, claims=[claim]).sentences}
    plain = {s.text: s for s in summary().sentences}
    [stated] = [text for text in (crowd, elsewhere) if text in cited]  # one fact: cited once
    other = "d1" if stated == crowd else "b1"
    assert other in cited[stated].also_in
    assert stated not in plain or other not in plain[stated].also_in  # the claim supplied it


def test_no_near_duplicates_in_one_summary() -> None:
    texts = [s.text for s in summary().sentences]
    vectors = sentence_vectors([words(t) for t in texts])
    sims = (vectors @ vectors.T).toarray()
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            assert sims[i, j] < DEFAULTS.summary.duplicate_similarity
    assert sum("عشر دقائق" in t for t in texts) == 1


def test_headlines_questions_and_short_sentences_are_skipped() -> None:
    texts = {s.text for s in summary().sentences}
    assert "افتتاح جسر وادي النخيل" not in texts
    assert not any(t.endswith("؟") for t in texts)
    assert [c.text for c in candidates(0, GAMMA)][0].startswith("دشن")  # dateline cut off
    assert all(6 <= len(c.text.split()) <= 60 for a in EVENT for c in candidates(0, a))


def test_deterministic() -> None:
    assert summary() == summary()
    assert summary().to_dict() == summarize_event("v1", list(EVENT)).to_dict()


def test_to_dict_follows_the_schema() -> None:
    d = summary().to_dict()
    assert d["event"] == "v1"
    assert set(d["sentences"][0]) == {"text", "article", "also_in"}
    assert isinstance(d["sentences"][0]["also_in"], list)


def test_empty_event() -> None:
    assert summarize_event("v0", []).sentences == ()


def test_story_timeline_is_in_date_order() -> None:
    events = [Event("v2", "s1", "Second", "2024-03-09", ("b1",)), Event("v1", "s1", "First", "2024-03-04", ("a1",))]
    story = Story("s1", "Bridge", ("v2", "v1"))
    timeline = summarize_story(story, events, {"v1": summary()})
    assert [(t.date, t.title) for t in timeline] == [("2024-03-04", "First"), ("2024-03-09", "Second")]
    assert timeline[0].sentence == summary().sentences[0] and timeline[1].sentence is None
    assert timeline[0].to_dict()["article"] == summary().sentences[0].article and timeline[1].to_dict()["text"] is None


class _Claim:
    def __init__(self, text: str, support: list[dict[str, str]]) -> None:
        self.text = text
        self.support = support


def test_words_many_outlets_use_weigh_more() -> None:
    pool = [c for i, a in enumerate(EVENT) for c in candidates(i, a)]
    stems, shares = shared_vocabulary(pool, [words(c.text) for c in pool], EVENT, [a.id for a in EVENT])
    assert len(stems) == len(pool)
    assert shares["جسر"] == 1.0  # every other outlet writes "bridge"
    assert shares.get("ازدحام", 0.0) == 0.0  # only Gamma writes "congestion"


def test_one_outlet_alone_shares_nothing() -> None:
    pool = candidates(0, ALPHA)
    stems, shares = shared_vocabulary(pool, [words(c.text) for c in pool], [ALPHA], [ALPHA.id])
    vocabulary = Vocabulary(stems, shares)
    assert all(vocabulary.value(i) == 0.0 for i in range(len(pool)))
    assert 3 <= len(summarize_event("v1", [ALPHA]).sentences) <= 6


def test_centrality_is_the_cosine_with_the_mean_of_the_unit_article_vectors() -> None:
    pool = [c for i, a in enumerate(EVENT) for c in candidates(i, a)]
    vectors = sentence_vectors([words(c.text) for c in pool]).toarray()
    quoted, starts = article_runs(pool)
    assert quoted == [0, 1, 2, 3] and starts[0] == 0
    sums = np.add.reduceat(vectors, starts, axis=0)
    centroid = (sums / np.linalg.norm(sums, axis=1, keepdims=True)).sum(axis=0)
    expected = vectors @ (centroid / np.linalg.norm(centroid))
    assert np.allclose(centrality(vectors @ vectors.T, starts), expected)


def test_a_claim_of_one_article_links_no_sentence() -> None:
    pool = [c for i, a in enumerate(EVENT) for c in candidates(i, a)]
    crowd, elsewhere = BETA.text.split("\n")[2], DELTA.text.split("\n")[0]
    alone = _Claim(crowd, [{"article": "b1", "sentence": crowd}, {"article": "x9", "sentence": elsewhere}])
    shared = _Claim(crowd, [{"article": "b1", "sentence": crowd}, {"article": "d1", "sentence": elsewhere}])
    found = claims_of(pool, [alone, shared], EVENT)
    assert [i for i, claims in enumerate(found) if claims] == [
        i for i, c in enumerate(pool) if c.text in (crowd, elsewhere)]
    assert {number for claims in found for number, _ in claims} == {1}


def test_chosen_words_count_for_less_next_time() -> None:
    vocabulary = Vocabulary([["جسر", "وادي"], ["جسر", "كلفة"]], {"جسر": 1.0, "وادي": 1.0, "كلفة": 1.0})
    before = vocabulary.value(1)
    vocabulary.use(0)
    assert vocabulary.value(1) < before
    assert vocabulary.weights["كلفة"] == 1.0


def test_two_sentences_of_one_corroborated_claim_are_not_both_taken() -> None:
    length, experts = ALPHA.text.split("\n")[2], GAMMA.text.split("\n")[2]
    assert {length, experts} <= {s.text for s in summary().sentences}  # both chosen while unrelated
    claim = _Claim(length, [{"article": "a1", "sentence": length}, {"article": "g1", "sentence": experts}])
    texts = [s.text for s in summarize_event("v1", EVENT, claims=[claim]).sentences]
    assert (length in texts) != (experts in texts)


def test_headline_ending_in_a_quoted_word_and_lines_before_the_body_are_skipped() -> None:
    article = Article("h1", "\n".join([
        "نشرة السنابل",
        "الحكومة تفتتح جسر وادي النخيل والمعارضة تتحدث عن \"تبذير\"",
        "افتتحت وزارة النقل يوم الاثنين جسر وادي النخيل الجديد في مدينة السنابل بعد ثلاث سنوات من الأشغال.",
        "وقال الوزير إن الجسر سيختصر زمن الرحلة بين الضفتين إلى عشر دقائق وفق",
        "ما أعلنته الوزارة في بيان رسمي صدر مساء الاثنين عن مكتبها الإعلامي.",
    ]))
    texts = [c.text for c in candidates(0, article)]
    assert texts[0].startswith("افتتحت")
    assert not any(t.startswith("الحكومة") for t in texts)
    assert not any(t.endswith("وفق") for t in texts)  # a line broken mid-sentence is no sentence


def test_neutral_wording_is_preferred_when_other_voices_report() -> None:
    lead = summary().sentences[0]
    marked = summarize_event("v1", EVENT, framed={lead.article})
    assert marked.sentences[0].article != lead.article
    assert sum(s.article == lead.article for s in marked.sentences) < sum(
        s.article == lead.article for s in summary().sentences)


def test_a_lone_voice_is_summarised_the_same_when_it_is_stance_marked() -> None:
    assert summarize_event("v1", [ALPHA], framed={"a1"}) == summarize_event("v1", [ALPHA])


# Two invented outlets report one invented match, their leads worded apart (Gulf and Maghrebi styles).
MATCH = [
    Article("m1", "\n".join([
        "تغلب نادي الصقور على ضيفه نادي الموج بهدفين دون رد مساء الجمعة في ختام الجولة العاشرة من الدوري.",
        "وسجل المهاجم فهد الراشد الهدف الأول في الدقيقة الثانية عشرة من ضربة رأس قوية.",
        "وأضاف البديل ماجد العتيبي الهدف الثاني قبل نهاية اللقاء بخمس دقائق بتسديدة من خارج المنطقة.",
        "وبهذا الفوز يرتقي الصقور إلى المركز الثالث في جدول الترتيب برصيد عشرين نقطة.",
    ]), source="Gulf Sport", published="2024-05-03"),
    Article("m2", "\n".join([
        "حقق فريق الصقور انتصارا ثمينا على حساب الموج بثنائية نظيفة برسم الدورة العاشرة من البطولة.",
        "وعرفت المواجهة غيابات مؤثرة في صفوف الموج بسبب الإصابات والإيقافات المتراكمة.",
        "وأعلنت إدارة الموج عقب المباراة إقالة المدرب وتكليف مساعده بقيادة الفريق مؤقتا.",
        "ومن المنتظر أن يواجه الموج متصدر الترتيب في الجولة المقبلة خارج ملعبه.",
    ]), source="Maghreb Foot", published="2024-05-03"),
]


def test_one_lead_states_the_happening() -> None:
    leads = {a.text.split("\n")[0] for a in MATCH}
    before = hit_counts()["summarize.lead.once"]
    texts = [s.text for s in summarize_event("v9", MATCH).sentences]
    assert len(leads & set(texts)) == 1  # the match result once, though worded apart
    assert hit_counts()["summarize.lead.once"] > before
    bridge_leads = {c.text for i, a in enumerate(EVENT) for c in candidates(i, a) if c.position == 0}
    assert sum(s.text in bridge_leads for s in summary().sentences) == 1


def test_the_article_whose_lead_is_chosen_comes_first() -> None:
    pool = [Candidate(0, 3, "body of the first pick"), Candidate(1, 0, "lead of another outlet"),
            Candidate(0, 1, "earlier body sentence"), Candidate(2, 2, "body of a third outlet")]
    assert reading_order([0, 1, 2], pool) == [1, 2, 0]  # the lead's article, then the others in order of choice
    assert reading_order([0, 3, 2], pool) == [2, 0, 3]  # no lead: the first pick's article leads


def test_a_summary_of_several_voices_quotes_two() -> None:
    pool = [Candidate(0, 0, "lead of the first outlet"), Candidate(0, 1, "its second sentence"),
            Candidate(0, 2, "its third sentence"), Candidate(1, 4, "a body sentence of another outlet"),
            Candidate(1, 5, "another body sentence repeating the second")]
    voice_of = ["alpha", "alpha", "alpha", "beta", "beta"]
    worths = [0.9, 0.8, 0.7, 0.3, 0.6]
    duplicate = np.zeros((5, 5), dtype=bool)
    duplicate[4, 1] = duplicate[1, 4] = True
    before = hit_counts()["summarize.voices.another"]
    assert another_voice([0, 1, 2], pool, voice_of, worths, duplicate) == [0, 1, 3]  # the last body sentence goes
    assert hit_counts()["summarize.voices.another"] == before + 1
    assert another_voice([2, 0, 1], pool, voice_of, worths, duplicate) == [2, 0, 4]  # not the lead; 1 goes
    assert another_voice([0, 3], pool, voice_of, worths, duplicate) == [0, 3]  # two voices already
    assert another_voice([0, 1, 2], pool, ["alpha"] * 5, worths, duplicate) == [0, 1, 2]  # one voice alone
