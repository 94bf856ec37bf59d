"""Figures over time: a toll reported by several outlets on several days, as one series (sentences written for
these tests)."""
from __future__ import annotations

from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions, stated_quantities
from marsad.compare.figures import figure_series, story_figures
from marsad.types import Article, Story


def _report(article_id: str, source: str, day: str, text: str) -> Article:
    return Article(article_id, source=source, published=day, text=text)


def _series(*articles: Article):
    claims = align_claims("v1", articles)
    quantities = stated_quantities(claims, articles)
    return figure_series("v1", quantities, articles), find_contradictions("v1", claims, articles, None,
                                                                          quantities=quantities)


def test_a_rising_toll_is_a_series_in_order_of_publication_not_a_contradiction() -> None:
    articles = (
        _report("c", "Gazette", "2030-03-06", "وارتفعت حصيلة ضحايا الزلزال في الإقليم إلى 912 قتيلا."),
        _report("a", "Wire", "2030-03-04", "وقالت السلطات إن الهزة خلفت 120 قتيلا في الإقليم."),
        _report("b", "Daily", "2030-03-05", "وأعلنت الداخلية أن حصيلة الزلزال بلغت 430 قتيلا في الإقليم."),
    )
    series, contradictions = _series(*articles)
    (toll,) = [s for s in series if s.quantity == "killed"]
    assert [(p.article, p.low) for p in toll.points] == [("a", 120), ("b", 430), ("c", 912)]
    assert toll.label == "عدد القتلى" and toll.points[0].outlet == "Wire"
    assert contradictions == []


def test_a_syndicated_copy_adds_no_report_and_one_report_is_no_series() -> None:
    a = _report("a", "Wire", "2030-03-04", "وقالت السلطات إن الهزة خلفت 120 قتيلا في الإقليم.")
    copy = Article("b", source="Portal", published="2030-03-04", duplicate_of="a",
                   text="وقالت السلطات إن الهزة خلفت 120 قتيلا في الإقليم.")
    assert _series(a, copy)[0] == []


def test_hedged_figures_keep_their_range_and_export_an_open_bound() -> None:
    articles = (
        _report("a", "Wire", "2030-03-04", "وأفادت الأمم المتحدة بأن أكثر من 5000 شخص نزحوا باتجاه الشمال."),
        _report("b", "Daily", "2030-03-05", "وذكر الهلال الأحمر أن عدد النازحين من القرى بلغ 7200 نازح."),
    )
    (displaced,) = _series(*articles)[0]
    first = displaced.points[0].to_dict()
    assert displaced.quantity == "displaced" and first["low"] == 5000 and first["high"] is None


def test_a_story_joins_the_tolls_of_its_events_in_order_of_publication() -> None:
    first, _ = _series(
        _report("a", "Wire", "2030-03-04", "وقالت السلطات إن الهزة خلفت 120 قتيلا في الإقليم."),
        _report("b", "Daily", "2030-03-04", "وأعلنت الداخلية أن حصيلة الزلزال بلغت 150 قتيلا في الإقليم."))
    later = [
        _report("c", "Gazette", "2030-03-07", "وارتفعت حصيلة ضحايا الزلزال في الإقليم إلى 912 قتيلا."),
        _report("d", "Wire", "2030-03-06", "وأعلنت الداخلية أن عدد ضحايا الزلزال بلغ 640 قتيلا في الإقليم."),
        _report("e", "Daily", "2030-03-06", "وأفادت مصادر بأن 30 منزلا انهارت في الإقليم.")]
    claims = align_claims("v2", later)
    second = figure_series("v2", stated_quantities(claims, later), later)
    (toll,) = story_figures(Story("s1", "الزلزال", ("v1", "v2")), [*first, *second])
    assert toll.event == "s1" and toll.quantity == "killed"
    assert [p.low for p in toll.points] == [120, 150, 640, 912]
    assert story_figures(Story("s2", "الزلزال", ("v1",)), first) == []  # one event: its own series is enough
