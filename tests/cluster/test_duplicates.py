from marsad.cluster.duplicates import mark_duplicates
from marsad.types import Article

STORY = ("أعلنت وزارة المياه اليوم توقيع اتفاق إقليمي لتقاسم مياه النهر بين ثلاث دول بعد مفاوضات استمرت عامين. "
         "وقال الوزير إن الاتفاق يضمن حصصا عادلة لكل الأطراف ويؤسس لآلية دائمة لفض النزاعات. "
         "ويشمل الاتفاق إنشاء لجنة فنية مشتركة تجتمع كل ثلاثة أشهر لمراجعة مستويات المياه وتوزيعها.")
OTHER = ("ضربت عاصفة قوية المدينة الساحلية ليلة الثلاثاء وتسببت في فيضانات غمرت الأحياء المنخفضة. "
         "وقالت السلطات إن فرق الإنقاذ أجلت مئات العائلات إلى مراكز إيواء مؤقتة.")


def test_syndicated_copy_points_at_the_first_version() -> None:
    original = Article(id="orig", text=STORY, source="A", published="2025-03-12")
    copy = Article(id="copy", text="نقلا عن الوكالة\n" + STORY + "\nجميع الحقوق محفوظة", source="B",
                   published="2025-03-12")
    earlier_input_later_date = Article(id="late", text=STORY, source="C", published="2025-03-13")
    other = Article(id="other", text=OTHER, source="A", published="2025-03-12")
    marked = {a.id: a.duplicate_of for a in mark_duplicates([earlier_input_later_date, copy, original, other])}
    # same day: input order decides which is first; the later-dated copy points at it too
    assert marked == {"late": "copy", "copy": None, "orig": "copy", "other": None}


def test_kept_never_dropped() -> None:
    articles = [Article(id=str(i), text=STORY, published="2025-01-01") for i in range(3)]
    marked = mark_duplicates(articles)
    assert [a.id for a in marked] == ["0", "1", "2"]
    assert [a.duplicate_of for a in marked] == [None, "0", "0"]
