"""Outlet templates: short lines that recur across one outlet's articles are that outlet's furniture.

Every outlet dresses its articles the same way (a masthead, a sign-off, a share prompt, a 'last updated' stamp, a
related-articles block), in words no generic rule can know. `OutletTemplates` counts, per outlet, the short
non-sentence lines near the top and bottom of each article as it arrives (`zone_lines`, where furniture sits): a
line seen there in `template_support` articles of different stories, exactly or up to spelling and punctuation, or
with other numbers (dates, times, counters), is furniture there; so is the tag of a dateline 'City - Tag -' opening
its articles (the outlet's or a reporter's name, which no list can know). Inside the body a learnt line stays: a
serial report's recurring subheadings, a decree's opening formula or a verse quoted in several stories are its text.
Articles of one story (updates, re-runs) share their long lines and count once, so a story's own subheadings never
become furniture. A sentence, a line ending in a colon (a subheading that introduces what follows) and a quotation
are never furniture.

The pipeline learns from each group of documents before cleaning it and keeps the counts in the store, so a later
run starts from what earlier runs learnt; a new outlet starts with the generic rules alone.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.clean.lines import document_lines
from marsad.clean.rules import MAX_BOILERPLATE_CHARS, RULES, ends_sentence, tagged_dateline, words
from marsad.settings import DEFAULTS, CleanSettings
from marsad.text.normalize import text_key
from marsad.types import RawDocument

STATE_NAME = "outlet_templates"  # the store state that keeps the counts between runs
EXACT, SHAPE, DATELINE = "outlet-line", "outlet-shape", "outlet-dateline"
RULES.register(EXACT, SHAPE, DATELINE)
DATELINE_LINES = 3  # a dateline opens one of the first lines (a headline may come before it)

_NUMBER = re.compile(r"\d+")
_QUOTE_OPENERS = tuple("«\"“'‘")
STORY_LINE_WORDS = 8  # lines this long are an article's own text: articles sharing one tell the same story
STORY_LINE_CHARS = 2 * STORY_LINE_WORDS  # shorter lines cannot have that many words (a quick test first)
STORY_LINES = 3  # the longest lines of an article that identify its story
PRUNE_EVERY = 500  # articles of an outlet after which lines seen once and not since are forgotten
STORIES_KEPT = 32  # story keys kept per line: enough to tell re-runs apart long after a line is furniture


def outlet_key(source: str | None) -> str | None:
    """The outlet a document's source names (case and spacing aside), or None without one."""
    key = " ".join((source or "").split()).casefold()
    return key or None


def line_key(line: str) -> str:
    """A line up to spelling variants, punctuation and spacing."""
    return text_key(line)


def shape_key(key: str) -> str | None:
    """A line key with each number as '0', or None when it has no number."""
    shape = _NUMBER.sub("0", key)
    return shape if shape != key else None


def protected(line: str) -> bool:
    """Lines that are content whatever recurs: a sentence, a subheading ending in a colon, a quotation."""
    stripped = line.rstrip()
    return ends_sentence(stripped) or stripped.endswith((":", "：")) or stripped.startswith(_QUOTE_OPENERS)


def is_candidate(line: str, max_words: int) -> bool:
    """A line that may be furniture: short, with a word that is not a number, not protected, not one plain word
    (a label such as 'Answer' or 'Cast' heading what follows)."""
    if len(line) > MAX_BOILERPLATE_CHARS or protected(line) or line.strip().isalpha():
        return False
    ws = words(line)
    return 0 < len(ws) <= max_words and any(len(w) > 1 and not w.isdigit() for w in ws)


@dataclass(frozen=True, slots=True)
class Template:
    """One outlet's learnt furniture near the top and bottom of a text: line keys, and shapes with other numbers."""

    exact: frozenset[str] = frozenset()
    shape: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()  # the outlet's own dateline tags: 'City - Tag -'

    def rule(self, line: str, in_zone: bool, first: bool = False) -> str | None:
        """The template rule the line matches (counted), or None; only near the top or bottom (`in_zone`). The
        `first` line of a text is its headline when it has one: a daily headline recurs with other numbers
        ('Gold prices on 5 March'), so it is matched exactly, never by shape."""
        if not in_zone or protected(line) or len(line) > MAX_BOILERPLATE_CHARS:
            return None
        key = line_key(line)
        found = EXACT if key in self.exact else SHAPE if not first and shape_key(key) in self.shape else None
        if found:
            RULES.hit(found)
        return found

    def dateline(self, line: str) -> str | None:
        """The dateline prefix 'City - Tag -' (counted) when its tag is this outlet's, or None."""
        found = tagged_dateline(line)
        if found is None or line_key(found[1]) not in self.tags:
            return None
        RULES.hit(DATELINE)
        return found[0]

    def __bool__(self) -> bool:
        return bool(self.exact or self.shape or self.tags)


