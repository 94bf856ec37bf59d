"""Cleaning: RawDocument -> Article. Drops boilerplate lines (keeping what they say as metadata), strips
datelines, re-joins broken wraps, and records every dropped string in `Article.removed`."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from marsad.clean.lines import text_lines
from marsad.clean.rules import BYLINE, classify, dateline_prefix, pager_prefix, place_colon, words
from marsad.clean.templates import Template
from marsad.clean.wraps import continues, wrap_width
from marsad.extract.time.timexes import find_publication_date
from marsad.ingest.html import extract_page
from marsad.settings import DEFAULTS, CleanSettings
from marsad.types import Article, RawDocument, Rejected

DATELINE_PARTS = 2  # a dateline may come in two parts: 'City - (Agency) -', 'Reporter - Outlet - City:'


@dataclass(slots=True)
class _Found:
    """What cleaning learnt about the article while dropping lines."""

    removed: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the rule that dropped each of `removed`
    author: str | None = None

    def drop(self, text: str, rule: str) -> None:
        """Record a dropped string and the rule that dropped it."""
        self.removed.append(text)
        self.rules.append(rule)


def clean(raw: RawDocument, settings: CleanSettings = DEFAULTS.clean,
          template: Template | None = None) -> Article | Rejected:
    """The clean article of a raw document, or Rejected when nothing readable is left; `template` is the furniture
    learnt for its outlet (`clean.templates`)."""
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
    text = clean_text(body, found, settings, template)
    if not text:
        return Rejected(raw.path, "no content left after cleaning")
    return Article(
        id=raw.id, text=text, source=raw.source or outlet_of(url), url=url,
        title=title or _headline(text), published=published or _published_from(found.removed),
        author=author or found.author, removed=tuple(found.removed), removed_by=tuple(found.rules), path=raw.path,
    )


def outlet_of(url: str | None) -> str | None:
    """The outlet a page's address names (its host without `www.`), for articles that come without one: the
    agency a body line credits ('المصدر: وكالات') is no outlet."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or None


def clean_text(body: str, found: _Found | None = None, settings: CleanSettings = DEFAULTS.clean,
               template: Template | None = None) -> str:
    """The content of `body` as paragraphs a line each; dropped strings and metadata go into `found`; mastheads
    and datelines are looked for in the first and last `settings.zone_lines` lines."""
    found = found if found is not None else _Found()
    lines = text_lines(body)
    content_at = [i for i, s in enumerate(lines) if s]
    zone = set(content_at[:settings.zone_lines] + content_at[-settings.zone_lines:])
    kept: list[tuple[int, str]] = []
    after_read_also = False
    for i in content_at:
        line = lines[i]
        rule = classify(line, i in zone) or (template.rule(line, i in zone, i == content_at[0]) if template else None)
        if rule is None and after_read_also and _is_link_title(line):
            rule = "read-also"
        after_read_also = rule == "read-also" and len(words(line)) <= 3 or (after_read_also and rule == "read-also")
        if rule is None:
            kept.append((i, line))
            continue
        found.drop(line, rule)
        _keep_metadata(rule, line, found)
    kept = _strip_datelines(kept, found, template)
    return _rejoin(kept)


def _is_link_title(line: str) -> bool:
    """A related-article link under a 'read also' heading: a short line with no final punctuation."""
    return len(words(line)) <= 14 and not line.rstrip().endswith((".", "؟", "!"))


def _keep_metadata(rule: str, line: str, found: _Found) -> None:
    if rule == "byline" and found.author is None:
        m = BYLINE.match(line)
        found.author = m.group("value").strip() if m else None


def _strip_datelines(kept: list[tuple[int, str]], found: _Found,
                     template: Template | None = None) -> list[tuple[int, str]]:
    """Cut a leading dateline ('City, date (Agency) -', 'City - (Agency) -', 'City - Tag -' with a tag the outlet's
    template knows, then maybe 'City:') off the first lines of the body, after a pager's buttons before it."""
    out = []
    for n, (i, line) in enumerate(kept):
        if n < 3 and (pager := pager_prefix(line)):
            found.drop(pager.strip(), "pager")
            line = line[len(pager):].strip()
        after_learnt = False
        for part in range(DATELINE_PARTS if n < 3 else 0):
            learnt = template.dateline(line) if template else None
            prefix = learnt or dateline_prefix(line)
            if part and not learnt and not (prefix or "").startswith(("(", "«")):  # a later part is the agency,
                prefix = place_colon(line) if after_learnt else None  # or the place after the outlet's own tag
            if not prefix:
                break
            after_learnt = bool(learnt)
            found.drop(prefix.strip(), "outlet-dateline" if learnt else "dateline")
            line = line[len(prefix):].strip()
        if line:
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
