"""Search over the analysed articles: the query, its hits, and a snippet of the original text around them."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.export.highlight import Mark, Piece, pieces
from marsad.export.views import DocumentView
from marsad.store.sqlite import SearchQuery, SQLiteStore
from marsad.text.normalize import match_key, normalize_with_map

SNIPPET_CONTEXT = 90


@dataclass(frozen=True, slots=True)
class Hit:
    """One article found: its metadata and a snippet (pieces of the original text, matches marked)."""

    article: dict
    outlet: str
    snippet: list[Piece]
    cut_start: bool
    cut_end: bool

    def to_dict(self) -> dict[str, object]:
        a = self.article
        return {"article": a["id"], "title": a.get("title"), "source": a.get("source"),
                "published": a.get("published"), "snippet": "".join(p.text for p in self.snippet)}


def search(store: SQLiteStore, view: DocumentView, query: SearchQuery, limit: int = 50) -> list[Hit]:
    """The articles matching `query`, best first, each with a snippet of its own text."""
    terms = match_key(query.text).split()
    return [_hit(view, article_id, terms) for article_id in store.search(query, limit) if article_id in view.articles]


def _hit(view: DocumentView, article_id: str, terms: list[str]) -> Hit:
    article = view.articles[article_id]
    text = article.get("text", "")
    found = find_terms(text, terms)
    center = found[0].start if found else 0
    start = _snap(text, max(0, center - SNIPPET_CONTEXT), backwards=True)
    end = _snap(text, min(len(text), center + 2 * SNIPPET_CONTEXT), backwards=False)
    return Hit(article, view.outlet(article_id), pieces(text, found, start, end), start > 0, end < len(text))


def find_terms(text: str, terms: list[str]) -> list[Mark]:
    """Every occurrence of the (normalised) terms in the text, as marks over the original characters."""
    normalized = normalize_with_map(text)
    marks = []
    for term in terms:
        at = normalized.text.find(term)
        while at >= 0:
            start, end = normalized.to_original(at, at + len(term))
            marks.append(Mark(start, end, "hit"))
            at = normalized.text.find(term, at + len(term))
    return sorted(marks, key=lambda m: m.start)


def _snap(text: str, at: int, *, backwards: bool) -> int:
    """Move a cut point to the nearest space so a snippet does not start or end inside a word."""
    space = text.rfind(" ", 0, at) if backwards else text.find(" ", at)
    return at if space < 0 or abs(space - at) > 20 else space + (1 if backwards else 0)
