"""The JSON API: stories, events, entities, articles and search, straight from the analysis document."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from marsad.store.sqlite import SearchQuery
from marsad.web.pages import DATE, require, view_of

router = APIRouter(prefix="/api", tags=["api"])
Json = dict[str, Any]


def _article_brief(article: Json) -> Json:
    return {k: article.get(k) for k in ("id", "title", "source", "published", "url")}


@router.get("/stories", summary="Stories with their events in date order")
def stories(request: Request) -> list[Json]:
    return [{"id": sv.story["id"] or None, "title": sv.story["title"],
             "events": [{k: t.event.get(k) for k in ("id", "title", "date")} | {"outlets": list(t.outlets)}
                        for t in sv.timeline]}
            for sv in view_of(request).story_list()]


@router.get("/events/{event_id}", summary="An event: summary, claims, contradictions, articles")
def event(request: Request, event_id: str) -> Json:
    view = view_of(request)
    ev = view.event_view(require(view.events, event_id))
    return {**ev.event, "outlets": list(ev.outlets),
            "summary": next((s["sentences"] for s in view.doc.get("summaries", []) if s["event"] == event_id), []),
            "claims": [{**row.claim, "outlets": dict(zip(ev.outlets, row.cells, strict=True))} for row in ev.matrix],
            "contradictions": [c for c in view.doc.get("contradictions", []) if c.get("event") == event_id],
            "articles": [_article_brief(a) for a in ev.articles]}


@router.get("/entities/{entity_id}", summary="An entity: names, mentions, quotes, events")
def entity(request: Request, entity_id: str) -> Json:
    view = view_of(request)
    en = view.entity_view(require(view.entities, entity_id))
    return {**en.entity, "quotes": list(en.quotes), "events": [e["id"] for e in en.events]}


@router.get("/articles/{article_id}", summary="An article: clean text and its spans")
def article(request: Request, article_id: str) -> Json:
    view = view_of(request)
    article_id = require(view.articles, article_id)
    return {**view.articles[article_id], "mentions": view.spans(article_id, "mentions"),
            "timexes": view.spans(article_id, "timexes"), "quotes": view.spans(article_id, "quotes")}


@router.get("/search", summary="Arabic-normalised full-text search with filters")
def search(request: Request, q: Annotated[str, Query(max_length=200)] = "",
           outlet: Annotated[str | None, Query(max_length=200)] = None,
           entity: Annotated[str | None, Query(max_length=200)] = None,
           date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
           date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 50,
           offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> Json:
    query = SearchQuery(q, outlet or None, entity or None, date_from or None, date_to or None)
    found = request.app.state.data.search(query, limit, offset)
    return {"query": {"q": q, "outlet": outlet, "entity": entity, "from": date_from, "to": date_to},
            "count": found.total, "offset": offset, "next_offset": found.next_offset,
            "results": [h.to_dict() for h in found.hits]}
