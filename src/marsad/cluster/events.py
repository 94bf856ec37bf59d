"""Events: articles about one happening, grouped as they arrive (single pass, candidates from an index).

Articles are taken in publication order (then input order). Each is compared only with the events its heaviest
terms point at among the events started in the last `window_days` (an inverted index keyed by day and term),
scored by TF-IDF cosine with the event's centroid (entity names included when mentions are given) times a decay
on the days since the event was last reported, and joins the best one above `threshold` or starts a new event
(`settings.EventSettings`).
A syndicated copy (`Article.duplicate_of`) always joins its original's event. Stories follow in `stories.py`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from itertools import chain, islice, product, repeat
from operator import neg
from sys import intern
from typing import ClassVar, NamedTuple

from marsad.cluster.background import background_model
from marsad.cluster.dates import LEAD_CHARS, event_date
from marsad.cluster.kinds import ENCOUNTER, FIGURED, Kinds, lead_figures, lead_text, read_headline, trigger_words
from marsad.cluster.stories import StoryClusterer
from marsad.cluster.terms import ENTITY_PREFIX, Centroid, TermModel, Vector, dot, entity_terms, top_terms, words
from marsad.cluster.touched import Touching
from marsad.rules import RuleSet
from marsad.settings import DEFAULTS, EventSettings, StorySettings
from marsad.text.sentences import split_sentences
from marsad.types import Article, Event, Mention, Story, Timex

QUERY_TERMS = 12  # an article looks up events by its heaviest terms ...
INDEX_TERMS = 20  # ... and is indexed under its heaviest terms
RULES = RuleSet("events")  # the checks that keep an article out of an event, counted when they do
RULES.register("other_kind", "other_speaker", "other_slots", "far_from_core", "other_figures", "other_actors")
STATE_VERSION = 6  # raised when the stored state changes shape: an older state is clustered afresh
CORE_MEMBERS = 5  # an event's first members: its core, which every later member must come close to
MIN_TITLE_WORDS = 3  # a shorter "title" is an outlet name or a section label, not a headline


class Headline(NamedTuple):
    """What an article's headline says of its happening, as terms (`kinds.read_headline`)."""

    kinds: Kinds
    speaker: frozenset[str]  # the rarest term of a statement's speaker (the name, not the title)
    slots: frozenset[str]  # the specific terms of a serial happening's headline (its who and where)
    figures: frozenset[str] = frozenset()  # the numbers of a market session's or an indicator's lead
    named: frozenset[str] = frozenset()  # the slots that are words of the article's entity mentions (names)
    actors: frozenset[str] = frozenset()  # the specific terms of the people its lead names (who met, called ...)
    lead: frozenset[str] = frozenset()  # every term of its lead (headline and first sentence)
    quoted: bool = False  # a person's quoted words: its kinds are all a statement can be, so it casts no kind vote


