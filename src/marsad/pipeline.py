"""The pipeline, stage by stage: the table of contents of marsad.

    read_inputs          ingest/     files, folders, archives, feeds, JSON lines   -> RawDocument | Rejected
    clean                clean/      boilerplate, captions, bylines, wraps          -> Article
    ARTICLE_STAGES       extract/    per article (a map): entity mentions, time expressions, quotes,
                         compare/    framing vocabulary in the outlet's own voice    -> Framing
                         cluster/    a MinHash signature for near-duplicates         -> Fingerprint
    CORPUS_STAGES        cluster/ link/ across articles (a reduce):
                                     near-duplicates                                -> Article.duplicate_of
                                     events (streaming) and stories                 -> Event, Story
                         compare/ summarize/ per event (a map): claims, contradictions, summary
                                                                                    -> Claim, Contradiction, Summary
                                     each reported figure in order of publication  -> FigureSeries
                                     entity linking and quote speakers (on a worker
                                     while the three above run)                     -> Entity, Quote.speaker
                                     per event (a map): who came first, and the
                                     words one outlet alone puts next to an entity  -> framing contrasts
                                     who is quoted, named or anonymous              -> attribution profiles

An engine runs the maps and the linking: in this process, on worker processes, or on Dask (`marsad.engines`).

Per-article results are kept in the store, so a re-run does only what is left. The store is the corpus: the
cross-document stages run over every stored article, and events grow incrementally from a stored state; entities
keep their ids from one run to the next. The first stage's content check makes an unchanged rerun a no-op: when no
article was stored and the stored analysis was made from the same corpus, settings and code, it is kept as it is.
"""
from __future__ import annotations

import hashlib
import operator
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.clean import clean
from marsad.clean.templates import STATE_NAME as TEMPLATES_STATE
from marsad.clean.templates import OutletTemplates, Template, outlet_key
from marsad.cluster.background import background_model
from marsad.cluster.duplicates import DuplicateIndex, fingerprint
from marsad.cluster.events import STATE_VERSION, EventClusterer, cluster_events
from marsad.cluster.stories import STATE_NAME as STORIES
from marsad.cluster.stories import STATE_VERSION as STORIES_VERSION
from marsad.cluster.stories import StoryClusterer
from marsad.collector import loaded_for_good
from marsad.compare.attribution import attribution_profile
from marsad.compare.claims import align_claims, central_articles
from marsad.compare.contradictions import find_contradictions, stated_quantities
from marsad.compare.figures import figure_series
from marsad.compare.framing import contrast_terms, find_framing
from marsad.compare.order import order_contradictions
from marsad.derived import package_fingerprint as code_fingerprint  # what made the stored states
from marsad.export.analysis import document_items
from marsad.extract.ner.mentions import find_mentions
from marsad.extract.quotes.quotes import find_quotes
from marsad.extract.time.timexes import find_timexes
from marsad.ids import id_number
from marsad.ingest import read_inputs
from marsad.link.aliases import nickname_pairs
from marsad.link.entities import assign_speakers, link_entities
from marsad.link.ids import STATE_NAME as ENTITY_IDS
from marsad.link.ids import EntityIds
from marsad.link.latin import (
    LatinName,
    NameKey,
    known_name,
    latin_name_in_outlets,
    remember_latin_names,
    resolved_latin_names,
)
from marsad.link.latin_outlets import outlet_country
from marsad.link.linker import Corpus, Linker
from marsad.settings import DEFAULTS, Settings
from marsad.store import Store, content_hash
from marsad.store.growing import Changed, Lengths, Pieces, grown_states, joined_state
from marsad.store.query import MentionChanges, MentionRow
from marsad.store.rows import Unchanged, owner_field
from marsad.store.warm import WarmStore
from marsad.streams import Stream
from marsad.summarize.extractive import summarize_event
from marsad.types import (
    Analysis,
    Article,
    Claim,
    Contradiction,
    Contrast,
    ContrastTerm,
    Entity,
    Event,
    FigureSeries,
    Fingerprint,
    Framing,
    FramingTerm,
    Mention,
    Published,
    Quote,
    RawDocument,
    Rejected,
    Story,
    Summary,
    Timex,
    field_names,
    pickled_as_fields,
)

ArticleStage = Callable[[Article, dict[str, list[Any]], Settings], list[Any]]


@dataclass(frozen=True, slots=True)
class Stage:
    """A per-article stage: its name (the store key), the function, and the span type it returns."""

    name: str
    run: ArticleStage
    span_type: type


def _mentions(article: Article, earlier: dict[str, list[Any]], settings: Settings) -> list[Any]:
    return find_mentions(article.id, article.text)


def _timexes(article: Article, earlier: dict[str, list[Any]], settings: Settings) -> list[Any]:
    return find_timexes(article.id, article.text, article.published)


def _quotes(article: Article, earlier: dict[str, list[Any]], settings: Settings) -> list[Any]:
    return find_quotes(article.id, article.text, earlier.get("mentions", []), settings.quotes)


def _framing(article: Article, earlier: dict[str, list[Any]], settings: Settings) -> list[Any]:
    return list(find_framing(article.id, article.text, earlier.get("quotes", []), earlier.get("mentions", []),
                             article.title or "").terms)


def _fingerprint(article: Article, earlier: dict[str, list[Any]], settings: Settings) -> list[Any]:
    return [fingerprint(article)]


ARTICLE_STAGES: tuple[Stage, ...] = (
    Stage("mentions", _mentions, Mention),
    Stage("timexes", _timexes, Timex),
    Stage("quotes", _quotes, Quote),
    Stage("framing", _framing, FramingTerm),
    Stage("fingerprint", _fingerprint, Fingerprint),
)


Engine = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]
"""An ordered map: engine(function, items) yields function(item) for each item, in input order."""


