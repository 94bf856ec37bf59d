"""Cleaning: RawDocument -> Article. Drops boilerplate lines (keeping what they say as metadata), strips
datelines, re-joins broken wraps, and records every dropped string in `Article.removed`."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from marsad.clean.rules import BYLINE, SOURCE, classify, dateline_prefix, words
from marsad.clean.wraps import continues, wrap_width
from marsad.extract.time.timexes import find_publication_date
from marsad.ingest.html import extract_page
from marsad.settings import DEFAULTS, CleanSettings
from marsad.types import Article, RawDocument, Rejected

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(slots=True)
class _Found:
    """What cleaning learnt about the article while dropping lines."""

    removed: list[str] = field(default_factory=list)
    author: str | None = None
    source: str | None = None


def clean(raw: RawDocument, settings: CleanSettings = DEFAULTS.clean) -> Article | Rejected:
    """The clean article of a raw document, or Rejected when nothing readable is left."""
    body, title, published, author, url = raw.body, raw.title, raw.published, raw.author, raw.url
    if raw.format == "html":
        page = extract_page(raw.body)
        if page is None:
            return Rejected(raw.path, "no article text found in the HTML page")
        body = page["text"] or ""
        title = title or page["title"]
        author = author or page["author"]
        url = url or page["url"]
        published = published or page["published"]
    found = _Found()
    text = clean_text(body, found, settings)
    if not text:
        return Rejected(raw.path, "no content left after cleaning")
    return Article(
        id=raw.id, text=text, source=raw.source or found.source, url=url,
        title=title or _headline(text), published=published or _published_from(found.removed),
        author=author or found.author, removed=tuple(found.removed), path=raw.path,
    )


def clean_text(body: str, found: _Found | None = None, settings: CleanSettings = DEFAULTS.clean) -> str:
    """The content of `body` as paragraphs a line each; dropped strings and metadata go into `found`; mastheads
    and datelines are looked for in the first and last `settings.zone_lines` lines."""
    found = found if found is not None else _Found()
    lines = [_tidy(line) for line in unicodedata.normalize("NFC", body).split("\n")]
    content_at = [i for i, s in enumerate(lines) if s]
    zone = set(content_at[:settings.zone_lines] + content_at[-settings.zone_lines:])
    kept: list[tuple[int, str]] = []
    after_read_also = False
    for i in content_at:
        line = lines[i]
        rule = classify(line, i in zone)
        if rule is None and after_read_also and _is_link_title(line):
            rule = "read-also"
        after_read_also = rule == "read-also" and len(words(line)) <= 3 or (after_read_also and rule == "read-also")
        if rule is None:
            kept.append((i, line))
            continue
        found.removed.append(line)
        _keep_metadata(rule, line, found)
    kept = _strip_datelines(kept, found)
    return _rejoin(kept)


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _is_link_title(line: str) -> bool:
    """A related-article link under a 'read also' heading: a short line with no final punctuation."""
    return len(words(line)) <= 14 and not line.rstrip().endswith((".", "؟", "!"))


def _keep_metadata(rule: str, line: str, found: _Found) -> None:
    if rule == "byline" and found.author is None:
        m = BYLINE.match(line)
        found.author = m.group("value").strip() if m else None
    elif rule == "source" and found.source is None:
        m = SOURCE.match(line)
        found.source = m.group("value").strip() if m else None


def _strip_datelines(kept: list[tuple[int, str]], found: _Found) -> list[tuple[int, str]]:
    """Cut a leading dateline ('City, date (Agency) -') off the first lines of the body."""
    out = []
    for n, (i, line) in enumerate(kept):
        prefix = dateline_prefix(line) if n < 3 else None
        if prefix:
            found.removed.append(prefix.strip())
            line = line[len(prefix):].strip()
            if not line:
                continue
        out.append((i, line))
    return out


def _rejoin(kept: list[tuple[int, str]]) -> str:
    """Paragraphs a line each: lines that were adjacent in the source and break a sentence are joined."""
    width = wrap_width([s for _, s in kept])
    paragraphs: list[str] = []
    previous = -2
    for n, (i, line) in enumerate(kept):
        after_headline = n == 1 and _is_title_like(paragraphs[0])
        if paragraphs and i == previous + 1 and continues(paragraphs[-1], width, after_headline):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = i
    return "\n".join(paragraphs)


def _is_title_like(line: str) -> bool:
    return len(words(line)) <= 20


def _headline(text: str) -> str | None:
    """The first line when it reads as a headline (short, no final full stop)."""
    first = text.split("\n", 1)[0]
    return first if len(words(first)) <= 20 and not first.rstrip().endswith(".") else None


def _published_from(removed: list[str]) -> str | None:
    """A publication date read from a dropped timestamp or dateline; only used when no metadata gives one."""
    return next((date for line in removed if (date := find_publication_date(line))), None)