@dataclass
class EventCluster:
    """One event as it grows: its members, their summed unit vectors and the days it was reported."""

    number: int
    first_day: int
    last_day: int
    members: list[int] = field(default_factory=list)
    centroid: Centroid = field(default_factory=Centroid)
    kinds: Counter[str] = field(default_factory=Counter)  # how many members' headlines report each kind
    typed: int = 0  # members whose headline reports a kind
    speakers: Counter[str] = field(default_factory=Counter)  # how many members' headlines a speaker's term opens
    spoken: int = 0  # members whose headline reports a statement with its speaker
    slots: Counter[str] = field(default_factory=Counter)  # how many members' serial headlines hold each slot term
    serial: int = 0  # members whose headline reports a serial happening with its slots
    figures: set[str] = field(default_factory=set)  # the numbers in the leads of its first serial members
    figured: int = 0  # members whose lead gave figures
    actors: Counter[str] = field(default_factory=Counter)  # how many members' leads name each person's term
    acted: int = 0  # members whose lead names a person
    encounters: int = 0  # members whose headline reports a call, meeting or visit and nothing else

    def add(self, index: int, vec: Vector, day: int, overlap: float, headline: Headline) -> None:
        """Add an article whose dot product with the summed vector is `overlap`."""
        self.members.append(index)
        self.centroid.add(vec, overlap)
        self.last_day = max(self.last_day, day)
        if not headline.quoted:
            self.kinds.update(headline.kinds)
            self.typed += bool(headline.kinds)
        self.speakers.update(headline.speaker)
        self.spoken += bool(headline.speaker)
        self.slots.update(headline.slots)
        self.serial += bool(headline.slots)
        if headline.figures and self.figured < CORE_MEMBERS:
            self.figures.update(headline.figures)
        self.figured += bool(headline.figures)
        self.actors.update(headline.actors)
        self.acted += bool(headline.actors)
        self.encounters += bool(headline.kinds) and headline.kinds <= ENCOUNTER

    def other_happening(self, vec: Vector, headline: Headline) -> str | None:
        """The check that finds the article reports another happening, else None: most of the members whose
        headline has a kind report none of its kinds (`other_kind`); or its statement's speaker, or its serial
        happening's slots, and those most members give each name something the other side's text does not
        (another speaker, place or counterpart); or a market session's or an indicator's lead gives none of the
        figures of the event's first leads; or its lead names a person the event's articles do not, none of the
        people most of the event's leads name, and leaves those out (`other_actors`: the same actor's call or
        meeting with another counterpart)."""
        if headline.kinds and 2 * max(self.kinds[k] for k in headline.kinds) < self.typed:
            found = "other_kind"
        elif self._disagree(headline.speaker, self.speakers, self.spoken, vec.keys(), self.centroid.total.keys()):
            found = "other_speaker"
        elif self._disagree(headline.named or headline.slots, self.slots, self.serial, vec.keys(),
                            self.centroid.total.keys()):
            found = "other_slots"
        elif headline.figures and self.figures and not headline.figures & self.figures:
            found = "other_figures"
        elif self._encounter(headline) and self._disagree(headline.actors, self.actors, self.acted,
                                                          headline.lead, self.actors.keys(), any_common=True):
            found = "other_actors"
        else:
            return None
        RULES.hit(found)
        return found

    def _encounter(self, headline: Headline) -> bool:
        """Whether most of the typed members report a call, meeting or visit (and nothing else), and the article
        reports no other kind of happening (a person's quoted words may be said at one)."""
        kinds = headline.kinds
        return (not kinds or kinds <= ENCOUNTER or headline.quoted) and 2 * self.encounters > self.typed

    @staticmethod
    def _disagree(mine: frozenset[str], counts: Counter[str], members: int, seen: Collection[str],
                  held: Collection[str], any_common: bool = False) -> bool:
        """Whether the article names something the event's `held` terms lack, and the event's members mostly
        name something the article's `seen` terms lack; with `any_common`, a term both name is agreement (one
        person's name spelt otherwise, `عبد الفتاح` for `عبدالفتاح`, leaves the rest of it in common)."""
        theirs = {term for term, n in counts.items() if 2 * n >= members}
        return (bool(mine and theirs) and not mine <= held and not theirs <= seen
                and not (any_common and mine & theirs))


@dataclass
class Touched:
    """What placing articles changed in a clusterer besides its lists of one item per article: the events that
    gained a member (or were started) and the keys of the index that gained entries (a store keeps the clusterer in
    pieces and writes those: `store.growing`)."""

    events: set[int] = field(default_factory=set)
    keys: set[tuple[int, str]] = field(default_factory=set)


