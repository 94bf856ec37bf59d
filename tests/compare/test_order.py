"""Order contradictions: one outlet lists an actor among those before its subject, another names it a follower
(sentences written for these tests)."""
from __future__ import annotations

from marsad.compare.claims import align_claims
from marsad.compare.order import RULES, order_contradictions
from marsad.rules import hit_counts
from marsad.types import Article, Mention


def _article(article_id: str, source: str, text: str, actors: dict[str, str]) -> tuple[Article, list]:
    """An article and its (entity, mention) pairs: every occurrence of each actor's name."""
    found = []
    for entity, name in actors.items():
        start = text.find(name)
        while start >= 0:
            found.append((entity, Mention(article_id, start, start + len(name), name, "GPE")))
            start = text.find(name, start + 1)
    return Article(article_id, source=source, published="2030-04-02", text=text), found


ACTORS = {"jo": "الأردن", "eg": "مصر", "tn": "تونس", "ma": "المغرب"}


def _run(*texts: tuple[str, str, str]):
    pairs = [_article(aid, source, text, ACTORS) for aid, source, text in texts]
    articles = [a for a, _ in pairs]
    mentions = [m for _, found in pairs for m in found]
    claims = align_claims("v1", articles)
    return order_contradictions("v1", claims, articles, mentions)


def test_an_actor_before_in_one_account_and_after_in_the_other_contradicts() -> None:
    before = hit_counts().get("order.before-and-after", 0)
    (found,) = _run(
        ("a", "Wire", "وكان المغرب بذلك رابع دولة توقع الاتفاقية الإقليمية، بعد الأردن ومصر وتونس."),
        ("b", "Daily", "ووقع المغرب الاتفاقية الإقليمية في مارس بعد الأردن ومصر. ثم حذت تونس حذوه في أبريل."),
    )
    assert "تونس" in found.detail and "Wire" in found.detail and "Daily" in found.detail
    assert found.about == "other" and len(found.claims) == 2
    assert hit_counts()["order.before-and-after"] == before + 1 and "before-and-after" in RULES.names


def test_the_same_order_told_twice_does_not_contradict() -> None:
    assert _run(
        ("a", "Wire", "وكان المغرب بذلك رابع دولة توقع الاتفاقية الإقليمية، بعد الأردن ومصر وتونس."),
        ("b", "Daily", "ووقع المغرب الاتفاقية الإقليمية في مارس، عقب الأردن ومصر وتونس بأسابيع قليلة."),
    ) == []


def test_a_follower_of_another_sequence_does_not_contradict() -> None:
    assert _run(
        ("a", "Wire", "وكان المغرب بذلك رابع دولة توقع الاتفاقية الإقليمية، بعد الأردن ومصر وتونس."),
        ("b", "Daily", "وفي سياق آخر أطلقت مصر برنامجا للطاقة الشمسية ولحقت بها تونس في الشهر التالي."),
    ) == []


def test_a_name_further_after_the_cue_or_an_object_of_the_follower_verb_is_no_order() -> None:
    assert _run(
        ("a", "Wire", "وبعد انتهاء المفاوضات أعلن الأردن دعمه للاتفاق الذي وقعته مصر."),
        ("b", "Daily", "وبعد الأردن وقعت مصر الاتفاق. ولم ينته الضرر الذي لحق بالأردن من الأزمة."),
    ) == []


def test_a_list_a_few_words_after_the_cue_still_names_the_predecessors() -> None:
    (found,) = _run(
        ("a", "Wire", "وكان المغرب بذلك رابع دولة توقع الاتفاقية الإقليمية، بعد الأردن ومصر وتونس."),
        ("b", "Daily", "ووقع المغرب الاتفاقية الإقليمية في مارس بعد أسابيع من خطوة مماثلة من الأردن ومصر. "
                       "ثم حذت تونس حذوه في أبريل."),
    )
    assert "تونس" in found.detail
