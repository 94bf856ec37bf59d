"""The HTML pages: the report's views, live over the store, plus search and entity pages."""
from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from marsad.export.report import shared_context, stylesheet
from marsad.export.views import DocumentView, StoryFilter
from marsad.store.sqlite import SearchQuery
from marsad.web.security import valid_id

router = APIRouter(include_in_schema=False)
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no bound (a form sends the empty field)
Text = Annotated[str, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=DATE, max_length=10)]


class AppLinks:
    """Links between the app's pages."""

    def article(self, item_id: str) -> str:
        return "/articles/" + quote(item_id, safe="")

    def entity(self, item_id: str) -> str:
        return "/entities/" + quote(item_id, safe="")

    def event(self, item_id: str) -> str:
        return "/events/" + quote(item_id, safe="")

    def outlet(self, name: str) -> str:
        return "/outlets/" + quote(name, safe="")

    def story(self, item_id: str) -> str:
        return "/stories/" + quote(item_id, safe="")


LINKS = AppLinks()
SEARCH_PAGE = 50  # results per page of the search page
STORIES_PAGE = 20  # story cards per page of the home page
VOLUME_STORIES = 8  # stories in the home page's chart of coverage day by day
ENTITIES_PAGE = 100  # rows per page of the entities page
STORY_EVENTS_PAGE = 10  # events shown in full per page of a story page


def view_of(request: Request) -> DocumentView:
    view: DocumentView = request.app.state.data.view()
    return view


def require(mapping: dict[str, Any], item_id: str) -> str:
    """`item_id` when it is well-formed and known, else a 404 (ids never reach the file system)."""
    if not valid_id(item_id) or item_id not in mapping:
        raise HTTPException(404)
    return item_id


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from the app's templates with the shared context."""
    env = request.app.state.templates
    page = env.get_template(template).render(**shared_context(view_of(request), LINKS), **context)
    return HTMLResponse(page, status_code=status)


@router.get("/static/marsad.css")
def css() -> Response:
    return Response(stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/")
def home(request: Request, outlet: Text = "", entity: Text = "",
         date_from: Annotated[Day, Query(alias="from")] = None, date_to: Annotated[Day, Query(alias="to")] = None,
         page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    """The stories by current coverage (outlets x recency), a page at a time, with the overview charts first."""
    view = view_of(request)
    cards = view.story_cards(StoryFilter(outlet or None, date_from or None, date_to or None, entity or None))
    shown = cards[(page - 1) * STORIES_PAGE:page * STORIES_PAGE]
    return render(request, "home.html.j2", cards=shown, total=len(cards), first=(page - 1) * STORIES_PAGE + 1,
                  filters={"outlet": outlet, "entity": entity, "from": date_from or "", "to": date_to or ""},
                  previous_page=page_link(request, page - 1) if page > 1 else None,
                  next_page=page_link(request, page + 1) if page * STORIES_PAGE < len(cards) else None,
                  coverage=view.coverage_plot(list(view.articles), "عدد المقالات حسب المصدر والتاريخ"),
                  volume=view.story_volume_plot(cards[:VOLUME_STORIES], "تغطية القصص الأوسع يوما بيوم"),
                  who_covers=view.story_outlet_plot(cards[:VOLUME_STORIES], "من يغطي القصص الأوسع"),
                  quoted=view.quoted_plot(view.all_speakers(), "أكثر من اقتُبس في المقالات"))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    """The story's timeline, then its events in full, `STORY_EVENTS_PAGE` at a time."""
    view = view_of(request)
    sv = view.story_view(require(view.stories, story_id))
    shown = sv.timeline[(page - 1) * STORY_EVENTS_PAGE:page * STORY_EVENTS_PAGE]
    return render(request, "story.html.j2", sv=sv, events=[view.event_view(t.event["id"]) for t in shown],
                  previous_page=page_link(request, page - 1) if page > 1 else None,
                  next_page=page_link(request, page + 1) if page * STORY_EVENTS_PAGE < len(sv.timeline) else None)


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> HTMLResponse:
    view = view_of(request)
    return render(request, "event.html.j2", ev=view.event_view(require(view.events, event_id)))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> HTMLResponse:
    view = view_of(request)
    return render(request, "article.html.j2", av=view.article_view(require(view.articles, article_id)))


@router.get("/entities")
def entities(request: Request, q: Text = "", sort: Annotated[str, Query(pattern="^(mentions|name)$")] = "mentions",
             page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    """The entities a page at a time, most mentioned (or by name), those whose names hold `q`."""
    rows = view_of(request).entity_listing(q, by_name=sort == "name")
    shown = rows[(page - 1) * ENTITIES_PAGE:page * ENTITIES_PAGE]
    return render(request, "entities.html.j2", rows=shown, total=len(rows), q=q, sort=sort,
                  first=(page - 1) * ENTITIES_PAGE + 1,
                  previous_page=page_link(request, page - 1) if page > 1 else None,
                  next_page=page_link(request, page + 1) if page * ENTITIES_PAGE < len(rows) else None)


@router.get("/outlets")
def outlets(request: Request) -> HTMLResponse:
    return render(request, "outlets.html.j2", rows=view_of(request).outlet_rows())


@router.get("/outlets/{name}")
def outlet(request: Request, name: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    """One outlet: volume, stories covered and missed, sourcing profile, framing vocabulary."""
    view = view_of(request)
    if name not in view.outlets():
        raise HTTPException(404)
    return render(request, "outlet.html.j2", ov=view.outlet_view(name))


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str) -> HTMLResponse:
    view = view_of(request)
    en = view.entity_view(require(view.entities, entity_id))
    return render(request, "entity.html.j2", en=en, trend=view.coverage_plot(
        [article["id"] for article, _ in en.by_article], f"المقالات التي تذكر {en.entity['name']} حسب المصدر والتاريخ"))


@router.get("/search")
def search_page(request: Request, q: Text = "", outlet: Text = "", entity: Text = "",
                date_from: Annotated[Day, Query(alias="from")] = None,
                date_to: Annotated[Day, Query(alias="to")] = None,
                page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    query = SearchQuery(q, outlet or None, entity or None, date_from or None, date_to or None)
    asked = any((q, outlet, entity, date_from, date_to))
    found = request.app.state.data.search(query, SEARCH_PAGE, (page - 1) * SEARCH_PAGE) if asked else None
    return render(request, "search.html.j2", query=query, asked=asked, found=found,
                  previous_page=page_link(request, page - 1) if page > 1 else None,
                  next_page=page_link(request, page + 1) if found and found.next_offset is not None else None)


def page_link(request: Request, page: int) -> str:
    """This page's address (path and query) at another page number."""
    url = request.url.include_query_params(page=page)
    return f"{url.path}?{url.query}"
