"""The name tables behind Latin names, read once from `marsad/models/latin/*.tsv` (Arabic<TAB>Latin).

Every key is the matching form of the Arabic (`match_key`: hamza, alef, ya and ta marbuta variants folded), so
إسرائيل and اسرائيل, سعيّد and سعيد reach one entry. Foreign names also get a second key with ج/غ/ق folded,
because outlets write the foreign g each their own way (غانتس, جانتس). People of two words or more also get a
loose key (`loose_key`), since outlets also differ in long vowels and in where a compound name splits (فولكر
بيرتس, فولكر بيرتيس; عبد اللهيان, عبداللهيان).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.resources import fields
from marsad.text.normalize import DIACRITICS, TATWEEL, match_key

LATIN_DIR = Path(__file__).resolve().parent.parent / "models" / "latin"
_G_CLASS = str.maketrans({"ج": "غ", "ق": "غ"})

Table = dict[str, str]


def key(text: str) -> str:
    """The lookup form of an Arabic name."""
    return match_key(text)


SHADDA = "\u0651"


def marked_key(text: str) -> str | None:
    """The written form with its shadda and without other marks, for a name whose shadda tells it from a
    homograph (عمّان Amman, عمان Oman); None for a name without one."""
    if SHADDA not in text:
        return None
    return "".join(ch for ch in text.strip() if ch == SHADDA or ch not in DIACRITICS and ch != TATWEEL)


def g_key(text: str) -> str:
    """The lookup form with the letters used for a foreign g (ج غ ق) made one."""
    return key(text).translate(_G_CLASS)


_LONG_VOWELS = str.maketrans("", "", "اوي")
LOOSE_MIN_LETTERS = 4  # a shorter rest is an Arabic name whose vowels tell names apart (سعد, سعيد; حسن, حسين)


def loose_key(text: str) -> str | None:
    """The g-folded first word, then the rest without spaces and without long vowels after its first letter; None
    for a one-word name or a short rest (too little to match loosely). The first word stays exact, so محمد and
    محمود never meet."""
    first, _, rest = g_key(text).partition(" ")
    rest = "".join(w[:-1] if len(w) > 3 and w.endswith("ه") else w for w in rest.split())
    folded = rest[:1] + rest[1:].translate(_LONG_VOWELS)
    return f"{first} {folded}" if len(folded) >= LOOSE_MIN_LETTERS else None


def skeleton(word: str) -> str:
    """One word's g-folded matching form with a final ه (ta marbuta) written as alef, so that outlets' spellings of
    one foreign surname meet (بنزيمة, بنزيما; جالانت, غالانت). Long vowels stay: they tell foreign names apart
    (بارنز Barnes, بيرنز Burns)."""
    k = g_key(word)
    return k[:-1] + "ا" if k.endswith("ه") else k


def strip_article(word_key: str) -> str:
    """A matching-form word without its article (الخرطوم -> خرطوم); short words are left alone."""
    return word_key[2:] if word_key.startswith("ال") and len(word_key) > 3 else word_key


def read_table(path: Path) -> Table:
    """Rows of an Arabic<TAB>Latin table (`marsad.resources` format) by key; the first row for a key wins."""
    table: Table = {}
    for arabic, latin in fields(path):
        table.setdefault(key(arabic), latin.strip())
    return table


def _with_g_keys(table: Table) -> Table:
    """`table` plus its entries under their g-folded keys (the exact key still wins)."""
    folded = {k.translate(_G_CLASS): v for k, v in table.items()}
    return {**folded, **table}


@dataclass(frozen=True, slots=True)
class LatinTables:
    """Well-known names; given names (Arabic, Maghrebi spellings, foreign with common foreign surnames) and family
    names; news vocabulary with the keys of its nationality adjectives; regnal ordinals."""

    places: Table
    organizations: Table
    people: Table
    given: Table
    family: Table
    maghrebi: Table
    foreign: Table
    glossary: Table
    nationalities: frozenset[str]
    regnal: Table
    people_loose: dict[str, tuple[str, ...]]  # loose key -> the keys of the people it stands for
    arabic_names: frozenset[str]  # the one-word given, family and Maghrebi names, g-folded (`namesake`)
    marked: Table  # well-known names written with a shadda, under `marked_key`
    surnames: Table  # the last word of well-known people, under its `skeleton`, when it is not an Arabic name


def _loose(table: Table) -> dict[str, tuple[str, ...]]:
    """The keys of `table` under their loose keys; a loose key two entries with different names share is left out."""
    loose: dict[str, dict[str, str]] = {}
    for k, v in table.items():
        if (lk := loose_key(k)) is not None:
            loose.setdefault(lk, {})[k] = v
    return {lk: tuple(keys) for lk, keys in loose.items() if len(set(keys.values())) == 1}


def namesake(written: str, entry: str, arabic_names: frozenset[str]) -> bool:
    """Whether a name `written` that meets a table `entry` loosely has a word of the Arabic name tables the entry
    does not have: a namesake (محمد بن نواف is not محمد بن نايف), not the same person spelled with other long vowels
    or split elsewhere (جمال عبدالناصر is جمال عبد الناصر)."""
    joined = g_key(entry).replace(" ", "")
    return any(w in arabic_names and w not in joined for w in g_key(written).split()[1:])


def _surnames(people: Table, arabic_names: set[str]) -> Table:
    """The surname of each well-known person whose Arabic and Latin names have as many words, under the `skeleton`
    of its last Arabic word, for one written alone (بنزيما Benzema); left out: a word of the Arabic name tables
    or with the article (an Arabic name), a skeleton too short to tell names apart, one two people's names share."""
    found: dict[str, set[str]] = {}
    for arabic, latin in people.items():
        words, latin_words = arabic.split(), latin.split()
        last = strip_article(words[-1])
        if len(words) != len(latin_words) or last in arabic_names or last != words[-1]:
            continue
        if len(sk := skeleton(words[-1])) >= LOOSE_MIN_LETTERS:
            found.setdefault(sk, set()).add(latin_words[-1])
    return {sk: next(iter(names)) for sk, names in found.items() if len(names) == 1}


