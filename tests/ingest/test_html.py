"""HTML extraction survives markup its metadata readers choke on (htmldate asserts on a page rooted at <svg>)."""
from __future__ import annotations

import pytest

from marsad.clean import clean
from marsad.ingest.html import extract_page
from marsad.rules import hit_counts
from marsad.types import Article, RawDocument, Rejected

BODY = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين. " * 4


def test_the_body_is_kept_when_the_metadata_readers_fail() -> None:
    page = extract_page(f"<svg onload=x> <p>{BODY}</p> <p>{BODY}</p>")
    assert page is not None
    assert "المحادثات ستستأنف" in (page["text"] or "")


def test_a_page_with_nothing_in_it_is_rejected_with_a_reason() -> None:
    result = clean(RawDocument(id="a", path="a.html", body="<svg onload=x> <p> <p>", format="html"))
    assert isinstance(result, Rejected) and "a.html" in result.path and result.reason
    page = f"<svg> <p>{BODY}</p> <p>{BODY}</p>"
    assert isinstance(clean(RawDocument(id="b", path="b.html", body=page, format="html")), Article)


PARAGRAPHS = [
    "أقرت الحكومة مساء الاثنين خطة لإعادة تأهيل شبكة المياه في المدن الساحلية بكلفة تقارب مئتي مليون دولار.",
    "وقال وزير الطاقة في مؤتمر صحفي إن الأعمال ستبدأ في الربيع المقبل وتستمر ثلاث سنوات على مراحل.",
    "وأضاف أن المرحلة الأولى تشمل استبدال الأنابيب القديمة في الأحياء الأكثر كثافة بالسكان.",
    "ويعاني السكان منذ سنوات من انقطاعات متكررة في المياه خلال أشهر الصيف بسبب الأعطال والهدر.",
]


def _page(head: str = "", date_in_text: str = "") -> str:
    first, second = ("".join(f"<p>{p}</p>" for p in half) for half in (PARAGRAPHS[:2], PARAGRAPHS[2:]))
    return f"""<html><head><title>خطة لإعادة تأهيل شبكة المياه | صحيفة المثال</title>{head}</head><body>
<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li>
<li><a href="/sport">رياضة</a></li></ul></nav>
<div class="breadcrumbs"><a href="/">الرئيسية</a> » <a href="/local">محليات</a></div>
<div class="cookie-notice">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. <button>موافق</button></div>
<article><h1>خطة لإعادة تأهيل شبكة المياه</h1>{first}
<div class="read-also"><strong>اقرأ أيضا</strong><ul><li><a href="/a">ارتفاع أسعار الوقود مطلع الشهر</a></li>
<li><a href="/b">افتتاح محطة تحلية جديدة في الجنوب</a></li></ul></div>
{second}{date_in_text}
<div class="post-tags"><a>المياه</a> <a>الحكومة</a> <a>البنية التحتية</a></div>
<div class="share-bar">شارك: <a>فيسبوك</a> <a>واتساب</a></div></article>
<aside class="most-read"><h3>الأكثر قراءة</h3><ol><li><a>نتائج الامتحانات الرسمية</a></li>
<li><a>طقس الأسبوع: أمطار متفرقة</a></li></ol></aside>
<div id="comments"><h3>التعليقات (2)</h3><div class="comment">مقال ممتاز وننتظر التنفيذ الفعلي على الأرض.</div></div>
<div class="newsletter-box">اشترك في نشرتنا اليومية</div>
<footer>© 2021 صحيفة المثال - جميع الحقوق محفوظة | من نحن | اتصل بنا</footer></body></html>"""


def test_a_page_of_many_blocks_gives_its_body_only() -> None:
    article = clean(RawDocument(id="p", path="p.html", body=_page(), format="html"))
    assert isinstance(article, Article)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for furniture in ("الرئيسية", "اقرأ أيضا", "ارتفاع أسعار الوقود", "الأكثر قراءة", "نتائج الامتحانات",
                      "مقال ممتاز", "اشترك", "ملفات تعريف الارتباط", "البنية التحتية", "فيسبوك", "جميع الحقوق"):
        assert furniture not in article.text, furniture


def test_no_date_is_invented_from_a_copyright_year_or_the_text() -> None:
    article = clean(RawDocument(id="p", path="p.html", body=_page(date_in_text="<p>وكانت الخطة قد أعلنت في 3 مايو "
                                                                   "2019 للمرة الأولى.</p>"), format="html"))
    assert isinstance(article, Article) and article.published is None


def test_title_author_and_date_come_from_the_page_metadata() -> None:
    head = ('<meta property="article:published_time" content="2024-03-05T09:30:00+02:00">'
            '<meta name="author" content="ريم الخطيب">'
            '<meta property="og:title" content="خطة لإعادة تأهيل شبكة المياه">')
    article = clean(RawDocument(id="p", path="p.html", body=_page(head), format="html"))
    assert isinstance(article, Article)
    assert article.published == "2024-03-05"
    assert article.author == "ريم الخطيب"
    assert article.title == "خطة لإعادة تأهيل شبكة المياه"


def test_paragraphs_dense_with_links_are_read_when_trafilatura_finds_little() -> None:
    """Paragraphs where every other phrase is a link (entity pages, tag links) read as navigation to trafilatura."""
    paragraphs = ["أقرت <a href='/g'>الحكومة</a> مساء الاثنين خطة لتأهيل <a href='/w'>شبكة المياه</a> في المدن.",
                  "وقال <a href='/m'>وزير الطاقة</a> إن <a href='/x'>الأعمال</a> ستبدأ في الربيع المقبل."]
    page = "<html><body><div>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>"
    before = hit_counts()["html.paragraphs"]
    article = clean(RawDocument(id="s", path="s.html", body=page, format="html"))
    assert isinstance(article, Article)
    assert article.text.split("\n") == ["أقرت الحكومة مساء الاثنين خطة لتأهيل شبكة المياه في المدن.",
                                        "وقال وزير الطاقة إن الأعمال ستبدأ في الربيع المقبل."]
    assert hit_counts()["html.paragraphs"] == before + 1


def test_comment_and_most_read_blocks_kept_by_trafilatura_are_dropped_by_their_class() -> None:
    extra = ("<div class='user-comments'><p>أخيرا تحركت الحكومة بعد سنوات من الانتظار والوعود.</p></div>"
             "<div class='popular-news'><p>ارتفاع أسعار الذهب في الأسواق المحلية للأسبوع الثالث.</p></div>")
    page = ("<html><body><div class='content'><h1>خطة المياه</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + extra + "</div></body></html>")
    before = hit_counts()["html.furniture-block"]
    article = clean(RawDocument(id="c", path="c.html", body=page, format="html"))
    assert isinstance(article, Article)
    assert article.text.split("\n") == ["خطة المياه", *PARAGRAPHS]
    assert hit_counts()["html.furniture-block"] == before + 2


@pytest.mark.parametrize("page", [
    "",
    "<html><body></body></html>",
    "<html><body><nav><a>الرئيسية</a> | <a>أخبار</a> | <a>رياضة</a> | <a>اتصل بنا</a></nav></body></html>",
    "<html><body><div><p>نص مقطوع <b>بلا إغلاق",
])
def test_bad_pages_get_a_one_line_reason(page: str) -> None:
    result = clean(RawDocument(id="b", path="bad.html", body=page, format="html"))
    if isinstance(result, Rejected):
        assert result.reason and "\n" not in result.reason
    else:  # broken markup with some text is read for what it has
        assert "نص مقطوع" in result.text