@dataclass
class EventClusterer(Touching):
    """The streaming state: term statistics, events so far and the day/term index that finds candidates.

    Plain data, so a store can keep it between runs and feed it new articles (incremental clustering).
    """

    model: TermModel = field(default_factory=TermModel)
    events: list[EventCluster] = field(default_factory=list)
    vectors: list[Vector] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    event_of: list[int] = field(default_factory=list)
    index: dict[tuple[int, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    article_event: dict[str, int] = field(default_factory=dict)
    article_ids: list[str] = field(default_factory=list)  # the article behind each vector, in the order added
    today: int = 0
    settings: EventSettings = field(default_factory=EventSettings)  # set anew by each run
    version: int = STATE_VERSION
    TOUCHED: ClassVar[type] = Touched

    def add_batch(self, articles: Sequence[Article], entities: Sequence[list[str]],
                  people: Sequence[Sequence[str]] | None = None,
                  on_closed: Callable[[str, list[str]], None] | None = None) -> list[int]:
        """Cluster a batch (counted first, then streamed in publication order); each article's event number.
        `entities` are each article's entity terms (`terms.entity_terms`), `people` its person mentions' names.
        `on_closed` is told each event the batch starts (its id, its member ids) as soon as no later article of the
        batch can join it as a candidate (its first day is past the window of the day being placed); a near-duplicate
        of its member may still join it."""
        docs = [list(map(intern, words(f"{a.title or ''}\n{a.text}"))) for a in articles]  # one object a word:
        # a first run's batch is the whole corpus, each of its words a string of its own (~0.7 GiB at 31,000)
        first = len(self.vectors)
        self.article_ids.extend(a.id for a in articles)
        self.vectors.extend(self.model.add_documents(docs, entities))
        self.headlines.extend(map(self.headline, articles, entities, people or repeat(())))
        self.event_of.extend([-1] * len(articles))
        closing = len(self.events)  # the first event started by this batch not yet told closed
        for i in publication_order(articles):
            day = self.day_of(articles[i])
            self.event_of[first + i] = self.assign(articles[i], first + i)
            while on_closed and closing < len(self.events) \
                    and day - self.events[closing].first_day > self.settings.window_days:
                on_closed(event_id(closing), [self.article_ids[m] for m in self.events[closing].members])
                closing += 1
        return self.event_of[first:]

    def assign(self, article: Article, index: int) -> int:
        """Put one article in its original's event, the best candidate event, or a new one."""
        day = self.day_of(article)
        self.today = max(self.today, day)
        vec, headline = self.vectors[index], self.headlines[index]
        original = self.article_event.get(article.duplicate_of or "")
        if original is not None:
            best, overlap = original, self.events[original].centroid.cosine(vec)[1]
        else:
            best, overlap = self.best_event(vec, day, headline)
        if best < 0:
            best = len(self.events)
            self.events.append(EventCluster(best, day, day))
        self.events[best].add(index, vec, day, overlap, headline)
        self.article_event[article.id] = best
        for term in top_terms(vec, INDEX_TERMS):
            self.index[(day, term)].append(best)
            self.touched.keys.add((day, term))
        self.touched.events.add(best)
        return best

    def day_of(self, article: Article) -> int:
        """The day an article is placed on: its publication day, or the latest day placed when it has none."""
        day = day_number(article.published) if article.published else None
        return self.today if day is None else day

    def headline(self, article: Article, entities: Sequence[str] = (), people: Sequence[str] = ()) -> Headline:
        """The kinds its headline reports; the rarest term of its speaker (the name, not its title: `جامعه` of
        `جامعة الدول العربية`); the slot terms: those found in fewer than `slot_max_share` of articles and the
        words of its entity mentions whatever their share (`entities`, as `terms.entity_terms` makes them: a
        cable to `مصر`, a notice of a family whose name is a common word), and those of them that are names:
        when a headline names its who or where, those names tell the happening, not the outlet's wording
        (`بقذيفتي` for `بهدفي`); a headline that names none is told by all its specific words (`مهرب مخدرات`).
        The specific terms of the `people` named in its lead are its actors."""
        kinds, speaker, slots, quoted = read_headline(article.title, article.text, people)
        lead = lead_text(article.title, article.text)
        lead_terms = frozenset(filter(None, map(self.model.term, words(lead))))
        actors = frozenset(term for name in people if name in lead for term in map(self.model.term, words(name))
                           if term and self.model.share(term) < self.settings.slot_max_share)
        speaker_terms = list(filter(None, map(self.model.term, speaker)))
        names = {self.model.term(word) for name in entities for word in words(name[len(ENTITY_PREFIX):])}
        slot_terms = frozenset(term for term in map(self.model.term, words(" ".join(slots)))
                               if term and (term in names or self.model.share(term) < self.settings.slot_max_share))
        figured = bool(kinds) and kinds <= FIGURED
        return Headline(kinds, frozenset([max(speaker_terms, key=self.model.idf)] if speaker_terms else []),
                        slot_terms, lead_figures(article.title, article.text) if figured else frozenset(),
                        slot_terms & names, actors, lead_terms, quoted)

    def best_event(self, vec: Vector, day: int, headline: Headline) -> tuple[int, float]:
        """(event number, dot product with its summed vector) of the best match above the threshold, else (-1, 0).

        The score is the cosine with the event's centroid, decayed by the days since it was last reported and
        lowered when its headlines report another happening (`EventCluster.other_happening`); and the article
        must come close to one of the event's core (first) members, so an event cannot drift from article to
        article (no chaining).
        """
        best, best_score, best_raw = -1, self.settings.threshold, 0.0
        for number in self.candidates(vec, day):
            event = self.events[number]
            cosine, raw = event.centroid.cosine(vec)
            score = cosine * decay(day - event.last_day, self.settings.half_life_days)
            other = event.other_happening(vec, headline)
            if other:
                score *= (self.settings.other_counterpart_weight if other == "other_actors"
                          else self.settings.other_happening_weight)
            if score >= best_score and (score > best_score or best < 0) and self.near_core(vec, event):
                best, best_score, best_raw = number, score, raw
        return best, best_raw

    def near_core(self, vec: Vector, event: EventCluster) -> bool:
        """Whether the article is as close as `core_threshold` to one of the event's first members."""
        if max(dot(vec, self.vectors[m]) for m in event.members[:CORE_MEMBERS]) >= self.settings.core_threshold:
            return True
        RULES.hit("far_from_core")
        return False

    def candidates(self, vec: Vector, day: int) -> list[int]:
        """Recent events sharing the most heaviest terms with the article (ties: earlier event first)."""
        window = self.settings.window_days
        keys = product(range(day - window, day + 1), top_terms(vec, QUERY_TERMS))
        shared = Counter(chain.from_iterable(map(set, map(self.index.get, keys, repeat(())))))
        by_shared = (n for _, n in sorted(zip(map(neg, shared.values()), shared, strict=True)))
        recent = (n for n in by_shared if day - self.events[n].first_day <= window)
        return list(islice(recent, self.settings.max_candidates))


def cluster_events(articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]] | None = None,
                   timexes: Mapping[str, Sequence[Timex]] | None = None,
                   clusterer: EventClusterer | None = None, settings: EventSettings = DEFAULTS.events,
                   stories: StorySettings = DEFAULTS.stories,
                   built: dict[int, tuple[int, Event]] | None = None,
                   threads: StoryClusterer | None = None,
                   on_closed: Callable[[str, list[str]], None] | None = None) -> tuple[list[Event], list[Story]]:
    """Events (v1, v2, ... in creation order) and the stories that link them (s1, s2, ...); `on_closed` is told
    the events the new articles start as they close (`EventClusterer.add_batch`), for work that can begin then.

    With the `clusterer` of an earlier run, only the articles it has not seen are clustered: they join the
    existing events or start new ones, and the earlier assignments stay as they were. `built` holds the events an
    earlier run with that clusterer made (event number -> (members, event)): an event whose members did not change
    is taken from it, not made again; it is updated with the events made now. `threads`, the story pass of that
    run, places the events made now (`stories.StoryClusterer`); both must come from the same run.
    """
    clusterer = clusterer if clusterer is not None else EventClusterer(model=background_model())
    clusterer.settings = settings
    new = [a for a in articles if a.id not in clusterer.article_event]
    found = [(mentions or {}).get(a.id, ()) for a in new]
    clusterer.add_batch(new, list(map(entity_terms, found)), [[m.text for m in ms if m.type == "PER"] for ms in found],
                        on_closed)
    by_id = {a.id: a for a in articles}
    added = [by_id[article_id] for article_id in clusterer.article_ids]
    built = {} if built is None else built
    made = [cluster for cluster in clusterer.events if built.get(cluster.number, (0,))[0] != len(cluster.members)]
    for cluster in made:
        built[cluster.number] = (len(cluster.members), build_event(cluster, clusterer, added, timexes))
    kind_terms = {clusterer.model.term(word) for word in trigger_words()}

    @cache
    def share(term: str) -> float:  # asked for the same terms by many events
        return 1.0 if term in kind_terms else clusterer.model.share(term)

    threads = threads if threads is not None else StoryClusterer()
    threads.update({cluster.number: cluster.centroid.unit() for cluster in made}, share, stories,
                   {cluster.number: len(cluster.members) for cluster in made})
    for cluster in made:
        size, event = built[cluster.number]
        built[cluster.number] = (size, replace(event, story=threads.story_id(cluster.number)))
    events = [built[cluster.number][1] for cluster in clusterer.events]
    return events, threads.made(events)


