"""The HTML report: structure, escaping of hostile articles, highlights at the right offsets, plots."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from marsad.export.highlight import Mark, paragraphs, pieces
from marsad.export.report import arabic_count, render_report
from marsad.export.views import DocumentView, anchor

DATA = Path(__file__).resolve().parents[1] / "data" / "hostile_analysis.json"


@pytest.fixture(scope="module")
def doc() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(doc: dict) -> str:
    return render_report(doc)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <mark>, by class."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.marks: list[tuple[str, str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "mark":
            self._open.append(str(attributes.get("class", "")))
            self.marks.append((self._open[-1], ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            classes, text = self.marks[-1]
            self.marks[-1] = (classes, text + data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_page_is_arabic_right_to_left_and_self_contained(page: str) -> None:
    assert '<html lang="ar" dir="rtl">' in page
    tags = parse(page).tags
    assert not [t for t, a in tags if t in {"script", "link", "iframe", "object", "embed", "img"}]
    assert not [a for _, a in tags if re.match(r"(https?:)?//", (a.get("src") or "") + (a.get("href") or ""))]
    assert any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
               and "default-src 'none'" in (a.get("content") or "") for t, a in tags)


def test_stories_events_articles_entities_all_have_sections(page: str, doc: dict) -> None:
    ids = parse(page).ids
    assert anchor("story", "s1") in ids and anchor("event", "v1") in ids
    assert {anchor("article", a["id"]) for a in doc["articles"]} <= ids
    assert {anchor("entity", e["id"]) for e in doc["entities"]} <= ids


def test_every_internal_link_points_at_an_element_of_the_page(page: str) -> None:
    tags = parse(page)
    targets = {a["href"][1:] for t, a in tags.tags if t == "a" and (a.get("href") or "").startswith("#")}
    assert targets and targets <= tags.ids


def test_hostile_article_is_escaped_everywhere(page: str) -> None:
    tags = parse(page).tags
    assert not [t for t, _ in tags if t in {"script", "img", "iframe", "b", "i"}]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    assert not [a for _, a in tags if "javascript:" in (a.get("href") or "") + (a.get("src") or "")]
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in page


def test_summary_sentences_cite_their_article_and_the_others(page: str, doc: dict) -> None:
    section = page[page.index('id="event-v1"'):]
    summary = section[section.index('class="summary"'):section.index("</ol>")]
    first, second = doc["articles"][0]["id"], doc["articles"][1]["id"]
    assert summary.count(f'href="#{anchor("article", first)}"') == 1
    assert summary.count(f'href="#{anchor("article", second)}"') == 2  # cited once, also_in once


def test_claims_matrix_marks_stated_silent_and_contradicting_outlets(doc: dict) -> None:
    rows = {r.claim["id"]: r.cells for r in DocumentView(doc).event_view("v1").matrix}
    outlets = DocumentView(doc).event_view("v1").outlets  # sorted: "<b>Evil</b> Outlet", "Reuters"
    assert outlets == ("<b>Evil</b> Outlet", "Reuters")
    assert rows == {"c1": ("stated", "stated"), "c2": ("stated", "contradicts"), "c3": ("contradicts", "stated")}


def test_highlights_cover_exactly_the_annotated_text(page: str, doc: dict) -> None:
    marks = parse(page).marks
    expected = {("hl-mention-GPE", "الرباط"), ("hl-mention-PER", "ناصر بوريطة"), ("hl-mention-ORG", "وزارة الخارجية"),
                ("hl-timex", "يوم الأربعاء"), ("hl-timex", "يوم الخميس"), ("hl-quote", "لم يكتمل بعد")}
    found = {(cls, text) for classes, text in marks for cls in classes.split()}
    assert expected <= found


def test_quote_with_a_mention_inside_is_cut_into_nested_pieces() -> None:
    text = "قال: «زار الرئيس الرباط أمس»."
    quote = Mark(text.index("زار"), text.index("»"), "quote")
    mention = Mark(text.index("الرباط"), text.index("الرباط") + 6, "mention", "GPE", "e1")
    cut = pieces(text, [quote, mention])
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.kinds()) for p in cut if p.marks] == [
        ("زار الرئيس ", ["hl-quote"]), ("الرباط", ["hl-mention", "hl-mention-GPE", "hl-quote"]), (" أمس", ["hl-quote"])]
    assert cut[2].entity() == "e1"


def test_paragraphs_keep_offsets_across_lines() -> None:
    text = "سطر أول\n\nالرباط في السطر الثالث"
    start = text.index("الرباط")
    paras = paragraphs(text, [Mark(start, start + 6, "mention")])
    assert len(paras) == 2
    assert [p.text for p in paras[1] if p.marks] == ["الرباط"]


def test_marks_outside_the_text_are_dropped(doc: dict) -> None:
    broken = json.loads(json.dumps(doc))
    broken["timexes"].append({"article": "a2_plain", "text": "x", "start": 5, "end": 10_000, "value": "2021"})
    assert render_report(broken)  # no error, the bad span is skipped
    assert all(m.end <= len(broken["articles"][1]["text"]) for m in DocumentView(broken).marks("a2_plain"))


def test_report_is_a_pure_function_of_the_document(doc: dict, page: str) -> None:
    assert render_report(doc) == page


def test_plots_are_inline_svg_with_escaped_labels(page: str) -> None:
    assert page.count("<svg") >= 2
    assert "<b>Evil" not in page


def test_empty_document_renders() -> None:
    assert 'dir="rtl"' in render_report({"schema": "marsad.analysis/v1", "articles": [], "entities": [], "quotes": [],
                                         "timexes": [], "events": [], "stories": [], "claims": [],
                                         "contradictions": [], "framing": [], "summaries": []})


@pytest.mark.parametrize(("n", "text"), [(0, "0 مقال"), (1, "مقال واحد"), (2, "مقالان"), (3, "3 مقالات"),
                                         (10, "10 مقالات"), (11, "11 مقالا"), (99, "99 مقالا"), (100, "100 مقال"),
                                         (103, "103 مقالات")])
def test_counted_nouns_follow_arabic_grammar(n: int, text: str) -> None:
    assert arabic_count(n, "article") == text


def test_a_large_corpus_shows_its_widest_stories_in_full_and_lists_the_rest() -> None:
    from tests.synthetic import many_stories

    from marsad.settings import ReportSettings

    page = render_report(many_stories(45), ReportSettings(full_stories=5, full_entities=3))
    assert page.count('<section class="card" id="story-') == 5 and "40 قصة أقل تغطية" in page
    assert 'id="story-s2"' in page and 'id="story-s44"' not in page  # the widest current coverage first
    assert "a2_0" in page and 'id="article-a44_0"' not in page  # only the articles of the stories in full
    assert page.count('id="entity-') == 3


def test_a_figure_over_time_is_charted_in_its_event_with_escaped_labels(doc: dict) -> None:
    event = doc["events"][0]["id"]
    article = doc["events"][0]["articles"][0]
    points = [{"article": article, "outlet": "x", "published": day, "low": low, "high": low, "shown": shown,
               "sentence": ""} for day, low, shown in (("2030-03-04", 120, "120"), ("2030-03-05", 430, "<b>430"))]
    page = render_report({**doc, "figures": [{"event": event, "quantity": "killed", "label": "عدد القتلى",
                                              "points": points}]})
    assert "الأرقام عبر الزمن" in page and "<title>عدد القتلى</title>" in page
    assert "&lt;b&gt;430" in page and "<b>430" not in page
    assert "الأرقام عبر الزمن" not in render_report(doc)  # an older document without figures


def test_a_storys_tolls_over_its_events_are_charted_in_the_story(doc: dict) -> None:
    story = doc["stories"][0]
    article = doc["events"][0]["articles"][0]
    points = [{"article": article, "outlet": "x", "published": day, "low": low, "high": low, "shown": str(low),
               "sentence": ""} for day, low in (("2030-03-04", 120), ("2030-03-07", 912))]
    figures = [{"event": story["id"], "quantity": "killed", "label": "عدد القتلى", "points": points}]
    page = render_report({**doc, "stories": [{**story, "figures": figures}, *doc["stories"][1:]]})
    assert "الأرقام عبر أحداث القصة" in page and "<title>عدد القتلى</title>" in page
    assert "الأرقام عبر أحداث القصة" not in render_report(doc)
