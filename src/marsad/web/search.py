"""Search over the analysed articles: the query, its hits, and a snippet of the original text around them."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.export.highlight import Mark, Piece, pieces
from marsad.export.views import DocumentView
from marsad.store.base import Store
from marsad.store.query import parse
from marsad.store.sqlite import SearchQuery
from marsad.text.normalize import normalize_with_map

SNIPPET_CONTEXT = 90


@dataclass(frozen=True, slots=True)
class Hit:
    """One article found: its metadata and a snippet (pieces of the original text, matches marked)."""

    article: dict
    outlet: str
    events: list[dict]  # the events the article belongs to, so a result leads to the whole happening
    snippet: list[Piece]
    cut_start: bool
    cut_end: bool

    def to_dict(self) -> dict[str, object]:
        a = self.article
        return {"article": a["id"], "title": a.get("title"), "source": a.get("source"),
                "published": a.get("published"), "events": [e["id"] for e in self.events],
                "snippet": "".join(p.text for p in self.snippet)}


@dataclass(frozen=True, slots=True)
class Results:
    """One page of hits, where it starts, and how many articles match in all."""

    hits: list[Hit]
    offset: int
    total: int

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts, or None on the last page."""
        end = self.offset + len(self.hits)
        return end if end < self.total else None


def search(store: Store, view: DocumentView, query: SearchQuery, limit: int = 50, offset: int = 0) -> Results:
    """A page of the articles matching `query`, best first, each with a snippet of its own text (every form the
    query was matched by is marked), and the number of matching articles."""
    terms = sorted({form for needles in parse(query.text) for n in needles for form in n.forms}, key=len,
                   reverse=True)
    hits = [_hit(view, article_id, terms) for article_id in store.search(query, limit, offset)
            if article_id in view.articles]
    return Results(hits, offset, store.search_count(query))


def _hit(view: DocumentView, article_id: str, terms: list[str]) -> Hit:
    article = view.source.article(article_id)
    text = article.get("text", "")
    found = find_terms(text, terms)
    center = found[0].start if found else 0
    start = _snap(text, max(0, center - SNIPPET_CONTEXT), backwards=True)
    end = _snap(text, min(len(text), center + 2 * SNIPPET_CONTEXT), backwards=False)
    return Hit(article, view.outlet(article_id), view.events_of(article_id), pieces(text, found, start, end),
               start > 0, end < len(text))


def find_terms(text: str, terms: list[str]) -> list[Mark]:
    """Every occurrence of the (normalised) terms in the text, as marks over the original characters; where two
    occurrences overlap, the one of the term listed first is kept."""
    normalized = normalize_with_map(text)
    marks: list[Mark] = []
    for term in terms:
        at = normalized.text.find(term)
        while at >= 0:
            start, end = normalized.to_original(at, at + len(term))
            if all(end <= m.start or start >= m.end for m in marks):
                marks.append(Mark(start, end, "hit"))
            at = normalized.text.find(term, at + len(term))
    return sorted(marks, key=lambda m: m.start)


def _snap(text: str, at: int, *, backwards: bool) -> int:
    """Move a cut point to the nearest space so a snippet does not start or end inside a word."""
    space = text.rfind(" ", 0, at) if backwards else text.find(" ", at)
    return at if space < 0 or abs(space - at) > 20 else space + (1 if backwards else 0)
