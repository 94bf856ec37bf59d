"""Synthetic analysis documents for tests of listings at scale (no article text worth reading)."""
from __future__ import annotations

from datetime import date, timedelta

OUTLETS = ("Wire A", "Paper B", "Site C")


def many_stories(stories: int) -> dict:
    """`stories` one-event stories; story k has k % 3 + 1 outlets and its last article k days before the newest."""
    newest = date(2024, 5, 31)
    articles, events, story_rows, entities = [], [], [], []
    for k in range(stories):
        ids = [f"a{k}_{n}" for n in range(k % 3 + 1)]
        day = (newest - timedelta(days=k)).isoformat()
        articles += [{"id": i, "source": OUTLETS[n], "title": f"خبر {k}", "published": day,
                      "text": f"نص الخبر رقم {k}."} for n, i in enumerate(ids)]
        events.append({"id": f"v{k}", "story": f"s{k}", "title": f"حدث {k}", "date": day, "articles": ids})
        story_rows.append({"id": f"s{k}", "title": f"قصة {k}", "events": [f"v{k}"]})
        entities.append({"id": f"e{k}", "type": "PER", "name": f"شخص رقم {k}", "name_latin": f"Person {k}",
                         "aliases": [], "mentions": [{"article": ids[0], "start": 0, "end": 2, "text": "نص"}]})
    return {"schema": "marsad.analysis/v1", "articles": articles, "entities": entities, "events": events,
            "stories": story_rows, "quotes": [], "timexes": [], "claims": [], "contradictions": [], "framing": [],
            "summaries": [], "rejected": []}
