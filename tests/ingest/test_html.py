"""HTML extraction survives markup its metadata readers choke on (htmldate asserts on a page rooted at <svg>)."""
from __future__ import annotations

from marsad.clean import clean
from marsad.ingest.html import extract_page
from marsad.types import Article, RawDocument, Rejected

BODY = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين. " * 4


def test_the_body_is_kept_when_the_metadata_readers_fail() -> None:
    page = extract_page(f"<svg onload=x> <p>{BODY}</p> <p>{BODY}</p>")
    assert page is not None
    assert "المحادثات ستستأنف" in (page["text"] or "")


def test_a_page_with_nothing_in_it_is_rejected_with_a_reason() -> None:
    result = clean(RawDocument(id="a", path="a.html", body="<svg onload=x> <p> <p>", format="html"))
    assert isinstance(result, Rejected) and "a.html" in result.path and result.reason
    page = f"<svg> <p>{BODY}</p> <p>{BODY}</p>"
    assert isinstance(clean(RawDocument(id="b", path="b.html", body=page, format="html")), Article)
