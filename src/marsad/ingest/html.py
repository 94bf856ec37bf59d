"""HTML pages to article text and metadata with trafilatura (body, title, date, author).

Before extraction, blocks whose class or id names them as comments, related or most-read lists, share bars,
newsletter or cookie notices, tags or menus (`models/clean/html_blocks.tsv`) are dropped unless they hold the
article (half the page's text, an <article>, <main> or <h1>). Extraction is a chain of named strategies, the first
long enough result wins (as dateparser's `_parse`): trafilatura favouring precision, then, when that is short, the
page's paragraphs. The date comes from the page's markup and metadata only (htmldate without its search of the
text, which turns a footer's copyright year into a publication date): no date is better than an invented one.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from copy import deepcopy

import trafilatura
from lxml import html as lxml_html

from marsad.resources import MODELS_DIR, column
from marsad.rules import RuleSet

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "section", "article",
          "figcaption", "header", "footer", "pre")
FURNITURE_CLASSES = frozenset(column(MODELS_DIR / "clean" / "html_blocks.tsv"))
FURNITURE_SHARE = 0.5  # a block with this much of the page's text, or an article, main or h1 in it, is kept
SHORT_TEXT = 200  # characters: after an extraction this short the next strategy is tried
DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CLASS_PARTS = re.compile(r"[-_]")

RULES = RuleSet("html")


def extract_page(markup: str) -> dict[str, str | None] | None:
    """Main text and metadata of a page, or None when no article body can be found."""
    tree = _parse(markup)
    if tree is not None:
        _drop_furniture_blocks(tree)
    best: dict[str, str | None] | None = None
    for name, strategy in STRATEGIES:
        found = strategy(markup, tree)
        text = (found or {}).get("text") or ""
        if not text or best and len(text) <= len(best["text"] or ""):
            continue
        RULES.hit(name)
        best = found if best is None else {**best, "text": text}  # the metadata of the first strategy that had any
        if len(text) >= SHORT_TEXT:
            break
    return best


def _trafilatura(markup: str, tree: lxml_html.HtmlElement | None) -> dict[str, str | None] | None:
    """A strategy: trafilatura (favouring precision) on the pruned tree, or on the markup when it did not parse;
    with metadata when its readers manage the page (htmldate fails on odd markup: a page whose root is an <svg>)."""
    for with_metadata in (True, False):
        try:
            result = trafilatura.extract(
                deepcopy(tree) if tree is not None else markup, output_format="json", with_metadata=with_metadata,
                include_comments=False, include_tables=False, favor_precision=True, deduplicate=False,
                date_extraction_params=DATE_PARAMS)
        except Exception:  # noqa: BLE001 (lxml and the metadata readers raise many types on broken markup)
            continue
        return _page(json.loads(result)) if result else None
    return None


def _page(data: dict[str, str | None]) -> dict[str, str | None]:
    return {"text": (data.get("text") or "").strip(), "title": data.get("title"), "published": data.get("date"),
            "author": data.get("author"), "url": data.get("url") or None}


def _paragraphs(markup: str, tree: lxml_html.HtmlElement | None) -> dict[str, str | None] | None:
    """A strategy: the paragraphs of the pruned page, a line each, for pages trafilatura finds little in (its recall
    mode runs such pages together into one line, which no line rule can clean)."""
    if tree is None:
        return None
    text = "\n".join(t for p in tree.iter("p") if (t := " ".join(p.text_content().split())))
    title = tree.findtext(".//title")
    return {"text": text, "title": title.strip() if title else None, "published": None, "author": None,
            "url": None}


STRATEGIES: tuple[tuple[str, Callable[[str, lxml_html.HtmlElement | None], dict[str, str | None] | None]], ...] = (
    ("trafilatura", _trafilatura),
    ("paragraphs", _paragraphs),
)
RULES.register("furniture-block", *(name for name, _ in STRATEGIES))


def _parse(markup: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(markup)
    except Exception:  # noqa: BLE001 (lxml raises several types on broken or empty markup)
        return None


def _drop_furniture_blocks(tree: lxml_html.HtmlElement) -> None:
    """Drop the blocks named as furniture by their class or id that hold a small part of the page's text."""
    total = len(tree.text_content()) or 1
    dropped: set[lxml_html.HtmlElement] = set()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body") or not _named_furniture(element):
            continue
        if (len(element.text_content()) < FURNITURE_SHARE * total and not element.xpath(".//article|.//main|.//h1")
                and not dropped.intersection(element.iterancestors())):
            RULES.hit("furniture-block")
            dropped.add(element)
            element.drop_tree()


def _named_furniture(element: lxml_html.HtmlElement) -> bool:
    """Whether a word of the element's class or id (split at - and _) names a furniture block."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(w in FURNITURE_CLASSES for name in names for w in (name, *_CLASS_PARTS.split(name)))


def fragment_text(markup: str) -> str:
    """Visible text of an HTML fragment (a feed item's content), one block element a line."""
    if "<" not in markup:
        return markup
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; the raw text is the best we have
        return markup
    return _visible_text(root)


def page_lines(markup: str) -> str:
    """Visible text of a whole page (menus, footers and all), one block element a line; empty when unreadable."""
    tree = _parse(markup)
    return _visible_text(tree) if tree is not None else ""


def _visible_text(root: lxml_html.HtmlElement) -> str:
    """The text of a parsed tree without scripts and styles, each block element on its own line."""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in root.iter(*BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