@dataclass(slots=True)
class LineCount:
    """How often a line (or a line shape) recurred in one outlet."""

    example: str  # the line as first seen
    support: int = 0  # articles of different stories it occurred in
    stories: set[int] = field(default_factory=set)  # story keys of those articles (the first STORIES_KEPT)
    variants: set[str] = field(default_factory=set)  # for a shape: line keys seen with it (two are enough)
    last: int = 0  # the outlet's article number when last seen

    def add(self, stories: set[int], seen: int, variant: str | None = None) -> None:
        """Count one article, unless it tells a story already counted."""
        if not stories & self.stories:
            self.support += 1
        if len(self.stories) < STORIES_KEPT:
            self.stories |= stories
        if variant is not None and len(self.variants) < 2:
            self.variants.add(variant)
        self.last = seen


@dataclass(slots=True)
class OutletCounts:
    """The recurring lines of one outlet."""

    name: str
    articles: int = 0
    lines: dict[str, LineCount] = field(default_factory=dict)
    shapes: dict[str, LineCount] = field(default_factory=dict)
    tags: dict[str, LineCount] = field(default_factory=dict)  # tags of 'City - Tag -' datelines

    def learn(self, lines: Sequence[str], settings: CleanSettings, whole_page: bool = False) -> None:
        """Count the candidate lines near the top and bottom of one article (each once); of a `whole_page` (the
        visible text of an HTML page, menus and footers around the article) every line is counted."""
        self.articles += 1
        stories = _story_keys(lines, settings.template_max_words)
        zone = settings.zone_lines
        edges = [*lines[:zone], *lines[max(zone, len(lines) - zone):]] if not whole_page else lines
        seen: set[str] = set()
        for line in edges:
            if not is_candidate(line, settings.template_max_words) or (key := line_key(line)) in seen:
                continue
            seen.add(key)
            self.lines.setdefault(key, LineCount(line)).add(stories, self.articles)
            shape = shape_key(key)
            if shape:
                self.shapes.setdefault(shape, LineCount(line)).add(stories, self.articles, key)
        for line in lines[:DATELINE_LINES]:
            if found := tagged_dateline(line):
                self.tags.setdefault(line_key(found[1]), LineCount(found[0].strip())).add(stories, self.articles)
        if self.articles % PRUNE_EVERY == 0:
            self._prune()

    def template(self, settings: CleanSettings) -> Template:
        """The lines and shapes that recurred enough to be furniture."""
        support = settings.template_support
        return Template(frozenset(k for k, c in self.lines.items() if c.support >= support),
                        frozenset(k for k, c in self.shapes.items() if c.support >= support and len(c.variants) > 1),
                        frozenset(k for k, c in self.tags.items() if c.support >= support))

    def furniture(self, settings: CleanSettings) -> list[tuple[str, LineCount]]:
        """(rule, count) of each learnt line and shape, most frequent first: what `marsad outlets` shows."""
        template = self.template(settings)
        found = ([(EXACT, self.lines[k]) for k in template.exact] + [(SHAPE, self.shapes[k]) for k in template.shape]
                 + [(DATELINE, self.tags[k]) for k in template.tags])
        return sorted(found, key=lambda item: (-item[1].support, item[1].example))

    def _prune(self) -> None:
        """Forget lines seen in one article only and not for PRUNE_EVERY articles: memory stays bounded."""
        for table in (self.lines, self.shapes, self.tags):
            for key in [k for k, c in table.items() if c.support < 2 and c.last <= self.articles - PRUNE_EVERY]:
                del table[key]


class OutletTemplates:
    """The recurring lines of every outlet seen so far (kept in the store as the state `STATE_NAME`)."""

    def __init__(self) -> None:
        self.outlets: dict[str, OutletCounts] = {}

    def learn(self, documents: Iterable[RawDocument], settings: CleanSettings = DEFAULTS.clean) -> None:
        """Count the lines of documents that name their outlet."""
        for raw in documents:
            outlet = outlet_key(raw.source)
            if outlet is not None and raw.source is not None:
                counts = self.outlets.setdefault(outlet, OutletCounts(raw.source.strip()))
                counts.learn(document_lines(raw), settings, whole_page=raw.format == "html")

    def templates(self, documents: Iterable[RawDocument],
                  settings: CleanSettings = DEFAULTS.clean) -> dict[str, Template]:
        """The template of each outlet these documents come from (those with some furniture learnt)."""
        wanted = {key for raw in documents if (key := outlet_key(raw.source)) in self.outlets}
        found = {key: self.outlets[key].template(settings) for key in wanted}
        return {key: template for key, template in found.items() if template}


def _story_keys(lines: Sequence[str], max_words: int) -> set[int]:
    """What identifies an article's story: its longest lines that cannot be furniture (or its whole text when it
    has none)."""
    own = (line for line in lines if len(line) >= STORY_LINE_CHARS and len(words(line)) >= STORY_LINE_WORDS
           and not is_candidate(line, max_words))
    long = sorted(own, key=len, reverse=True)
    chosen = long[:STORY_LINES] or ["\n".join(lines)]
    return {zlib.crc32(line.encode("utf-8")) for line in chosen}  # copies of a story share its lines as written
