"""Long listings stay usable: the home page ranks stories by current coverage a page at a time, with filters;
entities page and search by name; every listing has a JSON twin with limit/offset and its total."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.synthetic import many_stories

from marsad.store import SQLiteStore
from marsad.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path: Path = tmp_path_factory.mktemp("listings") / "marsad.db"
    with SQLiteStore(path) as store:
        store.put_analysis(many_stories(45))
    return TestClient(create_app(path))


def test_stories_rank_by_outlets_and_recency_a_page_at_a_time(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 3})
    assert first.headers["X-Total-Count"] == "45"
    # 3 outlets two days ago (1.5) over 2 yesterday (1.41) over 1 today (1.0); s5 has 3 outlets, 5 days old (0.53)
    assert [s["id"] for s in first.json()] == ["s2", "s1", "s0"]
    second = client.get("/api/stories", params={"limit": 3, "offset": 3}).json()
    assert not {s["id"] for s in second} & {"s2", "s1", "s0"}


def test_the_home_page_shows_twenty_stories_and_links_the_next_page(client: TestClient) -> None:
    home = client.get("/").text
    assert home.count('class="card story-card"') == 20 and 'rel="next" href="/?page=2"' in home
    assert home.index("نظرة عامة") < home.index("story-card")  # the overview comes first
    last = client.get("/", params={"page": 3}).text
    assert last.count('class="card story-card"') == 5 and 'rel="next"' not in last and 'rel="prev"' in last


def test_the_home_page_filters_by_outlet_date_and_entity(client: TestClient) -> None:
    assert client.get("/api/stories", params={"outlet": "Site C"}).headers["X-Total-Count"] == "15"
    dated = client.get("/api/stories", params={"from": "2024-05-29", "to": "2024-05-31"}).json()
    assert sorted(s["id"] for s in dated) == ["s0", "s1", "s2"]
    assert [s["id"] for s in client.get("/api/stories", params={"entity": "e7"}).json()] == ["s7"]
    assert client.get("/", params={"outlet": "Site C"}).text.count('class="card story-card"') == 15


def test_entities_page_search_and_sort(client: TestClient) -> None:
    page = client.get("/entities").text
    assert "45 كيانا" in page and page.count("<tr><td><a") == 45
    found = client.get("/entities", params={"q": "person 4"}).text  # the Latin name, any case
    assert found.count("<tr><td><a") == 6  # Person 4 and Person 40 to 44
    listed = client.get("/api/entities", params={"q": "شخص", "limit": 10})
    assert listed.headers["X-Total-Count"] == "45" and len(listed.json()) == 10
    assert client.get("/entities", params={"sort": "alphabet"}).status_code == 422


def test_events_listing_latest_first(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 2}).json()
    assert [e["id"] for e in events] == ["v0", "v1"] and events[0]["articles"] == 1


def test_a_long_story_shows_its_events_in_full_ten_at_a_time(tmp_path: Path) -> None:
    from tests.synthetic import many_stories

    document = many_stories(25)
    events = [e["id"] for e in document["events"]]
    document["stories"] = [{"id": "s0", "title": "قصة طويلة", "events": events}]
    for event in document["events"]:
        event["story"] = "s0"
    with SQLiteStore(tmp_path / "story.db") as store:
        store.put_analysis(document)
    client = TestClient(create_app(tmp_path / "story.db"))
    first, last = client.get("/stories/s0").text, client.get("/stories/s0", params={"page": 3}).text
    assert first.count('class="card event"') == 10 and 'href="/stories/s0?page=2"' in first
    assert last.count('class="card event"') == 5 and 'rel="next"' not in last


def test_outlet_pages_show_what_each_covered_and_missed(client: TestClient) -> None:
    listing = client.get("/outlets").text
    assert all(f"/outlets/{name.replace(' ', '%20')}" in listing for name in ("Wire A", "Paper B", "Site C"))
    page = client.get("/outlets/Site C").text
    covered = page[page.index('id="covered"'):page.index('id="missed"')]
    missed = page[page.index('id="missed"'):page.index('id="sourcing"')]
    assert covered.count("<li>") == 15 and missed.count("<li>") == 15  # k % 3 == 2 covered; k % 3 == 1 missed
    assert ">قصة 2<" in covered and ">قصة 1<" in missed
    assert "لم يفته" in client.get("/outlets/Wire A").text  # every story has Wire A
    assert client.get("/outlets/Nobody").status_code == 404


def test_the_home_page_charts_the_widest_stories_day_by_day(client: TestClient) -> None:
    home = client.get("/").text
    chart = home[home.index("القصص الأوسع تغطية يوما بيوم"):]
    chart = chart[:chart.index("</svg>")]
    assert chart.count("<circle") == 8 and "قصة 2 · 2024-05-29: 3" in chart  # eight stories, one day each


def test_a_large_event_folds_its_articles_beyond_twenty(tmp_path: Path) -> None:
    from tests.synthetic import many_stories

    document = many_stories(30)
    document["events"] = [{"id": "v0", "story": "s0", "title": "حدث كبير", "date": "2024-05-31",
                           "articles": [a["id"] for a in document["articles"]]}]
    document["stories"] = [{"id": "s0", "title": "قصة", "events": ["v0"]}]
    with SQLiteStore(tmp_path / "event.db") as store:
        store.put_analysis(document)
    page = TestClient(create_app(tmp_path / "event.db")).get("/events/v0").text
    folded, beyond = page[page.index("مقالات أخرى"):], len(document["articles"]) - 20
    assert f"مقالات أخرى ({beyond})" in page and folded.count("<li>") == beyond


def test_the_home_page_charts_which_outlets_cover_the_widest_stories(client: TestClient) -> None:
    home = client.get("/").text
    chart = home[home.index("<title>من يغطي القصص الأوسع</title>"):]
    chart = chart[:chart.index("</svg>")]
    assert "قصة 2 · Site C: 1" in chart and "قصة 0 · Paper B" not in chart  # story 0 has Wire A alone


def test_an_entity_page_charts_its_mentions_over_time(client: TestClient) -> None:
    page = client.get("/entities/e4").text
    assert "ذكره عبر الزمن" in page and "Wire A · 2024-05-27: 1" in page  # e4 is named in story 4's first article
