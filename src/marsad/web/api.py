"""The JSON API: stories, events, entities, articles and search, straight from the analysis document."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from marsad.export.views import StoryFilter
from marsad.store.sqlite import SearchQuery
from marsad.web.pages import DATE, require, view_of

router = APIRouter(prefix="/api", tags=["api"])
Json = dict[str, Any]


def _article_brief(article: Json) -> Json:
    return {k: article.get(k) for k in ("id", "title", "source", "published", "url")}


Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Day = Annotated[str | None, Query(pattern=DATE, max_length=10)]
Text = Annotated[str | None, Query(max_length=200)]


def page_of(items: list[Any], limit: int, offset: int, response: Response) -> list[Any]:
    """One page of a listing; the whole listing's length goes in the X-Total-Count header."""
    response.headers["X-Total-Count"] = str(len(items))
    return items[offset:offset + limit]


@router.get("/stories", summary="Stories by current coverage (outlets x recency), with their events in date order; "
                                "the total in X-Total-Count")
def stories(request: Request, response: Response, outlet: Text = None, entity: Text = None,
            date_from: Annotated[Day, Query(alias="from")] = None, date_to: Annotated[Day, Query(alias="to")] = None,
            limit: Limit = 100, offset: Offset = 0) -> list[Json]:
    view = view_of(request)
    cards = page_of(view.story_cards(StoryFilter(outlet, date_from, date_to, entity)), limit, offset, response)
    return [{"id": card.story["id"] or None, "title": card.story["title"], "coverage": round(card.coverage, 3),
             "articles": card.articles, "outlets": list(card.outlets), "first": card.first, "last": card.last,
             "events": [{k: t.event.get(k) for k in ("id", "title", "date")} | {"outlets": list(t.outlets)}
                        for t in view.story_view(card.story["id"]).timeline] if card.story["id"] else
                       [{k: t.event.get(k) for k in ("id", "title", "date")} | {"outlets": list(t.outlets)}
                        for t in card.latest]}
            for card in cards]


@router.get("/events", summary="Events, latest first; the total in X-Total-Count")
def events(request: Request, response: Response, limit: Limit = 100, offset: Offset = 0) -> list[Json]:
    listed = sorted(view_of(request).events.values(), key=lambda e: (e.get("date") or "", e["id"]), reverse=True)
    return [{k: e.get(k) for k in ("id", "title", "date", "story")} | {"articles": len(e.get("articles", []))}
            for e in page_of(listed, limit, offset, response)]


@router.get("/entities", summary="Entities, most mentioned first; the total in X-Total-Count")
def entities(request: Request, response: Response, q: Text = None, limit: Limit = 100,
             offset: Offset = 0) -> list[Json]:
    rows = view_of(request).entity_listing(q or "")
    return [{k: row.entity.get(k) for k in ("id", "name", "name_latin", "type")} | {"mentions": row.count}
            for row in page_of(list(rows), limit, offset, response)]


@router.get("/events/{event_id}", summary="An event: summary, claims, contradictions, articles")
def event(request: Request, event_id: str) -> Json:
    view = view_of(request)
    ev = view.event_view(require(view.events, event_id))
    return {**ev.event, "outlets": list(ev.outlets),
            "summary": view.summary_sentences(event_id),
            "claims": [{**row.claim, "outlets": dict(zip(ev.outlets, row.cells, strict=True))} for row in ev.matrix],
            "contradictions": view.contradictions_of(event_id),
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
    return {**view.source.article(article_id), "mentions": view.spans(article_id, "mentions"),
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