def _clusters_entities_comparisons(analysis: Analysis, store: Store, engine: Engine, settings: Settings
                                   ) -> Analysis:
    """Entities linked and quote speakers assigned beside near-duplicates, events and stories and then the events'
    comparisons but for their entity part (neither needs the other: `_start_comparing`), and last that part
    (`_finish_comparing`). The linking runs on the engine (a worker) when the corpus has many names no earlier run
    resolved (`link_on_engine`), else on a thread of this process, by the linker a warm store kept from its last
    round (which links only the names of the new articles) or a new one."""
    countries = OutletCountries({a.id: a for a in analysis.articles})
    corpus = Corpus([a.id for a in analysis.articles], analysis.spans.get("mentions", {}),
                    analysis.spans.get("quotes", {}), {a.id: a.text for a in analysis.articles}, countries)
    known, read = _known_latin_names(store)
    held_ids, ids_read = joined_state(store, ENTITY_IDS, ENTITY_ID_PIECES)
    work = LinkWork(corpus, held_ids or EntityIds(), known)
    linker = _kept_linker(store, corpus.order)
    on_engine = (linker is None or linker.empty) and link_on_engine(work)
    with ThreadPoolExecutor(1) as side:
        linking = side.submit(lambda: linked_in_place(next(iter(engine(link_on_worker, [work.reading()]))), corpus)
                              if on_engine else link_corpus(work, linker))
        analysis = replace(analysis, articles=tuple(_duplicates(analysis, store, settings)))
        with _EventComparer(engine, _Works(analysis, settings)) as comparer:  # on the cores the linking leaves
            closed = None if engine is local_engine else comparer.hand_in  # in this process: the clustering's core
            events, stories = _events(analysis.articles, analysis.spans, store, settings, closed)
            analysis = replace(analysis, events=tuple(events), stories=tuple(stories))
            comparing = _start_comparing(analysis, store, comparer)
        entities, quotes, ids, resolved = linking.result()
    if isinstance(store, WarmStore):
        store.memory[LINKER] = None if on_engine else linker
    store.put_states(grown_states(store, ENTITY_IDS, ids, ENTITY_ID_PIECES, ids_read))
    if len(resolved) > len(known):
        store.put_states(grown_states(store, LATIN_NAMES, LatinNames(code_fingerprint(), list(resolved.items())),
                                      LATIN_PIECES, read))
    return _finish_comparing(replace(analysis, entities=tuple(entities), quotes=tuple(quotes)), store, engine,
                             comparing)


@dataclass
class LatinNames:
    """The Latin names one code (its fingerprint) resolved, in the order resolved: kept in pieces, so a run writes
    those of the names it resolved (`store.growing`), not the whole table again."""

    code: str
    names: list[tuple[NameKey, LatinName]] = field(default_factory=list)


LATIN_PIECES = Pieces(("names",))
ENTITY_ID_PIECES = Pieces(logs=("by_spelling",))


def _known_latin_names(store: Store) -> tuple[dict[NameKey, LatinName], Lengths]:
    """The Latin names earlier runs of this code resolved, and their lengths as read (`store.growing`)."""
    stored, read = joined_state(store, LATIN_NAMES, LATIN_PIECES)
    if isinstance(stored, LatinNames) and stored.code == code_fingerprint():
        return dict(stored.names), read
    return {}, {}


LINKER = "linker"  # a warm store's `Linker` of its last round


class OutletCountries(Mapping[str, str]):
    """Article id -> the country of its outlet, where known (`outlet_country`), worked out when asked: a warm
    round's linker asks only for its new articles."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self._articles = articles
        self._found: dict[str, str | None] = {}

    def _country(self, article: str) -> str | None:
        if article not in self._found:
            found = self._articles.get(article)
            self._found[article] = outlet_country(found.source, found.url) if found else None
        return self._found[article]

    def __getitem__(self, article: str) -> str:
        country = self._country(article)
        if country is None:
            raise KeyError(article)
        return country

    def __contains__(self, article: object) -> bool:
        return isinstance(article, str) and self._country(article) is not None

    def __iter__(self) -> Iterator[str]:
        return (article for article in self._articles if self._country(article) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _kept_linker(store: Store | WarmStore, order: Sequence[str]) -> Linker | None:
    """For a warm store, the linker it kept from its last round (or a new one, to keep for the next); None for
    a store read anew each run (the corpus is then linked at once, which costs half what building a linker does)."""
    if not isinstance(store, WarmStore):
        return None
    kept = store.memory.get(LINKER)
    return kept if kept is not None and kept.fits(order) else Linker(known_name)

ARTICLES_PER_NAME = 2.5  # stored articles whose mentions, quotes and texts cost as much to send to a worker and
# back as resolving one new name's Latin spelling there (SaudiNewsNet, 8,000 stored: 3.2 s CPU of pickling against
# about 1 ms a name)


def link_on_engine(work: LinkWork) -> bool:
    """Whether linking the corpus anew is worth sending to the engine: when the spellings no earlier run linked
    (all of them on a first run or with new code, whose Latin names are not remembered; many after a large
    delivery) cost more to resolve than sending the corpus there; a cycle of a few new articles is linked here."""
    linked = work.ids.by_spelling if work.latin_names else {}
    new = {m.text for found in work.corpus.mentions.values() for m in found if m.text not in linked}
    return len(new) * ARTICLES_PER_NAME > len(work.corpus.order)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class LinkWork:
    """What linking needs (sent to a worker when `link_on_engine`): the corpus, the ids entities were given in
    earlier runs, and the Latin names earlier runs of the same code resolved."""

    corpus: Corpus
    ids: EntityIds
    latin_names: dict[NameKey, LatinName] = field(default_factory=dict)

    def reading(self) -> LinkWork:
        """The work with only the texts linking reads: of the articles that quote, or give a person's nickname."""
        corpus, mentions = self.corpus, [m for found in self.corpus.mentions.values() for m in found]
        read = {a for a, quotes in corpus.quotes.items() if quotes}
        read.update(person.article for person, _ in nickname_pairs(mentions, corpus.texts))
        return replace(self, corpus=replace(corpus, texts={a: corpus.texts[a] for a in read},
                                            countries={a: c for a in corpus.order if (c := corpus.countries.get(a))}))


def link_corpus(work: LinkWork, linker: Linker | None = None) -> LinkResult:
    """The corpus's entities with the ids earlier runs gave them, its quotes with their speakers, the ids to keep
    for the next run (`work.ids` updated) and the Latin names resolved so far (resolving is most of linking's
    cost, and a cycle meets few new names). `linker`: one that linked the corpus before its new articles."""
    remember_latin_names(work.latin_names)
    if linker is not None:
        entities, quotes = linker.link(work.corpus, work.ids)
        return entities, quotes, work.ids, resolved_latin_names()
    corpus = work.corpus
    mentions = [m for article in corpus.order for m in corpus.mentions.get(article, ())]
    latin = latin_name_in_outlets(((m.article, m.text) for m in mentions), corpus.countries)
    entities = work.ids.assign(link_entities(mentions, latin, known_name, corpus.texts))
    quotes = [q for article in corpus.order for q in corpus.quotes.get(article, ())]
    return entities, assign_speakers(quotes, entities, corpus.texts), work.ids, resolved_latin_names()


