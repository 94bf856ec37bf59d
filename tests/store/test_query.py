"""Search queries as the index holds text: stems, compound names, phrases and alternatives."""
from marsad.store.query import exact_forms, fts_expression, like_condition, parse, word_forms


def test_a_word_is_found_by_its_stem_without_clitics_article_or_plural_ending() -> None:
    assert word_forms("الفيضانات") == ("فيضان",)
    assert word_forms("وللمستشفيات") == ("مستشفي",)  # مستشفى, folded
    assert word_forms("والمعلمون") == ("معلم",)
    assert word_forms("سيول") == ("سيول",)  # no ending to drop


def test_a_short_word_keeps_its_letters() -> None:
    assert word_forms("بنات") == ("بنات",)  # بن would be found inside everything
    assert word_forms("لبنان") == ("بنان",)  # a clitic reading is a substring of the word: nothing is lost


def test_a_compound_name_is_found_joined_and_apart() -> None:
    assert word_forms("عبدالرحمن") == ("عبدالرحمن", "عبد الرحمن")
    assert word_forms("ابوظبي") == ("ابوظبي", "ابو ظبي")


def test_quoted_phrases_and_or_alternatives() -> None:
    query = parse('"وزارة الصحة" زلزال OR الفيروسات')
    assert [[n.forms for n in needles] for needles in query] == [[("وزاره الصحه",), ("زلزال",)], [("فيروس",)]]
    assert exact_forms(query) == ["وزاره الصحه", "زلزال", "الفيروسات"]
    assert fts_expression(query, 3) == '(("وزاره الصحه") AND ("زلزال")) OR (("فيروس"))'


def test_forms_too_short_for_trigrams_fall_back_to_like() -> None:
    query = parse("في القدس")
    assert fts_expression(query, 3) is None
    condition, params = like_condition(query, "key", "?")
    assert condition.count("LIKE") == 2 and params == ["%في%", "%قدس%"]


def test_query_syntax_is_only_words() -> None:
    assert parse("OR") == () and parse('*"') == ()
    assert fts_expression(parse('say "hi" NEAR(a b)'), 1) == '(("say") AND ("hi") AND ("near") AND ("a") AND ("b"))'


def test_a_latin_word_also_finds_the_arabic_names_of_the_entities_it_names() -> None:
    from marsad.store.query import name_rows, with_names

    rows = list(name_rows([{"name": "ناصر بوريطة", "name_latin": "Nasser Bourita", "aliases": ["بوريطة"]}]))
    assert sorted(rows) == sorted([("bourita", "ناصر بوريطه"), ("bourita", "بوريطه"), ("nasser", "ناصر بوريطه"),
                                   ("nasser", "بوريطه")])
    names = dict.fromkeys(w for w, _ in rows)
    lookup = {w: [n for x, n in rows if x == w] for w in names}
    query = with_names(parse("Bourita الرباط"), lambda word: lookup.get(word, []))
    assert set(query[0][0].forms) == {"bourita", "ناصر بوريطه", "بوريطه"} and query[0][1].forms == ("رباط",)
