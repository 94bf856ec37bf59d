"""When an event happened: the absolute date most of its articles give in their lead, else the first report."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from marsad.text.sentences import split_sentences
from marsad.types import Article, Timex

LEAD_SENTENCES = 4  # headline, dateline and the first sentences: where news states when it happened
LEAD_CHARS = 1500  # enough text to hold the lead
MAX_DAYS_BEFORE = 7  # a date older than this before the first report is background, not the event


def event_date(articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]] | None) -> tuple[str | None,
                                                                                                  tuple[str, ...]]:
    """(ISO date, the timex strings that support it): the day given by most articles, ties by earliest."""
    published = sorted(a.published[:10] for a in articles if a.published)
    first = published[0] if published else None
    support: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        for timex in lead_dates(article, (timexes or {}).get(article.id, ())):
            if plausible(timex.value, first, published[-1] if published else None):
                support[timex.value].add(article.id)
                if timex.text not in evidence[timex.value]:
                    evidence[timex.value].append(timex.text)
    if not support:
        return first, ()
    best = min(support, key=lambda value: (-len(support[value]), value))
    return best, tuple(evidence[best])


def lead_dates(article: Article, timexes: Sequence[Timex]) -> list[Timex]:
    """The article's full-date time expressions that fall in its lead."""
    if not timexes:
        return []
    sentences = split_sentences(article.text[:LEAD_CHARS])[:LEAD_SENTENCES]
    lead_end = sentences[-1].end if sentences else 0
    return [t for t in timexes if t.kind == "date" and t.start < lead_end and is_day(t.value)]


def is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def plausible(value: str, first: str | None, last: str | None) -> bool:
    """A day no later than the last report and not long before the first one (any day when undated)."""
    if first is None or last is None:
        return True
    earliest = (date.fromisoformat(first) - timedelta(days=MAX_DAYS_BEFORE)).isoformat()
    return earliest <= value <= last