def build_event(cluster: EventCluster, clusterer: EventClusterer, articles: Sequence[Article],
                timexes: Mapping[str, Sequence[Timex]] | None) -> Event:
    """The event as an artifact: members, a headline from its most central article, its date and evidence."""
    members = [articles[i] for i in cluster.members]
    by_centrality = sorted(cluster.members, key=lambda i: -dot(clusterer.vectors[i], cluster.centroid.total))
    when, evidence = event_date(members, timexes)
    return Event(id=event_id(cluster.number), story=None, title=headline([articles[i] for i in by_centrality]),
                 date=when, articles=tuple(a.id for a in members), date_evidence=evidence)


def event_id(number: int) -> str:
    """The id of the event of a clusterer's number (v1 for 0)."""
    return f"v{number + 1}"


def headline(central_first: Sequence[Article]) -> str:
    """The first real headline among the articles, most central first; else the first sentence of the first."""
    for article in central_first:
        title = (article.title or "").strip()
        if len(title.split()) >= MIN_TITLE_WORDS:
            return title
    text = central_first[0].text
    sentences = split_sentences(text[:LEAD_CHARS])
    return text[sentences[0].start:sentences[0].end] if sentences else ""


def publication_order(articles: Sequence[Article]) -> list[int]:
    """Indices by publication date, undated last, input order within a date."""
    return sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", i))


def day_number(published: str) -> int | None:
    """Days since 0001-01-01 of an ISO date (its first ten characters), or None when it is not one."""
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def decay(days: int, half_life_days: float) -> float:
    """The weight of a similarity `days` after the event was last reported."""
    return 0.5 ** (max(days, 0) / half_life_days)
