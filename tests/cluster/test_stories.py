"""Stories link events by a thread they share, never by a country or a capital alone."""
from marsad.cluster.stories import cluster_stories
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
