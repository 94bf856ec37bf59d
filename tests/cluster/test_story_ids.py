"""Story ids stay the same from one run to the next, whatever the story pass does to the order of stories."""
from __future__ import annotations

from marsad.cluster.story_ids import StoryIds
from marsad.types import Event, Story


def run(ids: StoryIds, *stories: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """One run's stories (each its events, numbered s1, s2 ... as the story pass numbers them) through `ids`: the
    story ids, and each event's story id, in event order."""
    found = [Story(f"s{n}", f"story {n}", events) for n, events in enumerate(stories, 1)]
    events = [Event(event, f"s{n}", event, None, (event,)) for n, events in enumerate(stories, 1) for event in events]
    events, found = ids.assign(events, found)
    return [s.id for s in found], [e.story or "" for e in sorted(events, key=lambda e: int(e.id[1:]))]


def test_a_fresh_store_numbers_stories_in_their_order() -> None:
    assert run(StoryIds(), ("v1", "v3"), ("v2",)) == (["s1", "s2"], ["s1", "s2", "s1"])


def test_a_story_started_early_does_not_renumber_the_later_ones() -> None:
    ids = StoryIds()
    run(ids, ("v1", "v2"), ("v3", "v5"), ("v4",))
    # an event's core changed: v2 now starts a story of its own before the others, and a new event v6 joins s2
    story_ids, of_event = run(ids, ("v1",), ("v2",), ("v3", "v5", "v6"), ("v4",))
    assert story_ids == ["s1", "s4", "s2", "s3"]
    assert of_event == ["s1", "s4", "s2", "s3", "s2", "s2"]


def test_a_merge_keeps_the_id_of_the_story_it_shares_most_events_with() -> None:
    ids = StoryIds()
    run(ids, ("v1",), ("v2", "v3", "v4"))
    assert run(ids, ("v1", "v2", "v3", "v4"))[0] == ["s2"]
    assert run(ids, ("v1",), ("v2", "v3", "v4"))[0] == ["s3", "s2"]  # split again: a new number, never an old one