LinkResult = tuple[list[Entity], list[Quote], EntityIds, dict[NameKey, LatinName]]  # what `link_corpus` returns
Placed = tuple[str, int] | Mention  # a mention by its place in the corpus (article, number there), or itself
LinkedByPlace = tuple[list[tuple[Entity, tuple[Placed, ...]]], list[str | None | Quote], EntityIds,
                      dict[NameKey, LatinName]]


def link_on_worker(work: LinkWork) -> LinkedByPlace:
    """`link_corpus` on a worker, its result sent back by what the calling process holds (`linked_in_place`): each
    entity's mentions as their places in the corpus, each quote that only gained its speaker as that speaker.
    Sent back whole, every mention and quote of the corpus came back as a copy, held beside the original."""
    entities, quotes, ids, resolved = link_corpus(work)
    corpus = work.corpus
    place = {id(m): (article, n) for article, found in corpus.mentions.items() for n, m in enumerate(found)}
    stated = [q for article in corpus.order for q in corpus.quotes.get(article, ())]
    return ([(replace(e, mentions=()), tuple(place.get(id(m), m) for m in e.mentions)) for e in entities],
            [q.speaker if q == replace(before, speaker=q.speaker) else q
             for q, before in zip(quotes, stated, strict=True)],
            ids, resolved)


def linked_in_place(linked: LinkedByPlace, corpus: Corpus) -> LinkResult:
    """What `link_on_worker` sent back, with the corpus's own mentions and quotes."""
    entities, speakers, ids, resolved = linked
    mentions = corpus.mentions
    stated = [q for article in corpus.order for q in corpus.quotes.get(article, ())]
    return ([replace(e, mentions=tuple(mentions[m[0]][m[1]] if type(m) is tuple else m for m in placed))
             for e, placed in entities],
            [s if isinstance(s, Quote) else replace(q, speaker=s) for s, q in zip(speakers, stated, strict=True)],
            ids, resolved)


def _attribution(analysis: Analysis, store: Store, engine: Engine, settings: Settings) -> Analysis:
    """Who each article quotes (speakers are known only once linked), and its framing terms found per article."""
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        quotes[quote.article].append(quote)
    framing = analysis.spans.get("framing", {})
    kept = (store.memory.get(ATTRIBUTION) if isinstance(store, WarmStore) else None) or {}
    profiles = {}  # article -> (its quotes, its profile): a warm round's linker keeps an article's quotes as they were
    for article in analysis.articles:
        said, before = quotes[article.id], kept.get(article.id)
        same = before is not None and len(before[0]) == len(said) and all(map(operator.is_, before[0], said))
        profiles[article.id] = (said, before[1] if same else attribution_profile(article.id, said))
    framed: dict[str, Framing] = {}  # article -> its framing, the very object of the last round while its terms are
    # the same
    made = (store.memory.get(FRAMED) if isinstance(store, WarmStore) else None) or {}
    for article in analysis.articles:
        terms, before = tuple(framing.get(article.id, ())), made.get(article.id)
        framed[article.id] = before if before is not None and before.terms == terms else Framing(article.id, terms)
    if isinstance(store, WarmStore):
        store.memory[ATTRIBUTION], store.memory[FRAMED] = profiles, framed
    return replace(analysis, framing=tuple(framed.values()),
                   attribution=tuple(profile for _, profile in profiles.values()))


ATTRIBUTION = "attribution"  # a warm store's attribution profiles of its last round: article -> (quotes, profile)
FRAMED = "framed"  # a warm store's framing of each article in its last round


def _duplicates(analysis: Analysis, store: Store, settings: Settings) -> list[Article]:
    """Near-duplicates; the LSH index of recent signatures is stored, so a later run queries its new articles only
    (an index made anew, for other settings, marks every article again: their rows are then published again)."""
    stored, read = joined_state(store, DUPLICATES, DUPLICATE_PIECES)
    kept = getattr(stored, "settings", None) == settings.duplicates
    index = stored if kept else DuplicateIndex(settings.duplicates)
    articles = index.mark(analysis.articles, analysis.spans.get("fingerprint"))
    if isinstance(store, WarmStore):
        store.keep_marked(a for a, before in zip(articles, analysis.articles, strict=True) if a is not before)
    changed = Changed(dict.fromkeys(DUPLICATE_PIECES.lists, index.first_changed),
                      keys={"seen": index.touched.seen, "originals": index.touched.originals})
    states = grown_states(store, DUPLICATES, index, DUPLICATE_PIECES, read if kept else {}, changed)
    # a new index marks every article again: none of their published rows can be kept as they are
    store.put_states(states if kept else {**states, UNPUBLISHED_ARTICLES: None})
    return articles


DUPLICATES = "duplicates"
DUPLICATE_PIECES = Pieces(("ids", "published", "signatures"), logs=("seen", "originals"))


def _events(articles: Sequence[Article], spans: Mapping[str, Mapping[str, Sequence[Any]]], store: Store,
            settings: Settings, on_closed: Callable[[str, list[str]], None] | None = None
            ) -> tuple[list[Event], list[Story]]:
    """Events and stories; the clustering states are stored, so a later run only places its new articles and the
    events they start, and makes again only the events they joined or that hold an article stored again with other
    content, and the stories of those events (the events made are kept with the code that made them). `on_closed`
    is told the events the new articles start as soon as no later one can join them (`cluster_events`)."""
    stored, read = joined_state(store, EVENTS, PIECES)
    kept = getattr(stored, "version", None) == STATE_VERSION
    clusterer = stored if kept else EventClusterer(model=background_model())
    threads, threads_read = joined_state(store, STORIES, STORY_PIECES) if kept else (None, {})
    if getattr(threads, "version", None) != STORIES_VERSION:  # none yet: a store of an older version keeps its
        # events and has them all made again and placed in stories anew
        threads, threads_read, kept = StoryClusterer(), {}, False
    remembered, built_read = joined_state(store, BUILT_EVENTS, BUILT_PIECES) if kept else (None, {})
    fresh = isinstance(remembered, BuiltEvents) and remembered.code == code_fingerprint()
    built = remembered.events if fresh else {}
    for article in store.get_state(UPDATED) or ():
        built.pop(clusterer.article_event.get(article, -1), None)
    events, stories = cluster_events(articles, spans.get("mentions"), spans.get("timexes"), clusterer,
                                     settings.events, settings.stories, built, threads, on_closed)
    touched, counted, placed = clusterer.touched, clusterer.model.touched, threads.touched
    changed = Changed(items={"events": touched.events}, keys={"index": touched.keys}, parts={"model": Changed(
        keys={"word_counts": counted.words, "doc_freq": counted.terms})})
    threads_changed = Changed(items={"stories": placed.stories, "cores": placed.cores}, keys={"index": placed.terms})
    store.put_states({**grown_states(store, EVENTS, clusterer, PIECES, read if kept else {}, changed),
                      **grown_states(store, BUILT_EVENTS, BuiltEvents(code_fingerprint(), built), BUILT_PIECES,
                                     built_read if fresh else {}),
                      **grown_states(store, STORIES, threads, STORY_PIECES, threads_read, threads_changed),
                      UPDATED: None})
    for state in (clusterer, clusterer.model, threads):
        state.written()
    return events, stories


