"""The indexed document behind the pages: claim rows of an event without repeats."""
from marsad.export.views import DocumentView


def test_an_event_shows_a_claim_worded_alike_by_two_articles_of_one_outlet_once() -> None:
    articles = [{"id": f"a{n}", "source": source, "published": "2024-01-02", "text": "نص."}
                for n, source in enumerate(("Wire", "Wire", "Paper"))]
    claims = [{"id": "c1", "event": "v1", "text": "ارتفع عدد القتلى إلى عشرة.", "support": [{"article": "a0"}]},
              {"id": "c2", "event": "v1", "text": "ارتفع عدد القتلى الى عشرة", "support": [{"article": "a1"}]},
              {"id": "c3", "event": "v1", "text": "ارتفع عدد القتلى إلى عشرة.", "support": [{"article": "a2"}]}]
    view = DocumentView({"articles": articles, "claims": claims,
                         "events": [{"id": "v1", "title": "حدث", "articles": ["a0", "a1", "a2"]}]})
    rows = view.event_view("v1").matrix
    assert [(r.claim["id"], r.cells) for r in rows] == [("c1", ("silent", "stated")), ("c3", ("stated", "silent"))]
