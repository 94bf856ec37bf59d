"""Latin names: table-driven cases for the tables, the gloss and the romanisation rules, and the CLDR table."""
from __future__ import annotations

import pytest

from marsad.link.latin import latin_name, resolve_latin_name
from marsad.link.latin_tables import LATIN_DIR, read_table
from marsad.link.make_latin_tables import CLDR_FILE, cldr_rows, render
from marsad.link.romanize import romanize_word

TABLE_CASES = [
    ("إسرائيل", "GPE", "Israel"),
    ("اسرائيل", "GPE", "Israel"),
    ("المملكة العربية السعودية", "GPE", "Saudi Arabia"),
    ("أمريكا", "GPE", "United States"),
    ("الولايات المتحدة الأمريكية", "GPE", "United States"),
    ("دولة الكويت", "GPE", "Kuwait"),
    ("جمهورية مصر العربية", "GPE", "Egypt"),
    ("تركيا", "GPE", "Turkey"),
    ("ألمانيا", "GPE", "Germany"),
    ("الرباط", "GPE", "Rabat"),
    ("الدار البيضاء", "GPE", "Casablanca"),
    ("جدة", "GPE", "Jeddah"),
    ("صنعاء", "GPE", "Sanaa"),
    ("أم درمان", "GPE", "Omdurman"),
    ("بنغازي", "GPE", "Benghazi"),
    ("بكين", "GPE", "Beijing"),
    ("الضفة الغربية", "LOC", "West Bank"),
    ("البحر الأحمر", "LOC", "Red Sea"),
    ("الأمم المتحدة", "ORG", "United Nations"),
    ("صندوق النقد الدولي", "ORG", "International Monetary Fund"),
    ("رويترز", "ORG", "Reuters"),
    ("فيس بوك", "ORG", "Facebook"),
    ("دونالد ترامب", "PER", "Donald Trump"),
    ("محمد السادس", "PER", "Mohammed VI"),
]

GLOSS_CASES = [
    ("وزارة الصحة", "ORG", "Health Ministry"),
    ("وزارة الداخلية المغربية", "ORG", "Moroccan Interior Ministry"),
    ("المحكمة الدستورية العليا", "ORG", "Supreme Constitutional Court"),
    ("البنك المركزي المصري", "ORG", "Egyptian Central Bank"),
    ("الجيش السوداني", "ORG", "Sudanese Army"),
    ("الهيئة العليا المستقلة للانتخابات", "ORG", "Independent Supreme Elections Authority"),
    ("المجلس الأعلى للأمن القومي", "ORG", "Supreme National Security Council"),
    ("المركز الوطني للبحوث الزراعية في مصر", "ORG", "National Center of Agricultural Research in Egypt"),
    ("وزارة التعليم العالي والبحث العلمي", "ORG", "Higher Education and Scientific Research Ministry"),
    ("النقابة الوطنية للمحامين", "ORG", "National Lawyers Syndicate"),
    ("جامعة القاهرة", "ORG", "Cairo University"),
    ("ولاية الخرطوم", "GPE", "Khartoum State"),
    ("محافظة إدلب", "GPE", "Idlib Governorate"),
    ("شمال سوريا", "LOC", "North Syria"),
    ("ميناء الحديدة", "LOC", "Hodeidah Port"),
]

ROMANIZE_CASES = [
    ("محمود درويش", "Mahmoud Darwish"),
    ("سعد زغلول", "Saad Zaghloul"),
    ("أبو بكر البغدادي", "Abu Bakr al-Baghdadi"),
    ("عبدالرحمن الراشد", "Abdulrahman al-Rashid"),
    ("محمد بن عبد الله", "Mohammed bin Abdullah"),
    ("عبد الكريم الحربي", "Abdelkarim al-Harbi"),
    ("يوسف العمراني", "Youssef al-Amrani"),
    ("سعيد بن سلطان", "Said bin Sultan"),
    ("نور الدين بن عاشور", "Noureddine Ben Ashour"),
    ("عبد الرزاق", "Abderrazak"),
    ("عبد الصبور", "Abdelsabour"),
]

WORD_CASES = [
    ("سلمان", "Salman"),
    ("خالد", "Khaled"),
    ("جعفر", "Jaafar"),
    ("علاء", "Alaa"),
    ("حمزة", "Hamza"),
    ("شعبان", "Shaaban"),
    ("مسعود", "Masoud"),
    ("بوريطة", "Bourita"),
    ("شمّري", "Shammari"),
    ("الشّمّري", "Alshammari"),
]


@pytest.mark.parametrize(("name", "type_", "expected"), TABLE_CASES)
def test_well_known_names_come_from_the_tables(name: str, type_: str, expected: str) -> None:
    found = resolve_latin_name(name, type_)
    assert (found.text, found.strategy) == (expected, "table")


@pytest.mark.parametrize(("name", "type_", "expected"), GLOSS_CASES)
def test_descriptive_names_are_glossed_in_english_order(name: str, type_: str, expected: str) -> None:
    found = resolve_latin_name(name, type_)
    assert (found.text, found.strategy) == (expected, "gloss")


@pytest.mark.parametrize(("name", "expected"), ROMANIZE_CASES)
def test_people_are_romanised_by_rule(name: str, expected: str) -> None:
    found = resolve_latin_name(name, "PER")
    assert (found.text, found.strategy) == (expected, "romanize")


@pytest.mark.parametrize(("word", "expected"), WORD_CASES)
def test_short_vowels_are_guessed(word: str, expected: str) -> None:
    assert romanize_word(word) == expected


@pytest.mark.parametrize(("a", "b"), [("سعيّد", "سعيد"), ("إبراهيم", "ابراهيم"), ("فاطمة", "فاطمه"), ("عيسى", "عيسي")])
def test_spelling_variants_reach_the_same_entry(a: str, b: str) -> None:
    assert latin_name(a, "PER") == latin_name(b, "PER")


def test_foreign_g_spellings_reach_the_same_entry() -> None:
    assert latin_name("بيني جانتس", "PER") == latin_name("بيني غانتس", "PER") == "Benny Gantz"


def test_foreign_names_skip_the_arabic_vowel_guesses() -> None:
    assert latin_name("جون بلينكن", "PER") == "John Blinken"


def test_names_in_latin_letters_are_kept() -> None:
    assert resolve_latin_name("Forbidden Stories", "ORG").strategy == "latin"
    assert latin_name("ميراج 2000", "MISC").endswith(" 2000")


def test_unknown_type_is_refused() -> None:
    with pytest.raises(ValueError, match="PERSON"):
        latin_name("محمد", "PERSON")


@pytest.mark.parametrize("path", sorted(LATIN_DIR.glob("*.tsv")), ids=lambda p: p.name)
def test_tables_are_well_formed(path) -> None:  # type: ignore[no-untyped-def]
    assert read_table(path)


def test_cldr_table_matches_a_fresh_build() -> None:
    pytest.importorskip("babel")
    assert render(cldr_rows()) == CLDR_FILE.read_text(encoding="utf-8")
