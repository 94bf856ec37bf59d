"""The static HTML report: one self-contained right-to-left page; every article string is escaped.

The page is a pure function of the `marsad.analysis/v1` document. It shares its partials (`_event`, `_article`,
`_entity`, `_story`) and stylesheet with the web app; only the links differ (anchors here, pages there).
"""
from __future__ import annotations

import base64
import hashlib
from importlib import resources
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from marsad.export.views import DocumentView, Links, ReportLinks, StoryView, anchor
from marsad.settings import DEFAULTS, ReportSettings

_SHARED = PackageLoader("marsad.export", "templates")
# Arabic counted nouns: (one, two, 3-10, 11-99); 0 and round hundreds take the singular (the last form minus ا).
NOUNS = {
    "article": ("مقال واحد", "مقالان", "مقالات", "مقالا"),
    "outlet": ("مصدر واحد", "مصدران", "مصادر", "مصدرا"),
    "event": ("حدث واحد", "حدثان", "أحداث", "حدثا"),
    "story": ("قصة واحدة", "قصتان", "قصص", "قصة"),
    "result": ("نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة"),
    "mention": ("مرة واحدة", "مرتان", "مرات", "مرة"),
}


def arabic_count(n: int, noun: str) -> str:
    """`n` with the noun in the form Arabic grammar gives that number: 1 مقال واحد، 2 مقالان، 3 مقالات، 11 مقالا."""
    one, two, few, many = NOUNS[noun]
    if n in (1, 2):
        return one if n == 1 else two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    if 11 <= n % 100 <= 99:
        return f"{n} {many}"
    return f"{n} {many.removesuffix('ا')}"


def environment(*loaders: BaseLoader) -> Environment:
    """A Jinja environment over `loaders` then the shared partials; everything `.j2` is autoescaped."""
    env = Environment(loader=ChoiceLoader([*loaders, _SHARED]), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["anchor"] = anchor
    env.filters["count"] = arabic_count
    return env


def stylesheet() -> str:
    """The stylesheet shared by the report (inlined) and the web app (served)."""
    return resources.files("marsad.export").joinpath("templates/marsad.css").read_text(encoding="utf-8")


def shared_context(view: DocumentView, links: Links) -> dict[str, Any]:
    """What every page and partial needs: the indexed document, where links point, and citation lookup."""
    return {"view": view, "links": links, "cite_of": view.cite}


def _csp(css: str) -> str:
    """No script, no remote anything; only the inlined stylesheet (by hash) and inline SVG."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"


_ENV = environment()


def render_report(document: dict[str, Any] | DocumentView, settings: ReportSettings = DEFAULTS.report) -> str:
    """The report page for a `marsad.analysis/v1` document (or a view of one, such as a store read by id),
    readable at any size: the `full_stories` stories of widest current coverage with their first `full_events`
    events in full, the `full_articles` articles those events' summaries cite (then their other articles) and the
    entities most mentioned in them; the other stories as an index."""
    view = document if isinstance(document, DocumentView) else DocumentView(document)
    rejected = [] if isinstance(document, DocumentView) else document.get("rejected", [])
    css = stylesheet()
    everyone = view.all_speakers()
    cards = view.story_cards()
    full = [view.story_view(c.story["id"]) if c.story["id"] else StoryView(c.story, c.latest, Markup(""))
            for c in cards[:settings.full_stories]]
    events = [item.event for sv in full for item in sv.timeline][:settings.full_events]
    cited = [s["article"] for e in events for s in view.summary_sentences(e["id"])]
    members = [a for e in events for a in e.get("articles", [])]
    shown = [a for a in dict.fromkeys([*cited, *members]) if a in view.articles][:settings.full_articles]
    return _ENV.get_template("report.html.j2").render(
        **shared_context(view, ReportLinks()), rejected=rejected, css=Markup(css), csp=_csp(css), stories=full,
        events_in_full={e["id"] for e in events}, index=cards[settings.full_stories:],
        articles=[view.source.article(a) for a in shown], entities=view.entity_rows(shown)[:settings.full_entities],
        total_stories=len(cards),
        coverage=view.coverage_plot(list(view.articles), "عدد المقالات حسب المصدر والتاريخ"),
        quoted=view.quoted_plot(everyone, "أكثر من اقتُبس في المقالات"))
