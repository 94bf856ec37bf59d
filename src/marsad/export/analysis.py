"""The `marsad.analysis/v1` document (see the packaged JSON Schema, `marsad schema`)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import chain
from typing import Any, Protocol

from marsad.compare.figures import story_figures
from marsad.summarize import summarize_story
from marsad.types import Analysis, FigureSeries, Story

SCHEMA_ID = "marsad.analysis/v1"
KEYS = ("articles", "entities", "quotes", "timexes", "events", "stories", "claims", "contradictions", "framing",
        "summaries")


def to_document(analysis: Analysis) -> dict[str, Any]:
    """The analysis as a JSON-ready dict with every key of the format present."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in document_sections(analysis)}


def document_sections(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    """The document's sections in order, each list's items made JSON-ready one at a time as they are read (for
    `json_pieces`: a document written without ever being held whole)."""
    doc, convert = document_items(analysis)
    return ((key, map(convert[key], value) if key in convert else value) for key, value in doc.items())


Convert = Callable[[Any], Any]


def document_items(analysis: Analysis, made: dict[int, StoryRow] | None = None
                   ) -> tuple[dict[str, Any], dict[str, Convert]]:
    """The document with the analysis's own items in its lists, and how an item of each list becomes JSON-ready:
    `to_document` converts them all, a publish only those whose rows it does not know unchanged. A story is given
    as its `StoryRow`; `made`: the rows made last time in this process, by id of their story, kept where the story
    and what its row is made of are the very objects they were (and updated)."""
    events, summaries = {e.id: e for e in analysis.events}, {s.event: s for s in analysis.summaries}
    figures: dict[str, list[tuple[int, FigureSeries]]] = {}  # each event's figure series, with their place
    for place, series in enumerate(analysis.figures):
        figures.setdefault(series.event, []).append((place, series))

    def story(row: StoryRow) -> dict[str, Any]:
        item = row.story
        data = item.to_dict()
        data["timeline"] = [line.to_dict() for line in summarize_story(item, events, summaries)]
        told = sorted(chain.from_iterable(figures.get(event, ()) for event in item.events))
        data["figures"] = [f.to_dict() for f in story_figures(item, [series for _, series in told])]
        return data

    def story_row(item: Story) -> StoryRow:
        parts = (*map(events.get, item.events), *map(summaries.get, item.events),
                 *(series for event in item.events for _, series in figures.get(event, ())))
        kept = (made or {}).get(id(item))
        if kept is None or kept.story is not item or len(kept.parts) != len(parts) \
                or any(a is not b for a, b in zip(kept.parts, parts, strict=True)):
            kept = StoryRow(item, parts)
        return kept

    stories = [story_row(item) for item in analysis.stories]
    if made is not None:
        made.clear()
        made.update((id(row.story), row) for row in stories)
    doc: dict[str, Any] = {
        "schema": SCHEMA_ID, "articles": list(analysis.articles), "entities": list(analysis.entities),
        "quotes": list(analysis.quotes), "timexes": list(analysis.all_spans("timexes")),
        "events": list(analysis.events), "stories": stories, "claims": list(analysis.claims),
        "contradictions": list(analysis.contradictions),
        "framing": [f for f in analysis.framing if f.terms],  # articles with no framing term left out
        "summaries": list(analysis.summaries), "attribution": list(analysis.attribution),
        "framing_contrasts": list(analysis.contrasts), "figures": list(analysis.figures),
        "rejected": [{"path": r.path, "reason": r.reason} for r in analysis.rejected]}
    convert: dict[str, Convert] = {key: _to_dict for key in (*KEYS, "attribution", "framing_contrasts", "figures")}
    convert["stories"] = story
    return doc, convert


@dataclass(frozen=True, slots=True, eq=False)
class StoryRow:
    """A story as its row in the document holds it: with a timeline of its events' summaries and the tolls its
    events report. `parts`: the events, summaries and figure series it is made of, so the row is the same while
    they are the very same objects."""

    story: Story
    parts: tuple[Any, ...]

    @property
    def id(self) -> str:
        return self.story.id


def _to_dict(item: Any) -> Any:
    return item.to_dict()


class StoredAnalysis(Protocol):
    """What `stored_sections` reads of a store."""

    def analysis_header(self) -> dict[str, Any]: ...

    def analysis_section(self, section: str) -> Iterator[dict[str, Any]]: ...


def stored_sections(store: StoredAnalysis, header: dict[str, Any] | None = None
                    ) -> tuple[list[str], dict[str, Any], Callable[[str], Iterable[Any]]]:
    """The latest stored analysis (`header`: its header, if read already) as its sections' names in order, its
    values that are not lists, and how to read a section's items one at a time: from the store's rows, or from a
    document kept whole by an older version of the store."""
    header = store.analysis_header() if header is None else header
    if "sections" in header:
        return list(header["sections"]), dict(header["values"]), store.analysis_section
    whole = header
    return list(whole), {k: v for k, v in whole.items() if not isinstance(v, list)}, lambda s: whole.get(s, [])


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
