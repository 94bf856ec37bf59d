"""Summary candidates: a body line that is mostly the article's own headline (a link or credit line repeating it)
is no statement of the news; a lead or a long sentence that holds the headline still is. Invented articles."""
from __future__ import annotations

from marsad.rules import hit_counts
from marsad.summarize.candidates import candidates, repeats_headline
from marsad.text.normalize import match_key
from marsad.types import Article


def article(id_: str, title: str, lines: list[str]) -> Article:
    """An invented article: its title and its lines, the title's line first."""
    return Article(id_, "\n".join(lines), title=title)


# Gulf house style: the outlet's syndication line repeats the headline under the story (a closing quote: no label).
PORT = article("g1", "افتتاح رصيف جديد في ميناء «الدمام»", [
    "افتتاح رصيف جديد في ميناء «الدمام»",
    "افتتحت هيئة الموانئ الأحد رصيفا جديدا في ميناء الملك عبدالعزيز بالدمام بطاقة استيعابية تبلغ مليوني حاوية.",
    "ويأتي المشروع ضمن خطة لرفع الطاقة الاستيعابية للموانئ السعودية خلال خمس سنوات.",
    "رابط الخبر في صحيفة المدار: افتتاح رصيف جديد في ميناء «الدمام»",
])

# Maghrebi column: a title ending in an exclamation mark (no label by its shape), restated under the first line.
COLUMN = article("m1", "الجمهور أولا يا وزارة الثقافة والفنون!", [
    "الجمهور أولا يا وزارة الثقافة والفنون!",
    "كتب القراء كثيرا عن غياب العروض المسرحية في المدن الصغيرة خلال الصيف الماضي.",
    "الجمهور أولا يا وزارة الثقافة والفنون!",
    "فالمسرح الذي لا يصل إلى جمهوره يبقى حبيس القاعات الكبرى في العاصمة.",
])

# Egyptian house style: the lead opens with the headline's words.
MATCH = article("e1", "الأهلي يفوز على الزمالك", [
    "الأهلي يفوز على الزمالك",
    "الأهلي يفوز على الزمالك بهدفين نظيفين في قمة الدوري مساء الجمعة على استاد القاهرة الدولي.",
    "وصرح مدرب الأهلي عقب اللقاء بأن الأهلي يفوز على الزمالك حين يلعب بتركيز كامل طوال الشوط الثاني كله.",
])


def texts(article: Article) -> list[str]:
    return [c.text for c in candidates(0, article)]


def test_a_line_repeating_the_headline_is_no_candidate() -> None:
    before = hit_counts()["summarize.candidate.headline-repeat"]
    port = texts(PORT)
    assert not any("رابط الخبر" in t for t in port) and len(port) == 2
    assert texts(COLUMN) == [COLUMN.text.split("\n")[1], COLUMN.text.split("\n")[3]]  # the title, twice: neither
    assert hit_counts()["summarize.candidate.headline-repeat"] == before + 3


def test_a_lead_or_a_longer_sentence_holding_the_headline_stays() -> None:
    assert texts(MATCH) == MATCH.text.split("\n")[1:]  # the lead is the news; the quote says much more
    headline = match_key(MATCH.title or "")
    assert not repeats_headline(MATCH.text.split("\n")[2], headline)
    assert not repeats_headline("فاز فريق النجوم في المباراة.", match_key("فاز فريق"))  # too short a headline
    assert repeats_headline("للمزيد: الأهلي يفوز على الزمالك", headline)


# A Gulf column of points, each a bullet; a Levantine report whose quote ends in "!" and goes on after a comma;
# an Egyptian item opening with dots; a minus sign is no bullet.
POINTS = article("p1", "نقاط رياضية", [
    "نقاط رياضية",
    "- الفوز في المباراة الافتتاحية منح الفريق ثقة كبيرة قبل مواجهة المتصدر الأسبوع المقبل.",
    "* غياب الحارس الأساسي سيثير أزمة في الخط الخلفي خلال الجولات الأولى من الموسم.",
    "• استقدم النادي مدربا جديدا للياقة البدنية بعقد يمتد موسمين قابلين للتجديد.",
    ".. ويبقى السؤال عن موعد عودة المصابين إلى التدريبات الجماعية مع بقية اللاعبين.",
    "-5 درجات سجلت في مدينة المعسكر ليلة الوصول مما أجل الحصة التدريبية الأولى.",
])
QUOTE_SPLIT = article("l1", "مشروع جديد", [
    "قالت المديرة في كلمتها: نحن في بداية الطريق فقط! ، مشيرة إلى أن المشروع سيستمر خمس سنوات على الأقل.",
    "وأضافت أن التمويل مضمون من الجهات المانحة حتى نهاية العام المقبل دون أي تأخير.",
])


def test_leading_list_marks_are_cut_off_and_the_rest_is_still_the_article_s() -> None:
    found = candidates(0, POINTS)
    assert [c.text.split()[0] for c in found] == ["الفوز", "غياب", "استقدم", "ويبقى", "-5"]
    assert all(POINTS.text[c.start:c.start + len(c.text)] == c.text for c in found)


def test_a_piece_opening_with_a_comma_is_no_sentence() -> None:
    assert [c.text.split()[0] for c in candidates(0, QUOTE_SPLIT)] == ["قالت", "وأضافت"]
