"""Latin names: table-driven cases for the tables, the gloss and the romanisation rules, and the CLDR table."""
from __future__ import annotations

import pytest

from marsad.link.entities import link_entities
from marsad.link.latin import LatinNamer, _namer, known_name, latin_name, resolve_latin_name
from marsad.link.latin_tables import LATIN_DIR, load_tables, read_table
from marsad.link.make_latin_tables import CLDR_FILE, cldr_rows, render
from marsad.link.romanize import romanize_word
from marsad.types import Mention

TABLE_CASES = [
    ("إسرائيل", "GPE", "Israel"),
    ("اسرائيل", "GPE", "Israel"),
    ("المملكة العربية السعودية", "GPE", "Saudi Arabia"),
    ("أمريكا", "GPE", "United States"),
    ("الولايات المتحدة الأمريكية", "GPE", "United States"),
    ("دولة الكويت", "GPE", "Kuwait"),
    ("عمّان", "GPE", "Amman"),  # the shadda tells the city from the country
    ("عمان", "GPE", "Oman"),
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
    ("وزارة الصحة", "ORG", "Ministry of Health"),
    # a title goes with the name after it, first (Gulf universities and hospitals)
    ("جامعة الملك خالد", "ORG", "King Khaled University"),
    ("مستشفى الملك فهد التخصصي", "ORG", "King Fahd Specialist Hospital"),
    ("جامعة الأميرة نورة", "ORG", "Princess Noura University"),
    # a facility with one definite complement: its proper name romanised, a common complement translated
    ("مستشفى النور", "ORG", "Al-Nour Hospital"),
    ("فندق الفردوس", "LOC", "Al-Fardous Hotel"),
    ("مستشفى الأطفال", "ORG", "Children's Hospital"),
    ("مطار القاهرة", "LOC", "Cairo Airport"),
    ("المركز الوطني للثقافة والفنون", "ORG", "National Center of Culture and Arts"),  # nouns joined by `and`
    ("المعهد العالي للعلوم والتقنية", "ORG", "Higher Institute of Sciences and Technology"),
    ("جمعية الأدب والفكر", "ORG", "Association of Literature and Thought"),
    ("الكلية الحربية السورية", "ORG", "Syrian Military College"),
    ("محكمة الجنايات الكبرى", "ORG", "Grand Criminal Court"),  # a pair English names as one unit
    ("أمانة العاصمة المقدسة", "ORG", "Holy Capital Municipality"),
    ("وزارة الداخلية المغربية", "ORG", "Moroccan Ministry of Interior"),
    ("المحكمة الدستورية العليا", "ORG", "Supreme Constitutional Court"),
    ("البنك المركزي المصري", "ORG", "Egyptian Central Bank"),
    ("الجيش السوداني", "ORG", "Sudanese Army"),
    ("الهيئة الوطنية المستقلة للانتخابات", "ORG", "Independent National Elections Authority"),
    ("المجلس الأعلى للأمن القومي", "ORG", "Supreme National Security Council"),
    ("المركز الوطني للبحوث الزراعية في مصر", "ORG", "National Center of Agricultural Research in Egypt"),
    ("وزارة الشؤون الدينية والبحث العلمي", "ORG", "Ministry of Religious Affairs and Scientific Research"),
    ("النقابة الوطنية للمحامين", "ORG", "National Lawyers Syndicate"),
    ("جامعة القاهرة", "ORG", "Cairo University"),
    ("ولاية الخرطوم", "GPE", "Khartoum State"),
    ("محافظة إدلب", "GPE", "Idlib Governorate"),
    ("شمال سوريا", "LOC", "North Syria"),
    ("ميناء الحديدة", "LOC", "Hodeidah Port"),
    # an idafa whose head English names with a preposition: owner adjectives first, `the` before a state noun
    ("وزارة الزراعة المصرية", "ORG", "Egyptian Ministry of Agriculture"),
    ("رئاسة الدولة", "ORG", "Presidency of the State"),
    ("مركز دراسات الطاقة", "ORG", "Center for Energy Studies"),
    ("محكمة الاستئناف", "ORG", "Court of Appeal"),
    ("وزارة الشؤون الخارجية", "ORG", "Ministry of Foreign Affairs"),
]

