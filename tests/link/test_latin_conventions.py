"""Latin names by the English press's conventions, in the house styles of several countries' outlets (the country
hint: Gulf SA, Egyptian EG, Levantine LB and JO, Maghrebi MA and TN, None for translated copy): adjectives of kind
after a proper name, prefix nouns, Egyptian hamza seats, national federations, honorific epithets, religions and
scriptures, and Ibn starting a name."""
from __future__ import annotations

import pytest

from marsad.link.latin import latin_name

CASES = [
    # an adjective of kind goes between the proper name and the head
    ("مطار الأحساء الإقليمي", "LOC", "SA", "Al-Ahsa Regional Airport"),
    ("مستشفى القطيف المركزي", "ORG", "SA", "Qatif Central Hospital"),
    ("مطار بيروت الدولي", "LOC", "LB", "Beirut International Airport"),
    ("متحف الإسكندرية القومي", "LOC", "EG", "Alexandria National Museum"),
    # a noun of action against something is a prefix bound to its object
    ("هيئة مكافحة الفساد", "ORG", "SA", "Anti-Corruption Authority"),
    ("الوكالة الصينية لمكافحة المنشطات", "ORG", None, "Chinese Anti-Doping Agency"),
    ("المركز الوطني لمكافحة الإرهاب", "ORG", "JO", "National Anti-Terrorism Center"),
    ("إدارة مكافحة المخدرات", "ORG", "LB", "Anti-Narcotics Administration"),
    # the hamza seats of Egyptian print find the glossary's words
    ("وزارة الشئون الاجتماعية", "ORG", "EG", "Ministry of Social Affairs"),
    ("هيئة موانىء البحر الأحمر", "ORG", "EG", "Red Sea Ports Authority"),
    # a national federation, not a union
    ("الاتحاد البرازيلي", "ORG", "SA", "Brazilian Federation"),
    ("الاتحاد المصري", "ORG", "EG", "Egyptian Federation"),
    ("الاتحاد المغربي", "ORG", "MA", "Moroccan Federation"),
    # an honorific epithet after a holy place is left out
    ("المسجد الأقصى المبارك", "LOC", "JO", "Al-Aqsa Mosque"),
    ("المسجد النبوي الشريف", "LOC", "SA", "Prophet's Mosque"),
    # religions and scriptures by their English names
    ("القرآن", "MISC", "EG", "Quran"),
    ("الإسلام", "MISC", "SA", "Islam"),
    # ابن written with its alef starting a name is Ibn in every house style
    ("ابن حزم", "PER", "SA", "Ibn Hazm"),
    ("ابن الهيثم", "PER", "EG", "Ibn al-Haitham"),
    ("ابن زهر", "PER", "MA", "Ibn Zahr"),
]


@pytest.mark.parametrize(("arabic", "type_", "country", "expected"), CASES)
def test_latin_name_follows_the_english_press(arabic: str, type_: str, country: str | None, expected: str) -> None:
    assert latin_name(arabic, type_, country) == expected