EVENTS = "events"
PIECES = Pieces(("vectors", "headlines", "event_of", "article_ids", "events"), ("index",), ("article_event",),
                (("model", Pieces(logs=("word_counts", "doc_freq"))),), sizes=(("events", 50),))  # the clusterer
# kept in pieces: its lists of one item per article and its events (small pieces: a round adds to events of any
# age), its day/term index by day, its article -> event map and its term counts as logs of their changes; a run
# writes those of its new articles and of the events and days it changed (`store.growing`)


@dataclass
class BuiltEvents:
    """The events one code (its fingerprint) made: event number -> (its members then, the event made of them)."""

    code: str
    events: dict[int, tuple[int, Event]] = field(default_factory=dict)


BUILT_PIECES = Pieces(logs=("events",))
STORY_PIECES = Pieces(("stories", "cores", "story_of"), logs=("index", "built"), size=50)  # the story clusterer:
# small pieces, as a round changes stories and cores of any age


def _note_stored(store: Store, articles: set[str], updated: set[str]) -> None:
    """Remember, before storing them, the articles about to be stored until the next publish writes their rows,
    and those of them known before (read again with other content) until their events are made again (a run
    stopped in between leaves them noted for the next)."""
    notes: dict[str, Any] = {}
    if updated:
        notes[UPDATED] = frozenset(store.get_state(UPDATED) or ()) | updated
    unpublished = store.get_state(UNPUBLISHED_ARTICLES)
    if unpublished is not None:  # (the code of the last publish, the articles stored since, those stored again)
        notes[UNPUBLISHED_ARTICLES] = (unpublished[0], unpublished[1] | articles, _stored_again(unpublished) | updated)
    store.put_states(notes)


@dataclass(frozen=True, slots=True)
class _Comparing:
    """Comparisons begun before the entities are linked (`_start_comparing`): each event with its members and its
    content key, the comparisons kept in the store, and those made anew but for their entity part."""

    plans: list[tuple[Event, list[tuple[str, str, str | None, bool]], str]]
    kept: dict[str, Any]
    made: dict[str, EventComparison]
    made_with: str
    works: _Works  # the articles and spans do not change while the entities are linked


def _start_comparing(analysis: Analysis, store: Store, comparer: _EventComparer) -> _Comparing:
    """Per event, on the engine: claims and the outlets stating them, contradictions between outlets, a cited
    summary, figures over time (`compare_event`). They need the events and the articles' spans, not the entities,
    so they are made while the entities are linked (those the `comparer` was handed as they closed, while the
    others were clustered); the entity part follows (`_finish_comparing`).

    Each event's comparison is kept in the store with the keys of what it was made from (`content_key`,
    `entity_key`), so a later run compares again only the events whose articles, spans, entities, settings or code
    changed, and builds the work of those alone."""
    planned = (store.memory.get(PLANS) or {}) if isinstance(store, WarmStore) else {}
    works = comparer.works
    hashes, made_with = store.content_hashes(), f"{works.settings!r}{code_fingerprint()}"
    plans = []
    for event in analysis.events:
        members = [(a, hashes[a], works.by_id[a].duplicate_of, a in works.framed) for a in event.articles]
        before = planned.get(event.id)
        same = before is not None and before.members == members and before.made_with == made_with
        plans.append((event, members, before.content if same else content_key(event.id, members, made_with)))
    kept = store.get_states(COMPARISON)  # event -> (content key, entity key, comparison)
    redo = [event for event, _, content in plans if kept.get(COMPARISON + event.id, (None,))[0] != content]
    return _Comparing(plans, kept, comparer.compared(redo), made_with, works)


def _finish_comparing(analysis: Analysis, store: Store, engine: Engine, comparing: _Comparing) -> Analysis:
    """The comparisons begun by `_start_comparing` with their entity part (`compare_entities`, on the engine):
    for the events compared anew, and for those whose mentions were linked otherwise; the rest as kept. A claim's
    id is its event's and its number there (v12.c3), so an event compared again renumbers only its own claims."""
    linker = store.memory.get(LINKER) if isinstance(store, WarmStore) else None
    entity_mentions = linker.entity_mentions if linker else _entity_mentions_by_article(analysis.entities).get
    planned = (store.memory.get(PLANS) or {}) if isinstance(store, WarmStore) and linker else {}
    kept_plans: dict[str, _Plan] = {}
    compared = []  # (event, its comparison so far, its places if its entity part is made anew, content, entity key)
    for event, members, content in comparing.plans:
        before = planned.get(event.id)
        if linker is None or before is None or [m[0] for m in before.members] != list(event.articles) \
                or not linker.linked_again.isdisjoint(event.articles):
            places = _local_places(sorted((m for a in set(event.articles) for m in entity_mentions(a) or ()),
                                          key=_entity_order))
            entity = entity_key(places)
        else:
            places, entity = before.places, before.entity
        kept_plans[event.id] = _Plan(members, comparing.made_with, content, places, entity)
        stored = comparing.kept.get(COMPARISON + event.id, (None, None, None))
        found = comparing.made[event.id] if stored[0] != content else stored[2]
        compared.append((event, found, places if stored[:2] != (content, entity) else None, content, entity))
    if isinstance(store, WarmStore):
        store.memory[PLANS] = kept_plans if linker else None
    works = comparing.works
    sent = [(works.of(event.id, event.articles, places), found.claims) for event, found, places, _, _ in compared
            if places is not None and len(event.articles) > 1]  # one article's part is made here: it is all but free
    parts = iter(engine(_entity_part, sent))
    claims: list[Claim] = []
    contradictions: list[Contradiction] = []
    summaries: list[Summary] = []
    contrasts: list[Contrast] = []
    figures: list[FigureSeries] = []
    changed: dict[str, Any] = {name: None for name in comparing.kept.keys() - {COMPARISON + e.id
                                                                               for e in analysis.events}}
    for event, found, places, content, entity in compared:
        if places is not None:
            found = replace(found, **(next(parts) if len(event.articles) > 1 else
                                      compare_entities(works.of(event.id, event.articles, places), found.claims)))
            changed[COMPARISON + event.id] = (content, entity, found)
        claims += found.claims
        contradictions += found.contradictions + found.ordered
        summaries.append(found.summary)
        contrasts += found.contrasts
        figures += found.figures
    recompared = {name.removeprefix(COMPARISON) for name, value in changed.items() if value is not None}
    changed[UNPUBLISHED] = frozenset(store.get_state(UNPUBLISHED) or ()) | recompared  # with them, atomically
    store.put_states(changed)
    return replace(analysis, claims=tuple(claims), contradictions=tuple(contradictions), summaries=tuple(summaries),
                   contrasts=tuple(contrasts), figures=tuple(figures))


