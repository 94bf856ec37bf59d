"""The `marsad.analysis/v1` document (see the packaged JSON Schema, `marsad schema`)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from itertools import chain
from typing import Any

from marsad.compare.figures import story_figures
from marsad.summarize import summarize_story
from marsad.types import Analysis, FigureSeries

SCHEMA_ID = "marsad.analysis/v1"
KEYS = ("articles", "entities", "quotes", "timexes", "events", "stories", "claims", "contradictions", "framing",
        "summaries")


def to_document(analysis: Analysis) -> dict[str, Any]:
    """The analysis as a JSON-ready dict with every key of the format present."""
    doc: dict[str, Any] = {"schema": SCHEMA_ID}
    doc.update({key: [] for key in KEYS})
    doc["articles"] = [article.to_dict() for article in analysis.articles]
    doc["timexes"] = [t.to_dict() for t in analysis.all_spans("timexes")]
    doc["entities"] = [e.to_dict() for e in analysis.entities]
    doc["quotes"] = [q.to_dict() for q in analysis.quotes]
    doc["framing"] = [f.to_dict() for f in analysis.framing if f.terms]  # articles with no framing term left out
    for key in ("events", "stories", "claims", "contradictions", "summaries"):
        doc[key] = [item.to_dict() for item in getattr(analysis, key)]
    events, summaries = {e.id: e for e in analysis.events}, {s.event: s for s in analysis.summaries}
    figures: dict[str, list[tuple[int, FigureSeries]]] = {}  # each event's figure series, with their place
    for place, series in enumerate(analysis.figures):
        figures.setdefault(series.event, []).append((place, series))
    for story, row in zip(analysis.stories, doc["stories"], strict=True):
        row["timeline"] = [line.to_dict() for line in summarize_story(story, events, summaries)]
        told = sorted(chain.from_iterable(figures.get(event, ()) for event in story.events))
        row["figures"] = [f.to_dict() for f in story_figures(story, [series for _, series in told])]
    doc["attribution"] = [a.to_dict() for a in analysis.attribution]
    doc["framing_contrasts"] = [c.to_dict() for c in analysis.contrasts]
    doc["figures"] = [f.to_dict() for f in analysis.figures]
    doc["rejected"] = [{"path": r.path, "reason": r.reason} for r in analysis.rejected]
    return doc


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `marsad.analysis/v1` shipped with the package."""
    text = resources.files("marsad.export").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def json_pieces(items: Iterable[tuple[str, Any]]) -> Iterator[str]:
    """A document as `json.dumps(doc, ensure_ascii=False, indent=1)` writes it, a piece at a time: a list (or any
    iterator, such as a store's section) one item at a time, so a stored analysis is written without being held
    whole."""
    empty = True
    for key, value in items:
        yield ("{\n " if empty else ",\n ") + json.dumps(key, ensure_ascii=False) + ": "
        empty = False
        if isinstance(value, (list, tuple, Iterator)):
            yield from _list_pieces(value)
        else:
            yield json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")
    yield "{}" if empty else "\n}"


def _list_pieces(items: Iterable[Any]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[\n  " if empty else ",\n  ") + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        empty = False
    yield "[]" if empty else "\n ]"
