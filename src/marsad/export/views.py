"""What the report and the web app show, computed from a `marsad.analysis/v1` document (a pure function of it).

`DocumentView` indexes the document once; its methods return small view objects that the shared templates
render. `ReportLinks` and the web app's links say where a citation points: an anchor in the one-file report,
a page in the app.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from markupsafe import Markup

from marsad.export import plots
from marsad.export.highlight import Mark, Piece, paragraphs, valid
from marsad.store.rows import row_refs
from marsad.text.normalize import match_key

Doc = dict[str, Any]
UNKNOWN_OUTLET = "مصدر غير معروف"
RECENCY_HALF_LIFE_DAYS = 2.0  # a story's coverage halves for every two days since its last article
CARD_EVENTS = 3  # a story card shows its latest events
_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def anchor(kind: str, item_id: str) -> str:
    """An HTML id for an item: readable when the id is plain ASCII, a stable hash otherwise."""
    if _SAFE_ID.match(item_id):
        return f"{kind}-{item_id}"
    return f"{kind}-x{hashlib.sha1(item_id.encode('utf-8')).hexdigest()[:12]}"


class Links(Protocol):
    """Where a link to an article, entity, event or story points."""

    def article(self, item_id: str) -> str: ...
    def entity(self, item_id: str) -> str: ...
    def event(self, item_id: str) -> str: ...
    def story(self, item_id: str) -> str: ...


class ReportLinks:
    """Links inside the one-file report: anchors."""

    def article(self, item_id: str) -> str:
        return "#" + anchor("article", item_id)

    def entity(self, item_id: str) -> str:
        return "#" + anchor("entity", item_id)

    def event(self, item_id: str) -> str:
        return "#" + anchor("event", item_id)

    def story(self, item_id: str) -> str:
        return "#" + anchor("story", item_id)


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation: the article and its outlet."""

    article: str
    outlet: str


@dataclass(frozen=True, slots=True)
class SummaryLine:
    text: str
    cite: Cite
    also: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """A claim and, per outlet column, `stated`, `silent` or `contradicts`."""

    claim: Doc
    cells: tuple[str, ...]

    @property
    def stated(self) -> int:
        return self.cells.count("stated")


@dataclass(frozen=True, slots=True)
class ContradictionView:
    about: str
    detail: str
    claims: tuple[tuple[Doc, tuple[Cite, ...]], ...]


