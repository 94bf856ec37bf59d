"""Stories: events linked over months or years by shared core entities and topic terms, ignoring time.

A second single pass, over event cores (the heaviest terms of each event centroid) in creation order: each
event joins the story whose centroid is closest above the threshold (`settings.StorySettings`), among the stories
its heaviest terms point at, or starts a new story.

The pass streams (`StoryClusterer`, kept by a store between runs): a later run places only the events it started,
after those placed before; an event that grew keeps its story, whose centroid takes the event's new core. One run
over a corpus and several runs over its parts differ only where an event grew after it was placed (a full pass
would place it by its final core) and where the terms' shares moved in between, as events differ only where the
articles came in other batches.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from operator import neg
from typing import ClassVar

from marsad.cluster.terms import Centroid, Vector, dot, normalized, top_terms
from marsad.cluster.touched import Touching
from marsad.settings import DEFAULTS, StorySettings
from marsad.types import Event, Story

CORE_TERMS = 15  # an event's core: its heaviest terms (names, places, topic), the rest is this day's detail ...
MAX_CORE_TERMS = 2 * CORE_TERMS  # ... and one more for every further article, up to this: a widely reported
# event's articles name more of its thread (the families, the places, the officials) than one report does
QUERY_TERMS = 15
INDEX_TERMS = 30
MAX_CANDIDATES = 30
CORE_EVENTS = 10  # a story's first events: its thread, which every later event must come close to


STATE_NAME = "stories"
STATE_VERSION = 1  # raised when the stored state changes shape: an older state is made afresh


@dataclass
class StoryCluster:
    members: list[int] = field(default_factory=list)
    centroid: Centroid = field(default_factory=Centroid)


Share = Callable[[str], float]


@dataclass
class Touched:
    """What updates changed in place (a store keeps the clusterer in pieces and writes those: `store.growing`):
    the stories that took an event or a new core, the events whose core changed, the index terms that gained a
    story."""

    stories: set[int] = field(default_factory=set)
    cores: set[int] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)


@dataclass
class StoryClusterer(Touching):
    """The streaming state of the story pass: the stories so far, the term index that finds candidates, each
    event's core and story (by event number, events numbered in creation order), and each story as last made."""

    stories: list[StoryCluster] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    cores: list[Vector] = field(default_factory=list)
    story_of: list[int] = field(default_factory=list)
    built: dict[int, Story] = field(default_factory=dict)  # story number -> the story, until one of its events changes
    version: int = STATE_VERSION
    TOUCHED: ClassVar[type] = Touched

    def update(self, centroids: Mapping[int, Vector], share: Share, settings: StorySettings = DEFAULTS.stories,
               sizes: Mapping[int, int] | None = None) -> None:
        """Take the centroids of the events started or changed since the last update (event number -> centroid):
        a new event (numbered after those placed) joins the closest story or starts one; one placed before keeps
        its story, which takes its new core in place of the old. `share` tells how common a term is in the news:
        a term in more than `settings.max_share` of articles (a country, a capital, a head of state) never links
        two events on its own, so it is left out of the cores. `sizes` gives the events' article counts (one
        when left out): a larger event has a wider core (`core_size`)."""
        touched = self.touched
        for number in sorted(centroids):
            core = thread_core(centroids[number], share, settings.max_share, core_size((sizes or {}).get(number, 1)))
            if number < len(self.cores):
                story = self.story_of[number]
                self.stories[story].centroid.swap(self.cores[number], core)
                self.cores[number] = core
                touched.cores.add(number)
            else:
                story, overlap = best_story(core, self.stories, self.index, self.cores, settings)
                if story < 0:
                    story = len(self.stories)
                    self.stories.append(StoryCluster())
                self.stories[story].members.append(number)
                self.stories[story].centroid.add(core, overlap)
                self.story_of.append(story)
                self.cores.append(core)
            for term in top_terms(core, INDEX_TERMS):
                if not self.index[term] or self.index[term][-1] != story:
                    self.index[term].append(story)
                    touched.terms.add(term)
            self.built.pop(story, None)
            touched.stories.add(story)

    def story_id(self, event: int) -> str:
        """The id of the story an event (by number) was placed in."""
        return f"s{self.story_of[event] + 1}"

    def made(self, events: Sequence[Event]) -> list[Story]:
        """Every story (s1, s2, ... in creation order), made again only where one of its `events` changed."""
        for number, story in enumerate(self.stories):
            if number not in self.built:
                self.built[number] = build_story(number, story, events, self.cores)
        return [self.built[number] for number in range(len(self.stories))]


def cluster_stories(events: Sequence[Event], centroids: Sequence[Vector], share: Share,
                    settings: StorySettings = DEFAULTS.stories) -> tuple[list[Event], list[Story]]:
    """The events (all new, in creation order) with their `story` set, and the stories (s1, s2, ... in creation
    order): one pass of a fresh `StoryClusterer`."""
    threads = StoryClusterer()
    threads.update(dict(enumerate(centroids)), share, settings)
    linked = [replace(event, story=threads.story_id(n)) for n, event in enumerate(events)]
    return linked, threads.made(linked)


def core_size(articles: int) -> int:
    """How many terms make the core of an event of so many articles."""
    return min(CORE_TERMS + articles - 1, MAX_CORE_TERMS)


def thread_core(centroid: Vector, share: Callable[[str], float], max_share: float, size: int = CORE_TERMS) -> Vector:
    """The event's core for linking: its `size` heaviest terms that are specific enough to carry a thread."""
    def specific(count: int) -> list[str]:
        return [term for term in top_terms(centroid, count) if share(term) <= max_share]

    core = specific(4 * size)  # enough as a rule; all the terms when too few of these are specific
    if len(core) < size < len(centroid):
        core = specific(len(centroid))
    return normalized({term: centroid[term] for term in core[:size]})


def best_story(vec: Vector, stories: Sequence[StoryCluster], index: dict[str, list[int]], cores: Sequence[Vector],
               settings: StorySettings) -> tuple[int, float]:
    """(story number, dot product with its summed vector) of the closest story above the threshold whose first
    events include one close to this one (so a story cannot drift from its thread), else (-1, 0)."""
    shared = Counter(chain.from_iterable(map(set, map(index.get, top_terms(vec, QUERY_TERMS), repeat(())))))
    candidates = sorted(zip(map(neg, shared.values()), shared, strict=True))[:MAX_CANDIDATES]
    best, best_score, best_raw = -1, settings.threshold, 0.0
    for _, number in candidates:
        score, raw = stories[number].centroid.cosine(vec)
        if score > best_score or (score == best_score and best < 0):
            founders = stories[number].members[:CORE_EVENTS]
            if max(dot(vec, cores[m]) for m in founders) >= settings.core_threshold:
                best, best_score, best_raw = number, score, raw
    return best, best_raw


def build_story(number: int, story: StoryCluster, events: Sequence[Event], centroids: Sequence[Vector]) -> Story:
    """A story titled after its most central event, listing its events in time order."""
    central = max(story.members, key=lambda i: (dot(centroids[i], story.centroid.total), -i))
    in_time = sorted(story.members, key=lambda i: (events[i].date or "", i))
    return Story(id=f"s{number + 1}", title=events[central].title, events=tuple(events[i].id for i in in_time))