class _Works:
    """Builds what comparing an event needs (`EventWork`) from the analysis."""

    def __init__(self, analysis: Analysis, settings: Settings) -> None:
        self.by_id = {a.id: a for a in analysis.articles}
        self.mentions, self.timexes = analysis.spans.get("mentions", {}), analysis.spans.get("timexes", {})
        self.framed = {a for a, terms in analysis.spans.get("framing", {}).items() if terms}  # own-voice stance
        self.settings = settings

    def of(self, event: str, articles: Sequence[str], places: list[tuple[int, int, str, Mention]]) -> EventWork:
        """The work of `event` of `articles`, with its entity mentions placed within it (`places`; none but for
        the entity part)."""
        return EventWork(event, [self.by_id[a] for a in articles], {a: self.mentions.get(a, []) for a in articles},
                         {a: self.timexes.get(a, []) for a in articles}, places,
                         frozenset(self.framed.intersection(articles)), self.settings)


class _EventComparer:
    """Events compared on the engine, but for their entity part, in one stream (`streams.Stream`): the
    events a batch starts as they close (`hand_in`, while the rest are still clustered, so the workers the linking
    leaves start on them), then the others (`compared`)."""

    def __init__(self, engine: Engine, works: _Works) -> None:
        self.works = works
        self._stream: Stream[str, EventComparison] = Stream(engine, compare_event)
        self._handed: dict[str, list[str]] = {}

    def hand_in(self, event: str, articles: list[str]) -> None:
        self._handed[event] = articles
        self._stream.put(event, self.works.of(event, articles, []))

    def compared(self, events: Sequence[Event]) -> dict[str, EventComparison]:
        """The comparisons of `events`: of those handed in with the members they have now, as made then."""
        for event in events:
            if self._handed.get(event.id) != list(event.articles):  # a near-duplicate joined it since
                self._stream.put(event.id, self.works.of(event.id, event.articles, []))
        made = self._stream.results()
        return {event.id: made[event.id] for event in events}

    def __enter__(self) -> _EventComparer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


PLANS = "comparison plans"  # a warm store's `_Plan` of each event, from its last round


@dataclass(frozen=True, slots=True)
class _Plan:
    """What an event's comparison was keyed by last round, kept so that an event whose articles and links did
    not change is not keyed again."""

    members: list[tuple[str, str, str | None, bool]]
    made_with: str
    content: str
    places: list[tuple[int, int, str, Mention]]
    entity: str


def _entity_order(linked: tuple[int, str, Mention]) -> tuple[int, str, int]:
    """Entity mentions in the order of entities (their numbers), each entity's in its own order (by article and
    place)."""
    return linked[0], linked[2].article, linked[2].start


def content_key(event: str, members: list[tuple[str, str, str | None, bool]], made_with: str) -> str:
    """What an event's comparison but its entity part depends on: the event, each of its articles by id, stored
    content hash (the article and its spans are made from that content), original and whether it uses framing
    vocabulary, and the settings and code (`made_with`)."""
    return hashlib.sha256(f"{event}{members!r}{made_with}".encode()).hexdigest()


def entity_key(places: list[tuple[int, int, str, Mention]]) -> str:
    """What the entity part depends on besides: the entity of each mention (linking is corpus-wide, so a new
    article elsewhere can change it); a mention by its place, its article's content being in `content_key`."""
    material = [(number, place, entity, m.article, m.start, m.end) for number, place, entity, m in places]
    return hashlib.sha256(repr(material).encode()).hexdigest()


COMPARISON = "comparison:"  # the state name prefix of each event's comparison
UNPUBLISHED = "unpublished"  # the events compared since the last publish (absent: not known, all of them)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class EventWork:
    """What comparing one event needs (sent to a worker): its articles, their spans and their entity mentions."""

    event: str
    articles: list[Article]
    mentions: dict[str, list[Mention]]
    timexes: dict[str, list[Timex]]
    entity_mentions: list[tuple[int, int, str, Mention]]  # (entity number, place, entity, mention), in entity order
    framed: frozenset[str] = frozenset()  # its articles that use stance-marking vocabulary in their own voice
    settings: Settings = DEFAULTS


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class EventComparison:
    """One event compared; its claims numbered from c1 after its id (v12.c1). `ordered` and `contrasts` are its
    entity part."""

    claims: list[Claim]
    contradictions: list[Contradiction]
    summary: Summary
    figures: list[FigureSeries]
    ordered: list[Contradiction]
    contrasts: list[Contrast]


def compare_event(work: EventWork) -> EventComparison:
    """Claims, contradictions, the cited summary and the figures over time of one event (pure): all of its
    comparison but the entity part (`compare_entities`), which waits for the entities to be linked."""
    settings = work.settings
    claims = align_claims(work.event, work.articles, work.mentions, work.timexes, settings=settings.claims)
    quantities = stated_quantities(claims, work.articles, work.timexes, settings.contradictions.window, work.mentions)
    figures = figure_series(work.event, quantities, work.articles)
    contradictions = find_contradictions(work.event, claims, work.articles, work.timexes, settings.contradictions,
                                         quantities)
    summary = summarize_event(work.event, central_articles(work.articles, settings.claims.max_articles), claims,
                              framed=work.framed, figures=figures, settings=settings.summary,  # a huge event: its core
                              mentions=work.mentions, timexes=work.timexes)
    numbers = {c.id: f"{work.event}.{c.id}" for c in claims}
    return EventComparison([replace(c, id=numbers[c.id]) for c in claims],
                           _renumbered(contradictions, numbers), summary, figures, [], [])


def _renumbered(contradictions: list[Contradiction], numbers: Mapping[str, str]) -> list[Contradiction]:
    """The contradictions with their claims' ids in the event's numbering."""
    return [replace(c, claims=tuple(numbers[k] for k in c.claims)) for c in contradictions]


