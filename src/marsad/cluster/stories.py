"""Stories: events linked over months or years by shared core entities and topic terms, ignoring time.

A second single pass, over event cores (the heaviest terms of each event centroid) in creation order: each
event joins the story whose centroid is closest above the threshold (`settings.StorySettings`), among the stories
its heaviest terms point at, or starts a new story.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from operator import neg

from marsad.cluster.terms import Centroid, Vector, dot, normalized, top_terms
from marsad.settings import DEFAULTS, StorySettings
from marsad.types import Event, Story

CORE_TERMS = 15  # an event's core: its heaviest terms (names, places, topic), the rest is this day's detail
QUERY_TERMS = 15
INDEX_TERMS = 30
MAX_CANDIDATES = 30
CORE_EVENTS = 10  # a story's first events: its thread, which every later event must come close to


@dataclass
class StoryCluster:
    members: list[int] = field(default_factory=list)
    centroid: Centroid = field(default_factory=Centroid)


def cluster_stories(events: Sequence[Event], centroids: Sequence[Vector], share: Callable[[str], float],
                    settings: StorySettings = DEFAULTS.stories) -> tuple[list[Event], list[Story]]:
    """The events with their `story` set, and the stories (s1, s2, ... in creation order). `share` tells how
    common a term is in the news: a term in more than `settings.max_share` of articles (a country, a capital, a
    head of state) never links two events on its own, so it is left out of the cores."""
    stories: list[StoryCluster] = []
    index: dict[str, list[int]] = defaultdict(list)
    story_of: list[int] = []
    cores = [thread_core(vec, share, settings.max_share) for vec in centroids]
    for vec in cores:
        best, overlap = best_story(vec, stories, index, cores, settings)
        if best < 0:
            best = len(stories)
            stories.append(StoryCluster())
        stories[best].members.append(len(story_of))
        stories[best].centroid.add(vec, overlap)
        story_of.append(best)
        for term in top_terms(vec, INDEX_TERMS):
            if not index[term] or index[term][-1] != best:
                index[term].append(best)
    linked = [replace(event, story=f"s{story_of[i] + 1}") for i, event in enumerate(events)]
    return linked, [build_story(n, story, linked, cores) for n, story in enumerate(stories)]


def thread_core(centroid: Vector, share: Callable[[str], float], max_share: float) -> Vector:
    """The event's core for linking: its heaviest terms that are specific enough to carry a thread."""
    def specific(count: int) -> list[str]:
        return [term for term in top_terms(centroid, count) if share(term) <= max_share]

    core = specific(4 * CORE_TERMS)  # enough as a rule; all the terms when too few of these are specific
    if len(core) < CORE_TERMS < len(centroid):
        core = specific(len(centroid))
    return normalized({term: centroid[term] for term in core[:CORE_TERMS]})


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
