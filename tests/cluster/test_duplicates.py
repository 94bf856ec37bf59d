import json
from dataclasses import asdict

from marsad.cluster.duplicates import fingerprint, mark_duplicates, shingles
from marsad.types import Article, Fingerprint

STORY = ("أعلنت وزارة المياه اليوم توقيع اتفاق إقليمي لتقاسم مياه النهر بين ثلاث دول بعد مفاوضات استمرت عامين. "
         "وقال الوزير إن الاتفاق يضمن حصصا عادلة لكل الأطراف ويؤسس لآلية دائمة لفض النزاعات. "
         "ويشمل الاتفاق إنشاء لجنة فنية مشتركة تجتمع كل ثلاثة أشهر لمراجعة مستويات المياه وتوزيعها.")
OTHER = ("ضربت عاصفة قوية المدينة الساحلية ليلة الثلاثاء وتسببت في فيضانات غمرت الأحياء المنخفضة. "
         "وقالت السلطات إن فرق الإنقاذ أجلت مئات العائلات إلى مراكز إيواء مؤقتة.")


def test_syndicated_copy_points_at_the_first_version() -> None:
    original = Article(id="orig", text=STORY, source="A", published="2025-03-12")
    copy = Article(id="copy", text="نقلا عن الوكالة\n" + STORY + "\nحقوق الطبع محفوظة لوكالة الخليج", source="B",
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


def test_lightly_edited_copies_are_caught_and_a_rewrite_is_not() -> None:
    """An outlet that retitles a wire story and edits a few words still copies it (word 3-gram Jaccard ~0.8: the
    LSH bands of an earlier setting missed one such copy in four); a rewrite of the same news is not a copy."""
    words = " ".join([STORY, OTHER, STORY.replace("الاتفاق", "الميثاق"), OTHER.replace("السلطات", "الشرطة")]).split()
    story = " ".join(words)
    for first in range(0, 28, 3):  # one word in 28 changed, from ten different places
        edited = " ".join("(تحديث)" if (i - first) % 28 == 0 and i >= first else w for i, w in enumerate(words))
        a, b = shingles(story), shingles(edited)
        assert 0.75 < len(a & b) / len(a | b) < 0.9
        marked = mark_duplicates([Article(id="wire", text=story), Article(id="copy", text="عنوان آخر\n" + edited)])
        assert marked[1].duplicate_of == "wire", first
    rewrite = " ".join(reversed(words))  # the same words, none in the same order
    marked = mark_duplicates([Article(id="wire", text=story), Article(id="rewrite", text=rewrite)])
    assert marked[1].duplicate_of is None


def test_stored_fingerprints_find_the_same_copies_as_fresh_signatures() -> None:
    """The map step's fingerprints, kept as JSON in the store, give the duplicates the corpus pass would find."""
    articles = [Article(id="a", text=STORY), Article(id="b", text=OTHER), Article(id="c", text="عاجل\n" + STORY),
                Article(id="d", text=OTHER + " وقالت الشرطة إن التحقيق جار.")]
    stored = {a.id: [Fingerprint(**json.loads(json.dumps(asdict(fingerprint(a)))))] for a in articles}
    from_store = mark_duplicates(articles, fingerprints=stored)
    assert from_store == mark_duplicates(articles)
    assert [a.duplicate_of for a in from_store] == [None, None, "a", "b"]
    stored["b"] = [Fingerprint("b", stored["a"][0].minhash)]  # the signature, not the text, is compared
    assert mark_duplicates(articles, fingerprints=stored)[1].duplicate_of == "a"


def test_a_later_run_finds_the_copies_a_run_over_all_would_find() -> None:
    import pickle

    from marsad.cluster.duplicates import DuplicateIndex

    day = [f"2025-03-{n:02d}" for n in range(1, 32)]
    wire = Article(id="wire", text=STORY, published=day[10])
    copies = [Article(id=f"copy{n}", text=f"نقلا عن الوكالة {n}\n" + STORY, published=day[11]) for n in range(3)]
    other = Article(id="other", text=OTHER, published=day[11])
    late = Article(id="late", text="عاجل\n" + STORY, published=day[9])  # delivered last, published first
    index = DuplicateIndex()
    index.mark([*copies, other])
    index = pickle.loads(pickle.dumps(index))  # kept in the store between runs
    index.mark([*copies, other, wire])
    grown = pickle.loads(pickle.dumps(index)).mark([*copies, other, wire, late])
    everything = mark_duplicates([*copies, other, wire, late])
    assert [a.duplicate_of for a in grown] == [a.duplicate_of for a in everything] == \
        ["late", "late", "late", None, "late", None]
    months_later = Article(id="reprint", text=STORY, published="2025-05-20")
    assert index.mark([months_later])[0].duplicate_of is None  # out of the window
    backfill = Article(id="backfill", text="أرشيف\n" + STORY, published=day[12])  # older news delivered last
    assert index.mark([backfill])[0].duplicate_of == "wire"


def test_a_changed_text_is_compared_again() -> None:
    from marsad.cluster.duplicates import DuplicateIndex

    index = DuplicateIndex()
    first = index.mark([Article(id="a", text=STORY), Article(id="b", text=OTHER)])
    assert [a.duplicate_of for a in first] == [None, None]
    assert [a.duplicate_of for a in index.mark([Article(id="a", text=STORY), Article(id="b", text=STORY)])] == \
        [None, "a"]
    assert len(index.ids) == 2


def test_an_article_whose_status_is_unchanged_comes_back_as_it_was() -> None:
    """A later run marks the whole corpus again; an article whose original is what it already says comes back as
    the same object (a watcher's round keeps what it made of it), a copy found comes back marked."""
    from marsad.cluster.duplicates import DuplicateIndex

    wire = Article(id="wire", text=STORY, published="2025-03-11")
    other = Article(id="other", text=OTHER, published="2025-03-11")
    index = DuplicateIndex()
    first = index.mark([wire, other])
    copy = Article(id="copy", text="نقلا عن الوكالة\n" + STORY, published="2025-03-12")
    again = index.mark([*first, copy])
    assert again[0] is first[0] and again[1] is first[1]
    assert again[2].duplicate_of == "wire"


def test_a_later_mark_over_the_same_articles_signs_only_the_new_ones(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A watcher marks its whole corpus each round with the articles it kept: those it checked before, the very
    same objects, are not signed and digested again; an index read back from the store checks them all."""
    import pickle

    from marsad.cluster import duplicates
    from marsad.cluster.duplicates import DuplicateIndex

    signed: list[str] = []
    sign = duplicates.signature
    monkeypatch.setattr(duplicates, "signature", lambda text: signed.append(text) or sign(text))
    wire, other = Article(id="wire", text=STORY), Article(id="other", text=OTHER)
    index = DuplicateIndex()
    kept = index.mark([wire, other])
    copy = Article(id="copy", text="نقلا عن الوكالة\n" + STORY)
    signed.clear()
    assert [a.duplicate_of for a in index.mark([*kept, copy])] == [None, None, "wire"]
    assert signed == [copy.text]
    signed.clear()
    pickle.loads(pickle.dumps(index)).mark([*kept, copy])
    assert len(signed) == 3


def test_a_later_mark_tells_what_it_changed_and_keeps_the_band_index_a_whole_build_gives() -> None:
    """A watcher's round writes only the entries of the index's logs it changed (`touched`), and inserts the new
    articles' band hashes into the sorted index it kept: the same index a build from all signatures makes."""
    import pickle
    import random

    from marsad.cluster.duplicates import DuplicateIndex

    words = (STORY + " " + OTHER).split()
    stories = [STORY, OTHER, *(" ".join(random.Random(n).sample(words, len(words))) for n in range(6))]  # unlike
    articles = [Article(id=f"a{n}", text=text, published="2025-03-11") for n, text in enumerate(stories)]
    index = DuplicateIndex()
    kept = index.mark(articles[:4])
    copy = Article(id="copy", text="نقلا عن الوكالة\n" + STORY, published="2025-03-12")
    rewritten = Article(id="a1", text=STORY, published="2025-03-11")  # stored again with other content
    marked = index.mark([kept[0], rewritten, *kept[2:], *articles[4:], copy])
    assert index.touched.seen == {"a1", *(a.id for a in articles[4:]), "copy"}
    assert index.touched.originals == {"a1", "copy"} and index.originals == {"a1": "a0", "copy": "a0"}
    assert [a.duplicate_of for a in marked][:2] == [None, "a0"]
    whole = pickle.loads(pickle.dumps(index))  # read back: its band index is made from all its signatures
    for kept_bands, whole_bands in zip(index._band_index(), whole._band_index(), strict=True):
        assert (kept_bands == whole_bands).all()
    assert index.mark(marked) == marked and not index.touched.seen and not index.touched.originals
