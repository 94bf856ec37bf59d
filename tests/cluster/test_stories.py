"""Stories link events by a thread they share, never by a country or a capital alone; the pass streams."""
import math

import pytest

from marsad.cluster import stories as story_pass
from marsad.cluster.stories import StoryClusterer, cluster_stories, thread_core
from marsad.settings import StorySettings
from marsad.types import Event

COMMON = {"@المغرب": 0.02, "مغرب": 0.02, "ملك": 0.05}  # shares of articles holding the term; the rest are rare


def _share(term: str) -> float:
    return COMMON.get(term, 0.001)


def _events(n: int) -> list[Event]:
    return [Event(id=f"v{i + 1}", story=None, title=f"e{i}", date=None, articles=(f"a{i}",)) for i in range(n)]


def test_events_sharing_only_a_common_country_and_title_are_separate_stories() -> None:
    quake = {"@المغرب": 0.6, "ملك": 0.3, "زلزال": 0.6, "انقاذ": 0.4}
    match = {"@المغرب": 0.6, "ملك": 0.3, "منتخب": 0.6, "مونديال": 0.4}
    _, separate = cluster_stories(_events(2), [quake, match], _share, StorySettings(threshold=0.1, max_share=0.015))
    _, joined = cluster_stories(_events(2), [quake, match], _share, StorySettings(threshold=0.1, max_share=1.0))
    assert len(separate) == 2 and len(joined) == 1


def test_events_sharing_the_incident_itself_are_one_story() -> None:
    quake = {"@المغرب": 0.6, "زلزال": 0.6, "الحوز": 0.5}
    rebuilding = {"@المغرب": 0.5, "زلزال": 0.5, "الحوز": 0.4, "اعمار": 0.6}
    events, stories = cluster_stories(_events(2), [quake, rebuilding], _share, StorySettings(max_share=0.015))
    assert len(stories) == 1 and events[0].story == events[1].story == stories[0].id


def test_a_later_update_places_its_new_events_and_an_event_that_grew_keeps_its_story(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    quake = {"@المغرب": 0.6, "زلزال": 0.6, "الحوز": 0.5}
    match = {"@المغرب": 0.6, "منتخب": 0.6, "مونديال": 0.4}
    threads = StoryClusterer()
    threads.update({0: quake, 1: match}, _share)
    first = threads.made(_events(2))
    made: list[int] = []
    build = story_pass.build_story
    monkeypatch.setattr(story_pass, "build_story", lambda number, *rest: made.append(number) or build(number, *rest))
    # the match report grew into a story about the quake's rescue teams; a rebuilding event arrives
    grown_match = {"@المغرب": 0.5, "منتخب": 0.5, "زلزال": 0.5, "انقاذ": 0.5}
    rebuilding = {"@المغرب": 0.5, "زلزال": 0.5, "الحوز": 0.4, "اعمار": 0.6}
    threads.update({1: grown_match, 2: rebuilding}, _share)
    stories = threads.made(_events(3))
    assert [threads.story_id(n) for n in range(3)] == ["s1", "s2", "s1"]  # placed once, kept
    assert sorted(made) == [0, 1] and stories[1] is not first[1]  # only the stories of the events updated
    assert stories[0].events == ("v1", "v3")
    # the match's story now sums its new core, as if it had been placed with it
    core = thread_core(grown_match, _share, 0.015)
    assert threads.stories[1].centroid.total == pytest.approx(core)
    assert threads.stories[1].centroid.norm2 == pytest.approx(1.0)
    assert math.isclose(sum(w * w for w in threads.cores[1].values()), 1.0)


def test_one_update_of_every_event_is_the_one_pass() -> None:
    centroids = [{"@المغرب": 0.6, "زلزال": 0.6, "الحوز": 0.5}, {"@المغرب": 0.6, "منتخب": 0.6, "مونديال": 0.4},
                 {"@المغرب": 0.5, "زلزال": 0.5, "الحوز": 0.4, "اعمار": 0.6}]
    events, stories = cluster_stories(_events(3), centroids, _share)
    threads = StoryClusterer()
    threads.update({0: centroids[0]}, _share)
    threads.update({1: centroids[1], 2: centroids[2]}, _share)
    assert threads.made(events) == stories and [e.story for e in events] == ["s1", "s2", "s1"]


def test_a_widely_reported_event_links_a_follow_up_by_a_name_its_heaviest_terms_leave_out() -> None:
    # the crash: many specific terms, the family's name the lightest of them; a feature on the family next day
    crash = {f"t{i}": 1.0 - i / 40 for i in range(16)} | {"@عائلة": 0.5}
    feature = {"@عائلة": 0.8, "ايتام": 0.6}
    one_report = StoryClusterer()
    one_report.update({0: crash, 1: feature}, _share, sizes={0: 1, 1: 1})
    widely = StoryClusterer()
    widely.update({0: crash, 1: feature}, _share, sizes={0: 12, 1: 1})
    assert len(widely.cores[0]) == 17 > len(one_report.cores[0]) == 15
    assert widely.story_of == [0, 0] and one_report.story_of == [0, 1]
