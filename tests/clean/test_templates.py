"""Outlet templates: furniture learnt from lines that recur across one outlet's articles, never a story's own text."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.clean import clean
from marsad.clean.templates import EXACT, SHAPE, OutletTemplates, Template
from marsad.cli import main
from marsad.pipeline import analyze_documents
from marsad.rules import hit_counts
from marsad.store import SQLiteStore
from marsad.types import Article, RawDocument

# Bodies of different stories, each long enough to be told apart by its own long lines.
STORIES = [
    "افتتحت البلدية صباح اليوم حديقة عامة جديدة على مساحة عشرين ألف متر مربع في الحي الشرقي من المدينة.",
    "أعلنت وزارة الصحة عن حملة تطعيم موسمية تشمل طلاب المدارس في جميع المحافظات ابتداء من الأسبوع المقبل.",
    "ارتفعت أسعار الخضار في الأسواق المركزية خلال الأيام الماضية بسبب موجة الحر التي أثرت على المحاصيل.",
    "فاز المنتخب الوطني للشباب على نظيره في مباراة ودية أقيمت مساء أمس على الملعب البلدي بثلاثة أهداف.",
    "وقعت الجامعة اتفاقية تعاون مع مركز بحثي أوروبي لتبادل الطلاب والباحثين في مجال الطاقة المتجددة.",
]

# (house style, a furniture line of an imagined outlet that no generic rule describes)
FURNITURE = [
    ("Gulf", "للتواصل مع المحرر أرسل رسالة نصية إلى الرقم المختصر"),
    ("Egyptian", "بوابة النيل الإخبارية ـ قسم المحافظات"),
    ("Levantine", "نشرة المساء من مكتبنا في طرابلس"),
    ("Maghrebi", "مراسلنا بالجهة الشرقية وجدة"),
    ("pan-Arab", "حصاد اليوم مع فريق التحرير"),
    ("translated", "عن خدمة الصحافة الدولية بالتعاون مع الناشر"),
]


def doc(n: int, body: str, source: str = "Example Outlet") -> RawDocument:
    return RawDocument(id=f"a{n}", path=f"a{n}.txt", body=body, format="text", source=source)


def learnt(bodies: list[str], source: str = "Example Outlet") -> Template:
    templates = OutletTemplates()
    templates.learn([doc(n, body, source) for n, body in enumerate(bodies)])
    return templates.templates([doc(0, "", source)]).get(source.casefold(), Template())


@pytest.mark.parametrize("style, line", FURNITURE)
def test_a_line_recurring_in_three_stories_is_the_outlets_furniture(style: str, line: str) -> None:
    template = learnt([f"{story}\n{line}" for story in STORIES[:3]])
    article = clean(doc(9, f"{STORIES[3]}\n{line}"), template=template)
    assert isinstance(article, Article)
    assert article.text == STORIES[3], style
    assert line in article.removed


def test_two_stories_are_not_enough() -> None:
    line = FURNITURE[0][1]
    assert learnt([f"{story}\n{line}" for story in STORIES[:2]]) == Template()


def test_copies_of_one_story_count_once() -> None:
    """Updates and re-runs of one story share their long lines: their subheadings are the story's, not furniture."""
    subheading = "مراحل المشروع وتكلفته"
    bodies = [f"{STORIES[0]}\n{subheading}\n{STORIES[1]}\nتحديث رقم {n}" for n in range(4)]
    assert learnt(bodies) == Template()


def test_another_outlet_keeps_the_line() -> None:
    line = FURNITURE[4][1]
    templates = OutletTemplates()
    templates.learn([doc(n, f"{story}\n{line}", "Outlet A") for n, story in enumerate(STORIES[:3])])
    assert set(templates.templates([doc(9, "", "Outlet B")])) == set()


@pytest.mark.parametrize("line", [
    "وأكد المسؤول أن العمل سيستمر حتى نهاية العام.",  # a sentence
    "أبرز ما جاء في البيان:",  # a subheading introducing what follows
    "«لن نتراجع عن مطالبنا»",  # a quotation on its own line
    "2024",  # a figure on its own line
    "الجواب",  # one plain word: a label heading what follows
])
def test_content_shapes_are_never_learnt(line: str) -> None:
    assert learnt([f"{story}\n{line}" for story in STORIES[:4]]) == Template()


def test_a_line_recurring_with_other_numbers_is_furniture_near_the_edges() -> None:
    bodies = [f"عدد القراءات {100 + 37 * n}\n{story}" for n, story in enumerate(STORIES[:3])]
    template = learnt(bodies)
    assert template.shape and not template.exact
    before = hit_counts()[f"clean.{SHAPE}"]
    assert template.rule("عدد القراءات 951", in_zone=True) == SHAPE
    assert hit_counts()[f"clean.{SHAPE}"] == before + 1
    assert template.rule("عدد القراءات 951", in_zone=False) is None


def test_one_number_repeated_is_an_exact_line_not_a_shape() -> None:
    template = learnt([f"{story}\nللإعلان اتصل على 5050" for story in STORIES[:3]])
    assert template.exact and not template.shape
    assert template.rule("للإعلان اتصل على 5050", in_zone=True) == EXACT
    assert template.rule("للإعلان اتصل على 6060", in_zone=True) is None


