"""Latin names by the English press's conventions, in the house styles of several countries' outlets
(`latin_conventions.tsv`): adjectives of kind after a proper name, prefix nouns, Egyptian hamza seats, national
federations, honorific epithets, religions and scriptures, Ibn starting a name, sports clubs, states of federations and
transcribed names spelled as names of the Latin-name lexicon."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.link.latin import latin_name
from marsad.resources import fields

CASES = list(fields(Path(__file__).parent / "latin_conventions.tsv"))


@pytest.mark.parametrize(("arabic", "type_", "country", "expected"), CASES)
def test_latin_name_follows_the_english_press(arabic: str, type_: str, country: str, expected: str) -> None:
    assert latin_name(arabic, type_, None if country == "-" else country) == expected
