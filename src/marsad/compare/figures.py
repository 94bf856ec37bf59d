"""Figures over time: each quantity an event's outlets report (a toll, a count of homes, a sum), as a series of
reports in order of publication.

A toll that rises from report to report (632, then 2,012, then 2,946 dead) is no contradiction: it is one figure
evolving, and the series shows it so. The values are those `contradictions.stated_quantities` reads (numbers with
the noun they count, hedges as ranges); durations and clock times are left to the contradictions. A series needs
reports from two articles or more, a syndicated copy not counted beside its original; an article that gives several
values of one quantity keeps the largest (a total beside its parts: 56 dead, of them 20 children). A story's tolls
(`story_figures`) join the series of its events: a toll told over days of coverage that the clustering split into
several events.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from marsad.compare.contradictions import CASUALTIES, Quantity, outlet_of, slot_label
from marsad.types import Article, FigurePoint, FigureSeries, Story


def figure_series(event_id: str, quantities: Sequence[Quantity], articles: Sequence[Article]) -> list[FigureSeries]:
    """The event's figures reported by two articles or more, each as its reports in order of publication (then of
    the event's articles); tolls first, then by how many articles report the figure."""
    outlets = outlet_of(articles)
    order = {a.id: k for k, a in enumerate(articles)}
    roots = {a.id: a.duplicate_of if a.duplicate_of in order else a.id for a in articles}
    by_slot: dict[str, dict[str, Quantity]] = {}
    for q in quantities:
        if q.about == "date":
            continue
        kept = by_slot.setdefault(q.slot, {})
        best = kept.get(q.sentence.article.id)
        if best is None or q.low > best.low:
            kept[q.sentence.article.id] = q
    for kept in by_slot.values():  # a syndicated copy repeats its original's report
        for article in [a for a in kept if roots[a] != a and roots[a] in kept]:
            del kept[article]
    series = [_series(event_id, slot, reports, outlets, order) for slot, reports in by_slot.items()
              if len(reports) >= 2]
    return sorted(series, key=lambda s: (s.quantity not in CASUALTIES, -len(s.points), s.quantity))


def _series(event_id: str, slot: str, reports: Mapping[str, Quantity], outlets: Mapping[str, str],
            order: Mapping[str, int]) -> FigureSeries:
    points = [FigurePoint(article, outlets[article], q.sentence.article.published, q.low, q.high, q.shown,
                          q.sentence.text) for article, q in reports.items()]
    points.sort(key=lambda p: (p.published or "", order[p.article]))
    return FigureSeries(event_id, slot, slot_label(slot), tuple(points))


def story_figures(story: Story, figures: Sequence[FigureSeries]) -> list[FigureSeries]:
    """Each toll that two events of the story or more report, as one series of all their reports in order of
    publication (then of the events' order), named for the story; tolls only, since another counted noun in two
    events is rarely one quantity."""
    order = {event: k for k, event in enumerate(story.events)}
    by_quantity: dict[str, list[FigureSeries]] = {}
    for series in figures:
        if series.event in order and series.quantity in CASUALTIES:
            by_quantity.setdefault(series.quantity, []).append(series)
    merged = []
    for quantity, found in by_quantity.items():
        if len(found) < 2:
            continue
        points = sorted(((p, order[s.event]) for s in found for p in s.points),
                        key=lambda item: (item[0].published or "", item[1]))
        merged.append(FigureSeries(story.id, quantity, found[0].label, tuple(p for p, _ in points)))
    return sorted(merged, key=lambda s: CASUALTIES.index(s.quantity))