def _entity_part(work_and_claims: tuple[EventWork, list[Claim]]) -> dict[str, Any]:
    """`compare_entities` of an event and its claims as numbered (run on the engine)."""
    return compare_entities(*work_and_claims)


def compare_entities(work: EventWork, claims: list[Claim]) -> dict[str, Any]:
    """The entity part of an event's comparison: disagreements on who did what in which order, and the words one
    outlet puts next to an entity (pure)."""
    return {"ordered": order_contradictions(work.event, claims, work.articles,
                                            [(e, m) for _, _, e, m in work.entity_mentions]),
            "contrasts": [Contrast(work.event, term) for term in _contrasts(work.articles, work.entity_mentions)]}


EntityMentions = dict[str, list[tuple[int, str, Mention]]]  # article -> (entity number, entity, mention)


def _entity_mentions_by_article(entities: Sequence[Entity]) -> EntityMentions:
    """Every entity mention under its article, so an event looks up its own articles' mentions only."""
    index: EntityMentions = defaultdict(list)
    for entity in entities:
        rank = id_number(entity.id)  # the order of first mention, kept by an entity from one run to the next
        for mention in entity.mentions:
            index[mention.article].append((rank, entity.id, mention))
    return index


def _local_places(ordered: list[tuple[int, str, Mention]]) -> list[tuple[int, int, str, Mention]]:
    """An event's entity mentions placed within the event, not the corpus: the same order, and what the event's
    comparison depends on stays the same while other articles add mentions of its entities."""
    return [(number, place, entity, mention) for place, (number, entity, mention) in enumerate(ordered)]


def _contrasts(articles: list[Article], entity_mentions: list[tuple[int, int, str, Mention]]) -> list[ContrastTerm]:
    """The words one outlet puts next to an entity where the other outlets of the event name it otherwise."""
    outlets: dict[str, dict[str, str]] = defaultdict(dict)
    for article in articles:
        if not article.duplicate_of:
            outlets[article.source or article.id][article.id] = article.text
    if len(outlets) < 2:
        return []
    mentions: dict[str, list[Mention]] = {}  # entity -> its mentions in the event, entities and mentions in order
    for _, _, entity, mention in entity_mentions:
        mentions.setdefault(entity, []).append(mention)
    return contrast_terms(outlets, mentions)


CorpusStage = Callable[[Analysis, Store, Engine, Settings], Analysis]
CORPUS_STAGES: tuple[tuple[str, CorpusStage], ...] = (
    ("duplicates, events, entities, comparisons", _clusters_entities_comparisons),
    ("attribution", _attribution),
)


class StrictModeError(Exception):
    """Raised in strict mode at the first input problem."""

    def __init__(self, problem: Rejected) -> None:
        super().__init__(f"{problem.path}: {problem.reason}")
        self.problem = problem


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Processed:
    """One document through the per-article stages: its clean article, its content hash, and each stage's spans
    as the store keeps them (flat JSON records, made on the worker so the writing process only writes)."""

    article: Article
    digest: str
    records: dict[str, list[dict[str, Any]]]


def process_document(raw: RawDocument, settings: Settings = DEFAULTS,
                     templates: Mapping[str, Template] | None = None) -> Processed | Rejected:
    """The map step: clean one document (with its outlet's learnt template, if any) and run every per-article stage
    on it (pure; no store, no I/O)."""
    outlet = outlet_key(raw.source)
    article = clean(raw, settings.clean, templates.get(outlet) if templates and outlet else None)
    if isinstance(article, Rejected):
        return article
    spans: dict[str, list[Any]] = {}
    for stage in ARTICLE_STAGES:
        spans[stage.name] = stage.run(article, spans, settings)
    records = {name: [span_record(span) for span in found] for name, found in spans.items()}
    return Processed(article, content_hash(raw), records)


def span_record(span: Any) -> dict[str, Any]:
    """A span (a dataclass of plain fields) as a JSON record: `dataclasses.asdict` without its deep copies."""
    return {name: getattr(span, name) for name in field_names(type(span))}


