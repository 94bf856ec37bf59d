import pytest

from marsad.clean import clean, clean_text
from marsad.types import Article, RawDocument, Rejected


def raw(body: str, **meta: str) -> RawDocument:
    return RawDocument(id="a1", path="a1.txt", body=body, format="text", **meta)


def test_wrapped_paragraphs_are_rejoined_but_headline_stays_apart() -> None:
    body = ("عنوان الخبر القصير\n\n"
            "بدأت صباح اليوم في العاصمة أعمال القمة الإقليمية\n"
            "للمياه بمشاركة وزراء من خمس دول، وسط توقعات بأن\n"
            "تنتهي القمة باتفاق إطاري لتقاسم الموارد المائية\n"
            "المشتركة خلال العقد المقبل.\n\n"
            "وأوضح رئيس الجلسة الافتتاحية أن النقاشات جاءت مثمرة\n"
            "وأن الوفود توافقت على خطة عمل محددة المراحل.\n")
    text = clean_text(body)
    lines = text.split("\n")
    assert lines[0] == "عنوان الخبر القصير"
    assert lines[1].startswith("بدأت صباح اليوم") and lines[1].endswith("خلال العقد المقبل.")
    assert "الإقليمية للمياه" in lines[1]
    assert lines[2] == ("وأوضح رئيس الجلسة الافتتاحية أن النقاشات جاءت مثمرة وأن الوفود توافقت على خطة عمل"
                        " محددة المراحل.")


def test_long_line_broken_mid_sentence_is_joined() -> None:
    first = ("يطمح نادي القادسية الكويتي إلى تحويل تعاونه مع الأكاديميات الأوروبية إلى برنامج دائم لا يقتصر "
             "على المعسكرات الصيفية بل يمتد")
    body = f"العنوان\n{first}\nإلى تأهيل المدربين المحليين.\nفقرة ثانية كاملة."
    text = clean_text(body)
    assert f"{first} إلى تأهيل المدربين المحليين." in text.split("\n")


def test_metadata_kept_from_dropped_lines() -> None:
    body = ("عنوان\nبقلم: ليلى حسن\nنص الخبر الأول هنا وهو طويل بما يكفي ليكون فقرة.\n"
            "Source: Example Agency\nشارك: فيسبوك | تويتر")
    article = clean(raw(body))
    assert isinstance(article, Article)
    assert article.author == "ليلى حسن"
    assert article.source is None  # the agency a line credits is no outlet
    assert "بقلم: ليلى حسن" in article.removed and "Source: Example Agency" in article.removed
    assert "Source" not in article.text and "ليلى" not in article.text


def test_without_a_named_outlet_the_pages_domain_is_the_outlet() -> None:
    article = clean(raw("عنوان\nنص الخبر الأول هنا وهو طويل بما يكفي ليكون فقرة.", url="https://www.example-news.com/a/1"))
    assert isinstance(article, Article) and article.source == "example-news.com"


def test_manifest_metadata_wins_over_text() -> None:
    article = clean(raw("عنوان\nبقلم: ليلى حسن\nنص الخبر.", author="Someone", source="Outlet"))
    assert isinstance(article, Article)
    assert article.author == "Someone" and article.source == "Outlet"


def test_dateline_prefix_removed_and_recorded() -> None:
    article = clean(raw("عنوان الخبر\n\nعمّان، 12 مارس 2025 (الأفق) - وقع وزراء المياه اتفاقا جديدا اليوم في العاصمة."))
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == "وقع وزراء المياه اتفاقا جديدا اليوم في العاصمة."
    assert "عمّان، 12 مارس 2025 (الأفق) -" in article.removed


@pytest.mark.parametrize(("body", "pager", "first"), [
    ("Next Previous \u00a0 عمّان – اجتاحت عاصفة رملية العاصمة مساء اليوم وأدت إلى تعليق الرحلات.", "Next Previous",
     "اجتاحت عاصفة رملية العاصمة مساء اليوم وأدت إلى تعليق الرحلات."),
    ("« السابق التالي » قال الوزير في مؤتمر صحفي إن الحكومة ستعلن خطتها الأسبوع المقبل.", "« السابق التالي »",
     "قال الوزير في مؤتمر صحفي إن الحكومة ستعلن خطتها الأسبوع المقبل."),
    ("Previous / Next\nأعلنت الوزارة عن إطلاق مبادرة جديدة لدعم المشاريع الصغيرة في المناطق الريفية.",
     "Previous / Next",
     "أعلنت الوزارة عن إطلاق مبادرة جديدة لدعم المشاريع الصغيرة في المناطق الريفية.")])
