import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import (
    _FAST_TABLE,
    LONG_TEXT,
    match_key,
    normalize,
    normalize_with_map,
    text_key,
    to_western_digits,
)


@pytest.mark.parametrize("raw, expected", [
    ("إسرائيل", "اسراييل"),
    ("أحمد", "احمد"),
    ("آذار", "اذار"),
    ("مصطفى", "مصطفي"),
    ("القاهرة", "القاهره"),
    ("مُحَمَّد", "محمد"),
    ("الســـلام", "السلام"),
    ("٢٠٢٣", "2023"),
    ("۱۴۰۲", "1402"),
    ("«نعم»", '"نعم"'),
    ("“لا”", '"لا"'),
    ("2٫5", "2.5"),
    ("هل؟", "هل?"),
    ("غانتس،", "غانتس,"),
    ("ABC", "abc"),
    ("\u200fنص", "نص"),
    ("ڤيينا", "فيينا"),
])
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_match_key_drops_punctuation_and_spaces() -> None:
    assert match_key("  «وزارة   الدفاع»، ") == "وزاره الدفاع"


def test_western_digits_keep_length() -> None:
    assert to_western_digits("في ١٢ مارس ٢٠٢٥") == "في 12 مارس 2025"


def test_offsets_map_back_to_original_span() -> None:
    text = "وقّع الوزيرُ «الاتفاقَ» أمس"
    norm = normalize_with_map(text)
    start = norm.text.index("الاتفاق")
    o_start, o_end = norm.to_original(start, start + len("الاتفاق"))
    assert text[o_start:o_end] == "الاتفاق"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_map_agrees_with_normalize_and_stays_in_bounds(text: str) -> None:
    norm = normalize_with_map(text)
    assert norm.text == normalize(text)
    assert len(norm.offsets) == len(norm.text)
    assert all(0 <= o < len(text) for o in norm.offsets)
    assert list(norm.offsets) == sorted(norm.offsets)


@given(st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ َُِّْـ٠١٢٣«»،.")))
def test_each_normalised_char_comes_from_its_original(text: str) -> None:
    norm = normalize_with_map(text)
    for i, ch in enumerate(norm.text):
        assert normalize(text[norm.offsets[i]]) == ch


@given(st.text(min_size=LONG_TEXT, max_size=3 * LONG_TEXT,
               alphabet=st.one_of(st.characters(), st.sampled_from("ابةىأإآؤئ َُِّْـ٠١«»،\u200f\u00a0Aé"))))
def test_a_long_text_is_normalised_as_each_character_is(text: str) -> None:
    """A long text goes through the table as an array: the same string as each character translated, whatever
    the characters (astral ones, lone surrogates, the null character)."""
    assert normalize(text) == "".join(map(normalize, text)) == text.translate(_FAST_TABLE)
    assert normalize(text + "\U0001f600\ud800\x00" * 3) == text.translate(_FAST_TABLE) + "\U0001f600\ud800\x00" * 3


@pytest.mark.parametrize(("text", "key"), [("«قال»:  الوزير،\n\tأمس!", "قال الوزير امس"), (" ... ", ""),
                                           ("a_b 3.5%", "a_b 3 5")])
def test_text_key_joins_words_by_one_space(text: str, key: str) -> None:
    assert text_key(text) == key
