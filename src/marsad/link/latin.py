"""Latin names for entities: the form an English-language newspaper would print for an Arabic name.

An ordered list of named strategies, the first valid result wins (as in dateparser's `_parse`): tables of
well-known names (places, organisations, public figures), a word-by-word gloss of descriptive names
(وزارة الدفاع Defense Ministry), and rule-based romanisation for everything else, people above all.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial

from marsad.extract.ner.gazetteer import load_gazetteer
from marsad.link.gloss import Glosser
from marsad.link.latin_attested import AttestedNames, attested_names
from marsad.link.latin_tables import (
    LATIN_DIR,
    LatinTables,
    g_key,
    key,
    load_tables,
    loose_key,
    marked_key,
    namesake,
    skeleton,
)
from marsad.link.romanize import NameRomanizer, has_arabic
from marsad.resources import MODELS_DIR, column, fields
from marsad.rules import RuleSet
from marsad.text.normalize import fold
from marsad.types import pickled_as_fields

TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
# Words before a country's name in its formal style (دولة قطر، جمهورية مصر العربية) that English drops.
STATE_WORDS = frozenset(map(key, column(MODELS_DIR / "link" / "state_words.tsv")))
# Honorific epithets after a holy place's name that English leaves out (المسجد الأقصى المبارك Al-Aqsa Mosque).
EPITHETS = frozenset(map(key, column(MODELS_DIR / "link" / "epithets.tsv")))
PLACE_HEADS = {key(arabic): latin for arabic, latin in fields(LATIN_DIR / "place_heads.tsv")}
PLACE_TYPES = ("GPE", "LOC")
RULES = RuleSet("latin-names")
RULES.register("place-head", "place-head-known", "epithet-dropped")


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class LatinName:
    """A Latin name and the strategy that gave it (table, gloss, romanize or latin for names already in Latin)."""

    text: str
    strategy: str


class LatinNamer:
    """The strategies, over tables read once."""

    def __init__(self, tables: LatinTables, attested: AttestedNames | None = None) -> None:
        self.tables = tables
        self.romanizer = NameRomanizer(tables, attested)
        # glossing names of places, and of anything else, whose words left to romanise are named so (`from_gloss`)
        self.glossers = {place: Glosser(tables, partial(self.romanizer.name, person=False, place=place),
                                        lambda name, country: self.romanizer.name(name, person=True, country=country))
                         for place in (True, False)}
        self.strategies: list[tuple[str, Callable[[str, str, str | None], str | None]]] = [
            ("latin", self.already_latin),
            ("table", self.from_tables),
            ("gloss", self.from_gloss),
            ("romanize", self.from_rules),
        ]

    def tables_for(self, type_: str) -> tuple[dict[str, str], ...]:
        """The tables to search, the ones for the entity's type first."""
        t = self.tables
        if type_ == "PER":
            return t.people, t.places, t.organizations
        if type_ in ("GPE", "LOC"):
            return t.places, t.organizations, t.people
        return t.organizations, t.places, t.people

    def already_latin(self, name: str, type_: str, country: str | None = None) -> str | None:
        """Names written in Latin letters in the article (NSO) stay as they are."""
        return None if has_arabic(name) else name.strip()

    def from_tables(self, name: str, type_: str, country: str | None = None) -> str | None:
        """A well-known name, as written with its shadda (عمّان Amman), as matched, with the foreign g letters
        folded, without a state word, or without an honorific epithet at its end (`epithets.tsv`)."""
        marked = marked_key(name)
        if marked is not None and marked in self.tables.marked:
            return self.tables.marked[marked]
        candidates = [key(name), g_key(name)]
        first, _, rest = candidates[0].partition(" ")
        if first in STATE_WORDS and rest:
            candidates.append(rest)
        named, _, last = candidates[0].rpartition(" ")
        epithet = named if last in EPITHETS and named else None
        for table in self.tables_for(type_):
            for k in candidates:
                if k in table:
                    return table[k]
            if epithet in table:
                RULES.hit("epithet-dropped")
                return table[epithet]
        if type_ != "PER":
            return None
        return self.loose(name) or self.surname(name)

    def loose(self, name: str) -> str | None:
        """A well-known person met across long vowels and splits (`loose_key`), unless the name is a namesake's."""
        t = self.tables
        found = t.people_loose.get(loose_key(name) or "", ())
        return next((t.people[k] for k in found if not namesake(name, k, t.arabic_names)), None)

    def surname(self, name: str) -> str | None:
        """A well-known foreign person's surname written alone, as outlets spell it (`LatinTables.surnames`): a
        word that reads as transcribed (`NameRomanizer.transcribed`), so that no Arabic name meets a foreign one
        of the same letters (مقرن is not Mogherini)."""
        words = name.split()
        if len(words) != 1 or not self.romanizer.transcribed(words, person=True):
            return None
        return self.tables.surnames.get(skeleton(name))

    def from_gloss(self, name: str, type_: str, country: str | None = None) -> str | None:
        """A descriptive name of organisation, place or thing glossed word by word; a place of two words that starts
        with a generic word the English press keeps romanised (`place_heads.tsv`: وادي حنيفة Wadi Hanifa) is that
        word and the place's own name (`place_name`) instead."""
        if type_ == "PER":
            return None
        words = name.split()
        head = PLACE_HEADS.get(key(words[0])) if type_ in PLACE_TYPES and len(words) == 2 else None
        if head is not None:
            RULES.hit("place-head")
            return f"{head} {self.place_name(words[1], country)}"
        return self.glossers[type_ in PLACE_TYPES].gloss(name, country)

    def place_name(self, word: str, country: str | None) -> str:
        """A place's own name after a generic head: as the place tables spell it when the gazetteer knows it as a
        town or region (وادي درنة Wadi Derna), not a river or sea whose English name is a translation (وادي النيل
        is not Wadi Nile); else romanised."""
        known = self.tables.places.get(key(word)) if load_gazetteer().single(fold(word)) == "GPE" else None
        if known:
            RULES.hit("place-head-known")
            return known
        return self.romanizer.name(word, person=False, country=country, place=True)

    def from_rules(self, name: str, type_: str, country: str | None = None) -> str | None:
        """Romanisation: for a person, the attested spelling of the name or of its parts first; a place named in an
        outlet of the Maghreb spelled the French way."""
        place = type_ in ("GPE", "LOC")
        return self.romanizer.name(name, person=type_ == "PER", country=country, place=place) or None

    def resolve(self, name: str, type_: str, country: str | None = None) -> LatinName:
        """The first strategy's answer for `name`; `country` is the ISO code of the country of the outlets that
        name it, when known."""
        if type_ not in TYPES:
            raise ValueError(f"entity type must be one of {TYPES}, got {type_!r}")
        for strategy, find in self.strategies:
            found = find(name, type_, country)
            if found:
                return LatinName(found, strategy)
        return LatinName(name.strip(), "none")