def test_near_same_lines_are_one_line() -> None:
    """Spelling variants, punctuation and spacing do not make a different line."""
    variants = ["حصاد اليوم - مع فريق التحرير", "حصاد اليوم مع فريق  التحرير", "حصاد اليوم مع فريق التحرير ،"]
    template = learnt([f"{story}\n{line}" for story, line in zip(STORIES, variants, strict=False)])
    assert template.rule("حصاد اليوم مع فريق التحرير", in_zone=True) == EXACT


def test_templates_are_learnt_in_the_store_and_used_by_a_later_run(tmp_path: Path) -> None:
    line = FURNITURE[2][1]
    db = tmp_path / "t.db"
    with SQLiteStore(db) as store:
        analyze_documents([doc(n, f"{story}\n{line}") for n, story in enumerate(STORIES[:3])], store)
    with SQLiteStore(db) as store:
        result = analyze_documents([doc(7, f"{STORIES[4]}\n{line}")], store)
    later = next(a for a in result.articles if a.id == "a7")
    assert later.text == STORIES[4] and line in later.removed
    shown = CliRunner().invoke(main, ["outlets", "--db", str(db)])
    assert shown.exit_code == 0 and "Example Outlet" in shown.output
    detail = CliRunner().invoke(main, ["outlets", "example outlet", "--db", str(db)])
    assert detail.exit_code == 0 and line in detail.output and EXACT in detail.output
    missing = CliRunner().invoke(main, ["outlets", "Nobody", "--db", str(db)])
    assert missing.exit_code != 0 and "Nobody" in missing.output


def test_a_recurring_line_inside_the_body_stays() -> None:
    """A serial report's section titles recur every day; inside the body they are its structure, not furniture."""
    bodies = [f"{story}\nأداء القطاعات\nوارتفع المؤشر العام بنسبة {n + 2} في المئة في جلسة اليوم وسط تداولات نشطة."
              for n, story in enumerate(STORIES[:3])]
    template = learnt(bodies)
    assert template.rule("أداء القطاعات", in_zone=False) is None
    assert template.rule("أداء القطاعات", in_zone=True) == EXACT


def test_lines_deep_inside_long_articles_are_not_learnt() -> None:
    """Only the top and bottom lines of an article are counted: a formula repeated mid-body never becomes furniture."""
    formula = "بسم الله وعلى بركة الله"
    bodies = [f"{story}\n" + "\n".join(f"{story[:40]} فقرة {k}." for k in range(8)) + f"\n{formula}\n"
              + "\n".join(f"{story[:30]} فقرة أخرى {k}." for k in range(8)) for story in STORIES[:4]]
    assert learnt(bodies) == Template()


def test_an_outlets_own_dateline_tag_is_learnt() -> None:
    """'City – Outlet –' where the outlet is named by no list: its tag recurs in the outlet's datelines."""
    places = ["نواكشوط", "كيفة", "روصو", "أطار"]
    bodies = [f"عنوان {n}\n{place} – المرصد الصحراوي – {STORIES[n]}" for n, place in enumerate(places)]
    templates = OutletTemplates()
    templates.learn([doc(n, body) for n, body in enumerate(bodies[:3])])
    template = templates.templates([doc(0, "")])["example outlet"]
    article = clean(doc(9, bodies[3]), template=template)
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == STORIES[3]
    assert ("أطار – المرصد الصحراوي –", "outlet-dateline") in zip(article.removed, article.removed_by, strict=True)


def test_a_dateline_tag_seen_twice_is_not_learnt_and_stays() -> None:
    bodies = [f"عنوان\nغزة - الدفاع المدني - {story}" for story in STORIES[:2]]
    template = learnt(bodies)
    assert not template
    article = clean(doc(9, f"عنوان\nغزة - الدفاع المدني - {STORIES[3]}"), template=template)
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == f"الدفاع المدني - {STORIES[3]}"


def test_the_place_after_an_outlets_own_tag_closes_the_dateline() -> None:
    """'Reporter – Outlet – City:': once the outlet's tag is known, the place after it is the dateline's end."""
    reporters = ["سالم الحربي", "نورة القحطاني", "ماجد الشهري", "هند العمري"]
    bodies = [f"عنوان\n{who}- الميدان- الرياض: {STORIES[n]}" for n, who in enumerate(reporters)]
    template = learnt(bodies[:3])
    article = clean(doc(9, bodies[3]), template=template)
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == STORIES[3]
    unknown = clean(doc(9, f"عنوان\nبيروت - الوزير: {STORIES[3]}"), template=template)
    assert isinstance(unknown, Article) and unknown.text.split("\n")[1] == f"الوزير: {STORIES[3]}"


def test_a_daily_headline_with_other_numbers_stays() -> None:
    bodies = [f"أسعار الذهب اليوم {n + 3} مارس\n{story}\nعدد الزيارات {n * 40 + 7}" for n, story in enumerate(STORIES)]
    template = learnt(bodies[:3])
    article = clean(doc(9, bodies[3]), template=template)
    assert isinstance(article, Article)
    assert article.text.split("\n") == ["أسعار الذهب اليوم 6 مارس", STORIES[3]]
    assert article.title == "أسعار الذهب اليوم 6 مارس"