def local_engine(function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
    """The map in this process, one item after another."""
    return map(function, items)


def analyze(paths: Iterable[str | Path], store: Store, *, engine: Engine = local_engine,
            settings: Settings = DEFAULTS, strict: bool = False,
            on_problem: Callable[[Rejected], None] | None = None,
            on_article: Callable[[], None] | None = None,
            on_stage: Callable[[str], None] | None = None) -> Analysis:
    """Run every stage over the files and folders in `paths` (see `analyze_documents`)."""
    return analyze_documents(read_inputs(paths), store, engine=engine, settings=settings, strict=strict,
                             on_problem=on_problem, on_article=on_article, on_stage=on_stage)


@dataclass(slots=True)
class _Reading:
    """What this run's inputs came to: problems, and how many articles were read and how many were already stored."""

    rejected: list[Rejected] = field(default_factory=list)
    from_inputs: int = 0
    reused: int = 0
    stored: int = 0
    updated: set[str] = field(default_factory=set)  # known articles read again with other content


def analyze_documents(inputs: Iterable[RawDocument | Rejected], store: Store | WarmStore, *,
                      engine: Engine = local_engine,
                      settings: Settings = DEFAULTS, strict: bool = False,
                      on_problem: Callable[[Rejected], None] | None = None,
                      on_article: Callable[[], None] | None = None,
                      on_stage: Callable[[str], None] | None = None) -> Analysis:
    """Run every stage over documents already read (files, a fetched feed), storing as it goes; problems are
    reported and skipped; `on_article` is called for each article read, `on_stage` with the name of each corpus
    stage as it starts.

    Articles are stored with all their spans in transactions of `settings.store.write_batch`, so a run killed at
    any point and started again redoes at most the articles of its last unfinished batch; documents already stored
    with the same content are skipped.
    """
    if isinstance(store, WarmStore):
        store.check()  # another process may have stored articles since this one's last run
    reading = _Reading()

    def problem(item: Rejected) -> None:
        if strict:
            raise StrictModeError(item)
        reading.rejected.append(item)
        if on_problem:
            on_problem(item)

    def pending() -> Iterator[RawDocument]:
        seen: set[str] = set()
        for item in inputs:
            if isinstance(item, Rejected):
                problem(item)
                continue
            raw = _unique_id(item, seen)
            stored = store.stored_hash(raw.id)
            if stored == content_hash(raw):
                reading.reused += 1
                reading.from_inputs += 1
                if on_article:
                    on_article()
                continue
            if stored is not None:
                reading.updated.add(raw.id)
            yield raw

    templates = store.get_state(TEMPLATES_STATE) or OutletTemplates()
    unread = pending()
    while documents := list(islice(unread, settings.clean.template_group)):
        templates.learn(documents, settings.clean)  # an outlet's furniture is learnt before its articles are cleaned
        work = partial(process_document, settings=settings, templates=templates.templates(documents, settings.clean))
        results = iter(engine(work, documents))
        while group := list(islice(results, settings.store.write_batch)):
            batch = [(done.article, done.digest, done.records) for done in group if isinstance(done, Processed)]
            if batch and not reading.stored:
                _new_revision(store)  # before the first write: a run killed after it still changed the corpus
            reading.stored += len(batch)
            ids = {article.id for article, _, _ in batch}
            _note_stored(store, ids, ids & reading.updated)
            store.put_processed(batch)
            for done in group:
                if isinstance(done, Rejected):
                    problem(done)
                    continue
                reading.from_inputs += 1
                if on_article:
                    on_article()
        store.put_state(TEMPLATES_STATE, templates)
    key = corpus_key(store, settings)
    published = store.get_state(PUBLISHED)
    if isinstance(published, Published) and published.key == key:
        return Analysis(rejected=tuple(reading.rejected), from_inputs=reading.from_inputs, reused=reading.reused,
                        corpus_key=key, unchanged=published)
    if on_stage:
        on_stage("loading the stored corpus")
    articles, spans = load_corpus(store, settings)
    analysis = Analysis(articles=tuple(articles), spans=spans, rejected=tuple(reading.rejected),
                        from_inputs=reading.from_inputs, reused=reading.reused, corpus_key=key)
    for name, run in CORPUS_STAGES:
        if on_stage:
            on_stage(name)
        analysis = run(analysis, store, engine, settings)
    return analysis


REVISION = "corpus_revision"
LATIN_NAMES = "latin_names"  # the Latin names resolved by the code of the last run (`LatinNames`)
BUILT_EVENTS = "built_events"  # `BuiltEvents`
UPDATED = "updated_articles"  # known articles stored again with other content since their events were made
PUBLISHED = "published"


UNPUBLISHED_ARTICLES = "unpublished_articles"  # (the code of the last publish, the articles stored since, those of
# them stored again with other content)


def _stored_again(unpublished: tuple[Any, ...]) -> frozenset[str]:
    """The articles stored again with other content since the last publish (a note of an older version, which did
    not tell them apart: all those stored)."""
    return frozenset(unpublished[2] if len(unpublished) > 2 else unpublished[1])
EVENT_SECTIONS = ("summaries", "figures", "contradictions", "framing_contrasts")  # made by an event's comparison
ARTICLE_SECTIONS = ("articles", "timexes", "framing")  # made from one article and its stored spans alone


def publish(store: Store, analysis: Analysis) -> None:
    """Store the analysis document for the app (`export.analysis.to_document`), and what it was made from so that
    an unchanged rerun is a no-op. The rows the store holds as they are (`_unchanged_rows`) are kept without being
    converted, written out and digested again. An entity's row is written without its mentions, which the store
    keeps apart (`store.rows.DETACHED`): only those that changed are written (`_mention_changes`)."""
    document, convert = document_items(analysis, store.memory.setdefault(STORY_ROWS, {}) if isinstance(
        store, WarmStore) else None)
    digested = store.memory.get(DIGESTS) if isinstance(store, WarmStore) else None
    linked = linked_rows(analysis, digested)
    before, read = joined_state(store, LINKED, LINKED_PIECES)
    before = before if isinstance(before, PublishedLinking) and before.code == code_fingerprint() else None
    unchanged = _unchanged_rows(store, analysis, linked, before)
    published = {entity.id: entity for entity, _ in (digested or {}).values()}
    mentions = _mention_changes(analysis.entities, unchanged.get("entities"), published)
    store.put_state(LINKED, None)  # until the rows are written: a publish stopped midway leaves nothing to trust
    store.put_analysis(document, unchanged, {**convert, "entities": _entity_row}, mentions)
    if isinstance(store, WarmStore):  # the linker keeps an unchanged entity as the same object from round to round;
        # kept once written: the next publish's mentions are told against what this one stored
        store.memory[DIGESTS] = {id(entity): (entity, linked[1][entity.id]) for entity in analysis.entities}
    store.put_states({PUBLISHED: Published(analysis.corpus_key, tuple(analysis.totals().items())),
                      UNPUBLISHED: frozenset(), UNPUBLISHED_ARTICLES: (code_fingerprint(), frozenset(), frozenset()),
                      **grown_states(store, LINKED, PublishedLinking(code_fingerprint(), *linked), LINKED_PIECES,
                                     read if before else {})})


def _entity_row(entity: Entity) -> dict[str, Any]:
    return entity.to_dict(mentions=False)


def _mention_changes(entities: Sequence[Entity], unchanged: Unchanged | None, published: Mapping[str, Entity]
                     ) -> MentionChanges:
    """The mention rows a publish writes: none for an entity whose row is `unchanged` or that is the very object
    `published` last by this process (a warm store's, by id); for another version of one published, the mentions
    it gained and lost (by identity: the stored articles' spans are kept as they were); else all of them, which
    the store compares with those it holds."""
    changes = MentionChanges()
    for entity in entities:
        before = published.get(entity.id)
        if before is entity or (unchanged and unchanged(entity)):
            continue
        if before is None:
            changes.whole[entity.id] = [_mention_row(entity.id, m) for m in entity.mentions]
            continue
        had, has = set(map(id, before.mentions)), set(map(id, entity.mentions))
        changes.added.extend(_mention_row(entity.id, m) for m in entity.mentions if id(m) not in had)
        changes.removed.extend(_mention_row(entity.id, m) for m in before.mentions if id(m) not in has)
    return changes


def _mention_row(entity: str, mention: Mention) -> MentionRow:
    return mention.article, mention.start, mention.end, entity, mention.text


LINKED = "published_linking"  # `PublishedLinking`


@dataclass
class PublishedLinking:
    """What the rows that depend on linking were made of at the last publish (`linked_rows`), and its code."""

    code: str
    speakers: dict[str, tuple[str | None, ...]] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)


LINKED_PIECES = Pieces(logs=("speakers", "entities"))
STORY_ROWS = "story rows"  # a warm store's story rows of its last publish (`export.analysis.document_items`)
DIGESTS = "entity digests"  # a warm store's entities of its last publish: id(entity) -> (entity, its digest)