@lru_cache(maxsize=1)
def _namer() -> LatinNamer:
    return LatinNamer(load_tables(), attested_names())


NameKey = tuple[str, str, str | None]  # (name, type, country)
_RESOLVED: dict[NameKey, LatinName] = {}  # every name this process resolved or was told (`remember_latin_names`)


def resolve_latin_name(name: str, type: str, country: str | None = None) -> LatinName:  # noqa: A002
    """The Latin name of an Arabic entity name with the strategy that produced it (`type` is the schema's word)."""
    found = _RESOLVED.get((name, type, country))
    if found is None:
        found = _RESOLVED[(name, type, country)] = _namer().resolve(name, type, country)
    return found


def remember_latin_names(names: Mapping[NameKey, LatinName]) -> None:
    """Take names resolved by an earlier run of the same code and models, so that they are not resolved again."""
    _RESOLVED.update(names)


def resolved_latin_names() -> dict[NameKey, LatinName]:
    """Every name resolved (or remembered) in this process, to be kept for the next run."""
    return dict(_RESOLVED)


def latin_name(name: str, type: str, country: str | None = None) -> str:  # noqa: A002 - the schema's word
    """The form an English-language newspaper would print for an Arabic entity name of type PER ORG GPE LOC MISC;
    `country`, the ISO code of the outlet's country, gives Maghrebi outlets' names their French-style spelling."""
    return resolve_latin_name(name, type, country).text


def latin_name_in_outlets(named: Iterable[tuple[str, str]], countries: Mapping[str, str]) -> Callable[[str, str], str]:
    """`latin_name` with the country hint of each name: the most frequent country among the outlets of the
    articles that name it. `named` holds (article id, name as written) pairs; `countries` article id -> country."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for article, text in named:
        if article in countries:
            seen[text][countries[article]] += 1
    country_of = {text: counts.most_common(1)[0][0] for text, counts in seen.items()}
    return lambda name, type_: latin_name(name, type_, country_of.get(name))


def known_name(name: str, type: str) -> str | None:  # noqa: A002 - the schema's word
    """The Latin name of an entity our tables know by this name (a gazetteer hit), else None: what
    `resolve_latin_name` gives by its table strategy, asked of the strategies before it and that one only (the
    others, most of resolving's cost, would be spent on a name linking asks about and then names with its outlets'
    country)."""
    resolved = _RESOLVED.get((name, type, None))
    if resolved is not None:
        return resolved.text if resolved.strategy == "table" else None
    for strategy, find in _namer().strategies:
        found = find(name, type, None)
        if strategy == "table":
            return found or None
        if found:  # a strategy before the table answers: no name of the tables
            return None
    return None
