"""Part of an analysis document: the stories asked for, the events since a date, and everything that hangs on them.

A monitor's store holds weeks of news; an export for a desk is one story or the last days. The selection keeps
the document's format (`marsad.analysis/v1`): each layer keeps the rows of the kept events and articles, and an
entity keeps only its mentions in the kept articles (dropped when none is left).
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

Reader = Callable[[str], Iterable[dict[str, Any]]]  # the items of one section, in document order

EVENT_LAYERS = ("claims", "contradictions", "summaries", "framing_contrasts", "figures")
ARTICLE_LAYERS = ("timexes", "quotes", "framing", "attribution")


class SelectionError(ValueError):
    """A story asked for that the analysis does not hold."""


def select(document: dict[str, Any], stories: Collection[str] = (), since: str | None = None) -> dict[str, Any]:
    """The document cut to `stories` (all when empty) and to the events reported on or after `since` (an ISO date;
    an event without a resolved date counts from its latest article)."""
    return {**document, **cut_sections(lambda section: document.get(section, []), stories, since)}


def cut_sections(read: Reader, stories: Collection[str] = (), since: str | None = None) -> dict[str, list[Any]]:
    """The sections `select` cuts, each read once, one item at a time (a store's analysis is never whole)."""
    all_stories = list(read("stories"))
    known = {story["id"] for story in all_stories}
    if missing := sorted(set(stories) - known):
        raise SelectionError(f"no story {', '.join(missing)} in this analysis (it has {len(known)})")
    published = {a["id"]: (a.get("published") or "")[:10] for a in read("articles")}
    events = [e for e in read("events")
              if (not stories or e.get("story") in stories) and (not since or _day(e, published) >= since)]
    event_ids = {e["id"] for e in events}
    article_ids = {a for e in events for a in e["articles"]}
    cut: dict[str, list[Any]] = {"events": events}
    cut["stories"] = [dict(s, events=[e for e in s["events"] if e in event_ids],
                           timeline=[line for line in s.get("timeline", []) if line.get("event") in event_ids])
                      for s in all_stories if any(e in event_ids for e in s["events"])]
    cut["articles"] = [a for a in read("articles") if a["id"] in article_ids]
    for layer in EVENT_LAYERS:
        cut[layer] = [row for row in read(layer) if row.get("event") in event_ids]
    for layer in ARTICLE_LAYERS:
        cut[layer] = [row for row in read(layer) if row.get("article") in article_ids]
    entities = []
    for entity in read("entities"):
        mentions = [m for m in entity.get("mentions", []) if m.get("article") in article_ids]
        if mentions:
            entities.append(dict(entity, mentions=mentions))
    cut["entities"] = entities
    return cut


def _day(event: dict[str, Any], published: dict[str, str]) -> str:
    """The day an event is filed under: its resolved date, else the day of its latest article."""
    return str(event.get("date") or "")[:10] or max((published.get(a, "") for a in event["articles"]), default="")
