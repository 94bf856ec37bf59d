"""HTML pages to article text and metadata with trafilatura (body, title, date, author)."""
from __future__ import annotations

import json
import logging

import trafilatura
from lxml import html as lxml_html

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "section", "article",
          "figcaption", "header", "footer", "pre")


def extract_page(markup: str) -> dict[str, str | None] | None:
    """Main text and metadata of a page, or None when no article body can be found. Where the metadata readers
    fail on odd markup (htmldate on a page whose root is an <svg>), the body is taken without metadata."""
    result = None
    for with_metadata in (True, False):
        try:
            result = trafilatura.extract(markup, output_format="json", with_metadata=with_metadata,
                                         include_comments=False, include_tables=False, favor_precision=True,
                                         deduplicate=False)
            break
        except Exception:  # noqa: BLE001 (lxml and the metadata readers raise many types on broken markup)
            continue
    if not result:
        return None
    data = json.loads(result)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    return {"text": text, "title": data.get("title"), "published": data.get("date"), "author": data.get("author"),
            "url": data.get("url") or None}


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
    try:
        root = lxml_html.document_fromstring(markup)
    except Exception:  # noqa: BLE001 (lxml raises several types on broken or empty markup)
        return ""
    return _visible_text(root)


def _visible_text(root: lxml_html.HtmlElement) -> str:
    """The text of a parsed tree without scripts and styles, each block element on its own line."""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in root.iter(*BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
