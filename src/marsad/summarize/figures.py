"""Key figures in a summary: a toll is stated once, at its latest value.

A toll rises from report to report (632 dead, then 2,122, then 2,901); the figures layer
(`marsad.compare.figures`) lists an event's reports of each figure in order of publication. The sentences that
report one toll say the same thing at different times, so a summary takes one of them, and the one with the latest
report leads: the earlier counts are history, the latest is the news. Only a toll that rose is read so: a series
whose latest report is lower than an earlier one (two incidents of one event, or outlets that disagree) or no higher
than the first (the same count repeated) is left alone.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from marsad.compare.contradictions import CASUALTIES
from marsad.summarize.candidates import Candidate
from marsad.summarize.rules import RULES
from marsad.text.normalize import match_key

RULES.register("figure.latest-toll")


class TollReports(NamedTuple):
    """The pool's sentences that report one toll, and those of them that give its latest report."""

    rows: list[int]
    latest: set[int]


def toll_reports(pool: Sequence[Candidate], keys: Sequence[str], article_ids: Sequence[str],
                 figures: Sequence[Any]) -> list[TollReports]:
    """The toll series of `figures` (`FigureSeries`, or objects with its `quantity` and `points`) that two
    sentences of the pool or more report. A point's sentence and a candidate of its article match when one
    contains the other, compared by `match_key` (the candidates' `keys`), as a claim's support does."""
    found: list[TollReports] = []
    for series in figures:
        if series.quantity not in CASUALTIES or not rising(series.points):
            continue
        stating = [sentences_of(point, pool, keys, article_ids) for point in series.points]  # by publication
        rows = sorted(set().union(*stating))
        if len(rows) > 1:
            found.append(TollReports(rows, next(s for s in reversed(stating) if s)))
    return found


def rising(points: Sequence[Any]) -> bool:
    """Whether the latest of a figure's reports (in order of publication) is at least as high as every other and
    higher than the first."""
    return bool(points) and points[0].low < points[-1].low and all(point.low <= points[-1].low for point in points)


def sentences_of(point: Any, pool: Sequence[Candidate], keys: Sequence[str], article_ids: Sequence[str]) -> set[int]:
    """The sentences of the pool that state a figure's report (a `FigurePoint`: its article and sentence)."""
    said = match_key(point.sentence)
    return {i for i, candidate in enumerate(pool)
            if said and article_ids[candidate.article] == point.article and (said in keys[i] or keys[i] in said)}


def latest_toll(reports: Sequence[TollReports], size: int) -> list[float]:
    """For each sentence, +1 for each toll whose latest report it gives, -1 for each it reports earlier."""
    shift = [0.0] * size
    for report in reports:
        for i in report.rows:
            shift[i] += 1.0 if i in report.latest else -1.0
        RULES.hit("figure.latest-toll")
    return shift