def _marked(folder: Path, names: tuple[str, ...]) -> Table:
    """The rows of the named tables whose Arabic has a shadda, under their marked key; the first row wins."""
    table: Table = {}
    for name in names:
        for arabic, latin in fields(folder / f"{name}.tsv"):
            if (k := marked_key(arabic)) is not None:
                table.setdefault(k, latin.strip())
    return table


@lru_cache(maxsize=1)
def load_tables(folder: Path = LATIN_DIR) -> LatinTables:
    """Read every table once per process; hand-written places take precedence over the CLDR ones."""
    def read(name: str) -> Table:
        return read_table(folder / f"{name}.tsv")

    nationalities = read("nationalities")
    people = read("people")
    given, family, maghrebi = read("given_names"), read("family_names"), read("maghrebi_names")
    arabic_names = frozenset(g_key(k) for table in (given, family, maghrebi) for k in table if " " not in k)
    return LatinTables(
        places=_with_g_keys({**read("cldr"), **read("places")}),
        organizations=_with_g_keys(read("organizations")),
        people=_with_g_keys(people),
        given=given,
        family=family,
        maghrebi=maghrebi,
        foreign=_with_g_keys({**read("foreign_surnames"), **read("foreign_names")}),
        glossary={**nationalities, **read("glossary")},
        nationalities=frozenset(nationalities),
        regnal=read("regnal"),
        people_loose=_loose(people),
        arabic_names=arabic_names,
        marked=_marked(folder, ("places", "cldr", "organizations", "people")),
        surnames=_surnames(people, {*given, *family, *maghrebi}),
    )