def test_a_pagers_buttons_at_the_head_of_the_body_are_cut(body: str, pager: str, first: str) -> None:
    article = clean(raw(body))
    assert isinstance(article, Article)
    assert article.text.split("\n")[0] == first and pager in article.removed


@pytest.mark.parametrize("body", ["التالي هو ما قاله الوزير أمس أمام البرلمان في جلسة طويلة.",
                                  "Next week the minister will visit the capital for talks on water."])
def test_a_single_pager_word_opening_a_sentence_stays(body: str) -> None:
    assert clean_text(body) == body


def test_read_also_heading_takes_its_links_along() -> None:
    body = "نص الخبر الأول وهو جملة كاملة.\nاقرأ أيضا\nعنوان مقال مرتبط\nعنوان مقال آخر\n\nفقرة أخيرة من الخبر."
    text = clean_text(body)
    assert text == "نص الخبر الأول وهو جملة كاملة.\nفقرة أخيرة من الخبر."


def test_nothing_left_is_rejected() -> None:
    result = clean(raw("شارك: فيسبوك | تويتر | واتساب\n© 2024 حقوق الطبع محفوظة لمؤسسة النهار"))
    assert isinstance(result, Rejected) and "no content" in result.reason


def test_text_is_nfc() -> None:
    decomposed = "ا\u0653"  # alef + madda above, composes to آ
    article = clean(raw(f"{decomposed}ذار شهر الربيع."))
    assert isinstance(article, Article)
    assert article.text.startswith("آذار")


@pytest.mark.parametrize("line, dateline", [
    ("الرباط - (وكالة المغرب العربي) - افتتح المعرض الدولي للفلاحة أبوابه أمام الزوار صباح اليوم.",
     "الرباط - (وكالة المغرب العربي) -"),
    ("عمّان – (بترا) – قررت الحكومة تمديد العمل بالتوقيت الصيفي حتى نهاية الشهر المقبل.", "عمّان – (بترا) –"),
    ("القاهرة - (أ ش أ) - بحث وزير الري مع نظيره السوداني ملف المياه في اتصال هاتفي.", "القاهرة - (أ ش أ) -"),
    ("أبوظبي - (وام) - أطلقت الدولة برنامجا لدعم المشاريع الصغيرة في المناطق الريفية.", "أبوظبي - (وام) -"),
])
def test_agency_between_two_dashes_is_part_of_the_dateline(line: str, dateline: str) -> None:
    article = clean(raw(f"عنوان الخبر\n\n{line}"))
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == line[len(dateline):].strip()
    assert " ".join(r for r, rule in zip(article.removed, article.removed_by, strict=True) if rule == "dateline") \
        == dateline


@pytest.mark.parametrize("dateline", [
    "القاهرة - أ ش أ:",  # Egyptian
    "عمّان ـ بترا ـ",  # Levantine, tatweel dashes
    "الجزائر - واج -",  # Maghrebi
    "الكويت-كونا",  # Gulf, glued
    "واشنطن ـ (أ ف ب):",  # pan-Arab
    "لندن - وكالات:",
])
def test_a_place_and_a_bare_agency_name_are_a_dateline(dateline: str) -> None:
    sentence = "بحث الطرفان في اتصال هاتفي سبل تعزيز التعاون الاقتصادي بين البلدين خلال المرحلة المقبلة."
    article = clean(raw(f"عنوان الخبر\n\n{dateline} {sentence}"))
    assert isinstance(article, Article)
    assert article.text.split("\n")[1] == sentence
    assert article.removed == (dateline,) and article.removed_by == ("dateline",)


def test_a_second_dash_without_an_agency_stays_in_the_text() -> None:
    body = "عنوان الخبر\n\nغزة - الدفاع المدني - انتشل عناصر الدفاع المدني جثامين ثلاثة أشخاص من تحت الركام."
    article = clean(raw(body))
    assert isinstance(article, Article)
    assert article.text.split("\n")[1].startswith("الدفاع المدني - انتشل")


def test_every_dropped_string_is_listed_with_its_rule() -> None:
    body = ("القاهرة - (أ ش أ) - افتتح وزير الثقافة معرض الكتاب بمشاركة ناشرين من ثلاثين بلدا.\n"
            "(صورة أرشيفية)\nويستمر المعرض أسبوعين.\nشارك الخبر\n© 2024 جميع الحقوق محفوظة")
    article = clean(raw(body))
    assert isinstance(article, Article)
    assert dict(zip(article.removed, article.removed_by, strict=True)) == {
        "القاهرة - (أ ش أ) -": "dateline", "(صورة أرشيفية)": "caption", "شارك الخبر": "share",
        "© 2024 جميع الحقوق محفوظة": "copyright"}
    assert article.to_dict()["removed_by"] == list(article.removed_by)