@dataclass(slots=True)
class Speaker:
    """Quotes grouped by who said them; `entity` is empty for an unlinked or anonymous speaker."""

    name: str
    entity: str
    anonymous: bool
    quotes: list[Doc] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: Doc
    count: int
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineItem:
    event: Doc
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventView:
    event: Doc
    story: Doc | None
    articles: tuple[Doc, ...]
    outlets: tuple[str, ...]
    summary: tuple[SummaryLine, ...]
    matrix: tuple[MatrixRow, ...]
    contradictions: tuple[ContradictionView, ...]
    speakers: tuple[Speaker, ...]
    entities: tuple[EntityRow, ...]
    framing: tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]
    quoted_plot: Markup
    figure_plots: tuple[Markup, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Doc
    timeline: tuple[TimelineItem, ...]
    coverage_plot: Markup
    figure_plots: tuple[Markup, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryCard:
    """A story as a listing shows it: its latest events, its size and span, and its current coverage."""

    story: Doc  # id "" for an event that belongs to no story
    latest: tuple[TimelineItem, ...]
    events: int
    articles: int
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    coverage: float  # outlets x recency: what a news monitor ranks by


@dataclass(frozen=True, slots=True)
class OutletView:
    """One outlet against the others: its volume over time, the stories it covered and those it missed that
    several others covered, whom it quotes (named and anonymous) and the framing vocabulary it uses."""

    name: str
    articles: int
    coverage_plot: Markup
    covered: tuple[StoryCard, ...]
    missed: tuple[StoryCard, ...]
    speakers: tuple[Speaker, ...]
    anonymous_share: float
    framing: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories a listing keeps: those with an article of this outlet, in this date range, naming this entity."""

    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None

    def keeps(self, view: DocumentView, article_id: str, naming: set[str]) -> bool:
        """Whether the article passes every condition set (an undated article fails a date range); `naming`:
        the articles that mention the filter's entity."""
        published = ((view.articles.get(article_id) or {}).get("published") or "")[:10]
        if self.outlet and view.outlet(article_id) != self.outlet:
            return False
        if (self.date_from and published < self.date_from) or (self.date_to and not published):
            return False
        if self.date_to and published > self.date_to + "~":  # "~" sorts after digits: a month or year as the end
            return False
        return not self.entity or article_id in naming


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Doc
    outlet: str
    paragraphs: list[list[Piece]]
    events: tuple[Doc, ...]
    entities: tuple[EntityRow, ...]
    timexes: tuple[Doc, ...]
    quotes: tuple[Doc, ...]
    framing: tuple[Doc, ...]


@dataclass(frozen=True, slots=True)
class EntityView:
    entity: Doc
    by_article: tuple[tuple[Doc, tuple[str, ...]], ...]
    quotes: tuple[Doc, ...]
    events: tuple[Doc, ...]


class Source(Protocol):
    """Where views read the analysis: a whole document in memory (`DocumentSource`) or a store read by id
    (`marsad.store.source.StoreSource`). The mappings hold what listings need (an entity may come without its
    mentions, an article without its text); `article` and `entity` give one item whole."""

    articles: Mapping[str, Doc]
    entities: Mapping[str, Doc]
    events: Mapping[str, Doc]
    stories: Mapping[str, Doc]

    def article(self, article_id: str) -> Doc: ...
    def entity(self, entity_id: str) -> Doc: ...
    def referring(self, ref: str, section: str) -> list[Doc]: ...
    def mentions(self, article_id: str) -> list[Doc]: ...
    def articles_naming(self, entity_id: str) -> set[str]: ...
    def mention_forms(self) -> Iterable[tuple[str, str, int]]: ...
    def all_quotes(self) -> Iterable[Doc]: ...


class DocumentSource:
    """A whole analysis document, indexed once: items by id, and the items of each section that belong to an
    article, event or speaker (`store.rows.row_refs`, as a store keeps them)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.articles = {a["id"]: a for a in doc.get("articles", [])}
        self.entities = {e["id"]: e for e in doc.get("entities", [])}
        self.events = {e["id"]: e for e in doc.get("events", [])}
        self.stories = {s["id"]: s for s in doc.get("stories", [])}
        self._referring: dict[tuple[str, str], list[Doc]] = defaultdict(list)
        for section, items in doc.items():
            if isinstance(items, list) and section not in ("articles", "entities", "stories"):
                for item in items:
                    for ref in row_refs(item):
                        self._referring[(ref, section)].append(item)
        self._mentions: dict[str, list[Doc]] = defaultdict(list)
        for entity in doc.get("entities", []):
            for mention in entity.get("mentions", []):
                self._mentions[mention["article"]].append({**mention, "entity": entity["id"]})

    def article(self, article_id: str) -> Doc:
        return self.articles[article_id]

    def entity(self, entity_id: str) -> Doc:
        return self.entities[entity_id]

    def referring(self, ref: str, section: str) -> list[Doc]:
        return self._referring.get((ref, section), [])

    def mentions(self, article_id: str) -> list[Doc]:
        return self._mentions.get(article_id, [])

    def articles_naming(self, entity_id: str) -> set[str]:
        return {m["article"] for m in self.entities.get(entity_id, {}).get("mentions", [])}

    def mention_forms(self) -> Iterator[tuple[str, str, int]]:
        forms: Counter[tuple[str, str]] = Counter((m["entity"], m["text"]) for a in self.articles
                                                  for m in self._mentions.get(a, ()))
        return ((entity, form, n) for (entity, form), n in forms.items())

    def all_quotes(self) -> list[Doc]:
        return list(self.doc.get("quotes", []))


class DocumentView:
    """The analysis indexed by id, with the views the pages show (from a document, or any `Source`)."""

    def __init__(self, source: Source | Doc) -> None:
        self.source: Source = DocumentSource(source) if isinstance(source, dict) else source
        self.articles = self.source.articles
        self.entities = self.source.entities
        self.events = self.source.events
        self.stories = self.source.stories

    # -- small lookups -------------------------------------------------------------------------------------------
    def outlet(self, article_id: str) -> str:
        """The outlet of an article as the user named it."""
        return (self.articles.get(article_id) or {}).get("source") or UNKNOWN_OUTLET

    def outlets(self) -> list[str]:
        return sorted({self.outlet(a) for a in self.articles})

    def cite(self, article_id: str) -> Cite:
        return Cite(article_id, self.outlet(article_id))

    def events_of(self, article_id: str) -> list[Doc]:
        """The events an article belongs to."""
        return self.source.referring(f"article:{article_id}", "events")

    def spans(self, article_id: str, key: str) -> list[Doc]:
        """An article's `mentions` (each with its entity's id), `quotes`, `timexes` or `framing`."""
        if key == "mentions":
            return self.source.mentions(article_id)
        return self.source.referring(f"article:{article_id}", key)

    def contradictions_of(self, event_id: str) -> list[Doc]:
        return self.source.referring(f"event:{event_id}", "contradictions")

    def story_list(self) -> list[StoryView]:
        """Every story, earliest first, then events that belong to no story as their own."""
        views = [self.story_view(s) for s in self.stories]
        loose = [e for e in self.events.values() if e.get("story") not in self.stories]
        views += [StoryView({"id": "", "title": e["title"], "events": [e["id"]]}, self._timeline([e["id"]]),
                            Markup("")) for e in loose]
        return sorted(views, key=lambda v: (_first_date(v.timeline), v.story["id"]))

    def story_cards(self, keep: StoryFilter = StoryFilter()) -> list[StoryCard]:
        """The stories (and events of no story) with an article the filter keeps, by current coverage: the
        outlets reporting them, halved for every `RECENCY_HALF_LIFE_DAYS` their last article lies before the
        corpus's latest; then by articles, latest first."""
        latest_day = max((a.get("published") or "")[:10] for a in self.articles.values()) if self.articles else ""
        groups = [(s, s.get("events", [])) for s in self.stories.values()]
        groups += [({"id": "", "title": e["title"]}, [e["id"]]) for e in self.events.values()
                   if e.get("story") not in self.stories]
        naming = self.source.articles_naming(keep.entity) if keep.entity else set()
        cards = []
        for story, event_ids in groups:
            article_ids = [a for e in event_ids for a in self.events.get(e, {}).get("articles", [])
                           if a in self.articles]
            if article_ids and any(keep.keeps(self, a, naming) for a in article_ids):
                cards.append(self._card(story, event_ids, article_ids, latest_day))
        return sorted(cards, key=lambda c: (-c.coverage, -c.articles, _negated(c.last or ""), c.story["id"],
                                            c.story["title"]))

    def outlet_view(self, name: str, listed: int = 20) -> OutletView:
        """The outlet's page: what it covered and missed (stories two other outlets or more covered, widest
        coverage first, `listed` of each), whom it quotes and its framing terms."""
        article_ids = [a for a in self.articles if self.outlet(a) == name]
        cards = self.story_cards()
        covered = [c for c in cards if name in c.outlets]
        missed = [c for c in cards if name not in c.outlets and len(c.outlets) >= 2]
        speakers = self.speakers(article_ids)
        quotes = sum(len(s.quotes) for s in speakers)
        anonymous = sum(len(s.quotes) for s in speakers if s.anonymous)
        framing = dict(self._framing(article_ids)).get(name, ())
        return OutletView(name, len(article_ids),
                          self.coverage_plot(article_ids, f"مقالات {name} حسب التاريخ"),
                          tuple(covered[:listed]), tuple(missed[:listed]), speakers[:listed],
                          anonymous / quotes if quotes else 0.0, framing[:listed])

    def outlet_rows(self) -> list[tuple[str, int]]:
        """Every outlet with its number of articles, most first."""
        return Counter(self.outlet(a) for a in self.articles).most_common()

    def _card(self, story: Doc, event_ids: list[str], article_ids: list[str], latest_day: str) -> StoryCard:
        days = sorted(d for d in ((self.articles[a].get("published") or "")[:10] for a in article_ids) if d)
        outlets = tuple(sorted({self.outlet(a) for a in article_ids}))
        timeline = self._timeline(event_ids)
        return StoryCard(story, tuple(reversed(timeline[-CARD_EVENTS:])), len(timeline), len(set(article_ids)),
                         outlets, days[0] if days else None, days[-1] if days else None,
                         len(outlets) * 0.5 ** (_days_between(days[-1], latest_day) / RECENCY_HALF_LIFE_DAYS)
                         if days else 0.0)

    # -- stories and events --------------------------------------------------------------------------------------
    def story_view(self, story_id: str) -> StoryView:
        story = self.stories[story_id]
        article_ids = [a for e in story.get("events", []) for a in self.events.get(e, {}).get("articles", [])]
        return StoryView(story, self._timeline(story.get("events", [])),
                         self.coverage_plot(article_ids, f"تغطية القصة حسب المصدر والتاريخ: {story['title']}"),
                         tuple(self._figure_chart(f) for f in story.get("figures", [])))

    def _timeline(self, event_ids: list[str]) -> tuple[TimelineItem, ...]:
        events = [self.events[e] for e in event_ids if e in self.events]
        events.sort(key=lambda e: (e.get("date") or "9999", e["id"]))
        return tuple(TimelineItem(e, tuple(sorted({self.outlet(a) for a in e.get("articles", [])})))
                     for e in events)

    def event_view(self, event_id: str) -> EventView:
        event = self.events[event_id]
        article_ids = [a for a in event.get("articles", []) if a in self.articles]
        outlets = tuple(sorted({self.outlet(a) for a in article_ids}))
        speakers = self.speakers(article_ids)
        return EventView(
            event=event, story=self.stories.get(event.get("story") or ""),
            articles=tuple(self.articles[a] for a in article_ids), outlets=outlets,
            summary=self._summary(event_id), matrix=self._matrix(event_id, outlets),
            contradictions=self._contradictions(event_id), speakers=speakers,
            entities=self.entity_rows(article_ids), framing=self._framing(article_ids),
            quoted_plot=self.quoted_plot(speakers, "من اقتُبس في هذا الحدث"),
            figure_plots=self._figure_plots(event_id))

    def _figure_plots(self, event_id: str) -> tuple[Markup, ...]:
        """Each figure of the event over time (the `figures` key, absent from older documents)."""
        return tuple(self._figure_chart(f) for f in self.source.referring(f"event:{event_id}", "figures"))

    def _figure_chart(self, series: Doc) -> Markup:
        """One figure series (an event's or a story's) as a chart: a bar per report, day and outlet."""
        return plots.figure_chart([plots.Report(f"{(p.get('published') or '')[5:10]} {self.outlet(p['article'])}",
                                                p["low"], p["shown"]) for p in series["points"]], series["label"])

    def summary_sentences(self, event_id: str) -> list[Doc]:
        """The event's summary sentences as stored ({text, article, also_in})."""
        summaries = self.source.referring(f"event:{event_id}", "summaries")
        return list(summaries[0].get("sentences", [])) if summaries else []

    def _summary(self, event_id: str) -> tuple[SummaryLine, ...]:
        sentences = self.summary_sentences(event_id)
        return tuple(SummaryLine(s["text"], self.cite(s["article"]), tuple(self.cite(a) for a in s.get("also_in", [])))
                     for s in sentences)

    def _matrix(self, event_id: str, outlets: tuple[str, ...]) -> tuple[MatrixRow, ...]:
        """Each claim of the event against each outlet covering it, most corroborated first; a claim whose text
        and row repeat an earlier one's (two articles of one outlet wording it alike) is shown once."""
        claims = self._claims(event_id)
        against: dict[str, set[str]] = defaultdict(set)
        for contradiction in self.contradictions_of(event_id):
            ids = contradiction.get("claims", [])
            for claim_id in ids:
                against[claim_id] |= {self.outlet(s["article"]) for other in ids if other != claim_id
                                      for s in claims.get(other, {}).get("support", [])}
        rows: dict[tuple[str, tuple[str, ...]], MatrixRow] = {}
        for claim in claims.values():
            stated = {self.outlet(s["article"]) for s in claim.get("support", [])}
            cells = tuple("stated" if o in stated else "contradicts" if o in against[claim["id"]] else "silent"
                          for o in outlets)
            rows.setdefault((match_key(claim.get("text") or claim["id"]), cells), MatrixRow(claim, cells))
        return tuple(sorted(rows.values(), key=lambda r: (-r.stated, "contradicts" not in r.cells)))

    def _claims(self, event_id: str) -> dict[str, Doc]:
        """The event's claims by id, in document order."""
        return {c["id"]: c for c in self.source.referring(f"event:{event_id}", "claims")}

    def _contradictions(self, event_id: str) -> tuple[ContradictionView, ...]:
        views = []
        known = self._claims(event_id)
        for c in self.contradictions_of(event_id):
            claims = tuple((known[i], tuple(self.cite(s["article"]) for s in known[i].get("support", [])))
                           for i in c.get("claims", []) if i in known)
            views.append(ContradictionView(c.get("about", "other"), c.get("detail", ""), claims))
        return tuple(views)

    def speakers(self, article_ids: list[str]) -> tuple[Speaker, ...]:
        """Quotes of these articles grouped by speaker, most quoted first; anonymous sources after named ones."""
        return self._speakers(q for article_id in article_ids for q in self.spans(article_id, "quotes"))

    def all_speakers(self) -> tuple[Speaker, ...]:
        """Every quote grouped by speaker, as `speakers`."""
        return self._speakers(q for q in self.source.all_quotes() if q.get("article") in self.articles)

    def _speakers(self, quotes: Iterable[Doc]) -> tuple[Speaker, ...]:
        groups: dict[tuple[str, str], Speaker] = {}
        for quote in quotes:
            entity = quote.get("speaker") or ""
            name = self.entities[entity]["name"] if entity in self.entities else quote.get("speaker_text") or ""
            anonymous = bool(quote.get("anonymous")) or not name
            key = (entity, "" if entity else name)
            group = groups.setdefault(key, Speaker(name or "متحدث غير محدد", entity, anonymous))
            group.quotes.append(quote)
        return tuple(sorted(groups.values(), key=lambda s: (s.anonymous, -len(s.quotes), s.name)))

    def entity_listing(self, query: str = "", by_name: bool = False) -> tuple[EntityRow, ...]:
        """Every entity mentioned, most mentioned first (or by name), keeping those whose name, Latin name or a
        form used holds the query (Arabic-normalised, any case)."""
        counts: Counter[str] = Counter()
        forms: dict[str, set[str]] = defaultdict(set)
        for entity, form, n in self.source.mention_forms():
            counts[entity] += n
            forms[entity].add(form)
        rows = tuple(EntityRow(self.entities[e], n, tuple(sorted(forms[e]))) for e, n in counts.most_common()
                     if e in self.entities)
        needle = match_key(query)
        if needle:
            rows = tuple(r for r in rows if any(needle in match_key(name) for name in
                                                (r.entity.get("name") or "", r.entity.get("name_latin") or "",
                                                 *r.forms)))
        return tuple(sorted(rows, key=lambda r: match_key(r.entity.get("name") or ""))) if by_name else rows

    def entity_rows(self, article_ids: list[str]) -> tuple[EntityRow, ...]:
        """Entities mentioned in these articles, most mentioned first, with the forms used."""
        counts: Counter[str] = Counter()
        forms: dict[str, set[str]] = defaultdict(set)
        for article_id in article_ids:
            for mention in self.spans(article_id, "mentions"):
                counts[mention["entity"]] += 1
                forms[mention["entity"]].add(mention["text"])
        return tuple(EntityRow(self.entities[e], n, tuple(sorted(forms[e]))) for e, n in counts.most_common())

    def _framing(self, article_ids: list[str]) -> tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]:
        """Framing terms per outlet: (term, label, count), most frequent first."""
        by_outlet: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for article_id in article_ids:
            for entry in self.spans(article_id, "framing"):
                for term in entry.get("terms", []):
                    by_outlet[self.outlet(article_id)][(term["term"], term.get("label", ""))] += term.get("count", 1)
        return tuple((o, tuple((t, lab, n) for (t, lab), n in c.most_common())) for o, c in sorted(by_outlet.items()))

    # -- articles and entities -----------------------------------------------------------------------------------
    def marks(self, article_id: str) -> list[Mark]:
        """Mentions, dates and quotes of an article as marks, only those whose offsets fit its text."""
        text = self.source.article(article_id).get("text", "")
        marks = [Mark(q["start"], q["end"], "quote", q.get("kind", ""), label=f"اقتباس: {q.get('speaker_text') or ''}")
                 for q in self.spans(article_id, "quotes")]
        marks += [Mark(t["start"], t["end"], "timex", t.get("kind", ""), label=f"تاريخ: {t.get('value', '')}")
                  for t in self.spans(article_id, "timexes")]
        for m in self.spans(article_id, "mentions"):
            entity = self.entities[m["entity"]]
            marks.append(Mark(m["start"], m["end"], "mention", entity.get("type", ""), entity["id"],
                              f"{entity['name']} ({entity.get('name_latin', '')})"))
        return [m for m in marks if valid(m, text)]

    def article_view(self, article_id: str) -> ArticleView:
        article = self.source.article(article_id)
        text = article.get("text", "")
        return ArticleView(article, self.outlet(article_id), paragraphs(text, self.marks(article_id)),
                           tuple(self.events_of(article_id)), self.entity_rows([article_id]),
                           tuple(self.spans(article_id, "timexes")), tuple(self.spans(article_id, "quotes")),
                           tuple(t for f in self.spans(article_id, "framing") for t in f.get("terms", [])))

    def entity_view(self, entity_id: str) -> EntityView:
        entity = self.source.entity(entity_id)
        forms: dict[str, list[str]] = defaultdict(list)
        for mention in entity.get("mentions", []):
            if mention["text"] not in forms[mention["article"]]:
                forms[mention["article"]].append(mention["text"])
        by_article = tuple((self.articles[a], tuple(f)) for a, f in forms.items() if a in self.articles)
        quotes = tuple(self.source.referring(f"speaker:{entity_id}", "quotes"))
        events = {e["id"]: e for a in forms for e in self.events_of(a)}
        return EntityView(entity, by_article, quotes, tuple(events.values()))

    # -- plots ---------------------------------------------------------------------------------------------------
    def coverage_plot(self, article_ids: list[str], title: str) -> Markup:
        counts: Counter[tuple[str, str]] = Counter()
        for article_id in article_ids:
            published = (self.articles.get(article_id) or {}).get("published")
            if published:
                counts[(self.outlet(article_id), published[:10])] += 1
        return plots.coverage_chart(counts, title) if counts else Markup("")

    def story_volume_plot(self, cards: Sequence[StoryCard], title: str) -> Markup:
        """Articles per day of each of these stories (rows by volume): how their coverage rose and fell."""
        counts: Counter[tuple[str, str]] = Counter()
        for card in cards:
            for article in self._card_articles(card):
                if article.get("published"):
                    counts[(card.story["title"], article["published"][:10])] += 1
        return plots.coverage_chart(counts, title) if counts else Markup("")

    def story_outlet_plot(self, cards: Sequence[StoryCard], title: str) -> Markup:
        """Articles of each outlet (columns) on each of these stories (rows): who covers what."""
        counts: Counter[tuple[str, str]] = Counter((card.story["title"], self.outlet(article["id"]))
                                                   for card in cards for article in self._card_articles(card))
        return plots.coverage_chart(counts, title) if counts else Markup("")

    def _card_articles(self, card: StoryCard) -> list[Doc]:
        """The articles of a listed story (or of its one event when it belongs to no story)."""
        story = self.stories.get(card.story["id"])
        event_ids = story.get("events", []) if story else [item.event["id"] for item in card.latest]
        return [self.articles[a] for e in event_ids for a in self.events.get(e, {}).get("articles", [])
                if a in self.articles]

    def quoted_plot(self, speakers: tuple[Speaker, ...], title: str, limit: int = 10) -> Markup:
        top = sorted(speakers, key=lambda s: -len(s.quotes))[:limit]
        bars = [plots.Bar(s.name, len(s.quotes), s.anonymous) for s in top]
        return plots.bar_chart(bars, title) if bars else Markup("")


def _days_between(earlier: str, later: str) -> int:
    """Whole days from one ISO date to another (0 when either is no date)."""
    try:
        return max((date.fromisoformat(later) - date.fromisoformat(earlier)).days, 0)
    except ValueError:
        return 0


def _negated(day: str) -> tuple[int, ...]:
    """A key that sorts ISO dates latest first."""
    return tuple(-ord(c) for c in day)


def _first_date(timeline: tuple[TimelineItem, ...]) -> str:
    return min((t.event.get("date") or "9999" for t in timeline), default="9999")
