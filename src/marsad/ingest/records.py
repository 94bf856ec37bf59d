"""Article records from JSON, JSON lines and RSS/Atom feeds, mapped onto RawDocument."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from marsad.ingest.html import fragment_text
from marsad.types import RawDocument, Rejected

TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("published", "date", "date_extracted")


def record_to_document(record: Any, path: str, fallback_id: str) -> RawDocument | Rejected:
    """One JSON article object as a RawDocument, or Rejected when it has no text."""
    if not isinstance(record, Mapping):
        return Rejected(path, f"record is a {type(record).__name__}, not an article object")
    body = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if body is None:
        return Rejected(path, "record has no text (expected one of: text, content, body)")
    return RawDocument(
        id=str(record.get("id") or fallback_id), path=path, body=body,
        format="html" if _looks_like_html(body) else "text",
        title=_str(record.get("title")), source=_str(record.get("source")), url=_str(record.get("url")),
        published=next((_str(record[k]) for k in DATE_KEYS if record.get(k)), None), author=_str(record.get("author")),
    )


def read_json(text: str, path: str, stem: str) -> Iterator[RawDocument | Rejected]:
    """A JSON array of article objects (or a single object)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Rejected(path, f"malformed JSON: {_json_problem(exc, with_line=True)}")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        yield record_to_document(record, f"{path}#{i}", f"{stem}-{i}")


def read_jsonl(text: str, path: str, stem: str) -> Iterator[RawDocument | Rejected]:
    """One article object a line; a malformed line is rejected alone."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Rejected(where, f"malformed JSON line: {_json_problem(exc)}")
            continue
        yield record_to_document(record, where, f"{stem}-{number}")


def _json_problem(exc: ValueError | RecursionError, with_line: bool = False) -> str:
    """Why `json.loads` refused: a syntax error, nesting too deep for the parser, or an integer too long to read."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}" if with_line else exc.msg
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0]


def read_feed(text: str, path: str, stem: str) -> Iterator[RawDocument | Rejected]:
    """RSS or Atom: one article per item, its content or summary as the body."""
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"not a readable feed: {feed.bozo_exception}" if feed.get("bozo") else "feed has no items"
        yield Rejected(path, reason)
        return
    source = _str(feed.feed.get("title"))
    for i, item in enumerate(feed.entries):
        content = item.get("content")
        markup = content[0].get("value", "") if content else item.get("summary", "")
        body = fragment_text(markup or "")
        where = f"{path}#{i}"
        if not body.strip():
            yield Rejected(where, "feed item has no content or summary")
            continue
        yield RawDocument(
            id=str(item.get("id") or item.get("link") or f"{stem}-{i}"), path=where, body=body, format="text",
            title=_str(item.get("title")), source=source, url=_str(item.get("link")),
            published=_feed_date(item), author=_str(item.get("author")),
        )


def _feed_date(item: Mapping[str, Any]) -> str | None:
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return _str(item.get("published") or item.get("updated"))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<p" in head or "<div" in head or "<html" in head or "<br" in head


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