Linked = tuple[dict[str, tuple[str | None, ...]], dict[str, str]]  # (each article's quote speakers, entity digests)


def _unchanged_rows(store: Store, analysis: Analysis, linked: Linked, before: PublishedLinking | None
                    ) -> dict[str, Unchanged]:
    """Which items, by section, were published before as they are now (`store.rows`): the claims, summaries,
    figures and contrasts of the events not compared since the last publish; the rows of each article not stored
    since, and its quotes and attribution where its speakers are those published (`before`, by the same code); the
    entities made of the same mentions and names, none in an article stored again since (mentions in the same places
    name no article stored for the first time); when the same code published them. Asked only of the items that
    are not the very objects published last (`store.rows.Published`)."""
    kept: dict[str, Unchanged] = {}
    pending = store.get_state(UNPUBLISHED)
    if pending is not None:
        kept["claims"] = _owner_outside("claims", pending, "event")
        kept.update((section, _owner_outside(section, pending)) for section in EVENT_SECTIONS)
    stored = store.get_state(UNPUBLISHED_ARTICLES)
    if stored is None or stored[0] != code_fingerprint():
        return kept
    new, again = stored[1], _stored_again(stored)
    kept.update((section, _owner_outside(section, new)) for section in ARTICLE_SECTIONS)
    if before is not None:
        speakers, entities = linked
        for section in LINKED_SECTIONS:
            kept[section] = partial(_spoken_as_before, operator.attrgetter(owner_field(section)), new, speakers,
                                    before.speakers)
        kept["entities"] = partial(_linked_as_before, entities, before.entities, again)
    return kept


def _owner_outside(section: str, owners: Collection[str], field_name: str | None = None) -> Unchanged:
    """An item is unchanged when its owner (`field_name`, else its section's `store.rows.owner_field`) is not one
    of `owners`."""
    owner = operator.attrgetter(field_name or owner_field(section))
    return lambda item: owner(item) not in owners


def _spoken_as_before(owner: Callable[[Any], str], new: Collection[str], speakers: Mapping[str, Any],
                      published: Mapping[str, Any], item: Any) -> bool:
    """A quote's or attribution's rows are unchanged when its article is not new and its quotes' speakers are
    those published."""
    article = owner(item)
    return article not in new and speakers.get(article) == published.get(article)


def _linked_as_before(digests: Mapping[str, str], published: Mapping[str, str], again: Collection[str],
                      entity: Entity) -> bool:
    """An entity's row is unchanged when its digest is the one published and it is named in no article stored
    again."""
    digest = digests[entity.id]
    return digest != UNDIGESTED and digest == published.get(entity.id) and (
        not again or again.isdisjoint(m.article for m in entity.mentions))


LINKED_SECTIONS = ("quotes", "attribution")  # made from one article's spans and the speakers linking gave them


def linked_rows(analysis: Analysis, digested: Mapping[int, tuple[Entity, str]] | None = None) -> Linked:
    """What the rows that depend on linking are made of, besides the articles' content: each article's quote
    speakers, and each entity's type, names and mentions by place (a digest). `digested`: the entities this
    process published last, by identity, with their digests; an entity not among them is one the linker changed
    and is written again whatever its digest, which is left unknown (`UNDIGESTED`: digesting every mention of a
    large entity each round it is named costs more than its row)."""
    speakers: dict[str, list[str | None]] = defaultdict(list)
    for quote in analysis.quotes:
        speakers[quote.article].append(quote.speaker)
    if digested is None:
        made = {entity.id: _entity_digest(entity) for entity in analysis.entities}
    else:
        made = {entity.id: known[1] if (known := digested.get(id(entity))) and known[0] is entity else UNDIGESTED
                for entity in analysis.entities}
    return {article: tuple(found) for article, found in speakers.items()}, made


UNDIGESTED = ""  # an entity's digest left unknown: its row is never taken as unchanged


def _entity_digest(entity: Entity) -> str:
    return hashlib.blake2b(repr((entity.type, entity.name, entity.name_latin, entity.aliases,
                                 [(m.article, m.start, m.end) for m in entity.mentions])).encode(),
                           digest_size=16).hexdigest()


def _new_revision(store: Store) -> None:
    store.put_state(REVISION, (store.get_state(REVISION) or 0) + 1)


def corpus_key(store: Store, settings: Settings) -> str:
    """What an analysis of the stored corpus depends on: the store's revision (a new one whenever a run stores an
    article), the settings and the installed code and models. The same key means the same analysis."""
    material = f"{store.get_state(REVISION) or 0}\n{settings!r}\n{code_fingerprint()}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def load_corpus(store: Store | WarmStore,
                settings: Settings = DEFAULTS) -> tuple[list[Article], dict[str, dict[str, list[Any]]]]:
    """The corpus is the store: every stored article, in the order first stored, with its spans by stage and
    article (a stage added since an article was stored is run on it now). A warm store reads only the articles
    stored since its last run. What is read stays for the run: it is read out of the cycle collector's way
    (`collector.loaded_for_good`)."""
    with loaded_for_good():
        if isinstance(store, WarmStore):
            return store.corpus(partial(_read_corpus, store.inner, settings))
        return _read_corpus(store, settings, None)


def _read_corpus(store: Store, settings: Settings,
                 ids: Collection[str] | None) -> tuple[list[Article], dict[str, dict[str, list[Any]]]]:
    """The stored articles (or those of `ids`) and their spans (`load_corpus`)."""
    articles = list(store.articles(ids))
    spans: dict[str, dict[str, list[Any]]] = {stage.name: {} for stage in ARTICLE_STAGES}
    for stage in ARTICLE_STAGES:
        stored = store.annotations(stage.name, ids)
        by_article = spans[stage.name]
        for article in articles:
            if article.id in stored:
                by_article[article.id] = [stage.span_type(**span) for span in stored[article.id]]
            else:
                earlier = {name: found[article.id] for name, found in spans.items() if article.id in found}
                by_article[article.id] = stage.run(article, earlier, settings)
                store.put_annotation(article.id, stage.name, [span_record(s) for s in by_article[article.id]])
    return articles, spans


def _unique_id(raw: RawDocument, seen: set[str]) -> RawDocument:
    """Two inputs with one id (two files with the same stem) get a numeric suffix instead of overwriting."""
    article_id, n = raw.id, 1
    while article_id in seen:
        n += 1
        article_id = f"{raw.id}~{n}"
    seen.add(article_id)
    return raw if article_id == raw.id else replace(raw, id=article_id)