ROMANIZE_CASES = [
    ("محمود درويش", "Mahmoud Darwish"),
    ("سامي رجب", "Sami Rajab"),  # an Arab's name in its Arabic spelling, not a Turkish namesake's (Recep)
    ("حسين علي الخفاجي", "Hussein Ali al-Khafaji"),  # ...nor a Persian one (Hossein Ali)
    ("خالد الشميمري", "Khaled al-Shumaimri"),
    ("سعد زغلول", "Saad Zaghloul"),
    ("أبو بكر البغدادي", "Abu Bakr al-Baghdadi"),
    ("عبدالرحمن الراشد", "Abdulrahman al-Rashid"),
    ("محمد بن عبد الله", "Mohammed bin Abdullah"),
    ("عبد الكريم الحربي", "Abdelkarim al-Harbi"),
    ("يوسف العمراني", "Youssef al-Amrani"),
    ("سعيد بن سلطان", "Said bin Sultan"),
    ("نور الدين بن عاشور", "Noureddine Ben Achour"),
    ("عبد الرزاق", "Abderrazak"),
    ("عبد الصبور", "Abdelsabour"),
    # family names and nisbas from the tables
    ("فهد العنزي", "Fahd al-Anzi"),
    ("ناصر القحطاني", "Nasser al-Qahtani"),
    # a chain of fathers is bin even when the father's name is not in the tables
    ("سلطان بن جاسر بن حمد", "Sultan bin Jaser bin Hamad"),
    # ...and before a father's name and a family name with the article; a compound's ه is not a woman's name
    ("نايف بن عرار الدوسري", "Nayef bin Arar al-Dosari"),
    ("سعود بن فهد بن جمعة", "Saud bin Fahd bin Jama"),
    ("عبد الله بن محمد الجعيد", "Abdullah bin Mohammed al-Jaid"),
    # Maghrebi names (a family name with Ben or Bou, Ben after a woman's name) take the Maghrebi spelling
    ("خديجة بن يوسف", "Khadija Ben Youssef"),
    ("كمال البوزيدي", "Kamel Bouzidi"),
    # foreign names: common surnames from the tables
    ("روبرت جنكينز", "Robert Jenkins"),
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
    ("مجاهد", "Mujahed"),
    ("شميمري", "Shumaimri"),  # the quadriliteral diminutive fuCayCiC, alone or with the nisba
    ("دغيثر", "Dughaither"),
    ("مطيرفي", "Mutairfi"),
    ("مسيحي", "Masihi"),  # a triliteral with the nisba is not one
    ("فرينكل", "Farinkal"),  # nor a ي before three consonants
    ("حبيبتي", "Habibti"),  # nor a noun with a suffix (my, your)
    ("تازيي", "Taziyi"),
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
    found = LatinNamer(load_tables()).resolve(name, "PER")  # the rules alone, without the attested spellings
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


def test_an_entity_takes_its_latin_name_from_an_alias_the_tables_know() -> None:
    mentions = [Mention("a", 0, 14, "ميليشيا طالبان", "ORG"), Mention("b", 0, 14, "ميليشيا طالبان", "ORG"),
                Mention("c", 0, 6, "طالبان", "ORG")]
    [entity] = link_entities(mentions, latin_name, known_name)
    assert (entity.name, entity.name_latin) == ("ميليشيا طالبان", "Taliban")


def test_framing_names_of_a_body_have_its_official_latin_name() -> None:
    assert known_name("الكيان الغاصب", "GPE") == known_name("إسرائيل", "GPE")
    assert known_name("شرطة الاحتلال", "ORG") == "Israeli police"


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


@pytest.mark.parametrize(("written", "expected"), [
    ("هانس غروندبيرغ", "Hans Grundberg"),  # a long vowel the table's spelling leaves out
    ("جمال عبدالناصر", "Gamal Abdel Nasser"),  # a compound name written as one word
    ("بدر عبدالعاطي", "Badr Abdelatty"),
])
def test_well_known_people_are_found_across_long_vowels_and_splits(written: str, expected: str) -> None:
    assert latin_name(written, "PER") == known_name(written, "PER") == expected


@pytest.mark.parametrize(("written", "famous"), [("قيس سعد", "قيس سعيد"), ("محمد عباس", "محمود عباس"),
                                                ("محمد بن نواف", "محمد بن نايف")])  # namesakes: a father's name
def test_loose_matching_never_turns_one_arabic_name_into_another(written: str, famous: str) -> None:
    assert known_name(famous, "PER") is not None
    assert known_name(written, "PER") is None


@pytest.mark.parametrize(("arabic", "latin"), [
    ("كارينو كاستيلو", "Karino Castillo"),  # a foreign ending: no Arabic vowel guessing (not Kastilou); a name of
    # the Latin-name lexicon the letters spell
    ("أليخاندرو فيرو", "Alejandro Fero"),  # a listed foreign given name; no Arabic article (Al-) in a foreign name
    ("ليندغرين", "Lindgren"),  # found foreign by the detector, then spelled as the pairs list it
    ("فيلدكامب", "Vildkamp"),  # ...or by the back-transliterator (ف as v, no vowel guessed in the ldk cluster)
    ("بوريس فلادكوفا", "Boris Vladkova"),  # ف as v, the Slavic -ova
    ("محمد شتاينبرغ", "Mohammed Steinberg"),  # one foreign word in an Arabic name
])
def test_transcribed_european_names_are_spelt_as_foreign(arabic: str, latin: str) -> None:
    assert latin_name(arabic, "PER") == latin


@pytest.mark.parametrize("arabic", ["عمرو موسى", "عيدروس العيدروس", "حمو بيكا", "خالد الدعدوش", "لؤي الهذلول"])
def test_arabic_names_keep_the_arabic_rules(arabic: str) -> None:
    assert not _namer().romanizer.transcribed(arabic.split())


@pytest.mark.parametrize(("arabic", "country", "latin"), [
    ("عبدالعزيز", None, "Abdulaziz"),  # one given name written as one word: not a whole name among people's labels
    ("عبد الرحمن", None, "Abdulrahman"),
    ("عبدالله", "MA", "Abdallah"),  # ...and the Maghrebi spelling in an outlet of the Maghreb
])
def test_one_compound_given_name_takes_the_given_name_spelling(arabic: str, country: str | None, latin: str) -> None:
    assert latin_name(arabic, "PER", country) == latin


@pytest.mark.parametrize(("arabic", "type_", "latin"), [
    ("هيلتون", "ORG", "Hilton"),  # a transcribed brand: spelled as foreign, not Hayltoun
    ("بوينغ", "ORG", "Boeing"),
    ("كيري", "PER", "Kerry"),  # a surname the foreign pairs list, alone: foreign though too short for the detector
])
def test_transcribed_names_of_any_type_are_spelt_as_foreign(arabic: str, type_: str, latin: str) -> None:
    assert latin_name(arabic, type_) == latin


@pytest.mark.parametrize("arabic", ["الأهلي", "خميس مشيط", "حضرموت", "الهيئة الملكية"])
def test_arabic_bodies_and_places_are_not_read_as_transcribed(arabic: str) -> None:
    from marsad.link.latin import _namer

    assert not _namer().romanizer.transcribed(arabic.split())


@pytest.mark.parametrize(("arabic", "latin"), [
    ("الشركة السعودية للكهرباء", "Saudi Electricity Company"),  # a nisba inside a name: adjective, not country
    ("ألمانيا الشرقية", "East Germany"),  # ...nor a governorate spelled the same (الشرقية)
    ("صندوق التنمية العقارية", "Real Estate Development Fund"),  # words the glossary lacked in SaudiNewsNet's names
    ("قوات النظام السوري", "Syrian Regime Forces"),
    ("ديوان المظالم", "Board of Grievances"),
    ("ميناء الدمام", "Dammam Port"),
    ("حي النخيل", "Al-Nakhil District"),  # a district's name is its proper name, romanised
])
def test_names_of_bodies_read_as_the_english_press_names_them(arabic: str, latin: str) -> None:
    assert latin_name(arabic, "ORG") == latin


def test_a_place_name_first_in_a_name_stays_the_place() -> None:
    assert latin_name("السعودية", "GPE") == "Saudi Arabia"


@pytest.mark.parametrize(("word", "latin"), [
    ("اتحاد", "Ittihad"), ("انتصار", "Intisar"), ("اعتدال", "Itidal"), ("استقلال", "Istiqlal"), ("انتفاضة", "Intifada"),
    ("أنصار", "Ansar"),  # an af'al plural with its hamza is not a derived verbal noun
])
def test_verbal_nouns_of_derived_verbs_take_their_vowels(word: str, latin: str) -> None:
    assert romanize_word(word) == latin


def test_a_club_named_by_a_verbal_noun_keeps_the_article() -> None:
    assert latin_name("الاتفاق", "ORG") == "Al-Ittifaq"


@pytest.mark.parametrize(("arabic", "latin"), [
    ("فيدرر", "Federer"),  # a well-known foreign person's surname alone, from the full name's row
    ("كريم بنزيما", "Karim Benzema"),  # the final -a written with alef where the table has ة
])
def test_well_known_foreign_surnames_are_found_alone_and_across_the_final_vowel(arabic: str, latin: str) -> None:
    assert latin_name(arabic, "PER") == latin


@pytest.mark.parametrize("arabic", ["مقرن", "حسن", "المحيميد"])
def test_an_arabic_name_never_takes_a_famous_foreign_surname(arabic: str) -> None:
    assert resolve_latin_name(arabic, "PER").strategy != "table"


@pytest.mark.parametrize(("arabic", "latin"), [
    ("سكاي نيوز", "Sky News"),  # English words a brand keeps, as the English table lists them
    ("هيومن رايتس ووتش", "Human Rights Watch"),
    ("مجموعة جنرال موتورز", "General Motors Group"),  # ...after a glossed head
    ("بي بي سي", "BBC"),  # names of Latin letters make an acronym
    ("قناة إم بي سي", "MBC Channel"),
])
def test_english_words_and_acronyms_in_names_are_written_in_english(arabic: str, latin: str) -> None:
    assert latin_name(arabic, "ORG") == latin


def test_a_name_with_one_word_of_the_english_table_is_transcribed_whole() -> None:
    assert latin_name("ناشونال جيوغرافيك", "ORG") == "National Geographic"


@pytest.mark.parametrize(("arabic", "country", "latin"), [
    ("حمد بن عشلان", "SA", "Hamad bin Ashlan"),  # a Gulf outlet: بن inside a name is bin, and no Maghrebi spelling
    ("حمد بن عشلان", "TN", "Hamad Ben Achlan"),  # ...a Maghrebi outlet: Ben, the French-style spelling
    ("أسامة بن زيد", "SA", "Osama bin Zaid"),  # a man's name ending in ة: in the Gulf a woman is بنت
    ("بن عاشور", "SA", "Ben Achour"),  # a family name that starts with بن stays Ben everywhere
])
def test_son_particle_follows_the_outlets_country(arabic: str, country: str, latin: str) -> None:
    assert latin_name(arabic, "PER", country) == latin


@pytest.mark.parametrize(("arabic", "type_", "latin"), [
    ("وادي حنيفة", "LOC", "Wadi Hanifa"),  # a generic word the press keeps before the place's own name
    ("بئر ناصر", "GPE", "Bir Nasser"),
    ("وادي حنيفة", "ORG", "Hanifa Valley"),  # not for a body named after it
])
def test_places_keep_their_romanised_generic_word(arabic: str, type_: str, latin: str) -> None:
    assert latin_name(arabic, type_) == latin


@pytest.mark.parametrize(("name", "latin"), [
    ("تمارة", "Temara"),  # the reduced short vowel is e in the Maghreb's French spelling
    ("خنشلة", "Khenchela"),
    ("زغوان", "Zaghouan"),  # ...but a next to غ ح ه ع
    ("وجدة", "Oujda"),  # a bare و that starts a word before a consonant: Ou, no vowel after it
    ("البويرة", "Bouira"),  # no vowel before a consonant ou (and no article before بو)
    ("تافراوت", "Tafraout"),  # no e between a consonant ou and a final consonant
])
def test_a_maghrebi_place_takes_the_french_vowels(name: str, latin: str) -> None:
    assert _namer().romanizer.name(name, person=False, country="MA", place=True) == latin


@pytest.mark.parametrize(("word", "latin"), [("إيهاب", "Ihab"), ("إيغيل", "Ighil"), ("إيفران", "Ifran")])
def test_a_word_that_starts_with_long_i_has_no_y(word: str, latin: str) -> None:
    assert romanize_word(word) == latin


@pytest.mark.parametrize(("name", "latin"), [
    ("وادي غزة", "Wadi Gaza"),  # a town or region the place tables know keeps their spelling after the head
    ("وادي النيل", "Wadi Al-Neil"),  # ...not a river, whose English name is a translation (not Wadi Nile)
])
def test_a_place_head_before_a_known_place(name: str, latin: str) -> None:
    assert latin_name(name, "LOC") == latin


@pytest.mark.parametrize(("name", "type_", "latin"), [
    ("أيت ملول", "GPE", "Ait Meloul"),  # the Amazigh particles as the Maghrebi press writes them
    ("أولاد تايمة", "GPE", "Ouled Tayma"),
])
def test_amazigh_particles_in_a_maghrebi_outlet(name: str, type_: str, latin: str) -> None:
    assert latin_name(name, type_, "MA") == latin


@pytest.mark.parametrize(("name", "latin"), [
    ("عمر أومحمد", "Omar Oumohamed"),  # the Amazigh أو "son of" and the name as spelled alone
    ("عمر أوحسن", "Omar Ouhassan"),
    ("عمر أومبارك", "Omar Oumubarak"),
])
def test_an_amazigh_son_of_name_spells_the_fathers_name_as_alone(name: str, latin: str) -> None:
    assert latin_name(name, "PER", "MA") == latin


@pytest.mark.parametrize(("arabic", "country", "latin"), [
    ("عبدالهادي شرف العبدالمحسن", "SA", "Abdelhadi Sharaf al-Abdulmohsen"),  # the article on a compound given name
    ("سعود العبداللطيف", "KW", "Saud al-Abdellatif"),
    ("طارق العبدالجبار", None, "Tarek al-Abdul Jabbar"),
])
def test_a_family_name_of_the_article_and_a_compound_takes_the_compound_spelling(arabic: str, country: str | None,
                                                                                 latin: str) -> None:
    assert latin_name(arabic, "PER", country) == latin


@pytest.mark.parametrize(("arabic", "type_", "country", "latin"), [
    ("الربوة", "LOC", "SA", "Al-Rabwa"),  # a consonant و before a final ة: -wa, not -oua
    ("الدالوة", "GPE", None, "Al-Dalwa"),
    ("تحالف صحوة مصر", "ORG", "EG", "Egypt Sahwa Alliance"),
])
def test_a_consonant_waw_before_final_ta_marbuta_is_w(arabic: str, type_: str, country: str | None, latin: str) -> None:
    assert latin_name(arabic, type_, country) == latin
    assert latin_name("المروة", "LOC", "MA") == "El Meroua"  # ...but the Maghrebi press's ou stays in the Maghreb


@pytest.mark.parametrize(("arabic", "country", "latin"), [
    ("قيادة خفر السواحل", "SA", "Coast Guard Command"),  # news vocabulary SaudiNewsNet's names left unglossed
    ("متحف التاريخ الطبيعي", "EG", "Natural History Museum"),
    ("الألعاب الأولمبية الشتوية", None, "Winter Olympic Games"),
    ("مستشفى الصحة النفسية", "LB", "Mental Health Hospital"),
    ("اللجنة النسائية", "MA", "Women's Committee"),
])
def test_descriptive_names_of_more_domains_are_glossed(arabic: str, country: str | None, latin: str) -> None:
    assert latin_name(arabic, "ORG", country) == latin


@pytest.mark.parametrize(("arabic", "country", "latin"), [
    ("جورج لوكاس", "SA", "George Lucas"),  # جورج is attested as George: a European name, not an Arabic one
    ("روبرت داوني جونيور", "EG", "Robert Downey Junior"),
    ("جيلبرتو سيلفا", None, "Gilberto Silva"),
])
def test_a_name_with_an_attested_european_given_name_is_spelt_as_foreign(arabic: str, country: str | None,
                                                                          latin: str) -> None:
    assert latin_name(arabic, "PER", country) == latin
    assert latin_name("سامي الجابر", "PER", country) == "Sami Al-Jaber"  # an Arabic name Europe gives too stays
